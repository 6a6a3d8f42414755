// Play benchmarks against a production server on SQLite:
//  (a) submit-answer throughput beside a constant route's (the framework's ceiling), as a ratio (target ≥ 0.6);
//  (b) submit-answer latency at a fixed 300 requests/s, corrected for coordinated omission (target p99 < 50 ms);
//  (c) the play page's first-load JavaScript, gzip (target ≤ 150 kB).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { loadTopic } from "../lib/content/load-topic";
import { generateQuiz } from "../lib/quiz/quiz";
import { hashSecret } from "../lib/server/play/player";
import type { BenchRow } from "./measure";
import { ensureBuild, startServer } from "./server";

interface Answerable {
  attemptId: string;
  cookie: string;
  position: number;
  response: string | string[];
}

/** Players with attempts whose questions are all served, so every request is a new, valid answer. */
function seedAnswerable(file: string, attempts: number): Answerable[] {
  const db = new Database(file);
  const topic = loadTopic("kazakhstan-2022");
  const rules = JSON.stringify({ count: 10, kinds: ["timeline", "multiple-choice"], timeLimitSeconds: null, speedBonus: true, streakBonus: true });
  const now = Date.now();
  const out: Answerable[] = [];
  const insertPlayer = db.prepare(`INSERT INTO "Player" ("id", "nickname", "secretHash", "createdAt") VALUES (?, ?, ?, ?)`);
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
        out.push({ attemptId, cookie: `ft_player=${playerId}.${secret}`, position, response: q.type === "timeline" ? [...q.answer].reverse() : q.answer });
      });
    }
  })();
  db.close();
  return out;
}

function answerRequests(pool: Answerable[]): autocannon.Request[] {
  let next = 0;
  return [
    {
      method: "POST",
      setupRequest: (request: autocannon.Request) => {
        const item = pool[next++ % pool.length]!;
        return {
          ...request,
          path: `/api/attempts/${item.attemptId}/answers`,
          headers: { "content-type": "application/json", cookie: item.cookie },
          body: JSON.stringify({ position: item.position, response: item.response }),
        };
      },
    },
  ];
}

async function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return autocannon(opts);
}

async function firstLoadJs(baseUrl: string): Promise<{ bytes: number; files: number }> {
  const start = await fetch(`${baseUrl}/api/practice`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ nickname: "Bench Page" }) });
  const { attemptId } = (await start.json()) as { attemptId: string };
  const cookie = start.headers.get("set-cookie")!.split(";")[0]!;
  const html = await (await fetch(`${baseUrl}/play/${attemptId}`, { headers: { cookie } })).text();
  // Modern browsers skip noModule scripts (Next's legacy polyfills): they are not downloaded, so not counted.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const scripts = [...new Set(tags.flatMap((tag) => /src="([^"]+)"/.exec(tag)?.[1] ?? []))];
  let bytes = 0;
  for (const src of scripts) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer()), { level: 9 }).length;
  // Inline flight data is part of the HTML, not JS; only script files count here.
  return { bytes, files: scripts.length };
}

export async function benchPlay(seconds = 10): Promise<BenchRow[]> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-bench-"));
  const file = path.join(dir, "bench.db");
  const server = await startServer(`file:${file}`, 3301);
  try {
    const pool = seedAnswerable(file, 3000);
    // Warm both routes so the comparison is not of a cold server.
    await run({ url: `${server.url}/api/ping`, connections: 10, duration: 2 });
    await run({ url: server.url, connections: 10, duration: 2, requests: answerRequests(pool.splice(0, 2000)) });

    const ping = await run({ url: `${server.url}/api/ping`, connections: 50, duration: seconds });
    const submit = await run({ url: server.url, connections: 50, duration: seconds, requests: answerRequests(pool) });
    const ratio = submit.requests.average / ping.requests.average;
    const fixed = await run({ url: server.url, connections: 50, duration: seconds, overallRate: 300, requests: answerRequests(pool.splice(Math.floor(pool.length / 2))) });
    const js = await firstLoadJs(server.url);
    const errors = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
    return [
      { benchmark: "play", metric: "constant route throughput (/api/ping)", value: ping.requests.average, unit: "req/s", note: `50 connections, ${seconds} s, ${errors(ping)} errors` },
      { benchmark: "play", metric: "submit-answer throughput", value: submit.requests.average, unit: "req/s", note: `50 connections, ${seconds} s, ${errors(submit)} errors or non-2xx` },
      { benchmark: "play", metric: "submit-answer / constant route", value: ratio, unit: "ratio", target: "≥ 0.6", ok: ratio >= 0.6 },
      { benchmark: "play", metric: "submit-answer p50 at 300 req/s", value: fixed.latency.p50, unit: "ms", note: `${fixed.requests.total} requests, ${errors(fixed)} errors` },
      { benchmark: "play", metric: "submit-answer p99 at 300 req/s", value: fixed.latency.p99, unit: "ms", target: "< 50 ms", ok: fixed.latency.p99 < 50 },
      { benchmark: "play", metric: "play page first-load JS (gzip)", value: js.bytes / 1024, unit: "kB", target: "≤ 150 kB", ok: js.bytes / 1024 <= 150, note: `${js.files} script files` },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
