// The live game under load (issue 14): N players join a hosted game, each holds its event
// stream open (spread over the given servers), the host moves the game on over HTTP, and every
// player answers each question within its window. Measures the fan-out (host's move → every
// player has the question), the answers' latency, errors, and what was acknowledged.
// No server-only imports: `npm run bench -- --only live` drives it.
import { Agent, request } from "undici";
import { percentile } from "./stats";
import { checkNickname } from "../lib/play/nickname";

export interface LiveLoadOptions {
  /** Players' servers, round-robin; the host uses the first. */
  urls: string[];
  code: string;
  hostCookie: string;
  players: number;
  questions: number;
  windowMs: number;
  log?: (line: string) => void;
  /** Called once every stream is open, before the first question (the bench samples memory and descriptors). */
  onStreamsOpen?: (open: number) => void | Promise<void>;
}

export interface LiveLoadResult {
  players: number;
  joinErrors: number;
  streamErrors: number;
  answerErrors: number;
  /** Players who never received a phase within 30 s of the host's move. */
  missed: number;
  errorSamples: string[];
  acknowledged: number;
  fanoutP50: number;
  fanoutP99: number;
  fanoutMax: number;
  answerP50: number;
  answerP99: number;
  seconds: number;
}

const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

interface LivePlayer {
  index: number;
  url: string;
  cookie: string;
  /** When this player received question i open (ms, performance.now()). */
  got: Map<string, number>;
  question: { index: number; type: string; options?: { id: string }[]; items?: { id: string }[] } | null;
  close?: () => void;
}

/**
 * "Player N", unless the kind-names filter refuses it (leetspeak: "Player 455" reads as a rude word, as do 16 more
 * of the first 10,000); then N in base 36.
 */
export function playerName(i: number): string {
  const plain = `Player ${i + 1}`;
  return checkNickname(plain).ok ? plain : `Player ${(i + 1).toString(36).toUpperCase()}`;
}

