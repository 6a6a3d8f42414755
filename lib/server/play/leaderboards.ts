// Leaderboard reads. Each is one index-backed, ordered scan of finished attempts
// (see the @@index lines on Attempt), de-duplicated to each player's best.
import "server-only";
import { AppError } from "@/lib/app-error";
import {
  rankBestAttempts,
  startOfWeek,
  type Board,
  type FinishedAttempt,
  type LeaderboardEntry,
} from "@/lib/play/leaderboard";
import { parseAssignmentSettings } from "@/lib/play/settings";
import type { AppContext } from "../context";

const PAGE = 200;
export const BOARD_MAX = 100;

export type Where = {
  topic?: string;
  mode?: string;
  assignmentId?: string;
  finishedAt?: { gte: Date };
  playerId?: { notIn: string[] };
};

/** Reads best-first until `limit` distinct players are found (a player with many attempts cannot crowd others out). */
export async function bestPerPlayer(ctx: AppContext, where: Where, limit: number): Promise<LeaderboardEntry[]> {
  const rows: FinishedAttempt[] = [];
  const players = new Set<string>();
  for (let skip = 0; players.size < limit; skip += PAGE) {
    const page = await ctx.db.attempt.findMany({
      where: { ...where, status: "finished" },
      orderBy: [{ score: "desc" }, { finishedAt: "asc" }, { id: "asc" }],
      skip,
      take: PAGE,
      select: {
        id: true,
        playerId: true,
        score: true,
        correctCount: true,
        questionCount: true,
        finishedAt: true,
        player: { select: { nickname: true } },
      },
    });
    for (const r of page) {
      rows.push({
        attemptId: r.id,
        playerId: r.playerId,
        nickname: r.player.nickname,
        score: r.score,
        correctCount: r.correctCount,
        questionCount: r.questionCount,
        finishedAt: r.finishedAt!,
      });
      players.add(r.playerId);
    }
    if (page.length < PAGE) break;
  }
  return rankBestAttempts(rows, limit);
}

export async function practiceLeaderboard(ctx: AppContext, topic: string, period: "all" | "week"): Promise<Board> {
  const where: Where = {
    topic,
    mode: "practice",
    ...(period === "week" ? { finishedAt: { gte: startOfWeek(ctx.clock.now()) } } : {}),
  };
  return {
    title: period === "week" ? "This week" : "All time",
    visibility: "full",
    entries: await bestPerPlayer(ctx, where, BOARD_MAX),
  };
}

export async function assignmentLeaderboard(ctx: AppContext, code: string): Promise<Board> {
  const { db } = ctx;
  const assignment = await db.assignment.findUnique({
    where: { code },
    select: { id: true, title: true, settings: true },
  });
  if (!assignment) throw new AppError(404, "unknown_code", `No quiz uses the code ${code}.`);
  const { leaderboard } = parseAssignmentSettings(assignment.settings);
  if (leaderboard === "hidden") return { title: assignment.title, visibility: "hidden", entries: [] };
  const limit = leaderboard === "top10" ? 10 : BOARD_MAX;
  // Players the teacher hid or removed (a handful at most) are filtered out of the same index scan.
  const moderated = await db.assignmentPlayer.findMany({
    where: { assignmentId: assignment.id, OR: [{ hidden: true }, { removed: true }] },
    select: { playerId: true },
  });
  const where: Where = {
    assignmentId: assignment.id,
    ...(moderated.length ? { playerId: { notIn: moderated.map((m) => m.playerId) } } : {}),
  };
  return { title: assignment.title, visibility: leaderboard, entries: await bestPerPlayer(ctx, where, limit) };
}
