// Fills the name skeletons (lib/name-skeleton.ts) of rows written before names were compared by skeleton:
// the migration that added the columns cannot compute them (they need Unicode's confusables data), so the
// server does, once, at start-up (instrumentation-node.ts). Oldest first in each class, assignment or game:
// a name that already looked like an earlier one keeps no skeleton (null), so the earlier name is the one
// new names are compared with, and both players play on (docs/decisions/016).
import "server-only";
import { nameSkeleton } from "@/lib/name-skeleton";
import type { AppContext } from "./context";

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/** Sets one row's skeleton unless a look-alike holds it already: "set", "look-alike", or "done" (by another instance). */
async function fill(update: () => Promise<{ count: number }>): Promise<"set" | "look-alike" | "done"> {
  try {
    return (await update()).count > 0 ? "set" : "done";
  } catch (error) {
    if (isUniqueViolation(error)) return "look-alike";
    throw error;
  }
}

export interface FilledSkeletons {
  /** Rows given their skeleton. */
  filled: number;
  /** Rows left without one: their name looked like an earlier one in the same scope. */
  lookAlikes: number;
}

/** Idempotent, and safe on several instances at once (each row is set only while still null). */
export async function fillNameSkeletons(ctx: AppContext): Promise<FilledSkeletons> {
  const { db } = ctx;
  let filled = 0;
  let lookAlikes = 0;
  const count = (outcome: "set" | "look-alike" | "done") => {
    if (outcome === "set") filled++;
    else if (outcome === "look-alike") lookAlikes++;
  };

  const students = await db.student.findMany({
    where: { nameSkeleton: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  for (const s of students)
    count(
      await fill(() =>
        db.student.updateMany({
          where: { id: s.id, nameSkeleton: null },
          data: { nameSkeleton: nameSkeleton(s.name) },
        }),
      ),
    );

  const seats = await db.livePlayer.findMany({
    where: { nicknameSkeleton: null },
    orderBy: [{ joinedAt: "asc" }, { playerId: "asc" }],
    select: { gameId: true, playerId: true, nickname: true },
  });
  for (const s of seats)
    count(
      await fill(() =>
        db.livePlayer.updateMany({
          where: { gameId: s.gameId, playerId: s.playerId, nicknameSkeleton: null },
          data: { nicknameSkeleton: nameSkeleton(s.nickname) },
        }),
      ),
    );

  const names = await db.assignmentName.findMany({
    where: { skeleton: null },
    orderBy: [{ createdAt: "asc" }, { playerId: "asc" }],
    select: { assignmentId: true, playerId: true, player: { select: { nickname: true } } },
  });
  for (const n of names)
    count(
      await fill(() =>
        db.assignmentName.updateMany({
          where: { assignmentId: n.assignmentId, playerId: n.playerId, skeleton: null },
          data: { skeleton: nameSkeleton(n.player.nickname) },
        }),
      ),
    );
  return { filled, lookAlikes };
}
