// The play store: the hot path of play — who is asking, serving the current
// question, recording an answer — in plain SQL on the database driver, one
// implementation per provider (sqlite.ts, postgres.ts; the SQL text both share in
// sql.ts). Prisma's compiled queries cost ~0.5 ms each here (docs/decisions/004),
// and an answer needs several; these run in one read and one short transaction.
// Everything else (starting attempts, results, boards, teachers) stays on Prisma.
// Rows are written in exactly the formats Prisma writes, so both read them alike.
// This file: what a store promises, and the row shapes both drivers return.
import { randomUUID } from "node:crypto";
import type { LiveState } from "@/lib/live/game";
import type { FinishedAttempt } from "@/lib/play/leaderboard";
import type { MemoryKind, MemoryState, MemoryUpdate } from "@/lib/play/memory";

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
  /** The assignment's due and closing times (each store reads them as Dates): when answers stop scoring, and stop. */
  assignmentDueAt: Date | null;
  assignmentClosedAt: Date | null;
}

/** A question of an attempt as stored (the question's JSON with its key), and when it was first served. */
export interface AttemptQuestionRow {
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
  /**
   * The memory-model ratings this answer gives (lib/play/memory.ts). When the answer is
   * recorded, the store reads the prior cards, computes the new ones with `reviewMemory`
   * and upserts them in the same transaction; a duplicate or refused answer changes none.
   */
  memory?: MemoryUpdate;
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
  question: (AttemptQuestionRow & { answer: AnswerRow | null }) | null;
}

export type RecordOutcome =
  | { outcome: "recorded"; answer: AnswerRow; attempt: { score: number; streak: number; status: string } }
  | { outcome: "duplicate" }
  | { outcome: "finished" };

