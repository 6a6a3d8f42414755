// Play benchmarks against a production server on SQLite:
//  (a) submit-answer throughput beside a constant route's (the framework's ceiling), as a ratio (target ≥ 0.6),
//      over alternating rounds (the machine's load drifts; the median ratio of the rounds is reported);
//  (b) submit-answer latency at a fixed 300 requests/s, corrected for coordinated omission (target p99 < 50 ms),
//      over all requests of rounds that alternate with the constant GET at the same rate;
//  (c) the play page's first-load JavaScript, gzip (target ≤ 150 kB).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { loadTopic } from "../lib/content/load-topic";
import { generateQuiz } from "../lib/quiz/quiz";
import { hashSecret } from "../lib/server/play/player";
import { openLoop, pooled, type OpenLoopResult } from "../support/open-loop";
import { ensureBuild, startServer } from "../support/server";
import { median } from "../support/stats";
import type { BenchRow } from "./measure";

interface Answerable {
  attemptId: string;
  cookie: string;
  position: number;
  response: string | string[];
}

/** A 10-question practice quiz's settings, as an attempt stores them. */
export const PRACTICE_RULES = JSON.stringify({
  count: 10,
  kinds: ["timeline", "multiple-choice"],
  timeLimitSeconds: null,
  speedBonus: true,
  streakBonus: true,
});

