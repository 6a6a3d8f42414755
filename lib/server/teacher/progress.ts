// The assignment dashboard's live view: who joined, where each one is (question x of N),
// their score and who finished — one read of the assignment's attempts per poll,
// however many students. Scoped by owner.
import "server-only";
import { notFoundOrNotYours, requireId } from "@/lib/app-error";
import { liveProgress, type LiveProgress } from "@/lib/teacher/live-progress";
import type { AppContext } from "../context";

export async function assignmentProgress(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
): Promise<LiveProgress> {
  requireId(assignmentId, "assignment");
  const rows = await ctx.db.attempt.findMany({
    where: { assignmentId, assignment: { ownerId } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: {
      playerId: true,
      status: true,
      score: true,
      answeredCount: true,
      questionCount: true,
      startedAt: true,
      finishedAt: true,
      player: { select: { nickname: true } },
    },
  });
  if (rows.length === 0) {
    // Nobody yet, or not this teacher's: only then is ownership checked on its own.
    const owned = await ctx.db.assignment.findFirst({ where: { id: assignmentId, ownerId }, select: { id: true } });
    if (!owned) throw notFoundOrNotYours("assignment");
  }
  return liveProgress(
    rows.map((r) => ({ ...r, nickname: r.player.nickname })),
    ctx.clock.now(),
  );
}
