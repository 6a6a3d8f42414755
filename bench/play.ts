// Play benchmarks against a production server on SQLite:
//  (a) submit-answer throughput beside a constant route's (the framework's ceiling), as a ratio (target ≥ 0.6),
//      over alternating rounds (the machine's load drifts; the median ratio of the rounds is reported);
//  (b) submit-answer latency, open loop, corrected for coordinated omission, at offered rates that are fixed shares
//      (25%, 50%) of the constant route's throughput measured in (a), and at a fixed 300 requests/s; each round
//      alternates with the constant GET at the same rate. Targets: at 50%, submit p99 ≤ 3× the constant route's;
//      no request over 1 s in any round; at 300/s, p99 < 50 ms. Per round, the server's stall probe
//      (lib/server/stall-probe.ts) reports its longest event-loop delay, GC pause, answer commit and queue wait;
//  (c) the play page's first-load JavaScript, gzip (target ≤ 150 kB).
// BENCH_PLAY_ROUNDS and BENCH_PLAY_SECONDS shorten a run (defaults 3 and 5; latency rounds are twice as long).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { loadTopic } from "../lib/content/load-topic";
import { generateQuiz } from "../lib/quiz/quiz";
import { hashSecret } from "../lib/server/play/player";
import { migrate } from "../scripts/migrate.mjs";
import { openLoop, pooled, type OpenLoopResult } from "../support/open-loop";
import { ensureBuild, startServer } from "../support/server";
import { median } from "../support/stats";
import type { BenchRow } from "./measure";