/** Players with attempts whose questions are all served, so every request is a new, valid answer. */
function seedAnswerable(file: string, attempts: number): Answerable[] {
  const db = new Database(file);
  const topic = loadTopic("kazakhstan-2022");
  const rules = PRACTICE_RULES;
  // DateTime as Prisma writes it on SQLite: ISO 8601 text with +00:00.
  const now = new Date().toISOString().replace("Z", "+00:00");
  const out: Answerable[] = [];
  const insertPlayer = db.prepare(
    `INSERT INTO "Player" ("id", "nickname", "secretHash", "createdAt") VALUES (?, ?, ?, ?)`,
  );
  const insertAttempt = db.prepare(
    `INSERT INTO "Attempt" ("id", "playerId", "topic", "mode", "seed", "settings", "questionCount", "startedAt") VALUES (?, ?, 'kazakhstan-2022', 'practice', ?, ?, 10, ?)`,
  );
  const insertQuestion = db.prepare(
    `INSERT INTO "AttemptQuestion" ("id", "attemptId", "position", "questionId", "question", "servedAt") VALUES (?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < attempts; i++) {
      const playerId = `benchplayer${String(i).padStart(10, "0")}`;
      const secret = `benchsecret${String(i).padStart(16, "0")}`;
      const attemptId = `benchattempt${String(i).padStart(10, "0")}`;
      insertPlayer.run(playerId, `Bench ${i}`, hashSecret(secret), now);
      insertAttempt.run(attemptId, playerId, i, rules, now);
      generateQuiz(topic, { seed: i, count: 10 }).forEach((q, position) => {
        insertQuestion.run(`${attemptId}q${position}`, attemptId, position, q.id, JSON.stringify(q), now);
        out.push({
          attemptId,
          cookie: `ft_player=${playerId}.${secret}`,
          position,
          response: q.type === "timeline" ? [...q.answer].reverse() : q.answer,
        });
      });
    }
  })();
  // Move the seeded pages out of the WAL now: otherwise the server's checkpointer copies
  // them (~100 MB) during the first measurements.
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return out;
}

/** Unanswered questions, each handed out once. */
class AnswerPool {
  private next = 0;
  constructor(private readonly items: Answerable[]) {}
  take(): Answerable {
    const item = this.items[this.next++];
    // Never a repeat: a repeated answer is cheaper (nothing written) and would flatter the result.
    if (!item) throw new Error("benchmark setup: the pool of unanswered questions ran out; seed more attempts");
    return item;
  }
}

/** The next unanswered question from the pool, as a submit-answer request. */
function answerRequest(pool: AnswerPool) {
  const item = pool.take();
  return {
    method: "POST" as const,
    path: `/api/attempts/${item.attemptId}/answers`,
    headers: { "content-type": "application/json", cookie: item.cookie },
    body: JSON.stringify({ position: item.position, response: item.response }),
  };
}

/** Each request a new answer from the pool. */
function answerRequests(pool: AnswerPool): autocannon.Request[] {
  return [{ method: "POST", setupRequest: (request: autocannon.Request) => ({ ...request, ...answerRequest(pool) }) }];
}

/** The first-load row of a benchmark table (target ≤ 150 kB gzip). */
export function firstLoadJsRow(benchmark: string, js: { bytes: number; files: number }, note = ""): BenchRow {
  return {
    benchmark,
    metric: "play page first-load JS (gzip)",
    value: js.bytes / 1024,
    unit: "kB",
    target: "≤ 150 kB",
    ok: js.bytes / 1024 <= 150,
    note: `${js.files} script files${note}`,
  };
}

/** The play page's script files as a browser downloads them on first load, gzip level 9. */
export async function firstLoadJs(baseUrl: string): Promise<{ bytes: number; files: number }> {
  const start = await fetch(`${baseUrl}/api/practice`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nickname: "Bench Page" }),
  });
  const { attemptId } = (await start.json()) as { attemptId: string };
  const cookie = start.headers.get("set-cookie")!.split(";")[0]!;
  const html = await (await fetch(`${baseUrl}/play/${attemptId}`, { headers: { cookie } })).text();
  // Modern browsers skip noModule scripts (Next's legacy polyfills): they are not downloaded, so not counted.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const scripts = [...new Set(tags.flatMap((tag) => /src="([^"]+)"/.exec(tag)?.[1] ?? []))];
  let bytes = 0;
  for (const src of scripts)
    bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer()), { level: 9 }).length;
  // Inline flight data is part of the HTML, not JS; only script files count here.
  return { bytes, files: scripts.length };
}

/** CPU time (user + system, ms) of a process and its descendants, from /proc; null where there is no /proc. */
function processTreeCpuMs(pid: number): number | null {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
  let ms = (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean))
      ms += processTreeCpuMs(Number(child)) ?? 0;
  }
  return ms;
}

interface Round {
  requestsPerSecond: number;
  errors: number;
  /** The server's CPU time per request (ms), when /proc can tell. */
  cpuMsPerRequest: number | null;
}

async function measured(pid: number, run: () => Promise<autocannon.Result>): Promise<Round> {
  const before = processTreeCpuMs(pid);
  const result = await run();
  const after = processTreeCpuMs(pid);
  return {
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: before === null || after === null ? null : (after - before) / result.requests.total,
  };
}

const fmt = (values: number[], digits: number) => values.map((v) => v.toFixed(digits)).join(", ");

export async function benchPlay(seconds = 5, rounds = 3): Promise<BenchRow[]> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-bench-"));
  const file = path.join(dir, "bench.db");
  const server = await startServer(`file:${file}`, Number(process.env.BENCH_PORT) || 3301);
  try {
    // Enough unanswered questions for every answer below to be a first answer (about 1,000/s at most here).
    const pool = new AnswerPool(seedAnswerable(file, 6000));
    // A single answer first: if the setup is wrong, say so instead of measuring errors.
    const probe = pool.take();
    const check = await fetch(`${server.url}/api/attempts/${probe.attemptId}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: probe.cookie },
      body: JSON.stringify({ position: probe.position, response: probe.response }),
    });
    if (!check.ok) throw new Error(`benchmark setup: a valid answer got ${check.status}: ${await check.text()}`);
    // Warm both routes so the comparison is not of a cold server.
    await autocannon({ url: `${server.url}/api/ping`, connections: 10, duration: 2 });
    await autocannon({ url: server.url, connections: 10, duration: 2, requests: answerRequests(pool) });

    // Latency at a steady 300 answers/s first, on a warm server not yet loaded by the saturation runs below:
    // rounds of 10 s alternating with the constant GET at the same rate (the machine's floor, measured beside it).
    const fixedSubmit: OpenLoopResult[] = [];
    const fixedGet: OpenLoopResult[] = [];
    for (let round = 0; round < rounds; round++) {
      fixedSubmit.push(await openLoop(server.url, 300, 10, () => answerRequest(pool)));
      fixedGet.push(await openLoop(server.url, 300, 10, () => ({ method: "GET", path: "/api/ping" })));
    }
    const fixed = pooled(fixedSubmit);
    const fixedPing = pooled(fixedGet);
    await new Promise((r) => setTimeout(r, 1000));

    // Saturation: the constant GET, a constant JSON POST and submit-answer, in alternating rounds.
    const pid = server.process.pid!;
    const ping: Round[] = [];
    const postPing: Round[] = [];
    const submit: Round[] = [];
    for (let round = 0; round < rounds; round++) {
      ping.push(
        await measured(pid, () => autocannon({ url: `${server.url}/api/ping`, connections: 50, duration: seconds })),
      );
      postPing.push(
        await measured(pid, () =>
          autocannon({
            url: `${server.url}/api/ping`,
            connections: 50,
            duration: seconds,
            method: "POST",
            headers: { "content-type": "application/json", cookie: probe.cookie },
            body: JSON.stringify({ position: 3, response: ["a-long-event-id", "another-event-id", "third-event-id"] }),
          }),
        ),
      );
      submit.push(
        await measured(pid, () =>
          autocannon({ url: server.url, connections: 50, duration: seconds, requests: answerRequests(pool) }),
        ),
      );
    }
    const rps = (rs: Round[]) => median(rs.map((r) => r.requestsPerSecond));
    const errors = (rs: Round[]) => rs.reduce((sum, r) => sum + r.errors, 0);
    const ratios = submit.map((s, i) => s.requestsPerSecond / ping[i]!.requestsPerSecond);
    const postRatios = submit.map((s, i) => s.requestsPerSecond / postPing[i]!.requestsPerSecond);
    const ratio = median(ratios);
    const cpu = (rs: Round[]) =>
      rs.every((r) => r.cpuMsPerRequest !== null) ? median(rs.map((r) => r.cpuMsPerRequest!)) : null;
    const cpuPing = cpu(ping);
    const cpuSubmit = cpu(submit);
    const js = await firstLoadJs(server.url);
    const runs = `${rounds} rounds of ${seconds} s, 50 connections`;
    const rows: BenchRow[] = [
      {
        benchmark: "play",
        metric: "constant route throughput (/api/ping), median",
        value: rps(ping),
        unit: "req/s",
        note: `${runs}, ${errors(ping)} errors`,
      },
      {
        benchmark: "play",
        metric: "constant JSON POST throughput (/api/ping), median",
        value: rps(postPing),
        unit: "req/s",
        note: `${runs}, ${errors(postPing)} errors`,
      },
      {
        benchmark: "play",
        metric: "submit-answer throughput, median",
        value: rps(submit),
        unit: "req/s",
        note: `${runs}, ${errors(submit)} errors or non-2xx, every answer a first answer`,
      },
      {
        benchmark: "play",
        metric: "submit-answer / constant GET route (median of rounds)",
        value: ratio,
        unit: "ratio",
        target: "≥ 0.6",
        ok: ratio >= 0.6,
        note: `rounds: ${fmt(ratios, 2)}`,
      },
      {
        benchmark: "play",
        metric: "submit-answer / constant JSON POST (median of rounds)",
        value: median(postRatios),
        unit: "ratio",
        note: `rounds: ${fmt(postRatios, 2)}`,
      },
    ];
    if (cpuPing !== null && cpuSubmit !== null)
      rows.push({
        benchmark: "play",
        metric: "server CPU per request: constant GET / submit-answer",
        value: cpuPing / cpuSubmit,
        unit: "ratio",
        note: `${(cpuPing * 1000).toFixed(0)} µs / ${(cpuSubmit * 1000).toFixed(0)} µs (medians; all threads of the server)`,
      });
    rows.push(
      {
        benchmark: "play",
        metric: "submit-answer p50 at 300 req/s (open loop)",
        value: fixed.p50,
        unit: "ms",
        note: `${fixed.sent} requests in ${rounds} rounds of 10 s, ${fixed.errors} errors`,
      },
      {
        benchmark: "play",
        metric: "submit-answer p99 at 300 req/s (open loop)",
        value: fixed.p99,
        unit: "ms",
        target: "< 50 ms",
        ok: fixed.p99 < 50,
        note: `all rounds' requests; rounds: ${fmt(
          fixedSubmit.map((r) => r.p99),
          0,
        )} ms; max ${fixed.max.toFixed(0)} ms; load generator's event-loop delay p99 ≤ ${fixed.clientLagP99.toFixed(0)} ms`,
      },
      {
        benchmark: "play",
        metric: "constant GET p99 at 300 req/s (reference)",
        value: fixedPing.p99,
        unit: "ms",
        note: `this machine's floor, in rounds alternating with the above: ${fmt(
          fixedGet.map((r) => r.p99),
          0,
        )} ms; p50 ${fixedPing.p50.toFixed(1)} ms`,
      },
      firstLoadJsRow("play", js),
    );
    return rows;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
