import { describe, expect, it } from "vitest";
import { LATE_GRACE_MS, scoreAnswer, type ScoringRules } from "@/lib/play/scoring";

const timed: ScoringRules = { timeLimitSeconds: 20, speedBonus: true, streakBonus: true };
const untimed: ScoringRules = { timeLimitSeconds: null, speedBonus: true, streakBonus: true };
const noSpeed: ScoringRules = { timeLimitSeconds: 20, speedBonus: false, streakBonus: true };
const noStreak: ScoringRules = { timeLimitSeconds: 20, speedBonus: true, streakBonus: false };

describe("scoreAnswer", () => {
  it("scores nothing after the assignment's due time, though the answer is graded", () => {
    expect(scoreAnswer({ credit: 1, elapsedMs: 1000, streakBefore: 4, pastDue: true }, timed)).toMatchObject({
      base: 0,
      streakBonus: 0,
      points: 0,
      correct: true,
      late: false,
    });
    expect(scoreAnswer({ credit: 1, elapsedMs: 1000, streakBefore: 4, pastDue: false }, untimed).points).toBe(1400);
  });

  it.each([
    ["correct at once: 1000", timed, 1, 0, 0, { base: 1000, streakBonus: 0, points: 1000, streakAfter: 1 }],
    ["correct at half the limit: 750", timed, 1, 10_000, 0, { base: 750, points: 750 }],
    ["correct at the limit: 500, never less", timed, 1, 20_000, 0, { base: 500, points: 500 }],
    [
      "correct inside the network allowance: still 500",
      timed,
      1,
      20_000 + LATE_GRACE_MS,
      0,
      { base: 500, late: false },
    ],
    [
      "after the limit: 0 and the streak breaks",
      timed,
      1,
      20_000 + LATE_GRACE_MS + 1,
      4,
      { base: 0, points: 0, late: true, correct: false, streakAfter: 0 },
    ],
    ["wrong: 0 and the streak breaks", timed, 0, 1000, 3, { base: 0, streakBonus: 0, points: 0, streakAfter: 0 }],
    [
      "timeline at 5/6 credit, at once: 833, no streak",
      timed,
      5 / 6,
      0,
      2,
      { base: 833, streakBonus: 0, correct: false, streakAfter: 0 },
    ],
    ["timeline at half credit, at half time: 375", timed, 0.5, 10_000, 0, { base: 375 }],
    ["untimed: 1000 × credit whatever the time", untimed, 1, 999_999, 0, { base: 1000, late: false }],
    ["untimed timeline at 2/3 credit: 667", untimed, 2 / 3, 5000, 0, { base: 667 }],
    ["speed bonus off: full points within the limit", noSpeed, 1, 19_000, 0, { base: 1000 }],
    ["speed bonus off still scores 0 when late", noSpeed, 1, 30_000, 0, { base: 0, late: true }],
    ["second correct in a row: +100", timed, 1, 0, 1, { streakBonus: 100, points: 1100, streakAfter: 2 }],
    ["fifth correct in a row: +400", timed, 1, 0, 4, { streakBonus: 400, streakAfter: 5 }],
    ["sixth correct in a row: +500 (the cap)", timed, 1, 0, 5, { streakBonus: 500 }],
    ["tenth correct in a row: still +500", timed, 1, 0, 9, { streakBonus: 500, streakAfter: 10 }],
    [
      "streak bonus off: no bonus, the streak still counts",
      noStreak,
      1,
      0,
      4,
      { streakBonus: 0, points: 1000, streakAfter: 5 },
    ],
    ["a negative elapsed time counts as 0", timed, 1, -500, 0, { base: 1000 }],
    ["credit above 1 is clamped", untimed, 3, 0, 0, { base: 1000 }],
    ["NaN credit scores nothing", untimed, Number.NaN, 0, 0, { base: 0, correct: false }],
  ])("%s", (_label, rules, credit, elapsedMs, streakBefore, expected) => {
    expect(
      scoreAnswer(
        { credit: credit as number, elapsedMs: elapsedMs as number, streakBefore: streakBefore as number },
        rules as ScoringRules,
      ),
    ).toMatchObject(expected as object);
  });
});
