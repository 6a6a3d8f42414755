// The play store on SQLite (better-sqlite3): prepared statements on one connection,
// answers recorded by group commit, WAL checkpoints in a worker thread.
import "server-only";
import Database from "better-sqlite3";
import { weekKey } from "@/lib/play/leaderboard";
import { noteCommit, noteWalSync } from "../../stall-probe";
import { startCheckpointer } from "./checkpointer";
import { createWalSync, type WalFiles } from "./wal-sync";
import { reviewMemory, type MemoryState, type MemoryUpdate } from "@/lib/play/memory";
import { newId, recordedAnswer, toClassBoard, toContext, toLiveContext, toMemory, withAnswer } from "./rows";
import type * as Rows from "./rows";
import * as SQL from "./sql";

/** At most this many answers share a commit, so one commit never holds the event loop long. */
const MAX_ANSWERS_PER_COMMIT = 100;

interface PendingAnswer {
  answer: Rows.NewAnswer;
  score: (streakBefore: number) => Rows.Scored;
  resolve: (outcome: Rows.RecordOutcome) => void;
  reject: (error: unknown) => void;
  /** When it reached the queue (performance.now()). */
  queued: number;
  settled?: { ok: true; outcome: Rows.RecordOutcome } | { ok: false; error: unknown };
}

/** Prisma's SQLite DateTime text: ISO 8601 with an explicit +00:00 offset. */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const fromSqliteDate = (v: unknown) => (typeof v === "string" ? new Date(v) : null);
/** A DateTime as Prisma's SQLite adapter may store it: ISO text, or milliseconds. */
const fromStoredDate = (v: unknown) => (typeof v === "number" ? new Date(v) : fromSqliteDate(v));
/** The attempt's assignment times as read (text), as Dates: in place, on the hot path. */
function withAttemptDates<T extends Rows.AttemptRow>(row: T | undefined): T | null {
  if (!row) return null;
  row.assignmentDueAt = fromSqliteDate(row.assignmentDueAt);
  row.assignmentClosedAt = fromSqliteDate(row.assignmentClosedAt);
  return row;
}

