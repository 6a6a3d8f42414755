// The play store on PostgreSQL (pg): named prepared statements per connection; an
// answer in one statement when the attempt is as it was read, else a locking transaction.
import "server-only";
import pg from "pg";
import { weekKey } from "@/lib/play/leaderboard";
import { numberedPlaceholders as numbered } from "@/lib/sql-placeholders";
import { noteCommit } from "../../stall-probe";
import { reviewMemory, type MemoryState, type MemoryUpdate } from "@/lib/play/memory";
import {
  memoryArrays,
  newId,
  recordedAnswer,
  toClassBoard,
  toContext,
  toLiveContext,
  toMemory,
  withAnswer,
} from "./rows";
import type * as Rows from "./rows";
import * as SQL from "./sql";

/** Prisma keeps DateTime as UTC wall-clock in "timestamp(3)": read it as UTC, whatever the server's zone. */
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 1114) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;
const pgDate = (d: Date) => d.toISOString();

export function createPostgresStore(connectionString: string, max: number): Rows.PlayStore {
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
    findAttempt: (attemptId, playerId) => one<Rows.AttemptRow>(SQL.ATTEMPT_SELECT, [attemptId, playerId]),
    async currentQuestion(attemptId) {
      return one<Rows.AttemptQuestionRow>(SQL.CURRENT_SELECT, [attemptId]);
    },
    async question(attemptId, position) {
      const row = await one<Rows.RawQuestion & Rows.RawAnswer>(SQL.QUESTION_SELECT, [attemptId, position]);
      return row ? withAnswer(row, (row.servedAt as Date | null) ?? null) : null;
    },
    async answerContext(attemptId, playerId, position) {
      const row = await one<Rows.RawContext>(SQL.ANSWER_CONTEXT_SELECT, [position, attemptId, playerId]);
      return row ? toContext(row, (row.servedAt as Date | null) ?? null) : null;
    },
    async liveAnswerContext(code, playerId, position) {
      const row = await one<Rows.RawLiveContext>(SQL.LIVE_ANSWER_CONTEXT_SELECT, [playerId, position, code]);
      return row ? toLiveContext(row, (v) => (v as Date | null) ?? null, (row.servedAt as Date | null) ?? null) : null;
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
      const started = performance.now();
      try {
        return await record(a, score);
      } finally {
        noteCommit(performance.now() - started, 0, 1);
      }
    },
    async leaderboard(board, limit, assignmentId) {
      const { rows } = await pool.query<Rows.RawBoardRow>(
        prepared(SQL.BOARD_SELECT, [board, assignmentId ?? "", limit]),
      );
      return rows.map((r) => ({ ...r, finishedAt: r.finishedAt as Date }));
    },
    async classBoard(code, missKey, limit) {
      const { rows } = await pool.query<Rows.RawClassBoardRow>(
        prepared(SQL.CLASS_BOARD_SELECT, [code, missKey, limit]),
      );
      return toClassBoard(rows, (v) => (v instanceof Date ? v : null));
    },
    async postToBoards(attemptId, finishedAt) {
      await pool.query(prepared(SQL.POST_TO_BOARDS, [weekKey(finishedAt), attemptId]));
    },
    async warm() {
      // Every connection of the pool, each preparing the hot statements (none matches a row).
      const clients = await Promise.all(Array.from({ length: max }, () => pool.connect()));
      const none = "warm-up";
      const epoch = pgDate(new Date(0));
      try {
        await Promise.all(
          clients.map(async (client) => {
            for (const [sql, values] of [
              [`SELECT "id", "nickname", "secretHash" FROM "Player" WHERE "id" = ?`, [none]],
              [SQL.ATTEMPT_SELECT, [none, none]],
              [SQL.CURRENT_SELECT, [none]],
              [SQL.QUESTION_SELECT, [none, 0]],
              [SQL.ANSWER_CONTEXT_SELECT, [0, none, none]],
              [SQL.LIVE_ANSWER_CONTEXT_SELECT, [none, 0, none]],
              [
                `UPDATE "AttemptQuestion" SET "servedAt" = COALESCE("servedAt", ?::timestamp) WHERE "id" = ? RETURNING "servedAt"`,
                [epoch, none],
              ],
              [
                SQL.RECORD_IF_UNCHANGED,
                [0, 0, 0, epoch, none, 0, 0, none, none, "null", false, 0, 0, "{}", "1970-01-01"],
              ],
              [SQL.BOARD_SELECT, [none, none, 1]],
              [SQL.CLASS_BOARD_SELECT, [none, none, 1]],
            ] as const)
              await client.query(prepared(sql, [...values]));
          }),
        );
      } finally {
        for (const client of clients) client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };

  /** The answer in one statement when the attempt is as it was read, else in a locking transaction. */
  async function record(a: Rows.NewAnswer, score: (streakBefore: number) => Rows.Scored): Promise<Rows.RecordOutcome> {
    if (a.seen) {
      const s = score(a.seen.streak);
      const params = [
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
        weekKey(a.createdAt),
      ];
      let totals: { score: number; streak: number; status: string } | undefined;
      if (a.memory) {
        // Two round trips: the prior cards, then one statement that records the answer and the
        // new cards on condition that neither the attempt nor the cards changed meanwhile.
        const m = a.memory;
        const items = m.reviews.map((r) => r.item);
        const prior = await readMemory(pool, m, items);
        const [itemArray, ...rest] = memoryArrays(reviewMemory(prior.cards, m.reviews, a.createdAt));
        const { rows } = await pool.query<{ score: number; streak: number; status: string }>(
          prepared(SQL.PG_RECORD_WITH_MEMORY_IF_UNCHANGED, [
            ...params,
            m.playerId,
            m.topic,
            itemArray,
            prior.repsSum,
            ...rest,
          ]),
        );
        totals = rows[0];
      } else {
        const { rows } = await pool.query<{ score: number; streak: number; status: string }>(
          prepared(SQL.RECORD_IF_UNCHANGED, params),
        );
        totals = rows[0];
      }
      if (totals)
        return {
          outcome: "recorded",
          answer: recordedAnswer(a, s),
          attempt: totals,
        };
    }
    return recordInTransaction(a, score);
  }

  /** The player's current cards of `items`, and the sum of their reps (the fast path's check that they did not change). */
  async function readMemory(
    db: pg.Pool | pg.PoolClient,
    m: MemoryUpdate,
    items: string[],
    lock = "",
  ): Promise<{ cards: Map<string, MemoryState>; repsSum: number }> {
    const { rows } = await db.query<Rows.RawMemory>(
      lock
        ? { text: SQL.PG_MEMORY_SELECT + lock, values: [m.playerId, m.topic, items] }
        : prepared(SQL.PG_MEMORY_SELECT, [m.playerId, m.topic, items]),
    );
    const cards = new Map(rows.map((row) => [row.item, toMemory(row)]));
    let repsSum = 0;
    for (const card of cards.values()) repsSum += card.reps;
    return { cards, repsSum };
  }

  async function recordInTransaction(
    a: Rows.NewAnswer,
    score: (streakBefore: number) => Rows.Scored,
  ): Promise<Rows.RecordOutcome> {
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
      const inserted = await client.query(numbered(SQL.INSERT_ANSWER), [
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
        await client.query(numbered(SQL.UPDATE_ATTEMPT), [
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
      if (a.memory) {
        // The attempt row's lock keeps this attempt's answers apart; the cards are locked too, for
        // another attempt of the same player answering at the same moment.
        const m = a.memory;
        const prior = await readMemory(
          client,
          m,
          m.reviews.map((r) => r.item),
          " FOR UPDATE",
        );
        await client.query(SQL.PG_MEMORY_UPSERT, [
          m.playerId,
          m.topic,
          pgDate(a.createdAt),
          ...memoryArrays(reviewMemory(prior.cards, m.reviews, a.createdAt)),
        ]);
      }
      // The last answer finishes the attempt: its boards change in the same transaction.
      if (totals.status === "finished")
        await client.query(numbered(SQL.POST_TO_BOARDS), [weekKey(a.createdAt), a.attemptId]);
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
