// `npm run bench -- --only live`: the live game with N players' event streams held open
// against one production server on SQLite (LIVE_PLAYERS, default 2,000; LIVE_QUESTIONS,
// default 5). The teacher and the game are made in-process on the server's database (as the
// host's pages would), the host's moves and everything the players do go over HTTP.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../lib/config.mjs";
import { closeContext, createContext } from "../lib/server/context";
import { hostLiveGame } from "../lib/server/live/games";
import { signUp } from "../lib/server/teacher/accounts";
import { runLiveLoad } from "../support/live-load";
import { ensureBuild, startServer } from "../support/server";
import type { BenchRow } from "./measure";

const PLAYERS = Number(process.env.LIVE_PLAYERS) || 2000;
const QUESTIONS = Number(process.env.LIVE_QUESTIONS) || 5;

function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.replace(/\D/g, "") ?? NaN);
}

export async function benchLive(): Promise<BenchRow[]> {
  ensureBuild();
  const log = (line: string) => console.error(`  ${line}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-live-"));
  const databaseUrl = `file:${path.join(dir, "live.db")}`;
  const port = Number(process.env.BENCH_LIVE_PORT) || 3330;
  const url = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const env = { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: url, NEW_PLAYER_LIMIT_PER_IP: "100000" };
  console.error(`live: ${PLAYERS} players on SQLite, one server…`);
  const server = await startServer(databaseUrl, port, env);
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
    const pid = server.process.pid!;
    const before = rssKb(pid);
    const r = await runLiveLoad({
      urls: [url],
      code,
      hostCookie,
      players: PLAYERS,
      questions: QUESTIONS,
      windowMs: 5000,
      log,
    });
    const after = rssKb(pid);
    const stored = await ctx.db.answer.count({ where: { attempt: { assignment: { code } } } });
    const label = `live ${PLAYERS} players, SQLite, 1 server`;
    const errors = r.joinErrors + r.streamErrors + r.answerErrors + r.missed;
    return [
      {
        benchmark: label,
        metric: "errors",
        value: errors,
        unit: "",
        target: "0",
        ok: errors === 0,
        note: r.errorSamples[0]?.slice(0, 80),
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
        target: "< 500 ms",
        ok: r.fanoutP99 < 500,
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
        value: (after - before) / PLAYERS,
        unit: "kB",
        note: `RSS ${Math.round(before / 1024)} → ${Math.round(after / 1024)} MB (after the game)`,
      },
    ];
  } finally {
    await closeContext(ctx);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
