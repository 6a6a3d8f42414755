// A class-sized burst, loopback only and bounded in time: one assignment, N
// players join, and every player answers the same question within a window
// (5 s), then the next, for Q questions. Works against one server or several
// sharing a database (requests are spread round-robin). Verifies afterwards
// from the database itself: every acknowledged answer stored, and the served
// leaderboard equal to one recomputed from the stored answers.
// No server-only imports: the e2e burst and fault tests drive it as well as `npm run bench`.
import Database from "better-sqlite3";
import pg from "pg";
import { Agent, request } from "undici";
import { DEFAULT_ASSIGNMENT_SETTINGS } from "../lib/play/settings";
import { numberedPlaceholders } from "../lib/sql-placeholders";
import { percentile } from "./stats";

export interface BurstOptions {
  urls: string[];
  databaseUrl: string;
  players: number;
  questions: number;
  windowMs: number;
  code: string;
  /** Requests in flight at once while joining and serving. */
  concurrency?: number;
  /** Called while question `question`'s answers are being sent, `afterMs` into its window. */
  during?: { question: number; afterMs: number; run: () => Promise<void> };
  log?: (line: string) => void;
}

export interface Player {
  index: number;
  nickname: string;
  cookie: string;
  attemptId: string;
}

export interface BurstResult {
  players: number;
  joinErrors: number;
  answerErrors: number;
  errorSamples: string[];
  acknowledged: number;
  storedForAcknowledged: number;
  storedTotal: number;
  answerP50: number;
  answerP99: number;
  answerMax: number;
  leaderboardMatches: boolean;
  leaderboardChecked: number;
  seconds: number;
  joined: Player[];
  acked: Set<string>;
}

// ---- The database, read directly (SQLite file or PostgreSQL) ----
export interface Sql {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export async function openSql(databaseUrl: string): Promise<Sql> {
  if (/^postgres(ql)?:/.test(databaseUrl)) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      all: async (sql, params = []) => (await client.query(numberedPlaceholders(sql), params)).rows,
      run: async (sql, params = []) => void (await client.query(numberedPlaceholders(sql), params)),
      close: () => client.end(),
    };
  }
  const db = new Database(databaseUrl.replace(/^file:/, ""), { timeout: 5000 });
  return {
    all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
    run: async (sql, params = []) => void db.prepare(sql).run(...params),
    close: async () => void db.close(),
  };
}

export async function createBurstAssignment(
  sql: Sql,
  code: string,
  questions: number,
  postgres: boolean,
): Promise<void> {
  const settings = { ...DEFAULT_ASSIGNMENT_SETTINGS, count: questions };
  const now = postgres ? new Date() : new Date().toISOString().replace("Z", "+00:00");
  await sql.run(
    `INSERT INTO "Assignment" ("id", "code", "title", "topic", "settings", "createdAt") VALUES (?, ?, ?, 'kazakhstan-2022', ?, ?)`,
    [`burst${code.toLowerCase()}${Date.now()}`, code, `Burst ${code}`, JSON.stringify(settings), now],
  );
}

// ---- HTTP ----
const agent = new Agent({
  connections: 512,
  pipelining: 1,
  keepAliveTimeout: 30_000,
  headersTimeout: 30_000,
  bodyTimeout: 30_000,
});

