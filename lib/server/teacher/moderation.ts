// Moderating an assignment: the players in it, hiding one from the leaderboard,
// and removing one (and letting them back). Every query names the owner.
import "server-only";
import { notFoundOrNotYours, requireId } from "@/lib/app-error";
import type { RosterEntry } from "@/lib/teacher/roster";
import type { AppContext } from "../context";

export async function listPlayers(ctx: AppContext, ownerId: string, assignmentId: string): Promise<RosterEntry[]> {
  const { db } = ctx;
  requireId(assignmentId, "assignment");
  const owned = await db.assignment.findFirst({ where: { id: assignmentId, ownerId }, select: { id: true } });
  if (!owned) throw notFoundOrNotYours("assignment");
  const [attempts, moderation] = await Promise.all([
    db.attempt.findMany({
      where: { assignmentId, assignment: { ownerId } },
      select: { playerId: true, player: { select: { nickname: true } } },
    }),
    db.assignmentPlayer.findMany({ where: { assignmentId, assignment: { ownerId } } }),
  ]);
  const flags = new Map(moderation.map((m) => [m.playerId, m]));
  const roster = new Map<string, RosterEntry>();
  for (const a of attempts) {
    const entry = roster.get(a.playerId) ?? {
      playerId: a.playerId,
      nickname: a.player.nickname,
      attempts: 0,
      hidden: flags.get(a.playerId)?.hidden ?? false,
      removed: flags.get(a.playerId)?.removed ?? false,
    };
    entry.attempts++;
    roster.set(a.playerId, entry);
  }
  return [...roster.values()].sort(
    (a, b) => a.nickname.localeCompare(b.nickname) || a.playerId.localeCompare(b.playerId),
  );
}

async function requirePlayerIn(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
  playerId: unknown,
): Promise<string> {
  requireId(assignmentId, "assignment");
  const id = requireId(playerId, "player");
  const played = await ctx.db.attempt.findFirst({
    where: { assignmentId, playerId: id, assignment: { ownerId } },
    select: { id: true },
  });
  if (!played) throw notFoundOrNotYours("player");
  return id;
}

/** Hides a player from the assignment's leaderboard (or shows them again). */
export async function setPlayerHidden(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
  playerId: unknown,
  hidden: boolean,
): Promise<void> {
  const id = await requirePlayerIn(ctx, ownerId, assignmentId, playerId);
  await ctx.db.assignmentPlayer.upsert({
    where: { assignmentId_playerId: { assignmentId, playerId: id } },
    create: { assignmentId, playerId: id, hidden },
    update: { hidden },
  });
}

/**
 * Removes a player: their quiz in progress stops, they cannot join again from
 * this browser, and they leave the leaderboard. `removed: false` lets them back.
 */
export async function setPlayerRemoved(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
  playerId: unknown,
  removed: boolean,
): Promise<void> {
  const { db } = ctx;
  const id = await requirePlayerIn(ctx, ownerId, assignmentId, playerId);
  await db.$transaction([
    db.assignmentPlayer.upsert({
      where: { assignmentId_playerId: { assignmentId, playerId: id } },
      create: { assignmentId, playerId: id, removed },
      update: { removed },
    }),
    db.attempt.updateMany({
      where: { assignmentId, playerId: id, assignment: { ownerId }, status: removed ? "in_progress" : "removed" },
      data: { status: removed ? "removed" : "in_progress" },
    }),
  ]);
}
