// Where an answer's CPU goes (docs/decisions/012-cpu-budget.md), on SQLite:
//  (a) server CPU per request (all threads, from /proc) for the constant GET and submit-answer, through
//      Next.js and through the node:http prototype (bench/raw-server.ts), in alternating saturated rounds;
//  (b) in this process, CPU time per operation of the answer's parts: body parsing, the cookie's secret,
//      the one read, grading and scoring, the whole submitAnswer (read, write, memory, scoring), serialisation.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { z } from "zod";
import { loadConfig } from "../lib/config.mjs";
import { scoreAnswer } from "../lib/play/scoring";
import { gradeResponse } from "../lib/quiz/grading";
import { questionSchema } from "../lib/quiz/question";
import { closeContext, createContext } from "../lib/server/context";
import { hashSecret, parsePlayerCookie, secretMatches } from "../lib/server/play/player";
import { submitAnswer } from "../lib/server/play/submit-answer";
import { migrate } from "../scripts/migrate.mjs";
import { ensureBuild, startServer } from "../support/server";
import { median } from "../support/stats";
import type { BenchRow } from "./measure";
import { AnswerPool, answerRequests, processTreeCpuMs, seedAnswerable } from "./play";

/** CPU time (user + system, µs) per call of `fn`, over `n` calls after a tenth as many to warm up. */
async function cpuPerCall(n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.ceil(n / 10); i++) await fn(i);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn(Math.ceil(n / 10) + i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / n;
}

interface Saturated {
  rps: number;
  cpuUs: number;
  errors: number;
}

