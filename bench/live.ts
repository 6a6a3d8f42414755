// `npm run bench -- --only live`: the live game with N players' event streams held open
// (LIVE_PLAYERS, default 2,000; 10,000 is the stretch; LIVE_QUESTIONS, default 5), in two
// modes (LIVE_MODE: "sqlite", "postgres" or both, the default): one production server on
// SQLite, and two on PostgreSQL with the players split over both and the host on the first
// (the instances talk through LISTEN/NOTIFY). The teacher and the game are made in-process on
// the servers' database (as the host's pages would); the host's moves and everything the
// players do go over HTTP. Memory and file descriptors are sampled once every stream is open.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../lib/config.mjs";
import { closeContext, createContext } from "../lib/server/context";
import { hostLiveGame } from "../lib/server/live/games";
import { signUp } from "../lib/server/teacher/accounts";
import { runLiveLoad } from "../support/live-load";
import { adminQuery, postgresAvailable, uniqueDatabaseName, withDatabase } from "../support/postgres-admin";
import { ensureBuild, startServer, type RunningServer } from "../support/server";
import type { BenchRow } from "./measure";

const PLAYERS = Number(process.env.LIVE_PLAYERS) || 2000;
const QUESTIONS = Number(process.env.LIVE_QUESTIONS) || 5;
const MODES = (process.env.LIVE_MODE || "sqlite,postgres").split(",").map((m) => m.trim());

function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.replace(/\D/g, "") ?? NaN);
}

const openFds = (pid: number | "self") => readdirSync(`/proc/${pid}/fd`).length;

