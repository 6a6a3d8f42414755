// Leaderboard reads over 1,000,000 stored answers (100,000 finished attempts of
// 10 answers: practice players, plus a 2,000-player class), through HTTP on a
// production server on SQLite. Target: p50 under 10 ms.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Agent, request } from "undici";
import { DEFAULT_ASSIGNMENT_SETTINGS } from "../lib/play/settings";
import { migrate } from "../scripts/migrate.mjs";
import { ensureBuild, startServer } from "../support/server";
import { percentile } from "../support/stats";
import type { BenchRow } from "./measure";

const ATTEMPTS = Number(process.env.LEADERBOARD_ATTEMPTS) || 100_000;
const ANSWERS_PER_ATTEMPT = 10;
const CLASS_SIZE = 2000;

function seed(file: string): void {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const settings = JSON.stringify({ ...DEFAULT_ASSIGNMENT_SETTINGS, count: 10 });
  db.prepare(
    `INSERT INTO "Assignment" ("id", "code", "title", "topic", "settings", "createdAt") VALUES ('lbclass', 'NQT479', 'Big class', 'kazakhstan-2022', ?, ?)`,
  ).run(settings, iso(Date.now()));
  const player = db.prepare(`INSERT INTO "Player" ("id", "nickname", "secretHash", "createdAt") VALUES (?, ?, '', ?)`);
  const attempt = db.prepare(
    `INSERT INTO "Attempt" ("id", "playerId", "topic", "mode", "assignmentId", "seed", "settings", "status", "score", "correctCount", "answeredCount", "questionCount", "startedAt", "finishedAt")
     VALUES (?, ?, 'kazakhstan-2022', ?, ?, 1, ?, 'finished', ?, ?, 10, 10, ?, ?)`,
  );
  const question = db.prepare(
    `INSERT INTO "AttemptQuestion" ("id", "attemptId", "position", "questionId", "question", "servedAt") VALUES (?, ?, ?, 'q', '{}', ?)`,
  );
  const answer = db.prepare(
    `INSERT INTO "Answer" ("id", "attemptId", "attemptQuestionId", "response", "correct", "credit", "points", "elapsedMs", "detail", "createdAt") VALUES (?, ?, ?, '"a"', ?, ?, ?, 1000, '{}', ?)`,
  );
  const now = Date.now();
  let rng = 42;
  const random = () => (rng = (rng * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const insert = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const inClass = i < CLASS_SIZE;
      const started = now - Math.floor(random() * 30 * 86_400_000);
      player.run(`p${i}`, `Player ${i}`, iso(started));
      let score = 0;
      let correct = 0;
      const rowsForAnswers: [boolean, number][] = [];
      for (let k = 0; k < ANSWERS_PER_ATTEMPT; k++) {
        const ok = random() < 0.6;
        const points = ok ? 500 + Math.floor(random() * 500) : 0;
        score += points;
        correct += ok ? 1 : 0;
        rowsForAnswers.push([ok, points]);
      }
      attempt.run(
        `a${i}`,
        `p${i}`,
        inClass ? "assigned" : "practice",
        inClass ? "lbclass" : null,
        settings,
        score,
        correct,
        iso(started),
        iso(started + 300_000),
      );
      rowsForAnswers.forEach(([ok, points], k) => {
        question.run(`q${i}_${k}`, `a${i}`, k, iso(started));
        answer.run(`x${i}_${k}`, `a${i}`, `q${i}_${k}`, ok ? 1 : 0, ok ? 1 : 0, points, iso(started));
      });
    }
  });
  for (let i = 0; i < ATTEMPTS; i += 5000) insert(i, Math.min(ATTEMPTS, i + 5000));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
}

export async function benchLeaderboard(): Promise<BenchRow[]> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-lb-"));
  const file = path.join(dir, "lb.db");
  const databaseUrl = `file:${file}`;
  migrate({ ...process.env, DATABASE_URL: databaseUrl });
  const t0 = performance.now();
  seed(file);
  console.error(
    `leaderboard: seeded ${ATTEMPTS * ANSWERS_PER_ATTEMPT} answers in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  const server = await startServer(databaseUrl, 3321);
  const dispatcher = new Agent({ connections: 1 });
  try {
    const read = async (p: string, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n + 20; i++) {
        const start = performance.now();
        const res = await request(`${server.url}${p}`, { dispatcher });
        const body = (await res.body.json()) as { entries: unknown[] };
        if (res.statusCode !== 200 || body.entries.length === 0) throw new Error(`${p}: ${res.statusCode}`);
        if (i >= 20) times.push(performance.now() - start);
      }
      return times;
    };
    const out: BenchRow[] = [];
    for (const [label, p] of [
      ["class board (2,000 players)", "/api/leaderboards/NQT479"],
      ["practice board, all time", "/api/leaderboards/practice?period=all"],
      ["practice board, this week", "/api/leaderboards/practice?period=week"],
    ] as const) {
      const times = await read(p, 200);
      const note = `${(ATTEMPTS * ANSWERS_PER_ATTEMPT).toLocaleString("en")} answers stored; HTTP, one connection, 200 reads`;
      out.push({
        benchmark: `leaderboard read: ${label}`,
        metric: "p50",
        value: percentile(times, 50),
        unit: "ms",
        target: "< 10 ms",
        ok: percentile(times, 50) < 10,
        note,
      });
      out.push({ benchmark: `leaderboard read: ${label}`, metric: "p99", value: percentile(times, 99), unit: "ms" });
    }
    return out;
  } finally {
    await dispatcher.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
