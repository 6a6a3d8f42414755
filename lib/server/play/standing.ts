// Where a finished attempt stands: the player's place on its board ("12th of 240 this
// week"), their personal best, the board's top three, and the attempts left. One module,
// read-only, so it moves as a piece when the server's shape changes.
import "server-only";
import type { Standing } from "@/lib/play/attempt-view";
import { startOfWeek } from "@/lib/play/leaderboard";
import { parseAssignmentSettings } from "@/lib/play/settings";
import type { AppContext } from "../context";
import { bestPerPlayer, type Where } from "./leaderboards";

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
  const finishedAt = attempt.finishedAt ?? now;
  const settings = attempt.assignment ? parseAssignmentSettings(attempt.assignment.settings) : null;
  const visibility = settings?.leaderboard ?? "full";

  // The board's scope: the assignment, or this week's practice of the topic (as the practice board).
  const moderated = attempt.assignmentId
    ? (
        await db.assignmentPlayer.findMany({
          where: { assignmentId: attempt.assignmentId, OR: [{ hidden: true }, { removed: true }] },
          select: { playerId: true },
        })
      ).map((m) => m.playerId)
    : [];
  const scope: Where = attempt.assignmentId
    ? { assignmentId: attempt.assignmentId, ...(moderated.length ? { playerId: { notIn: moderated } } : {}) }
    : { topic: attempt.topic, mode: attempt.mode, finishedAt: { gte: startOfWeek(now) } };

  const previous = await db.attempt.findFirst({
    where: attempt.assignmentId
      ? { assignmentId: attempt.assignmentId, playerId, status: "finished", id: { not: attemptId } }
      : { topic: attempt.topic, mode: attempt.mode, playerId, status: "finished", id: { not: attemptId } },
    orderBy: [{ score: "desc" }],
    select: { score: true },
  });

  let rank: Standing["rank"] = null;
  if (visibility !== "hidden" && !moderated.includes(playerId)) {
    // The player's best in scope counts, as on the board.
    const best = await db.attempt.findFirst({
      where: { ...scope, playerId, status: "finished" },
      orderBy: [{ score: "desc" }, { finishedAt: "asc" }],
      select: { score: true, finishedAt: true },
    });
    const mine = best ?? { score, finishedAt };
    const [ahead, everyone] = await Promise.all([
      db.attempt.groupBy({
        by: ["playerId"],
        where: {
          ...scope,
          status: "finished",
          AND: [
            { playerId: { not: playerId } },
            { OR: [{ score: { gt: mine.score } }, { score: mine.score, finishedAt: { lt: mine.finishedAt! } }] },
          ],
        },
      }),
      db.attempt.groupBy({ by: ["playerId"], where: { ...scope, status: "finished" } }),
    ]);
    const place = ahead.length + 1;
    if (visibility === "full" || place <= 10)
      rank = { place, of: everyone.length, scope: attempt.assignmentId ? "in this quiz" : "this week" };
  }

  const podium =
    visibility === "hidden"
      ? []
      : (await bestPerPlayer(ctx, scope, 3)).map((e) => ({
          rank: e.rank,
          nickname: e.nickname,
          score: e.score,
          you: e.playerId === playerId,
        }));

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
