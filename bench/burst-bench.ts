// The 2,000-player burst (Kahoot's largest plan size) on SQLite with one server,
// and on PostgreSQL with two app processes sharing it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeBurstAgent, runBurst, type BurstResult } from "./burst";
import type { BenchRow } from "./measure";
import { ensureBuild, startServer } from "./server";

const PLAYERS = Number(process.env.BURST_PLAYERS) || 2000;

function rows(label: string, r: BurstResult): BenchRow[] {
  const errors = r.joinErrors + r.answerErrors;
  return [
    { benchmark: `burst ${label}`, metric: "errors", value: errors, unit: "", target: "0", ok: errors === 0, note: r.errorSamples[0]?.slice(0, 80) },
    {
      benchmark: `burst ${label}`,
      metric: "answers acknowledged / stored",
      value: r.acknowledged,
      unit: `/ ${r.storedForAcknowledged}`,
      target: "equal",
      ok: r.acknowledged === r.storedForAcknowledged && r.storedTotal === r.acknowledged,
    },
    { benchmark: `burst ${label}`, metric: "answer latency p50", value: r.answerP50, unit: "ms" },
    { benchmark: `burst ${label}`, metric: "answer latency p99", value: r.answerP99, unit: "ms", target: "< 1000 ms", ok: r.answerP99 < 1000 },
    { benchmark: `burst ${label}`, metric: "leaderboard = recomputed from stored answers", value: r.leaderboardChecked, unit: "rows compared", target: "match", ok: r.leaderboardMatches },
  ];
}

async function postgresAvailable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function benchBurst(): Promise<BenchRow[]> {
  ensureBuild();
  const out: BenchRow[] = [];
  const log = (line: string) => console.error(`  ${line}`);
  const shape = { players: PLAYERS, questions: 5, windowMs: 5000, log };

  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-burst-"));
  const sqliteUrl = `file:${path.join(dir, "burst.db")}`;
  console.error(`burst: ${PLAYERS} players on SQLite, one server…`);
  const server = await startServer(sqliteUrl, 3311);
  try {
    out.push(...rows(`${PLAYERS} players, SQLite, 1 server`, await runBurst({ ...shape, urls: [server.url], databaseUrl: sqliteUrl, code: "CQD479" })));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const pgServer = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  if (!(await postgresAvailable(pgServer))) {
    out.push({ benchmark: `burst ${PLAYERS} players, PostgreSQL, 2 servers`, metric: "not run", value: NaN, unit: "", note: `no PostgreSQL at ${new URL(pgServer).host} (set BENCH_POSTGRES_URL)` });
  } else {
    const name = `fact_trail_burst_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: pgServer });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(pgServer);
    u.pathname = `/${name}`;
    const databaseUrl = u.toString();
    console.error(`burst: ${PLAYERS} players on PostgreSQL, two servers…`);
    const a = await startServer(databaseUrl, 3312);
    const b = await startServer(databaseUrl, 3313);
    try {
      out.push(...rows(`${PLAYERS} players, PostgreSQL, 2 servers`, await runBurst({ ...shape, urls: [a.url, b.url], databaseUrl, code: "CQP479" })));
    } finally {
      await a.stop();
      await b.stop();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
  await closeBurstAgent();
  return out;
}
