// Abandoned practice: a practice quiz left unfinished for a day is deleted, with its
// questions and answers (cascade). It was never on a board (only finished attempts are),
// and the player's next "Play now" would have resumed it had they come back. Assigned
// quizzes are never swept: they count against the assignment's attempts and belong in
// the teacher's report. The sweep runs on a practice start at most once an hour per
// process (no timer to own); several instances sweeping at once delete the same rows.
import "server-only";
import type { AppContext } from "../context";

export const ABANDONED_PRACTICE_AFTER_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Deletes practice attempts still unfinished a day after they started; returns how many. */
export async function sweepAbandonedPractice(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - ABANDONED_PRACTICE_AFTER_MS);
  const { count } = await ctx.db.attempt.deleteMany({
    where: { mode: "practice", status: "in_progress", startedAt: { lt: cutoff } },
  });
  return count;
}

let nextSweepAt = 0;

/** The sweep, if this process has not swept in the last hour (by the system clock). */
export async function sweepAbandonedPracticeNowAndThen(ctx: AppContext): Promise<void> {
  if (Date.now() < nextSweepAt) return;
  nextSweepAt = Date.now() + SWEEP_EVERY_MS;
  // Housekeeping: a failure must not fail the student's start (the next hour tries again).
  await sweepAbandonedPractice(ctx).catch((error: unknown) =>
    console.warn("Sweeping abandoned practice attempts failed:", (error as Error).message),
  );
}
