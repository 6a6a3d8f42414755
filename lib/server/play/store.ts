// The hot path of play — who is asking, serving the current question, recording an
// answer — in plain SQL on the database driver, one implementation per provider.
// Prisma's compiled queries cost ~0.5 ms each here (measured: docs/decisions/004),
// and an answer needs several; these run in one read and one short transaction.
// Everything else (starting attempts, results, boards, teachers) stays on Prisma.
// Rows are written in exactly the formats Prisma writes, so both read them alike.
import "server-only";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { startCheckpointer } from "./checkpointer";
import type { DatabaseTarget } from "@/lib/database-target";
import { numberedPlaceholders as numbered } from "@/lib/sql-placeholders";

export interface AttemptRow {
  id: string;
  playerId: string;
  mode: string;
  topic: string;
  status: string;
  score: number;
  streak: number;
  correctCount: number;
  answeredCount: number;
  questionCount: number;
  settings: string;
  nickname: string;
  assignmentCode: string | null;
  assignmentTitle: string | null;
}

export interface QuestionRow {
  id: string;
  position: number;
  question: string;
  servedAt: Date | null;
}

export interface AnswerRow {
  response: string;
  correct: boolean;
  credit: number;
  points: number;
  elapsedMs: number;
  detail: string;
}

export interface NewAnswer {
  attemptId: string;
  attemptQuestionId: string;
  response: string;
  credit: number;
  elapsedMs: number;
  createdAt: Date;
}

export interface Scored {
  correct: boolean;
  points: number;
  streakAfter: number;
  detail: string;
}

export type RecordOutcome =
  | { outcome: "recorded"; answer: AnswerRow; attempt: { score: number; streak: number; status: string } }
  | { outcome: "duplicate" }
  | { outcome: "finished" };

export interface PlayStore {
  findPlayer(playerId: string): Promise<{ id: string; nickname: string; secretHash: string } | null>;
  findAttempt(attemptId: string, playerId: string): Promise<AttemptRow | null>;
  /** The first question not yet answered, or null when all are. */
  currentQuestion(attemptId: string): Promise<QuestionRow | null>;
  question(attemptId: string, position: number): Promise<(QuestionRow & { answer: AnswerRow | null }) | null>;
  /** Starts the question's clock unless it has started; returns when it started. */
  markServed(questionId: string, now: Date): Promise<Date>;
  /**
   * In one transaction: reads the streak, lets `score` turn it into points, inserts
   * the answer (once: a second insert for the question is a duplicate) and updates
   * the attempt's totals, finishing it on its last answer.
   */
  recordAnswer(answer: NewAnswer, score: (streakBefore: number) => Scored): Promise<RecordOutcome>;
  close(): Promise<void>;
}

const ATTEMPT_SELECT = `SELECT a."id", a."playerId", a."mode", a."topic", a."status", a."score", a."streak", a."correctCount",
  a."answeredCount", a."questionCount", a."settings", p."nickname", s."code" AS "assignmentCode", s."title" AS "assignmentTitle"
  FROM "Attempt" a JOIN "Player" p ON p."id" = a."playerId" LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
  WHERE a."id" = ? AND a."playerId" = ?`;
const CURRENT_SELECT = `SELECT q."id", q."position", q."question", q."servedAt" FROM "AttemptQuestion" q
  WHERE q."attemptId" = ? AND NOT EXISTS (SELECT 1 FROM "Answer" w WHERE w."attemptQuestionId" = q."id")
  ORDER BY q."position" ASC LIMIT 1`;
const QUESTION_SELECT = `SELECT q."id", q."position", q."question", q."servedAt", w."response", w."correct", w."credit", w."points", w."elapsedMs", w."detail"
  FROM "AttemptQuestion" q LEFT JOIN "Answer" w ON w."attemptQuestionId" = q."id" WHERE q."attemptId" = ? AND q."position" = ?`;
const INSERT_ANSWER = `INSERT INTO "Answer" ("id", "attemptId", "attemptQuestionId", "response", "correct", "credit", "points", "elapsedMs", "detail", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("attemptQuestionId") DO NOTHING`;
const UPDATE_ATTEMPT = `UPDATE "Attempt" SET "score" = "score" + ?, "correctCount" = "correctCount" + ?, "answeredCount" = "answeredCount" + 1,
  "streak" = ?, "status" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN 'finished' ELSE "status" END,
  "finishedAt" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN ? ELSE "finishedAt" END
  WHERE "id" = ? RETURNING "score", "streak", "status"`;