async function saturate(
  cpuMs: () => Promise<number | null>,
  run: () => Promise<autocannon.Result>,
): Promise<Saturated> {
  const before = await cpuMs();
  const result = await run();
  const after = await cpuMs();
  return {
    rps: result.requests.average,
    cpuUs: before === null || after === null ? NaN : ((after - before) * 1000) / result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

export async function benchCpu(seconds = Number(process.env.BENCH_PLAY_SECONDS) || 5, rounds = 2): Promise<BenchRow[]> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-cpu-"));
  const file = path.join(dir, "cpu.db");
  const databaseUrl = `file:${file}`;
  migrate({ ...process.env, DATABASE_URL: databaseUrl });
  // Each request a first answer: the saturated rounds take from `pool`, the in-process parts from `local`.
  const items = seedAnswerable(file, 9000);
  const pool = new AnswerPool(items.slice(0, 75_000));
  const local = items.slice(75_000);
  const port = Number(process.env.BENCH_PORT) || 3301;
  const next = await startServer(databaseUrl, port);
  const raw = spawn(
    process.execPath,
    [
      // tsx as a loader, not its CLI (which runs the script in a child process that /proc would not count here).
      "--max-semi-space-size=32",
      "--import=tsx",
      "--conditions=react-server",
      path.join(import.meta.dirname, "raw-server.ts"),
      String(port + 1),
      databaseUrl,
    ],
    { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
  );
  const rawUrl = `http://127.0.0.1:${port + 1}`;
  const ctx = createContext(loadConfig({ NODE_ENV: "test", DATABASE_URL: databaseUrl }));
  try {
    await waitFor(`${rawUrl}/api/ping`);
    const servers = [
      { name: "Next.js", url: next.url, cpuMs: async () => processTreeCpuMs(next.process.pid!) },
      {
        name: "node:http prototype",
        url: rawUrl,
        cpuMs: async () => {
          const used = (await (await fetch(`${rawUrl}/cpu`)).json()) as { user: number; system: number };
          return (used.user + used.system) / 1000;
        },
      },
    ];
    const results = new Map<string, Saturated[]>();
    const record = (key: string, r: Saturated) => results.set(key, [...(results.get(key) ?? []), r]);
    // Warm both.
    for (const s of servers) {
      await autocannon({ url: `${s.url}/api/ping`, connections: 10, duration: 2 });
      await autocannon({ url: s.url, connections: 10, duration: 2, requests: answerRequests(pool) });
    }
    for (let round = 0; round < rounds; round++)
      for (const s of servers) {
        record(
          `${s.name} GET`,
          await saturate(s.cpuMs, () => autocannon({ url: `${s.url}/api/ping`, connections: 50, duration: seconds })),
        );
        record(
          `${s.name} submit`,
          await saturate(s.cpuMs, () =>
            autocannon({ url: s.url, connections: 50, duration: seconds, requests: answerRequests(pool) }),
          ),
        );
      }

    // In this process: the parts of one answer.
    const body = z.object({
      position: z.number().int().min(0).max(49),
      response: z.union([z.string().max(16), z.array(z.string().max(64)).max(6), z.null()]),
    });
    const sample = local[0]!;
    const text = JSON.stringify({ position: sample.position, response: sample.response });
    const cookieValue = sample.cookie.slice(sample.cookie.indexOf("=") + 1);
    const secret = cookieValue.slice(cookieValue.indexOf(".") + 1);
    const hash = hashSecret(secret);
    const context = (await ctx.store.answerContext(sample.attemptId, cookieValue.split(".")[0]!, sample.position))!;
    const question = questionSchema.parse(JSON.parse(context.question!.question));
    const rules = { timeLimitSeconds: null, speedBonus: true, streakBonus: true };
    let feedback: unknown = null;
    let next_ = 1;
    const n = 1500;
    const parts: [string, number][] = [
      ["body: JSON.parse + zod", await cpuPerCall(20_000, () => body.parse(JSON.parse(text)))],
      [
        "cookie: parse + SHA-256 check",
        await cpuPerCall(20_000, () => secretMatches(hash, parsePlayerCookie(cookieValue)!.secret)),
      ],
      [
        "SQL: the one read (attempt, secret hash, question)",
        await cpuPerCall(20_000, (i) => {
          const it = local[i % local.length]!;
          return ctx.store.answerContext(it.attemptId, it.cookie.split("=")[1]!.split(".")[0]!, it.position);
        }),
      ],
      [
        "question JSON parse (stored question)",
        await cpuPerCall(20_000, () => questionSchema.parse(JSON.parse(context.question!.question))),
      ],
      [
        "grading + scoring",
        await cpuPerCall(20_000, () =>
          scoreAnswer(
            {
              credit: gradeResponse(question, sample.response).credit,
              elapsedMs: 3000,
              streakBefore: 2,
              pastDue: false,
            },
            rules as never,
          ),
        ),
      ],
      [
        "whole submitAnswer (read, write with its own commit, memory, scoring)",
        await cpuPerCall(n, async () => {
          const it = local[next_++]!;
          const playerId = it.cookie.split("=")[1]!.split(".")[0]!;
          feedback = await submitAnswer(ctx, {
            attemptId: it.attemptId,
            playerId,
            position: it.position,
            response: it.response,
          });
        }),
      ],
      ["serialisation: JSON.stringify(feedback)", await cpuPerCall(20_000, () => JSON.stringify(feedback))],
    ];

    const mid = (key: string, pick: (r: Saturated) => number) => median((results.get(key) ?? []).map(pick));
    const rows: BenchRow[] = [];
    for (const s of servers)
      for (const kind of ["GET", "submit"] as const) {
        const key = `${s.name} ${kind}`;
        rows.push({
          benchmark: "cpu budget",
          metric: `server CPU per request: ${kind === "GET" ? "constant GET" : "submit-answer"}, ${s.name}`,
          value: mid(key, (r) => r.cpuUs),
          unit: "µs",
          note: `${mid(key, (r) => r.rps).toFixed(0)} req/s (median of ${rounds} saturated rounds of ${seconds} s, 50 connections); ${(results.get(key) ?? []).reduce((a, r) => a + r.errors, 0)} errors`,
        });
      }
    for (const [part, us] of parts)
      rows.push({
        benchmark: "cpu budget",
        metric: `in-process: ${part}`,
        value: us,
        unit: "µs",
        note: "CPU time per call",
      });
    return rows;
  } finally {
    raw.kill("SIGTERM");
    await next.stop();
    await closeContext(ctx);
    rmSync(dir, { recursive: true, force: true });
  }
}