export interface PlayStore {
  findPlayer(playerId: string): Promise<{ id: string; nickname: string; secretHash: string } | null>;
  findAttempt(attemptId: string, playerId: string): Promise<AttemptRow | null>;
  /** The first question not yet answered, or null when all are. */
  currentQuestion(attemptId: string): Promise<AttemptQuestionRow | null>;
  question(attemptId: string, position: number): Promise<(AttemptQuestionRow & { answer: AnswerRow | null }) | null>;
  /**
   * What grading an answer needs, in one read: the attempt (null unless `playerId` owns it),
   * its player's secret hash (so the caller can check a cookie without a second query),
   * and the question at `position` with its answer, if any.
   */
  answerContext(attemptId: string, playerId: string, position: number): Promise<AnswerContext | null>;
  /**
   * A live game's answer in one read: the game's state by join code (null: no live game
   * uses it), and the player's seat's answer context (null when they hold no seat).
   */
  liveAnswerContext(code: string, playerId: string, position: number): Promise<LiveAnswerContext | null>;
  /** Starts the question's clock unless it has started; returns when it started. */
  markServed(questionId: string, now: Date): Promise<Date>;
  /**
   * In one transaction: reads the streak, lets `score` turn it into points, inserts
   * the answer (once: a second insert for the question is a duplicate), updates
   * the attempt's totals, finishing it on its last answer, and updates the player's
   * memory of what the answer rated (`answer.memory`).
   */
  recordAnswer(answer: NewAnswer, score: (streakBefore: number) => Scored): Promise<RecordOutcome>;
  /**
   * A board's first `limit` rows, best first (sql.ts: BOARD_SELECT), skipping the players
   * hidden or removed in `assignmentId` (null for practice boards).
   */
  leaderboard(board: string, limit: number, assignmentId: string | null): Promise<FinishedAttempt[]>;
  /**
   * A class board by join code in one read (sql.ts: CLASS_BOARD_SELECT): the assignment (null if no
   * quiz uses the code), the counter row `missKey` of the guard against guessing codes, and the
   * board's first `limit` rows, best first, without the players moderated in the assignment.
   */
  classBoard(code: string, missKey: string, limit: number): Promise<ClassBoardRead>;
  /**
   * Posts a finished attempt to its boards. recordAnswer does this itself when an answer
   * finishes an attempt; this is for attempts finished another way (fixtures, imports).
   */
  postToBoards(attemptId: string, finishedAt: Date): Promise<void>;
  /**
   * Opens the store's connections and prepares its statements (each run once on ids that
   * match nothing, so nothing is written): the server's start-up warm-up.
   */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** New row ids: unique and url-safe, like Prisma's cuids (which the app never parses). */
export const newId = () => `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;

export type RawQuestion = { id: string; position: number; question: string; servedAt: unknown };
export type RawAnswer = {
  response: string | null;
  correct: unknown;
  credit: number | null;
  points: number | null;
  elapsedMs: number | null;
  detail: string | null;
};

/** A question row with its answer (if any), whatever driver read it; `servedAt` already a Date or null. */
export function withAnswer(
  row: RawQuestion & RawAnswer,
  servedAt: Date | null,
): AttemptQuestionRow & { answer: AnswerRow | null } {
  return { id: row.id, position: row.position, question: row.question, servedAt, answer: toAnswer(row) };
}

/** The answer-context row: the attempt's columns, the player's secret hash, the question and its answer. */
export type RawContext = AttemptRow & {
  secretHash: string;
  questionRowId: string | null;
  position: number;
  question: string;
  servedAt: unknown;
} & RawAnswer;

export function toContext(row: RawContext, servedAt: Date | null): AnswerContext {
  return {
    // The row has more columns than an AttemptRow; its readers take only the attempt's.
    attempt: row,
    secretHash: row.secretHash,
    question:
      row.questionRowId === null
        ? null
        : { id: row.questionRowId, position: row.position, question: row.question, servedAt, answer: toAnswer(row) },
  };
}

/**
 * A live game as an answer reads it: its state's columns (lib/live/game.ts: LiveState; the phase as
 * stored text, the leaderboard switch inside the settings' JSON).
 */
export type LiveGameRow = Omit<LiveState, "phase" | "showLeaderboard"> & {
  id: string;
  assignmentId: string;
  phase: string;
  settings: string;
};

export interface LiveAnswerContext {
  game: LiveGameRow;
  /** The seat's attempt and question (as answerContext), or null when the player holds no seat. */
  context: AnswerContext | null;
}

export type RawLiveContext = RawContext & {
  gameId: string;
  gamePhase: string;
  gameQuestionIndex: number;
  gameQuestionCount: number;
  gamePhaseStartedAt: unknown;
  gameDeadline: unknown;
  gamePausedRemainingMs: number | null;
  gameLocked: unknown;
  gameSettings: string;
  gameVersion: number;
  gameAssignmentId: string;
};

/** The live row, whatever driver read it; `toDate` turns the driver's DateTime into a Date. */
export function toLiveContext(
  row: RawLiveContext,
  toDate: (value: unknown) => Date | null,
  servedAt: Date | null,
): LiveAnswerContext {
  return {
    game: {
      id: row.gameId,
      assignmentId: row.gameAssignmentId,
      phase: row.gamePhase,
      questionIndex: Number(row.gameQuestionIndex),
      questionCount: Number(row.gameQuestionCount),
      phaseStartedAt: toDate(row.gamePhaseStartedAt)!,
      deadline: toDate(row.gameDeadline),
      pausedRemainingMs: row.gamePausedRemainingMs === null ? null : Number(row.gamePausedRemainingMs),
      locked: row.gameLocked === true || row.gameLocked === 1,
      settings: row.gameSettings,
      version: Number(row.gameVersion),
    },
    context: row.id === null ? null : toContext(row, servedAt),
  };
}

/** The answer row just written, as the store returns it. */
export function recordedAnswer(a: NewAnswer, s: Scored): AnswerRow {
  return {
    response: a.response,
    correct: s.correct,
    credit: a.credit,
    points: s.points,
    elapsedMs: a.elapsedMs,
    detail: s.detail,
  };
}

export type RawBoardRow = Omit<FinishedAttempt, "finishedAt"> & { finishedAt: unknown };

export interface ClassBoardRead {
  assignment: { id: string; title: string; settings: string } | null;
  /** The counter's row as stored (rate-limit.ts reads it), or null. */
  misses: { points: number; expire: Date | null } | null;
  rows: FinishedAttempt[];
}

export type RawClassBoardRow = { [K in keyof RawBoardRow]: RawBoardRow[K] | null } & {
  assignmentId: string | null;
  title: string | null;
  settings: string | null;
  missPoints: number | null;
  missExpire: unknown;
};

/** CLASS_BOARD_SELECT's rows (the assignment and the counter repeated on each) as one read; `date` reads the driver's dates. */
export function toClassBoard(rows: RawClassBoardRow[], date: (v: unknown) => Date | null): ClassBoardRead {
  const first = rows[0];
  return {
    assignment:
      first?.assignmentId != null ? { id: first.assignmentId, title: first.title!, settings: first.settings! } : null,
    misses: first?.missPoints != null ? { points: Number(first.missPoints), expire: date(first.missExpire) } : null,
    rows: rows
      .filter((r) => r.attemptId !== null)
      .map((r) => ({
        attemptId: r.attemptId!,
        playerId: r.playerId!,
        nickname: r.nickname!,
        score: Number(r.score),
        correctCount: Number(r.correctCount),
        questionCount: Number(r.questionCount),
        finishedAt: date(r.finishedAt)!,
      })),
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

/** A Memory row as either driver returns it (dates as Date or Prisma's SQLite text). */
export type RawMemory = Omit<MemoryState, "kind" | "due" | "state" | "lastReview"> & {
  kind: string;
  due: unknown;
  state: number;
  lastReview: unknown;
};

export const MEMORY_COLUMNS = `"item", "kind", "due", "stability", "difficulty", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "lastRating"`;

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

export function toMemory(row: RawMemory): MemoryState {
  return {
    item: row.item,
    kind: row.kind as MemoryKind,
    due: asDate(row.due),
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    scheduledDays: Number(row.scheduledDays),
    learningSteps: Number(row.learningSteps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    state: Number(row.state),
    lastReview: asDate(row.lastReview),
    lastRating: Number(row.lastRating),
  };
}

/** New cards as PostgreSQL's parallel arrays, in PG_MEMORY_UPSERT's order (dates as UTC ISO text). */
export function memoryArrays(states: readonly MemoryState[]): unknown[][] {
  return [
    states.map((s) => s.item),
    states.map((s) => s.kind),
    states.map((s) => s.due.toISOString()),
    states.map((s) => s.stability),
    states.map((s) => s.difficulty),
    states.map((s) => s.scheduledDays),
    states.map((s) => s.learningSteps),
    states.map((s) => s.reps),
    states.map((s) => s.lapses),
    states.map((s) => s.state),
    states.map((s) => s.lastRating),
  ];
}