/** New row ids: unique and url-safe, like Prisma's cuids (which the app never parses). */
const newId = () => `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;

type RawQuestion = { id: string; position: number; question: string; servedAt: unknown };
type RawAnswer = { response: string | null; correct: unknown; credit: number | null; points: number | null; elapsedMs: number | null; detail: string | null };

/** A question row with its answer (if any), whatever driver read it; `servedAt` already a Date or null. */
function withAnswer(row: RawQuestion & RawAnswer, servedAt: Date | null): QuestionRow & { answer: AnswerRow | null } {
  return { id: row.id, position: row.position, question: row.question, servedAt, answer: toAnswer(row) };
}

function toAnswer(row: RawAnswer): AnswerRow | null {
  if (row.response === null || row.response === undefined) return null;
  return { response: row.response, correct: row.correct === true || row.correct === 1, credit: Number(row.credit), points: Number(row.points), elapsedMs: Number(row.elapsedMs), detail: row.detail ?? "{}" };
}

// ------------------------------------------------------------------ SQLite

/** Prisma's SQLite DateTime text: ISO 8601 with an explicit +00:00 offset. */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const fromSqliteDate = (v: unknown) => (typeof v === "string" ? new Date(v) : null);

function prepare(filename: string, busyTimeoutMs: number) {
  const db = new Database(filename, { timeout: busyTimeoutMs });
  db.pragma("journal_mode = WAL");
  // In WAL mode, NORMAL syncs at checkpoints instead of every commit: a committed answer
  // survives a crash or SIGKILL of the app (the OS has it); only a power cut may lose the
  // last moments. See docs/decisions/004.
  db.pragma("synchronous = NORMAL");
  // Checkpoints run in a worker thread (checkpointer.ts), not inside a request's commit.
  db.pragma("wal_autocheckpoint = 0");
  const checkpointer = startCheckpointer(filename, busyTimeoutMs);
  const attempt = db.prepare(ATTEMPT_SELECT);
  const current = db.prepare(CURRENT_SELECT);
  const question = db.prepare(QUESTION_SELECT);
  const player = db.prepare(`SELECT "id", "nickname", "secretHash" FROM "Player" WHERE "id" = ?`);
  const serve = db.prepare(`UPDATE "AttemptQuestion" SET "servedAt" = ? WHERE "id" = ? AND "servedAt" IS NULL`);
  const servedAt = db.prepare(`SELECT "servedAt" FROM "AttemptQuestion" WHERE "id" = ?`);
  const streak = db.prepare(`SELECT "streak", "status" FROM "Attempt" WHERE "id" = ?`);
  const insert = db.prepare(INSERT_ANSWER);
  const update = db.prepare(UPDATE_ATTEMPT);

  // better-sqlite3 runs a transaction synchronously: nothing else can interleave with it.
  const record = db.transaction((a: NewAnswer, score: (streakBefore: number) => Scored): RecordOutcome => {
    const before = streak.get(a.attemptId) as { streak: number; status: string } | undefined;
    if (!before || before.status !== "in_progress") return { outcome: "finished" };
    const s = score(before.streak);
    const inserted = insert.run(newId(), a.attemptId, a.attemptQuestionId, a.response, s.correct ? 1 : 0, a.credit, s.points, a.elapsedMs, s.detail, sqliteDate(a.createdAt));
    if (inserted.changes === 0) return { outcome: "duplicate" };
    const totals = update.get(s.points, s.correct ? 1 : 0, s.streakAfter, sqliteDate(a.createdAt), a.attemptId) as { score: number; streak: number; status: string };
    return {
      outcome: "recorded",
      answer: { response: a.response, correct: s.correct, credit: a.credit, points: s.points, elapsedMs: a.elapsedMs, detail: s.detail },
      attempt: totals,
    };
  });
  return { db, checkpointer, attempt, current, question, player, serve, servedAt, record };
}

export function createSqliteStore(filename: string, busyTimeoutMs: number): PlayStore {
  // Opened on first use, so importing the app (e.g. during `next build`) touches no file.
  let prepared: ReturnType<typeof prepare> | null = null;
  const connection = () => (prepared ??= prepare(filename, busyTimeoutMs));
  return {
    async findPlayer(id) {
      return (connection().player.get(id) as { id: string; nickname: string; secretHash: string } | undefined) ?? null;
    },
    async findAttempt(attemptId, playerId) {
      return (connection().attempt.get(attemptId, playerId) as AttemptRow | undefined) ?? null;
    },
    async currentQuestion(attemptId) {
      const row = connection().current.get(attemptId) as RawQuestion | undefined;
      return row ? { ...row, servedAt: fromSqliteDate(row.servedAt) } : null;
    },
    async question(attemptId, position) {
      const row = connection().question.get(attemptId, position) as (RawQuestion & RawAnswer) | undefined;
      return row ? withAnswer(row, fromSqliteDate(row.servedAt)) : null;
    },
    async markServed(id, now) {
      const { serve, servedAt } = connection();
      serve.run(sqliteDate(now), id);
      return fromSqliteDate((servedAt.get(id) as { servedAt: string }).servedAt)!;
    },
    async recordAnswer(a, score) {
      return connection().record.immediate(a, score);
    },
    async close() {
      await prepared?.checkpointer.stop();
      prepared?.db.close();
      prepared = null;
    },
  };
}

// -------------------------------------------------------------- PostgreSQL


/** Prisma keeps DateTime as UTC wall-clock in "timestamp(3)": read it as UTC, whatever the server's zone. */
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 1114) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;
const pgDate = (d: Date) => d.toISOString();

export function createPostgresStore(connectionString: string, max: number): PlayStore {
  const pool = new pg.Pool({ connectionString, max, types: pgTypes, connectionTimeoutMillis: 5000 });
  // An idle connection dropped by the server (restart, network cut) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on("error", (error) => console.warn("PostgreSQL connection lost (the pool will reconnect):", error.message));
  const one = async <T>(sql: string, params: unknown[]) => ((await pool.query(numbered(sql), params)).rows[0] as T | undefined) ?? null;
  return {
    findPlayer: (id) => one(`SELECT "id", "nickname", "secretHash" FROM "Player" WHERE "id" = ?`, [id]),
    findAttempt: (attemptId, playerId) => one<AttemptRow>(ATTEMPT_SELECT, [attemptId, playerId]),
    async currentQuestion(attemptId) {
      return one<QuestionRow>(CURRENT_SELECT, [attemptId]);
    },
    async question(attemptId, position) {
      const row = await one<RawQuestion & RawAnswer>(QUESTION_SELECT, [attemptId, position]);
      return row ? withAnswer(row, (row.servedAt as Date | null) ?? null) : null;
    },
    async markServed(id, now) {
      // One statement: set the clock if unset, and return whichever time won.
      const row = await one<{ servedAt: Date }>(
        `UPDATE "AttemptQuestion" SET "servedAt" = COALESCE("servedAt", ?::timestamp) WHERE "id" = ? RETURNING "servedAt"`,
        [pgDate(now), id],
      );
      return row!.servedAt;
    },
    async recordAnswer(a, score) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        // Lock the attempt row: answers to one attempt are recorded one at a time.
        const before = (await client.query(`SELECT "streak", "status" FROM "Attempt" WHERE "id" = $1 FOR UPDATE`, [a.attemptId])).rows[0] as
          | { streak: number; status: string }
          | undefined;
        if (!before || before.status !== "in_progress") {
          await client.query("ROLLBACK");
          return { outcome: "finished" };
        }
        const s = score(before.streak);
        const inserted = await client.query(numbered(INSERT_ANSWER), [newId(), a.attemptId, a.attemptQuestionId, a.response, s.correct, a.credit, s.points, a.elapsedMs, s.detail, pgDate(a.createdAt)]);
        if (inserted.rowCount === 0) {
          await client.query("ROLLBACK");
          return { outcome: "duplicate" };
        }
        const totals = (await client.query(numbered(UPDATE_ATTEMPT), [s.points, s.correct ? 1 : 0, s.streakAfter, pgDate(a.createdAt), a.attemptId])).rows[0] as {
          score: number;
          streak: number;
          status: string;
        };
        await client.query("COMMIT");
        return {
          outcome: "recorded",
          answer: { response: a.response, correct: s.correct, credit: a.credit, points: s.points, elapsedMs: a.elapsedMs, detail: s.detail },
          attempt: totals,
        };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export function createPlayStore(target: DatabaseTarget, busyTimeoutMs: number, poolSize: number): PlayStore {
  return target.provider === "postgres" ? createPostgresStore(target.url, poolSize) : createSqliteStore(target.filename, busyTimeoutMs);
}
