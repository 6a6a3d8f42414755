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
import { openLoop } from "./open-loop";
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
  // DateTime as Prisma writes it on SQLite: ISO 8601 text with +00:00.
  const now = new Date().toISOString().replace("Z", "+00:00");
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
    // A single answer first: if the setup is wrong, say so instead of measuring errors.
    const probe = pool[pool.length - 1]!;
    const check = await fetch(`${server.url}/api/attempts/${probe.attemptId}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: probe.cookie },
      body: JSON.stringify({ position: probe.position, response: probe.response }),
    });
    if (!check.ok) throw new Error(`benchmark setup: a valid answer got ${check.status}: ${await check.text()}`);
    pool.pop();
    // Warm both routes so the comparison is not of a cold server.
    await autocannon({ url: `${server.url}/api/ping`, connections: 10, duration: 2 });
    await autocannon({ url: server.url, connections: 10, duration: 2, requests: answerRequests(pool.splice(0, 2000)) });

    // Latency at a steady 300 answers/s first, on a warm server not yet loaded by the saturation runs below.
    const fixedPool = pool.splice(Math.floor(pool.length / 2));
    let k = 0;
    const fixed = await openLoop(server.url, 300, seconds, () => {
      const item = fixedPool[k++]!;
      return {
        method: "POST",
        path: `/api/attempts/${item.attemptId}/answers`,
        headers: { "content-type": "application/json", cookie: item.cookie },
        body: JSON.stringify({ position: item.position, response: item.response }),
      };
    });
    await new Promise((r) => setTimeout(r, 1000));
    const ping = await autocannon({ url: `${server.url}/api/ping`, connections: 50, duration: seconds });
    const postPing = await autocannon({
      url: `${server.url}/api/ping`,
      connections: 50,
      duration: seconds,
      method: "POST",
      headers: { "content-type": "application/json", cookie: pool[0]!.cookie },
      body: JSON.stringify({ position: 3, response: ["a-long-event-id", "another-event-id", "third-event-id"] }),
    });
    const submit = await autocannon({ url: server.url, connections: 50, duration: seconds, requests: answerRequests(pool) });
    const ratio = submit.requests.average / ping.requests.average;
    const fixedPing = await openLoop(server.url, 300, seconds, () => ({ method: "GET", path: "/api/ping" }));
    const js = await firstLoadJs(server.url);
    const errors = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
    return [
      { benchmark: "play", metric: "constant route throughput (/api/ping)", value: ping.requests.average, unit: "req/s", note: `50 connections, ${seconds} s, ${errors(ping)} errors` },
      { benchmark: "play", metric: "constant JSON POST throughput (/api/ping)", value: postPing.requests.average, unit: "req/s", note: `50 connections, ${seconds} s, ${errors(postPing)} errors` },
      { benchmark: "play", metric: "submit-answer throughput", value: submit.requests.average, unit: "req/s", note: `50 connections, ${seconds} s, ${errors(submit)} errors or non-2xx` },
      { benchmark: "play", metric: "submit-answer / constant GET route", value: ratio, unit: "ratio", target: "≥ 0.6", ok: ratio >= 0.6 },
      { benchmark: "play", metric: "submit-answer / constant JSON POST", value: submit.requests.average / postPing.requests.average, unit: "ratio" },
      { benchmark: "play", metric: "submit-answer p50 at 300 req/s (open loop)", value: fixed.p50, unit: "ms", note: `${fixed.sent} requests, ${fixed.errors} errors` },
      { benchmark: "play", metric: "submit-answer p99 at 300 req/s (open loop)", value: fixed.p99, unit: "ms", target: "< 50 ms", ok: fixed.p99 < 50, note: `max ${fixed.max.toFixed(0)} ms` },
      { benchmark: "play", metric: "constant GET p99 at 300 req/s (reference)", value: fixedPing.p99, unit: "ms", note: `p50 ${fixedPing.p50.toFixed(1)} ms: this machine's floor for the measurement` },
      { benchmark: "play", metric: "play page first-load JS (gzip)", value: js.bytes / 1024, unit: "kB", target: "≤ 150 kB", ok: js.bytes / 1024 <= 150, note: `${js.files} script files` },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

