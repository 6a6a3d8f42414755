// The 2,000-player burst (Kahoot's largest plan size) on SQLite with one server,
// and on PostgreSQL with two app processes sharing it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeBurstAgent, runBurst, type BurstResult } from "../support/burst";
import { adminQuery, postgresAvailable, uniqueDatabaseName, withDatabase } from "../support/postgres-admin";
import { ensureBuild, startServer } from "../support/server";
import type { BenchRow } from "./measure";

const PLAYERS = Number(process.env.BURST_PLAYERS) || 2000;
const WARM_UP_PLAYERS = 200;
const COLD = "cold: servers just started (start-up warm-up only)";
const WARM = `warm: after a ${WARM_UP_PLAYERS}-player burst`;

/**
 * A small burst on its own assignment. A fresh server compiles and optimises the answer
 * path on its first requests (on PostgreSQL here, before the start-up warm-up, the first
 * 2,000-answer wave against just-started servers had p99 3–4 s and later waves 0.1–0.3 s).
 * Each burst is measured twice: cold, on servers that have just started (and warmed up
 * at start-up only: lib/server/warm-up.ts, scripts/warm-routes.mjs), then warm, after this.
 */
async function warmUp(urls: string[], databaseUrl: string, code: string): Promise<BenchRow[]> {
  const r = await runBurst({
    players: WARM_UP_PLAYERS,
    questions: 5,
    windowMs: 2000,
    urls,
    databaseUrl,
    code,
    log: () => {},
  });
  const errors = r.joinErrors + r.answerErrors;
  // A failed warm-up is a result, not the end of the run: the warm burst is measured anyway.
  return errors
    ? [
        {
          benchmark: "burst warm-up",
          metric: `${WARM_UP_PLAYERS}-player burst: errors`,
          value: errors,
          unit: "",
          target: "0",
          ok: false,
          note: r.errorSamples.slice(0, 3).join(" | ").slice(0, 200),
        },
      ]
    : [];
}

function rows(label: string, r: BurstResult, when: string): BenchRow[] {
  const errors = r.joinErrors + r.answerErrors;
  return [
    {
      benchmark: `burst ${label}`,
      metric: "errors",
      value: errors,
      unit: "",
      target: "0",
      ok: errors === 0,
      note: `${r.joinErrors} joins, ${r.answerErrors} answers; ${r.errorSamples.slice(0, 3).join(" | ")}`.slice(0, 200),
    },
    {
      benchmark: `burst ${label}`,
      metric: "answers acknowledged / stored",
      value: r.acknowledged,
      unit: `/ ${r.storedForAcknowledged}`,
      target: "equal",
      ok: r.acknowledged === r.storedForAcknowledged && r.storedTotal === r.acknowledged,
    },
    { benchmark: `burst ${label}`, metric: "answer latency p50", value: r.answerP50, unit: "ms" },
    {
      benchmark: `burst ${label}`,
      metric: "answer latency p99",
      value: r.answerP99,
      unit: "ms",
      target: "< 1000 ms",
      ok: r.answerP99 < 1000,
      note: `${when}; max ${r.answerMax.toFixed(0)} ms`,
    },
    {
      benchmark: `burst ${label}`,
      metric: "leaderboard = recomputed from stored answers",
      value: r.leaderboardChecked,
      unit: "rows compared",
      target: "match",
      ok: r.leaderboardMatches,
    },
  ];
}

export async function benchBurst(): Promise<BenchRow[]> {
  ensureBuild();
  const out: BenchRow[] = [];
  const log = (line: string) => console.error(`  ${line}`);
  const shape = { players: PLAYERS, questions: 5, windowMs: 5000, log };

  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-burst-"));
  const sqliteUrl = `file:${path.join(dir, "burst.db")}`;
  console.error(`burst: ${PLAYERS} players on SQLite, one server…`);
  const port = Number(process.env.BENCH_BURST_PORT) || 3311;
  const server = await startServer(sqliteUrl, port);
  try {
    const label = `${PLAYERS} players, SQLite, 1 server`;
    const urls = [server.url];
    out.push(
      ...rows(`${label}, cold`, await runBurst({ ...shape, urls, databaseUrl: sqliteUrl, code: "CQD479" }), COLD),
    );
    out.push(...(await warmUp(urls, sqliteUrl, "CQD47C")));
    out.push(
      ...rows(`${label}, warm`, await runBurst({ ...shape, urls, databaseUrl: sqliteUrl, code: "CQD749" }), WARM),
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const pgServer =
    process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  if (!(await postgresAvailable(pgServer))) {
    out.push({
      benchmark: `burst ${PLAYERS} players, PostgreSQL, 2 servers`,
      metric: "not run",
      value: NaN,
      unit: "",
      note: `no PostgreSQL at ${new URL(pgServer).host} (set BENCH_POSTGRES_URL)`,
    });
  } else {
    const name = uniqueDatabaseName("fact_trail_burst");
    await adminQuery(pgServer, `CREATE DATABASE "${name}"`);
    const databaseUrl = withDatabase(pgServer, name);
    console.error(`burst: ${PLAYERS} players on PostgreSQL, two servers…`);
    const a = await startServer(databaseUrl, port + 1);
    const b = await startServer(databaseUrl, port + 2);
    try {
      const label = `${PLAYERS} players, PostgreSQL, 2 servers`;
      const urls = [a.url, b.url];
      out.push(...rows(`${label}, cold`, await runBurst({ ...shape, urls, databaseUrl, code: "CQP479" }), COLD));
      out.push(...(await warmUp(urls, databaseUrl, "CQP47C")));
      out.push(...rows(`${label}, warm`, await runBurst({ ...shape, urls, databaseUrl, code: "CQP749" }), WARM));
    } finally {
      await a.stop();
      await b.stop();
      await adminQuery(pgServer, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  await closeBurstAgent();
  return out;
}
