// Leaderboard reads. A board is read from its own rows (LeaderboardEntry: each player's
// best, kept by the play store when an attempt finishes) as one index range of its top
// rows, whatever the number of answers, attempts or players.
import "server-only";
import { AppError } from "@/lib/app-error";
import { weekKey, type Board, type LeaderboardEntry } from "@/lib/play/leaderboard";
import { parseAssignmentSettings } from "@/lib/play/settings";
import type { AppContext } from "../context";
import { numberedPlaceholders } from "@/lib/sql-placeholders";
import { guardCodeRead } from "./guards";
import type { ClassBoardRead } from "./store";
import { boardName, POST_ASSIGNMENT_BOARD } from "./store/sql";

export const BOARD_MAX = 100;

/** A board's top `limit` rows, ranked, without the players moderated in `assignmentId`. */
async function readBoard(
  ctx: AppContext,
  board: string,
  limit: number,
  assignmentId: string | null = null,
): Promise<LeaderboardEntry[]> {
  return (await ctx.store.leaderboard(board, limit, assignmentId)).map((e, i) => ({ ...e, rank: i + 1 }));
}

/**
 * Posts an assignment's finished attempts to its board, as a query for the caller's
 * transaction: for attempts finished outside the play store (a live game's end).
 */
export function postAssignmentBoard(ctx: AppContext, assignmentId: string) {
  const sql =
    ctx.config.database.provider === "postgres" ? numberedPlaceholders(POST_ASSIGNMENT_BOARD) : POST_ASSIGNMENT_BOARD;
  return ctx.db.$executeRawUnsafe(sql, assignmentId);
}

export async function practiceLeaderboard(ctx: AppContext, topic: string, period: "all" | "week"): Promise<Board> {
  const board = period === "week" ? boardName.practiceWeek(topic, weekKey(ctx.clock.now())) : boardName.practice(topic);
  return {
    title: period === "week" ? "This week" : "All time",
    visibility: "full",
    entries: await readBoard(ctx, board, BOARD_MAX),
  };
}

/**
 * The class board of the assignment with join code `code` (null: not a code), guarded against
 * guessing codes: the board, the assignment and the address's counter in one statement.
 */
export function guardedAssignmentLeaderboard(ctx: AppContext, headers: Headers, code: string | null): Promise<Board> {
  return guardCodeRead(
    ctx,
    headers,
    (missKey) => ctx.store.classBoard(code ?? "", missKey, BOARD_MAX),
    (read) => classBoard(code, read),
  );
}

/** The class board of the assignment with join code `code`. */
export async function assignmentLeaderboard(ctx: AppContext, code: string): Promise<Board> {
  return classBoard(code, await ctx.store.classBoard(code, "", BOARD_MAX));
}

function classBoard(code: string | null, { assignment, rows }: ClassBoardRead): Board {
  if (!assignment || code === null)
    throw new AppError(404, "unknown_code", code ? `No quiz uses the code ${code}.` : "No quiz uses that code.");
  const { leaderboard } = parseAssignmentSettings(assignment.settings);
  if (leaderboard === "hidden") return { title: assignment.title, visibility: "hidden", entries: [] };
  const limit = leaderboard === "top10" ? 10 : BOARD_MAX;
  // Players the teacher hid or removed (a handful at most) are skipped in the same index range.
  const entries = rows.slice(0, limit).map((e, i) => ({ ...e, rank: i + 1 }));
  return { title: assignment.title, visibility: leaderboard, entries };
}
