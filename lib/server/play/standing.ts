// Where a finished attempt stands: the player's place on its board ("12th of 240 this
// week"), their personal best, the board's top three, and the attempts left. One module,
// read-only, so it moves as a piece when the server's shape changes. Read from the boards'
// own rows (LeaderboardEntry), so its cost does not grow with the answers or attempts.
import "server-only";
import type { Standing } from "@/lib/play/attempt-view";
import { weekKey } from "@/lib/play/leaderboard";
import { parseAssignmentSettings } from "@/lib/play/settings";
import type { AppContext } from "../context";
import { boardName } from "./store/sql";

export async function getStanding(ctx: AppContext, attemptId: string): Promise<Standing> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const attempt = await db.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: {
      playerId: true,
      topic: true,
      mode: true,
      score: true,
      finishedAt: true,
      assignmentId: true,
      assignment: { select: { settings: true, closedAt: true, dueAt: true } },
    },
  });
  const { playerId, score } = attempt;
  const settings = attempt.assignment ? parseAssignmentSettings(attempt.assignment.settings) : null;
  const visibility = settings?.leaderboard ?? "full";

  // The board: the assignment's, or this week's practice board of the topic (a learn round is on none).
  const board = attempt.assignmentId
    ? boardName.assignment(attempt.assignmentId)
    : attempt.mode === "practice"
      ? boardName.practiceWeek(attempt.topic, weekKey(now))
      : null;
  const moderated = attempt.assignmentId
    ? (
        await db.assignmentPlayer.findMany({
          where: { assignmentId: attempt.assignmentId, OR: [{ hidden: true }, { removed: true }] },
          select: { playerId: true },
        })
      ).map((m) => m.playerId)
    : [];

  const previous = await db.attempt.findFirst({
    where: attempt.assignmentId
      ? { assignmentId: attempt.assignmentId, playerId, status: "finished", id: { not: attemptId } }
      : { topic: attempt.topic, mode: attempt.mode, playerId, status: "finished", id: { not: attemptId } },
    orderBy: [{ score: "desc" }],
    select: { score: true },
  });

  // The rank is the player's row on the board (their best) counted against the rows ahead of it,
  // in the board's own order and index: whatever the number of attempts, two index counts.
  let rank: Standing["rank"] = null;
  const shown = board !== null && visibility !== "hidden";
  const mine =
    shown && !moderated.includes(playerId)
      ? await db.leaderboardEntry.findUnique({
          where: { board_playerId: { board, playerId } },
          select: { score: true, finishedAt: true, attemptId: true },
        })
      : null;
  if (board && mine) {
    const visible = moderated.length ? { playerId: { notIn: moderated } } : {};
    const [ahead, everyone] = await Promise.all([
      db.leaderboardEntry.count({
        where: {
          board,
          ...visible,
          OR: [
            { score: { gt: mine.score } },
            { score: mine.score, finishedAt: { lt: mine.finishedAt } },
            { score: mine.score, finishedAt: mine.finishedAt, attemptId: { lt: mine.attemptId } },
          ],
        },
      }),
      db.leaderboardEntry.count({ where: { board, ...visible } }),
    ]);
    const place = ahead + 1;
    if (visibility === "full" || place <= 10)
      rank = { place, of: everyone, scope: attempt.assignmentId ? "in this quiz" : "this week" };
  }

  const podium =
    board && shown
      ? (await ctx.store.leaderboard(board, 3, attempt.assignmentId)).map((e, i) => ({
          rank: i + 1,
          nickname: e.nickname,
          score: e.score,
          you: e.playerId === playerId,
        }))
      : [];

  let attemptsLeft: number | null = null;
  if (attempt.assignment && settings) {
    const { closedAt, dueAt } = attempt.assignment;
    if ((closedAt && closedAt <= now) || (dueAt && dueAt <= now)) attemptsLeft = 0;
    else if (settings.attemptsAllowed !== null) {
      const used = await db.attempt.count({ where: { assignmentId: attempt.assignmentId, playerId } });
      attemptsLeft = Math.max(0, settings.attemptsAllowed - used);
    }
  }

  return {
    rank,
    previousBest: previous?.score ?? null,
    newPersonalBest: previous !== null && score > previous.score,
    podium,
    attemptsLeft,
  };
}
