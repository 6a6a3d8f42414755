// Load and faults, small enough for every `npm test` (the full 2,000-player
// burst is `npm run bench -- --only burst`):
//  - a 100-player burst against the e2e server (SQLite): no errors, every
//    acknowledged answer stored, the leaderboard equal to one recomputed from the database;
//  - SIGKILL in the middle of a burst: after a restart every acknowledged answer
//    is there, SQLite's integrity check passes, and the interrupted players resume;
//  - two app instances on one PostgreSQL: an answer on one shows on the other's leaderboard.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { answer, closeBurstAgent, openSql, runBurst, serve, verifyBurst } from "../../support/burst";
import { adminQuery, uniqueDatabaseName, withDatabase } from "../../support/postgres-admin";
import { startServer } from "../../support/server";
import { extraPort } from "./helpers";

test.describe.configure({ mode: "serial" });
test.afterAll(async () => closeBurstAgent());

test("a 100-player burst: no errors, every acknowledged answer stored, the leaderboard recomputes", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const result = await runBurst({
    urls: [baseURL!],
    databaseUrl: `file:${process.env.E2E_DATABASE_FILE}`,
    players: 100,
    questions: 5,
    windowMs: 2000,
    code: "CMT479",
  });
  expect(result.errorSamples).toEqual([]);
  expect(result.joinErrors + result.answerErrors).toBe(0);
  expect(result.acknowledged).toBe(500);
  expect(result.storedForAcknowledged).toBe(500);
  expect(result.storedTotal).toBe(500);
  expect(result.leaderboardMatches).toBe(true);
  expect(result.leaderboardChecked).toBe(100);
});

test("SIGKILL mid-burst: acknowledged answers survive, the file is sound, players resume", async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-kill-"));
  const file = path.join(dir, "kill.db");
  const databaseUrl = `file:${file}`;
  const port = extraPort(11);
  let server = await startServer(databaseUrl, port);
  try {
    const result = await runBurst({
      urls: [server.url],
      databaseUrl,
      players: 200,
      questions: 3,
      windowMs: 3000,
      code: "KQT479",
      // Halfway through the second question's answers, the process is killed without warning.
      during: {
        question: 1,
        afterMs: 1500,
        run: async () => {
          server.process.kill("SIGKILL");
          await new Promise((r) => server.process.once("exit", r));
        },
      },
    });
    expect(result.players).toBe(200);
    // Some answers were cut off by the kill (those are errors the players would retry)…
    expect(result.answerErrors).toBeGreaterThan(0);
    expect(result.acknowledged).toBeGreaterThan(200);

    server = await startServer(databaseUrl, port);
    const sql = await openSql(databaseUrl);
    try {
      // …but every answer the server acknowledged is in the database.
      const verified = await verifyBurst(sql, server.url, "KQT479", result.acked);
      expect(verified.storedForAcknowledged).toBe(result.acknowledged);
      expect(verified.storedTotal).toBeGreaterThanOrEqual(result.acknowledged);
      expect(verified.leaderboardMatches).toBe(true);
    } finally {
      await sql.close();
    }
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    const storedPerAttempt = new Map(
      (
        raw.prepare(`SELECT "attemptId", COUNT(*) AS n FROM "Answer" GROUP BY "attemptId"`).all() as {
          attemptId: string;
          n: number;
        }[]
      ).map((r) => [r.attemptId, r.n]),
    );
    raw.close();

    // Every interrupted player resumes the same attempt at the next unanswered question, and can answer it.
    for (const player of result.joined) {
      const served = await serve(server.url, player);
      expect(served.position).toBe(storedPerAttempt.get(player.attemptId) ?? 0);
      const res = await answer(server.url, player, served, player.index);
      expect(res.status).toBe(200);
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("two app instances on one PostgreSQL: an answer on one appears on the other's leaderboard", async () => {
  test.setTimeout(180_000);
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) {
    expect(process.env.CI, "CI must run the multi-instance test: set TEST_POSTGRES_URL").toBeFalsy();
    test.skip(true, "PostgreSQL not configured (TEST_POSTGRES_URL): the multi-instance test needs it");
    return;
  }
  const name = uniqueDatabaseName("fact_trail_multi");
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabase(serverUrl, name);
  const a = await startServer(databaseUrl, extraPort(21));
  const b = await startServer(databaseUrl, extraPort(22));
  try {
    // A burst spread over both instances, verified from the database and from instance A's board.
    // 60 players, so the board (top 100) has room for everyone, including the player below.
    const result = await runBurst({
      urls: [a.url, b.url],
      databaseUrl,
      players: 60,
      questions: 3,
      windowMs: 2000,
      code: "MQT479",
    });
    expect(result.errorSamples).toEqual([]);
    expect(result.storedForAcknowledged).toBe(180);
    expect(result.leaderboardMatches).toBe(true);

    // One player answers only on A; B's leaderboard shows them.
    const joined = await fetch(`${a.url}/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.99.0.1" },
      body: JSON.stringify({ code: "MQT479", nickname: "Only On A" }),
    });
    expect(joined.status).toBe(201);
    const player = {
      index: 99_999,
      nickname: "Only On A",
      cookie: joined.headers.get("set-cookie")!.split(";")[0]!,
      attemptId: ((await joined.json()) as { attemptId: string }).attemptId,
    };
    for (let q = 0; q < 3; q++) {
      const served = await serve(a.url, player);
      expect((await answer(a.url, player, served, q)).status).toBe(200);
    }
    const board = (await (await fetch(`${b.url}/api/leaderboards/MQT479`)).json()) as {
      entries: { nickname: string }[];
    };
    expect(board.entries).toHaveLength(61);
    expect(board.entries.map((e) => e.nickname)).toContain("Only On A");
    // And B serves A's player the finished attempt's results: sessions are not tied to an instance.
    const results = await fetch(`${b.url}/api/attempts/${player.attemptId}/results`, {
      headers: { cookie: player.cookie },
    });
    expect(results.status).toBe(200);
  } finally {
    await a.stop();
    await b.stop();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});
