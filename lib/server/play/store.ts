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
  /**
   * The attempt as read before grading. A store may write in one statement on the
   * condition that the attempt is still so (PostgreSQL does); if it is not, it
   * falls back to reading the streak inside its transaction.
   */
  seen?: { streak: number; answeredCount: number };
}

export interface Scored {
  correct: boolean;
  points: number;
  streakAfter: number;
  detail: string;
}

export interface AnswerContext {
  attempt: AttemptRow;
  secretHash: string;
  question: (QuestionRow & { answer: AnswerRow | null }) | null;
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
  /**
   * What grading an answer needs, in one read: the attempt (null unless `playerId` owns it),
   * its player's secret hash (so the caller can check a cookie without a second query),
   * and the question at `position` with its answer, if any.
   */
  answerContext(attemptId: string, playerId: string, position: number): Promise<AnswerContext | null>;
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
// Positional parameters in order: position, attempt id, player id.
const ANSWER_CONTEXT_SELECT = `SELECT a."id", a."playerId", a."mode", a."topic", a."status", a."score", a."streak", a."correctCount",
  a."answeredCount", a."questionCount", a."settings", p."nickname", p."secretHash", s."code" AS "assignmentCode", s."title" AS "assignmentTitle",
  q."id" AS "questionRowId", q."position", q."question", q."servedAt", w."response", w."correct", w."credit", w."points", w."elapsedMs", w."detail"
  FROM "Attempt" a JOIN "Player" p ON p."id" = a."playerId" LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
  LEFT JOIN "AttemptQuestion" q ON q."attemptId" = a."id" AND q."position" = ?
  LEFT JOIN "Answer" w ON w."attemptQuestionId" = q."id"
  WHERE a."id" = ? AND a."playerId" = ?`;
const CURRENT_SELECT = `SELECT q."id", q."position", q."question", q."servedAt" FROM "AttemptQuestion" q
  WHERE q."attemptId" = ? AND NOT EXISTS (SELECT 1 FROM "Answer" w WHERE w."attemptQuestionId" = q."id")
  ORDER BY q."position" ASC LIMIT 1`;
const QUESTION_SELECT = `SELECT q."id", q."position", q."question", q."servedAt", w."response", w."correct", w."credit", w."points", w."elapsedMs", w."detail"
  FROM "AttemptQuestion" q LEFT JOIN "Answer" w ON w."attemptQuestionId" = q."id" WHERE q."attemptId" = ? AND q."position" = ?`;
const INSERT_ANSWER = `INSERT INTO "Answer" ("id", "attemptId", "attemptQuestionId", "response", "correct", "credit", "points", "elapsedMs", "detail", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("attemptQuestionId") DO NOTHING`;
// PostgreSQL, one round trip: record the answer only if the attempt is as it was read
// (still in progress, same streak and answer count) and the question has no answer.
// A concurrent answer to the same attempt changes answeredCount, so the row lock makes
// the second statement re-check and match nothing; the caller then takes the
// transaction path, which tells a duplicate from a finished quiz.
const RECORD_IF_UNCHANGED = `WITH updated AS (
    UPDATE "Attempt" SET "score" = "score" + $1, "correctCount" = "correctCount" + $2, "answeredCount" = "answeredCount" + 1, "streak" = $3,
      "status" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN 'finished' ELSE "status" END,
      "finishedAt" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN $4::timestamp ELSE "finishedAt" END
    WHERE "id" = $5 AND "status" = 'in_progress' AND "streak" = $6 AND "answeredCount" = $7
      AND NOT EXISTS (SELECT 1 FROM "Answer" WHERE "attemptQuestionId" = $8)
    RETURNING "score", "streak", "status"
  ), inserted AS (
    INSERT INTO "Answer" ("id", "attemptId", "attemptQuestionId", "response", "correct", "credit", "points", "elapsedMs", "detail", "createdAt")
    SELECT $9, $5, $8, $10, $11, $12, $1, $13, $14, $4::timestamp FROM updated
  )
  SELECT "score", "streak", "status" FROM updated`;
const UPDATE_ATTEMPT = `UPDATE "Attempt" SET "score" = "score" + ?, "correctCount" = "correctCount" + ?, "answeredCount" = "answeredCount" + 1,
  "streak" = ?, "status" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN 'finished' ELSE "status" END,
  "finishedAt" = CASE WHEN "answeredCount" + 1 >= "questionCount" THEN ? ELSE "finishedAt" END
  WHERE "id" = ? RETURNING "score", "streak", "status"`;

/** New row ids: unique and url-safe, like Prisma's cuids (which the app never parses). */
const newId = () => `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;

type RawQuestion = { id: string; position: number; question: string; servedAt: unknown };
type RawAnswer = {
  response: string | null;
  correct: unknown;
  credit: number | null;
  points: number | null;
  elapsedMs: number | null;
  detail: string | null;
};

/** A question row with its answer (if any), whatever driver read it; `servedAt` already a Date or null. */
function withAnswer(row: RawQuestion & RawAnswer, servedAt: Date | null): QuestionRow & { answer: AnswerRow | null } {
  return { id: row.id, position: row.position, question: row.question, servedAt, answer: toAnswer(row) };
}

type RawContext = AttemptRow & {
  secretHash: string;
  questionRowId: string | null;
  position: number;
  question: string;
  servedAt: unknown;
} & RawAnswer;

function toContext(row: RawContext, servedAt: Date | null): AnswerContext {
  const {
    secretHash,
    questionRowId,
    position,
    question,
    servedAt: rawServedAt,
    response,
    correct,
    credit,
    points,
    elapsedMs,
    detail,
    ...attempt
  } = row;
  if (questionRowId === null) return { attempt, secretHash, question: null };
  return {
    attempt,
    secretHash,
    question: withAnswer(
      {
        id: questionRowId,
        position,
        question,
        servedAt: rawServedAt,
        response,
        correct,
        credit,
        points,
        elapsedMs,
        detail,
      },
      servedAt,
    ),
  };
}

/** The answer row just written, as the store returns it. */
function recordedAnswer(a: NewAnswer, s: Scored): AnswerRow {
  return {
    response: a.response,
    correct: s.correct,
    credit: a.credit,
    points: s.points,
    elapsedMs: a.elapsedMs,
    detail: s.detail,
  };
}

function toAnswer(row: RawAnswer): AnswerRow | null {
  if (row.response === null || row.response === undefined) return null;
  return {
    response: row.response,
    correct: row.correct === true || row.correct === 1,
    credit: Number(row.credit),
    points: Number(row.points),
    elapsedMs: Number(row.elapsedMs),
    detail: row.detail ?? "{}",
  };
}

// ------------------------------------------------------------------ SQLite

/** At most this many answers share a commit, so one commit never holds the event loop long. */
const MAX_ANSWERS_PER_COMMIT = 100;

interface PendingAnswer {
  answer: NewAnswer;
  score: (streakBefore: number) => Scored;
  resolve: (outcome: RecordOutcome) => void;
  reject: (error: unknown) => void;
  settled?: { ok: true; outcome: RecordOutcome } | { ok: false; error: unknown };
}

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
  const context = db.prepare(ANSWER_CONTEXT_SELECT);
  const player = db.prepare(`SELECT "id", "nickname", "secretHash" FROM "Player" WHERE "id" = ?`);
  const serve = db.prepare(`UPDATE "AttemptQuestion" SET "servedAt" = ? WHERE "id" = ? AND "servedAt" IS NULL`);
  const servedAt = db.prepare(`SELECT "servedAt" FROM "AttemptQuestion" WHERE "id" = ?`);
  const streak = db.prepare(`SELECT "streak", "status" FROM "Attempt" WHERE "id" = ?`);
  const insert = db.prepare(INSERT_ANSWER);
  const update = db.prepare(UPDATE_ATTEMPT);

  // better-sqlite3 runs a transaction synchronously: nothing else can interleave with it.
  // Called inside recordBatch's transaction, this one becomes a savepoint.
  const recordOne = db.transaction((a: NewAnswer, score: (streakBefore: number) => Scored): RecordOutcome => {
    const before = streak.get(a.attemptId) as { streak: number; status: string } | undefined;
    if (!before || before.status !== "in_progress") return { outcome: "finished" };
    const s = score(before.streak);
    const inserted = insert.run(
      newId(),
      a.attemptId,
      a.attemptQuestionId,
      a.response,
      s.correct ? 1 : 0,
      a.credit,
      s.points,
      a.elapsedMs,
      s.detail,
      sqliteDate(a.createdAt),
    );
    if (inserted.changes === 0) return { outcome: "duplicate" };
    const totals = update.get(s.points, s.correct ? 1 : 0, s.streakAfter, sqliteDate(a.createdAt), a.attemptId) as {
      score: number;
      streak: number;
      status: string;
    };
    return {
      outcome: "recorded",
      answer: recordedAnswer(a, s),
      attempt: totals,
    };
  });
  // Group commit: the answers that arrive together (within one turn of the event loop)
  // are recorded in one transaction, each in its own savepoint, so one failing answer fails
  // alone. Each still runs the same steps as above; the batch shares the locking and the
  // WAL writes of a commit, which cost more than the answers themselves (docs/decisions/004).
  // A promise resolves only after its batch has committed.
  const recordBatch = db.transaction((batch: PendingAnswer[]) => {
    for (const item of batch) {
      try {
        item.settled = { ok: true, outcome: recordOne(item.answer, item.score) };
      } catch (error) {
        item.settled = { ok: false, error };
      }
    }
  });
  const queue: PendingAnswer[] = [];
  const stats = { commits: 0, answers: 0 };
  const flush = () => {
    if (queue.length === 0) return;
    const batch = queue.splice(0, MAX_ANSWERS_PER_COMMIT);
    if (queue.length > 0) setImmediate(flush);
    try {
      recordBatch.immediate(batch);
    } catch (error) {
      // BEGIN or COMMIT failed (e.g. the database stayed locked): the batch was rolled back.
      for (const item of batch) item.reject(error);
      return;
    }
    stats.commits++;
    stats.answers += batch.length;
    for (const item of batch) {
      if (item.settled?.ok) item.resolve(item.settled.outcome);
      else item.reject(item.settled?.error);
    }
  };
  const record = (answer: NewAnswer, score: (streakBefore: number) => Scored) =>
    new Promise<RecordOutcome>((resolve, reject) => {
      queue.push({ answer, score, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
  /** Records what is queued now (before closing the connection). */
  const drain = () => {
    while (queue.length > 0) flush();
  };
  return { db, checkpointer, attempt, context, current, question, player, serve, servedAt, record, drain, stats };
}

export function createSqliteStore(
  filename: string,
  busyTimeoutMs: number,
): PlayStore & { commitStats(): { commits: number; answers: number } } {
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
    async answerContext(attemptId, playerId, position) {
      const row = connection().context.get(position, attemptId, playerId) as RawContext | undefined;
      return row ? toContext(row, fromSqliteDate(row.servedAt)) : null;
    },
    async markServed(id, now) {
      const { serve, servedAt } = connection();
      serve.run(sqliteDate(now), id);
      return fromSqliteDate((servedAt.get(id) as { servedAt: string }).servedAt)!;
    },
    async recordAnswer(a, score) {
      return connection().record(a, score);
    },
    /** Answer commits since the connection opened, and the answers they held. */
    commitStats() {
      return { ...connection().stats };
    },
    async close() {
      prepared?.drain();
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
  // The hot statements are prepared once per connection (named), so PostgreSQL parses and
  // plans each once instead of on every request. (Behind PgBouncer in transaction mode this
  // needs PgBouncer ≥ 1.21 with max_prepared_statements set; see README.)
  const statements = new Map<string, { name: string; text: string }>();
  const prepared = (sql: string, values: unknown[]): pg.QueryConfig => {
    let statement = statements.get(sql);
    if (!statement)
      statements.set(sql, (statement = { name: `fact_trail_play_${statements.size + 1}`, text: numbered(sql) }));
    return { ...statement, values };
  };
  const one = async <T>(sql: string, params: unknown[]) =>
    ((await pool.query(prepared(sql, params))).rows[0] as T | undefined) ?? null;
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
    async answerContext(attemptId, playerId, position) {
      const row = await one<RawContext>(ANSWER_CONTEXT_SELECT, [position, attemptId, playerId]);
      return row ? toContext(row, (row.servedAt as Date | null) ?? null) : null;
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
      if (a.seen) {
        const s = score(a.seen.streak);
        const { rows } = await pool.query<{ score: number; streak: number; status: string }>(
          prepared(RECORD_IF_UNCHANGED, [
            s.points,
            s.correct ? 1 : 0,
            s.streakAfter,
            pgDate(a.createdAt),
            a.attemptId,
            a.seen.streak,
            a.seen.answeredCount,
            a.attemptQuestionId,
            newId(),
            a.response,
            s.correct,
            a.credit,
            a.elapsedMs,
            s.detail,
          ]),
        );
        const totals = rows[0];
        if (totals)
          return {
            outcome: "recorded",
            answer: recordedAnswer(a, s),
            attempt: totals,
          };
      }
      return recordInTransaction(a, score);
    },
    async close() {
      await pool.end();
    },
  };

  async function recordInTransaction(a: NewAnswer, score: (streakBefore: number) => Scored): Promise<RecordOutcome> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      // Lock the attempt row: answers to one attempt are recorded one at a time.
      const before = (
        await client.query(`SELECT "streak", "status" FROM "Attempt" WHERE "id" = $1 FOR UPDATE`, [a.attemptId])
      ).rows[0] as { streak: number; status: string } | undefined;
      if (!before || before.status !== "in_progress") {
        await client.query("ROLLBACK");
        return { outcome: "finished" };
      }
      const s = score(before.streak);
      const inserted = await client.query(numbered(INSERT_ANSWER), [
        newId(),
        a.attemptId,
        a.attemptQuestionId,
        a.response,
        s.correct,
        a.credit,
        s.points,
        a.elapsedMs,
        s.detail,
        pgDate(a.createdAt),
      ]);
      if (inserted.rowCount === 0) {
        await client.query("ROLLBACK");
        return { outcome: "duplicate" };
      }
      const totals = (
        await client.query(numbered(UPDATE_ATTEMPT), [
          s.points,
          s.correct ? 1 : 0,
          s.streakAfter,
          pgDate(a.createdAt),
          a.attemptId,
        ])
      ).rows[0] as {
        score: number;
        streak: number;
        status: string;
      };
      await client.query("COMMIT");
      return {
        outcome: "recorded",
        answer: recordedAnswer(a, s),
        attempt: totals,
      };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

export function createPlayStore(target: DatabaseTarget, busyTimeoutMs: number, poolSize: number): PlayStore {
  return target.provider === "postgres"
    ? createPostgresStore(target.url, poolSize)
    : createSqliteStore(target.filename, busyTimeoutMs);
}