export interface Answerable {
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
export function seedAnswerable(file: string, attempts: number): Answerable[] {
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
export class AnswerPool {
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
export function answerRequests(pool: AnswerPool): autocannon.Request[] {
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
export function processTreeCpuMs(pid: number): number | null {
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

interface ProbeLine {
  t: number;
  loopMaxMs: number;
  gcMaxMs: number;
  gcKind: string;
  commitMaxMs: number;
  queueMaxMs: number;
  batchMax: number;
  heapMB: number;
  cpuMs: number;
  checkpointMaxMs: number;
  walPagesMax: number;
  walSyncMaxMs?: number;
}

/** The server's stall probe over a window: the longest event-loop delay, GC pause, commit and queue wait. */
function probeWindow(file: string, from: number, to: number) {
  const lines = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ProbeLine)
        // A line covers the second before its time.
        .filter((l) => l.t > from && l.t <= to + 1000)
    : [];
  const max = (pick: (l: ProbeLine) => number) => Math.max(0, ...lines.map(pick));
  const gc = lines.reduce<ProbeLine | null>((a, l) => (!a || l.gcMaxMs > a.gcMaxMs ? l : a), null);
  const stalled = lines.reduce<ProbeLine | null>((a, l) => (!a || l.loopMaxMs > a.loopMaxMs ? l : a), null);
  return {
    loopMs: max((l) => l.loopMaxMs),
    gcMs: max((l) => l.gcMaxMs),
    gcKind: gc?.gcKind ?? "",
    commitMs: max((l) => l.commitMaxMs),
    queueMs: max((l) => l.queueMaxMs),
    batch: max((l) => l.batchMax),
    checkpointMs: max((l) => l.checkpointMaxMs ?? 0),
    walPages: max((l) => l.walPagesMax ?? 0),
    walSyncMs: max((l) => l.walSyncMaxMs ?? 0),
    /** The server's CPU time in the second of the longest loop delay: far below 1,000 ms, the machine starved it. */
    cpuInStall: stalled?.cpuMs ?? 0,
    seconds: lines.length,
  };
}

interface LatencyRound {
  result: OpenLoopResult;
  /** When the round ran (Date.now()), for the stall probe's lines. */
  from: number;
  to: number;
}

export async function benchPlay(
  seconds = Number(process.env.BENCH_PLAY_SECONDS) || 5,
  rounds = Number(process.env.BENCH_PLAY_ROUNDS) || 3,
): Promise<BenchRow[]> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-bench-"));
  const file = path.join(dir, "bench.db");
  const probeFile = path.join(dir, "probe.jsonl");
  // Enough unanswered questions for every answer below to be a first answer (about 1,000/s at most here,
  // and up to half the constant route's rate in the latency rounds), seeded before the server starts.
  migrate({ ...process.env, DATABASE_URL: `file:${file}` });
  const pool = new AnswerPool(seedAnswerable(file, 12_000));
  const server = await startServer(`file:${file}`, Number(process.env.BENCH_PORT) || 3301, {
    STALL_PROBE_FILE: probeFile,
  });
  try {
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
    const capacity = rps(ping);
    await new Promise((r) => setTimeout(r, 1000));

    // Latency, open loop, at shares of the capacity just measured and at 300/s: rounds of 2 × `seconds`,
    // each submit round beside a constant GET round at the same rate (the machine's floor, measured beside it).
    const latencySeconds = 2 * seconds;
    const rates = [
      { label: "25% of capacity", rate: Math.round(capacity * 0.25) },
      { label: "50% of capacity", rate: Math.round(capacity * 0.5) },
      { label: "300 req/s", rate: 300 },
    ];
    const latency = new Map<string, { submit: LatencyRound[]; get: LatencyRound[] }>();
    for (const { label } of rates) latency.set(label, { submit: [], get: [] });
    const timed = async (run: () => Promise<OpenLoopResult>): Promise<LatencyRound> => {
      const from = Date.now();
      const result = await run();
      return { result, from, to: Date.now() };
    };
    for (let round = 0; round < rounds; round++) {
      for (const { label, rate } of rates) {
        const slot = latency.get(label)!;
        slot.submit.push(await timed(() => openLoop(server.url, rate, latencySeconds, () => answerRequest(pool))));
        slot.get.push(
          await timed(() => openLoop(server.url, rate, latencySeconds, () => ({ method: "GET", path: "/api/ping" }))),
        );
      }
    }
    // The probe's last line of a round is written up to a second after it: read the lines once all are written.
    await new Promise((r) => setTimeout(r, 1100));

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
        value: capacity,
        unit: "req/s",
        note: `${runs}, ${errors(ping)} errors; the capacity the latency rounds' shares are of`,
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
    let slowest = 0;
    for (const { label, rate } of rates) {
      const slot = latency.get(label)!;
      const submitRounds = slot.submit.map((r) => r.result);
      const getRounds = slot.get.map((r) => r.result);
      const sub = pooled(submitRounds);
      const get = pooled(getRounds);
      slowest = Math.max(slowest, sub.max, get.max);
      const at = `at ${label} (${rate} req/s, open loop)`;
      rows.push(
        {
          benchmark: "play latency",
          metric: `submit-answer p50 ${at}`,
          value: sub.p50,
          unit: "ms",
          note: `${sub.sent} requests in ${rounds} rounds of ${latencySeconds} s, ${sub.errors} errors; constant GET p50 ${get.p50.toFixed(1)} ms`,
        },
        {
          benchmark: "play latency",
          metric: `submit-answer p99 ${at}`,
          value: sub.p99,
          unit: "ms",
          ...(label === "300 req/s" ? { target: "< 50 ms", ok: sub.p99 < 50 } : {}),
          note: `rounds: ${fmt(
            submitRounds.map((r) => r.p99),
            0,
          )} ms; max ${sub.max.toFixed(0)} ms; load generator's event-loop delay p99 ≤ ${sub.clientLagP99.toFixed(0)} ms`,
        },
        {
          benchmark: "play latency",
          metric: `constant GET p99 ${at} (reference)`,
          value: get.p99,
          unit: "ms",
          note: `rounds alternating with the above: ${fmt(
            getRounds.map((r) => r.p99),
            0,
          )} ms; max ${get.max.toFixed(0)} ms`,
        },
      );
      if (label === "50% of capacity")
        rows.push({
          benchmark: "play latency",
          metric: `submit-answer p99 / constant GET p99 ${at}`,
          value: sub.p99 / get.p99,
          unit: "ratio",
          target: "≤ 3",
          ok: sub.p99 / get.p99 <= 3,
          note: `${sub.p99.toFixed(1)} / ${get.p99.toFixed(1)} ms`,
        });
      const probes = slot.submit.map((r) => probeWindow(probeFile, r.from, r.to));
      rows.push({
        benchmark: "play latency",
        metric: `server's longest event-loop delay in submit rounds ${at}`,
        value: Math.max(...probes.map((p) => p.loopMs)),
        unit: "ms",
        note: `per round — event loop: ${fmt(
          probes.map((p) => p.loopMs),
          0,
        )} ms (server CPU in that second: ${probes.map((p) => p.cpuInStall).join(", ")} ms); GC pause: ${probes.map((p) => `${p.gcMs.toFixed(0)} (${p.gcKind || "none"})`).join(", ")} ms; commit: ${fmt(
          probes.map((p) => p.commitMs),
          1,
        )} ms; WAL fdatasync (thread pool): ${fmt(
          probes.map((p) => p.walSyncMs),
          1,
        )} ms; group-commit queue wait: ${fmt(
          probes.map((p) => p.queueMs),
          1,
        )} ms; largest batch: ${probes.map((p) => p.batch).join(", ")}; WAL checkpoint (worker thread): ${fmt(
          probes.map((p) => p.checkpointMs),
          0,
        )} ms, WAL up to ${probes.map((p) => p.walPages).join(", ")} pages`,
      });
    }
    rows.push(
      {
        benchmark: "play latency",
        metric: "slowest request in any latency round",
        value: slowest,
        unit: "ms",
        target: "≤ 1000 ms",
        ok: slowest <= 1000,
        note: "submit-answer and constant GET rounds at every rate above",
      },
      firstLoadJsRow("play", js),
    );
    return rows;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
