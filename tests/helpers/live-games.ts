// Live games to test with: a teacher and a class made straight in the database (no sign-up),
// and a game hosted on them.
import { randomUUID } from "node:crypto";
import type { AppContext } from "@/lib/server/context";
import { hostLiveGame } from "@/lib/server/live/games";

/** A new teacher with one class. */
export async function teacherWithClass(ctx: AppContext): Promise<{ ownerId: string; classId: string }> {
  const id = `t${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await ctx.db.user.create({ data: { id, name: "Ms Aigerim", email: `${id}@school.test` } });
  const cls = await ctx.db.classroom.create({ data: { ownerId: id, name: "9B" }, select: { id: true } });
  return { ownerId: id, classId: cls.id };
}

/** A short game: two multiple-choice questions of 30 s, no teams. */
export const SHORT_GAME = {
  count: 2,
  kinds: ["multiple-choice"],
  timeLimitSeconds: 30,
  speedBonus: true,
  streakBonus: true,
  teams: 0,
  showLeaderboard: true,
};

/** A game in its lobby, hosted by a new teacher for a new class (a short game unless `settings` say otherwise). */
export async function hostedLiveGame(ctx: AppContext, settings: Record<string, unknown> = {}) {
  const host = await teacherWithClass(ctx);
  const game = await hostLiveGame(ctx, host.ownerId, host.classId, { ...SHORT_GAME, ...settings });
  return { ...host, ...game };
}