function prepare(filename: string, busyTimeoutMs: number, synchronous: "full" | "normal", walFiles?: WalFiles) {
  const db = new Database(filename, { timeout: busyTimeoutMs });
  db.pragma("journal_mode = WAL");
  // The connection never syncs on a commit (NORMAL: only checkpoints sync). With
  // SQLITE_SYNCHRONOUS=full (the default) each group commit's answers are acknowledged only
  // after an fdatasync of the WAL off the event loop (wal-sync.ts), so an acknowledged answer
  // survives a power cut too; "normal" skips it: an answer survives a crash or SIGKILL of the
  // app (the OS has it), but a power cut may lose the last moments. docs/decisions/010.
  db.pragma("synchronous = NORMAL");
  const walSync = synchronous === "full" ? createWalSync(`${filename}-wal`, walFiles, noteWalSync) : null;
  // Checkpoints run in a worker thread (checkpointer.ts), not inside a request's commit; it
  // restarts the WAL past 4,096 pages (16 MB), pausing the group commit for that moment. A WAL
  // that once grew larger is cut back to 64 MB when it restarts.
  db.pragma("wal_autocheckpoint = 0");
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  let paused = false;
  const checkpointer = startCheckpointer(filename, busyTimeoutMs, {
    pauseWriter: {
      pause: () => (paused = true),
      resume: () => {
        paused = false;
        if (queue.length > 0) setImmediate(flush);
      },
    },
  });
  const attempt = db.prepare(SQL.ATTEMPT_SELECT);
  const current = db.prepare(SQL.CURRENT_SELECT);
  const question = db.prepare(SQL.QUESTION_SELECT);
  const context = db.prepare(SQL.ANSWER_CONTEXT_SELECT);
  const liveContext = db.prepare(SQL.LIVE_ANSWER_CONTEXT_SELECT);
  const player = db.prepare(`SELECT "id", "nickname", "secretHash" FROM "Player" WHERE "id" = ?`);
  const serve = db.prepare(`UPDATE "AttemptQuestion" SET "servedAt" = ? WHERE "id" = ? AND "servedAt" IS NULL`);
  const servedAt = db.prepare(`SELECT "servedAt" FROM "AttemptQuestion" WHERE "id" = ?`);
  const streak = db.prepare(`SELECT "streak", "status" FROM "Attempt" WHERE "id" = ?`);
  const insert = db.prepare(SQL.INSERT_ANSWER);
  const update = db.prepare(SQL.UPDATE_ATTEMPT);
  const post = db.prepare(SQL.POST_TO_BOARDS);
  const board = db.prepare(SQL.BOARD_SELECT);
  const classBoard = db.prepare(SQL.CLASS_BOARD_SELECT);
  const memoryOne = db.prepare(SQL.MEMORY_SELECT_ONE);
  const memoryUpsert = db.prepare(SQL.MEMORY_UPSERT_ONE);

  /** The player's new cards for what the answer rated: prior cards read, FSRS applied, rows upserted. */
  const remember = (m: MemoryUpdate, now: Date) => {
    const prior = new Map<string, MemoryState>();
    for (const r of m.reviews) {
      const row = memoryOne.get(m.playerId, m.topic, r.item) as Rows.RawMemory | undefined;
      if (row) prior.set(r.item, toMemory(row));
    }
    for (const s of reviewMemory(prior, m.reviews, now))
      memoryUpsert.run(
        m.playerId,
        m.topic,
        s.item,
        s.kind,
        sqliteDate(s.due),
        s.stability,
        s.difficulty,
        s.scheduledDays,
        s.learningSteps,
        s.reps,
        s.lapses,
        s.state,
        sqliteDate(s.lastReview),
        s.lastRating,
      );
  };

  // better-sqlite3 runs a transaction synchronously: nothing else can interleave with it.
  // Called inside recordBatch's transaction, this one becomes a savepoint.
  const recordOne = db.transaction(
    (a: Rows.NewAnswer, score: (streakBefore: number) => Rows.Scored): Rows.RecordOutcome => {
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
      // The last answer finishes the attempt: its boards change in the same transaction.
      if (totals.status === "finished") post.run(weekKey(a.createdAt), a.attemptId);
      if (a.memory) remember(a.memory, a.createdAt);
      return {
        outcome: "recorded",
        answer: recordedAnswer(a, s),
        attempt: totals,
      };
    },
  );
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
    // Paused while the checkpointer restarts the WAL: the queue waits (resume flushes it).
    if (queue.length === 0 || paused) return;
    const batch = queue.splice(0, MAX_ANSWERS_PER_COMMIT);
    if (queue.length > 0) setImmediate(flush);
    const started = performance.now();
    try {
      recordBatch.immediate(batch);
    } catch (error) {
      // BEGIN or COMMIT failed (e.g. the database stayed locked): the batch was rolled back.
      for (const item of batch) item.reject(error);
      return;
    } finally {
      noteCommit(performance.now() - started, started - batch[0]!.queued, batch.length);
    }
    stats.commits++;
    stats.answers += batch.length;
    const acknowledge = () => {
      for (const item of batch) {
        if (item.settled?.ok) item.resolve(item.settled.outcome);
        else item.reject(item.settled?.error);
      }
    };
    if (!walSync) return acknowledge();
    // Committed, visible to readers, but acknowledged only once on disk. If the sync fails the
    // answers may be stored yet unacknowledged: a retry of one is a duplicate, and the client
    // gets the stored answer's feedback (submitAnswer's replay).
    walSync.sync().then(acknowledge, (error: unknown) => {
      console.error("Syncing the SQLite WAL failed; the answers of that commit were not acknowledged:", error);
      for (const item of batch) item.reject(error);
    });
  };
  const record = (answer: Rows.NewAnswer, score: (streakBefore: number) => Rows.Scored) =>
    new Promise<Rows.RecordOutcome>((resolve, reject) => {
      queue.push({ answer, score, resolve, reject, queued: performance.now() });
      if (queue.length === 1) setImmediate(flush);
    });
  /** Records what is queued now and waits until it is acknowledged (before closing the connection). */
  const drain = async () => {
    paused = false;
    while (queue.length > 0) flush();
    await walSync?.close();
  };
  return {
    db,
    checkpointer,
    attempt,
    context,
    liveContext,
    current,
    question,
    player,
    serve,
    servedAt,
    post,
    board,
    classBoard,
    record,
    drain,
    stats,
    walSync,
  };
}

