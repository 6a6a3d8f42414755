// Points for one answer. The one scoring formula of the game, used only by the
// server (the browser never computes a score). Table-tested in tests/unit/scoring.test.ts.

export const MAX_POINTS = 1000;
export const STREAK_STEP = 100;
export const STREAK_CAP = 500;
/** Allowance for the network between the server's clock and the player's click. */
export const LATE_GRACE_MS = 1000;

export interface ScoringRules {
  /** Per-question limit in seconds; null when the quiz is untimed. */
  timeLimitSeconds: number | null;
  speedBonus: boolean;
  streakBonus: boolean;
}

export interface ScoreInput {
  /** In [0, 1]: the grade's credit. */
  credit: number;
  /** Server-measured time from serving the question to receiving the answer. */
  elapsedMs: number;
  /** Consecutive fully correct answers before this one. */
  streakBefore: number;
  /** Received after the assignment's due time: graded, but worth nothing. */
  pastDue?: boolean;
}

export interface Score {
  /** Points for the answer itself (speed-weighted when timed with the speed bonus on). */
  base: number;
  streakBonus: number;
  points: number;
  /** Fully correct and in time: what extends a streak. */
  correct: boolean;
  late: boolean;
  streakAfter: number;
}

/**
 * - Timed with speed bonus: 1000 × credit × (1 − elapsed / (2 × limit)) — so a correct answer earns at least 500.
 * - Untimed, or speed bonus off: 1000 × credit.
 * - Later than the limit (plus a 1 s network allowance): 0 points, and the streak breaks.
 * - Streak bonus: +100 per consecutive correct answer from the second, capped at +500.
 * - After the assignment's due time: 0 points (still graded and counted right or wrong).
 */
export function scoreAnswer(input: ScoreInput, rules: ScoringRules): Score {
  const credit = Math.min(1, Math.max(0, Number.isFinite(input.credit) ? input.credit : 0));
  const elapsedMs = Math.max(0, Number.isFinite(input.elapsedMs) ? input.elapsedMs : 0);
  const limitMs = rules.timeLimitSeconds ? rules.timeLimitSeconds * 1000 : null;
  const late = limitMs !== null && elapsedMs > limitMs + LATE_GRACE_MS;
  const correct = !late && credit === 1;
  const streakAfter = correct ? Math.max(0, input.streakBefore) + 1 : 0;

  let base = 0;
  if (!late && !input.pastDue) {
    const speedFactor = limitMs !== null && rules.speedBonus ? 1 - Math.min(elapsedMs, limitMs) / (2 * limitMs) : 1;
    base = Math.round(MAX_POINTS * credit * speedFactor);
  }
  const streakBonus =
    rules.streakBonus && correct && !input.pastDue && streakAfter >= 2
      ? Math.min(STREAK_STEP * (streakAfter - 1), STREAK_CAP)
      : 0;
  return { base, streakBonus, points: base + streakBonus, correct, late, streakAfter };
}