/** The open-files limit of a process: [soft, hard] ("unlimited" as Infinity). */
function fdLimit(pid: number | "self"): [number, number] {
  const line = readFileSync(`/proc/${pid}/limits`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"))!;
  const [soft, hard] = line
    .slice("Max open files".length)
    .trim()
    .split(/\s+/)
    .map((v) => (v === "unlimited" ? Infinity : Number(v)));
  return [soft!, hard!];
}

/**
 * Each stream is a socket in the driver and in a server: this process and the servers it
 * starts need `needed` open files each. Node raises its own soft limit to the hard one as it
 * starts (src/node.cc), and the servers inherit it; a hard limit too low fails now, saying
 * so, rather than as EMFILE errors halfway through the run.
 */
function ensureFdLimit(needed: number): string {
  const [soft, hard] = fdLimit("self");
  if (soft < needed)
    throw new Error(
      `${PLAYERS} players need ${needed} open files per process; the limit is ${soft} (hard ${hard}). ` +
        "Raise it (ulimit -Hn as root, or LimitNOFILE in a service unit) and run again.",
    );
  return `open-files limit ${soft} (hard ${hard}) per process, ${needed} needed`;
}

interface Setup {
  label: string;
  databaseUrl: string;
  servers: RunningServer[];
  env: Record<string, string>;
}

/** One run: a teacher hosts a game, N players join, stream and answer; the figures. */
async function runOnce({ label, databaseUrl, servers, env }: Setup, limitNote: string): Promise<BenchRow[]> {
  const log = (line: string) => console.error(`  ${line}`);
  const ctx = createContext(loadConfig({ ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, ...env }));
  try {
    const teacher = await signUp(
      ctx,
      { name: "Bench Teacher", email: `bench-${Date.now()}@school.test`, password: "bench teacher password" },
      new Headers({ "x-forwarded-for": "10.254.0.1" }),
    );
    if (!teacher.signedIn) throw new Error("the bench's sign-up did not sign in: unset SMTP_URL");
    const hostCookie = teacher.setCookies.map((c) => c.split(";")[0]).join("; ");
    const klass = await ctx.db.classroom.create({ data: { ownerId: teacher.teacher.id, name: "Bench" } });
    const { code } = await hostLiveGame(ctx, teacher.teacher.id, klass.id, {
      count: QUESTIONS,
      kinds: ["timeline", "multiple-choice"],
      timeLimitSeconds: 20,
      speedBonus: true,
      streakBonus: true,
      teams: 0,
      showLeaderboard: false,
    });
    const pids = servers.map((s) => s.process.pid!);
    const before = pids.map(rssKb);
    let connected = 0;
    let during = before;
    let serverFds: number[] = [];
    let driverFds = 0;
    const r = await runLiveLoad({
      urls: servers.map((s) => s.url),
      code,
      hostCookie,
      players: PLAYERS,
      questions: QUESTIONS,
      windowMs: 5000,
      log,
      onStreamsOpen(open) {
        connected = open;
        during = pids.map(rssKb);
        serverFds = pids.map(openFds);
        driverFds = openFds("self");
      },
    });
    const stored = await ctx.db.answer.count({ where: { attempt: { assignment: { code } } } });
    const errors = r.joinErrors + r.streamErrors + r.answerErrors + r.missed;
    const grown = during.reduce((sum, kb, i) => sum + kb - before[i]!, 0);
    const mb = (kb: number) => Math.round(kb / 1024);
    return [
      {
        benchmark: label,
        metric: "errors",
        value: errors,
        unit: "",
        target: "0",
        ok: errors === 0,
        note:
          `joins ${r.joinErrors}, streams ${r.streamErrors}, answers ${r.answerErrors}, missed ${r.missed}` +
          (r.errorSamples[0] ? `; ${r.errorSamples[0].slice(0, 80)}` : ""),
      },
      {
        benchmark: label,
        metric: "answers acknowledged / stored",
        value: r.acknowledged,
        unit: `/ ${stored}`,
        target: "equal",
        ok: r.acknowledged === stored,
      },
      {
        benchmark: label,
        metric: "fan-out p50 (move → every player has the question)",
        value: r.fanoutP50,
        unit: "ms",
      },
      {
        benchmark: label,
        metric: "fan-out p99",
        value: r.fanoutP99,
        unit: "ms",
        target: PLAYERS > 2000 ? "< 2000 ms" : "< 500 ms",
        ok: r.fanoutP99 < (PLAYERS > 2000 ? 2000 : 500),
        note: `max ${Math.round(r.fanoutMax)} ms`,
      },
      {
        benchmark: label,
        metric: "answer latency p99",
        value: r.answerP99,
        unit: "ms",
        note: `p50 ${r.answerP50.toFixed(1)} ms`,
      },
      {
        benchmark: label,
        metric: "server memory per connected player",
        value: connected ? grown / connected : NaN,
        unit: "kB",
        note: `RSS ${before.map(mb).join(" + ")} → ${during.map(mb).join(" + ")} MB with ${connected} streams open`,
      },
      {
        benchmark: label,
        metric: "open file descriptors (streams open)",
        value: Math.max(...serverFds),
        unit: "per server",
        note: `servers ${serverFds.join(" + ")}, driver ${driverFds}; ${limitNote}`,
      },
    ];
  } finally {
    await closeContext(ctx);
  }
}

export async function benchLive(): Promise<BenchRow[]> {
  ensureBuild();
  // The driver holds every stream, a server at most all of them; plus files, pools and headroom.
  const limitNote = ensureFdLimit(PLAYERS + 1024);
  const out: BenchRow[] = [];
  const port = Number(process.env.BENCH_LIVE_PORT) || 3330;
  const secret = randomBytes(32).toString("base64url");
  const envFor = (url: string) => ({
    BETTER_AUTH_SECRET: secret,
    BETTER_AUTH_URL: url,
    NEW_PLAYER_LIMIT_PER_IP: "100000",
  });

  if (MODES.includes("sqlite")) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-live-"));
    const databaseUrl = `file:${path.join(dir, "live.db")}`;
    const env = envFor(`http://127.0.0.1:${port}`);
    console.error(`live: ${PLAYERS} players on SQLite, one server…`);
    const server = await startServer(databaseUrl, port, env);
    try {
      const label = `live ${PLAYERS} players, SQLite, 1 server`;
      out.push(...(await runOnce({ label, databaseUrl, servers: [server], env }, limitNote)));
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  if (MODES.includes("postgres")) {
    const label = `live ${PLAYERS} players, PostgreSQL, 2 servers`;
    const pgServer =
      process.env.BENCH_POSTGRES_URL ||
      process.env.TEST_POSTGRES_URL ||
      "postgresql://postgres@127.0.0.1:5432/postgres";
    if (!(await postgresAvailable(pgServer))) {
      out.push({
        benchmark: label,
        metric: "not run",
        value: NaN,
        unit: "",
        note: `no PostgreSQL at ${new URL(pgServer).host} (set BENCH_POSTGRES_URL)`,
      });
      return out;
    }
    const name = uniqueDatabaseName("fact_trail_live");
    await adminQuery(pgServer, `CREATE DATABASE "${name}"`);
    const databaseUrl = withDatabase(pgServer, name);
    // The teacher's session cookie must be good on both: one auth secret, the host's address as the auth URL.
    const env = envFor(`http://127.0.0.1:${port + 1}`);
    console.error(`live: ${PLAYERS} players on PostgreSQL, two servers (host on the first)…`);
    const servers: RunningServer[] = [];
    try {
      servers.push(await startServer(databaseUrl, port + 1, env));
      servers.push(await startServer(databaseUrl, port + 2, env));
      out.push(...(await runOnce({ label, databaseUrl, servers, env }, limitNote)));
    } finally {
      for (const s of servers) await s.stop();
      await adminQuery(pgServer, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  return out;
}
