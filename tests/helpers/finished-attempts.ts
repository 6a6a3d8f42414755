// A finished attempt made straight in the database and posted to its boards, as the play store
// posts one when its last answer lands: for the leaderboard and standing tests, which set scores
// and finishing times by hand (tests/integration/boards.test.ts plays whole attempts instead).
import type { AppContext } from "@/lib/server/context";

export async function finishedAttempt(
  ctx: AppContext,
  nickname: string,
  score: number,
  finishedAt: Date,
  extra: { assignmentId?: string; playerId?: string; mode?: string } = {},
): Promise<{ playerId: string; attemptId: string }> {
  const { db } = ctx;
  const playerId = extra.playerId ?? (await db.player.create({ data: { nickname } })).id;
  const attempt = await db.attempt.create({
    data: {
      playerId,
      topic: "kazakhstan-2022",
      mode: extra.mode ?? (extra.assignmentId ? "assigned" : "practice"),
      assignmentId: extra.assignmentId,
      seed: 1,
      settings: "{}",
      questionCount: 10,
      correctCount: Math.round(score / 1000),
      score,
      status: "finished",
      finishedAt,
    },
  });
  await ctx.store.postToBoards(attempt.id, finishedAt);
  return { playerId, attemptId: attempt.id };
}