async function call(
  url: string,
  path: string,
  method: "GET" | "POST",
  opts: { cookie?: string; body?: unknown; ip?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.cookie) headers.cookie = opts.cookie;
  // Each simulated player is its own device (own address), as in a real class of phones and Chromebooks.
  if (opts.ip) headers["x-forwarded-for"] = opts.ip;
  const res = await request(`${url}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    dispatcher: agent,
  });
  const text = await res.body.text();
  const setCookie = res.headers["set-cookie"];
  return {
    status: res.statusCode,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    setCookie: Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [],
  };
}

async function limited<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

export async function joinPlayers(
  urls: string[],
  code: string,
  count: number,
  concurrency: number,
  errors: string[],
): Promise<Player[]> {
  const joined: Player[] = [];
  await limited(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      let nickname = `Player ${i + 1}`;
      try {
        // A refused or taken name comes back with a suggestion: take it, as a student would.
        for (let tries = 0; ; tries++) {
          const res = await call(urls[i % urls.length]!, "/api/join", "POST", {
            body: { code, nickname },
            ip: ipOf(i),
          });
          const suggestion = (res.json.error as { suggestion?: string } | undefined)?.suggestion;
          if ((res.status === 422 || res.status === 409) && suggestion && tries < 3) {
            nickname = suggestion;
            continue;
          }
          if (res.status !== 201) throw new Error(`join ${res.status} ${JSON.stringify(res.json).slice(0, 120)}`);
          joined.push({
            index: i,
            nickname,
            cookie: res.setCookie[0]!.split(";")[0]!,
            attemptId: String(res.json.attemptId),
          });
          break;
        }
      } catch (error) {
        errors.push((error as Error).message);
      }
    },
  );
  return joined.sort((a, b) => a.index - b.index);
}

type Served = { position: number; question: { type: string; options?: { id: string }[]; items?: { id: string }[] } };

export async function serve(url: string, player: Player): Promise<Served> {
  const res = await call(url, `/api/attempts/${player.attemptId}/current`, "POST", {
    cookie: player.cookie,
    body: {},
    ip: ipOf(player.index),
  });
  if (res.status !== 200) throw new Error(`current ${res.status} ${JSON.stringify(res.json).slice(0, 120)}`);
  return res.json as unknown as Served;
}

export function responseFor(served: Served, seed: number): string | string[] {
  if (served.question.type === "timeline") return served.question.items!.map((i) => i.id);
  const options = served.question.options!;
  return options[seed % options.length]!.id;
}

export async function answer(url: string, player: Player, served: Served, seed: number) {
  return call(url, `/api/attempts/${player.attemptId}/answers`, "POST", {
    cookie: player.cookie,
    body: { position: served.position, response: responseFor(served, seed) },
    ip: ipOf(player.index),
  });
}

export async function runBurst(o: BurstOptions): Promise<BurstResult> {
  const log = o.log ?? (() => undefined);
  const concurrency = o.concurrency ?? 64;
  const errors: string[] = [];
  const started = performance.now();
  const sql = await openSql(o.databaseUrl);
  await createBurstAssignment(sql, o.code, o.questions, /^postgres/.test(o.databaseUrl));
  const urlFor = (p: Player) => o.urls[p.index % o.urls.length]!;

  const players = await joinPlayers(o.urls, o.code, o.players, concurrency, errors);
  const joinErrors = o.players - players.length;
  log(`joined ${players.length}/${o.players} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const acked = new Set<string>();
  const latencies: number[] = [];
  let answerErrors = 0;
  for (let q = 0; q < o.questions; q++) {
    const served = new Map<number, Served>();
    await limited(players, concurrency, async (p) => {
      try {
        served.set(p.index, await serve(urlFor(p), p));
      } catch (error) {
        answerErrors++;
        errors.push((error as Error).message);
      }
    });
    // Open loop: answer i leaves at its slot in the window, whether or not earlier ones returned.
    const start = performance.now();
    const interval = o.windowMs / Math.max(1, players.length);
    const inflight: Promise<void>[] = [];
    let hook: Promise<void> | null = null;
    for (const [k, p] of players.entries()) {
      const scheduled = start + k * interval;
      const wait = scheduled - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (o.during && o.during.question === q && !hook && performance.now() - start >= o.during.afterMs)
        hook = o.during.run();
      const s = served.get(p.index);
      if (!s) continue;
      inflight.push(
        answer(urlFor(p), p, s, p.index + q)
          .then((res) => {
            if (res.status === 200) {
              acked.add(`${p.attemptId}:${s.position}`);
              latencies.push(performance.now() - scheduled);
            } else {
              answerErrors++;
              errors.push(`answer ${res.status} ${JSON.stringify(res.json).slice(0, 120)}`);
            }
          })
          .catch((error: Error) => {
            answerErrors++;
            errors.push(`answer ${error.message}`);
          }),
      );
    }
    await Promise.all(inflight);
    if (hook) await hook;
    log(`question ${q + 1}: ${latencies.length} answers acknowledged so far, ${answerErrors} errors`);
    if (o.during && o.during.question === q) break; // the fault run stops here; its caller checks resumption
  }

  // After a fault the caller restarts the server and verifies; otherwise verify now.
  const verified = o.during
    ? { storedForAcknowledged: NaN, storedTotal: NaN, leaderboardMatches: false, leaderboardChecked: 0 }
    : await verifyBurst(sql, o.urls[0]!, o.code, acked);
  await sql.close();
  return {
    players: players.length,
    joinErrors,
    answerErrors,
    errorSamples: [...new Set(errors)].slice(0, 5),
    acknowledged: acked.size,
    ...verified,
    answerP50: latencies.length ? percentile(latencies, 50) : NaN,
    answerP99: latencies.length ? percentile(latencies, 99) : NaN,
    answerMax: latencies.length ? Math.max(...latencies) : NaN,
    seconds: (performance.now() - started) / 1000,
    joined: players,
    acked,
  };
}

/** Stored answers for the acknowledged ones, and the served board against one recomputed from stored answers. */
export async function verifyBurst(sql: Sql, url: string, code: string, acked: Set<string>) {
  const stored = await sql.all<{ attemptId: string; position: number }>(
    `SELECT q."attemptId", q."position" FROM "Answer" a JOIN "AttemptQuestion" q ON q."id" = a."attemptQuestionId" JOIN "Attempt" t ON t."id" = q."attemptId" JOIN "Assignment" s ON s."id" = t."assignmentId" WHERE s."code" = ?`,
    [code],
  );
  const storedKeys = new Set(stored.map((r) => `${r.attemptId}:${Number(r.position)}`));
  const storedForAcknowledged = [...acked].filter((k) => storedKeys.has(k)).length;

  const rows = await sql.all<{
    id: string;
    playerId: string;
    nickname: string;
    finishedAt: string | Date;
    points: number | string | null;
    score: number;
  }>(
    `SELECT t."id", t."playerId", p."nickname", t."finishedAt", t."score", (SELECT SUM(a."points") FROM "Answer" a WHERE a."attemptId" = t."id") AS "points"
     FROM "Attempt" t JOIN "Player" p ON p."id" = t."playerId" JOIN "Assignment" s ON s."id" = t."assignmentId"
     WHERE s."code" = ? AND t."status" = 'finished'`,
    [code],
  );
  const recomputed = rows
    .map((r) => ({ ...r, points: Number(r.points ?? 0), finished: new Date(r.finishedAt).getTime() }))
    .sort((a, b) => b.points - a.points || a.finished - b.finished || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const best: { nickname: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const r of recomputed) {
    if (seen.has(r.playerId)) continue;
    seen.add(r.playerId);
    best.push({ nickname: r.nickname, score: r.points });
  }
  const board = await call(url, `/api/leaderboards/${code}`, "GET");
  const entries = ((board.json.entries as { nickname: string; score: number }[] | undefined) ?? []).map((e) => ({
    nickname: e.nickname,
    score: e.score,
  }));
  const expected = best.slice(0, entries.length);
  const leaderboardMatches =
    board.status === 200 &&
    entries.length === Math.min(best.length, 100) &&
    JSON.stringify(entries) === JSON.stringify(expected);
  return {
    storedForAcknowledged,
    storedTotal: storedKeys.size,
    leaderboardMatches,
    leaderboardChecked: entries.length,
  };
}

export async function closeBurstAgent(): Promise<void> {
  await agent.close();
}