async function limited<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function runLiveLoad(o: LiveLoadOptions): Promise<LiveLoadResult> {
  const log = o.log ?? (() => undefined);
  const started = performance.now();
  const errors: string[] = [];
  // A request that gets no answer within 20 s is an error, not a stalled run.
  const calls = new Agent({ connections: 128, keepAliveTimeout: 30_000, headersTimeout: 20_000, bodyTimeout: 20_000 });
  const streams = new Agent({ connections: o.players + 16, keepAliveTimeout: 600_000, bodyTimeout: 0 });
  const post = async (url: string, path: string, body: unknown, cookie: string, ip: string) => {
    const res = await request(`${url}${path}`, {
      method: "POST",
      dispatcher: calls,
      headers: { "content-type": "application/json", cookie, "x-forwarded-for": ip, origin: url },
      body: JSON.stringify(body),
    });
    const text = await res.body.text();
    return { status: res.statusCode, text, setCookie: [res.headers["set-cookie"] ?? []].flat() };
  };

  // Join.
  let joinErrors = 0;
  const players: LivePlayer[] = [];
  await limited(
    Array.from({ length: o.players }, (_, i) => i),
    64,
    async (i) => {
      const url = o.urls[i % o.urls.length]!;
      try {
        const res = await post(url, `/api/live/${o.code}/join`, { nickname: playerName(i) }, "", ipOf(i));
        if (res.status !== 201) throw new Error(`join ${res.status} ${res.text.slice(0, 120)}`);
        players.push({ index: i, url, cookie: res.setCookie[0]!.split(";")[0]!, got: new Map(), question: null });
      } catch (error) {
        joinErrors++;
        errors.push((error as Error).message);
      }
    },
  );
  log(`${players.length} joined in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Open every stream.
  let streamErrors = 0;
  await limited(players, 64, async (p) => {
    try {
      const res = await request(`${p.url}/api/live/${o.code}/events`, {
        dispatcher: streams,
        headers: { cookie: p.cookie, "x-forwarded-for": ipOf(p.index), accept: "text/event-stream" },
      });
      if (res.statusCode !== 200) throw new Error(`events ${res.statusCode}`);
      p.close = () => res.body.destroy();
      let buffer = "";
      res.body.setEncoding("utf8");
      res.body.on("data", (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.includes("event: state")) continue;
          const data = block.slice(block.indexOf("data: ") + 6);
          const view = JSON.parse(data) as {
            phase: string;
            index: number;
            question: { type: string; options?: { id: string }[]; items?: { id: string }[] } | null;
          };
          const key = `${view.phase}:${view.index}`;
          if (!p.got.has(key)) p.got.set(key, performance.now());
          if (view.phase === "question" && view.question) p.question = { index: view.index, ...view.question };
        }
      });
      res.body.on("error", () => undefined);
    } catch (error) {
      streamErrors++;
      errors.push((error as Error).message);
    }
  });
  await new Promise((r) => setTimeout(r, 500));
  log(`${players.length - streamErrors} streams open`);
  await o.onStreamsOpen?.(players.length - streamErrors);

  const host = o.urls[0]!;
  let version = -1;
  const move = async (m: string) => {
    const res = await post(host, `/api/live/${o.code}/moves`, { move: m }, o.hostCookie, "10.255.255.1");
    if (res.status !== 200) throw new Error(`host ${m}: ${res.status} ${res.text.slice(0, 160)}`);
    version = (JSON.parse(res.text) as { version: number }).version;
  };
  const fanout: number[] = [];
  let missed = 0;
  const waitAll = async (key: string, t0: number, into: number[]) => {
    const deadline = Date.now() + 30_000;
    while (players.some((p) => p.close && !p.got.has(key)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    for (const p of players) {
      if (!p.close) continue;
      const at = p.got.get(key);
      if (at === undefined) missed++;
      else into.push(at - t0);
    }
  };

  const latencies: number[] = [];
  let answerErrors = 0;
  let acknowledged = 0;
  for (let q = 0; q < o.questions; q++) {
    const t0 = performance.now();
    await move(q === 0 ? "start" : "next");
    await waitAll(`question:${q}`, t0, fanout);
    log(`question ${q + 1}: every stream has it (version ${version})`);
    await Promise.all(
      players.map(async (p) => {
        await new Promise((r) => setTimeout(r, Math.random() * o.windowMs));
        const question = p.question;
        if (!question || question.index !== q) return;
        const response =
          question.type === "timeline"
            ? question.items!.map((i) => i.id)
            : question.options![p.index % question.options!.length]!.id;
        const sent = performance.now();
        try {
          const res = await post(
            p.url,
            `/api/live/${o.code}/answers`,
            { position: q, response },
            p.cookie,
            ipOf(p.index),
          );
          latencies.push(performance.now() - sent);
          if (res.status === 200) acknowledged++;
          else {
            answerErrors++;
            errors.push(`answer ${res.status} ${res.text.slice(0, 120)}`);
          }
        } catch (error) {
          answerErrors++;
          errors.push((error as Error).message);
        }
      }),
    );
    log(`question ${q + 1}: ${acknowledged} answers acknowledged so far, ${answerErrors} errors`);
    // Everyone answered: the server reveals by itself; otherwise the host does.
    const revealed = performance.now();
    const deadline = Date.now() + 3000;
    while (players.some((p) => p.close && !p.got.has(`reveal:${q}`)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    if (players.some((p) => p.close && !p.got.has(`reveal:${q}`))) await move("next").catch(() => undefined);
    await waitAll(`reveal:${q}`, revealed, []);
  }
  await move("end").catch((error: Error) => errors.push(error.message));
  for (const p of players) p.close?.();
  await streams.close().catch(() => undefined);
  await calls.close();
  return {
    players: o.players,
    joinErrors,
    streamErrors,
    answerErrors,
    missed,
    errorSamples: errors.slice(0, 5),
    acknowledged,
    fanoutP50: percentile(fanout, 50),
    fanoutP99: percentile(fanout, 99),
    fanoutMax: fanout.length ? Math.max(...fanout) : NaN,
    answerP50: percentile(latencies, 50),
    answerP99: percentile(latencies, 99),
    seconds: (performance.now() - started) / 1000,
  };
}