export function createSqliteStore(
  filename: string,
  busyTimeoutMs: number,
  synchronous: "full" | "normal" = "full",
  /** The WAL's file operations (a test's, to watch or fail the sync). */
  walFiles?: WalFiles,
): Rows.PlayStore & { commitStats(): { commits: number; answers: number; walSyncs: number } } {
  // Opened on first use, so importing the app (e.g. during `next build`) touches no file.
  let prepared: ReturnType<typeof prepare> | null = null;
  const connection = () => (prepared ??= prepare(filename, busyTimeoutMs, synchronous, walFiles));
  return {
    async findPlayer(id) {
      return (connection().player.get(id) as { id: string; nickname: string; secretHash: string } | undefined) ?? null;
    },
    async findAttempt(attemptId, playerId) {
      return withAttemptDates(connection().attempt.get(attemptId, playerId) as Rows.AttemptRow | undefined);
    },
    async currentQuestion(attemptId) {
      const row = connection().current.get(attemptId) as Rows.RawQuestion | undefined;
      return row ? { ...row, servedAt: fromSqliteDate(row.servedAt) } : null;
    },
    async question(attemptId, position) {
      const row = connection().question.get(attemptId, position) as (Rows.RawQuestion & Rows.RawAnswer) | undefined;
      return row ? withAnswer(row, fromSqliteDate(row.servedAt)) : null;
    },
    async answerContext(attemptId, playerId, position) {
      const row = withAttemptDates(
        connection().context.get(position, attemptId, playerId) as Rows.RawContext | undefined,
      );
      return row ? toContext(row, fromSqliteDate(row.servedAt)) : null;
    },
    async liveAnswerContext(code, playerId, position) {
      const row = withAttemptDates(
        connection().liveContext.get(playerId, position, code) as Rows.RawLiveContext | undefined,
      );
      return row ? toLiveContext(row, fromSqliteDate, fromSqliteDate(row.servedAt)) : null;
    },
    async markServed(id, now) {
      const { serve, servedAt } = connection();
      serve.run(sqliteDate(now), id);
      return fromSqliteDate((servedAt.get(id) as { servedAt: string }).servedAt)!;
    },
    async recordAnswer(a, score) {
      return connection().record(a, score);
    },
    async leaderboard(name, limit, assignmentId) {
      const rows = connection().board.all(name, assignmentId ?? "", limit) as Rows.RawBoardRow[];
      return rows.map((r) => ({ ...r, finishedAt: fromSqliteDate(r.finishedAt)! }));
    },
    async classBoard(code, missKey, limit) {
      return toClassBoard(connection().classBoard.all(code, missKey, limit) as Rows.RawClassBoardRow[], fromStoredDate);
    },
    async postToBoards(attemptId, finishedAt) {
      connection().post.run(weekKey(finishedAt), attemptId);
    },
    /** Answer commits since the connection opened, the answers they held and the WAL syncs that made them durable. */
    commitStats() {
      const c = connection();
      return { ...c.stats, walSyncs: c.walSync?.count ?? 0 };
    },
    async warm() {
      const c = connection();
      c.context.get(0, "warm-up", "warm-up");
      c.liveContext.get("warm-up", 0, "warm-up");
      c.board.all("warm-up", "", 1);
      c.classBoard.all("warm-up", "", 1);
    },
    async close() {
      await prepared?.drain();
      await prepared?.checkpointer.stop();
      prepared?.db.close();
      prepared = null;
    },
  };
}
