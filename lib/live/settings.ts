// What a teacher sets for a live game ("Host live"): the quiz (count, kinds, seconds,
// bonuses) and the live options (teams, leaderboard after each question).
import { z } from "zod";
import { PRACTICE_RULES, quizRulesSchema, type AssignmentSettings } from "../play/settings";

/** The quiz rules every mode shares, with a live game's bounds, and the live options. */
export const liveSettingsSchema = quizRulesSchema.extend({
  count: z.number().int().min(1).max(30),
  /** A live question is always timed. */
  timeLimitSeconds: z.number().int().min(5).max(240),
  /** 0 for no teams, else 2–6 teams, balanced as players join. */
  teams: z
    .number()
    .int()
    .min(0)
    .max(6)
    .refine((n) => n !== 1, "One team is no team: choose 0 or 2–6."),
  /** Show the top 5 after each question's reveal (the host can switch it at any time). */
  showLeaderboard: z.boolean(),
});
export type LiveSettings = z.infer<typeof liveSettingsSchema>;

/** Practice's rules at a live game's pace (30 s a question), no teams, the board after each question. */
export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  ...PRACTICE_RULES,
  timeLimitSeconds: 30,
  teams: 0,
  showLeaderboard: true,
};

/**
 * "Host live with these settings" on an assignment's page: its quiz rules as a live game's,
 * within a live game's bounds (a live question is always timed); no teams; the leaderboard
 * after each question unless the assignment hides it from students.
 */
export function liveSettingsFromAssignment(a: AssignmentSettings): LiveSettings {
  const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(n)));
  return {
    count: clamp(a.count, 1, 30),
    kinds: a.kinds,
    timeLimitSeconds:
      a.timeLimitSeconds === null ? DEFAULT_LIVE_SETTINGS.timeLimitSeconds : clamp(a.timeLimitSeconds, 5, 240),
    speedBonus: a.speedBonus,
    streakBonus: a.streakBonus,
    teams: 0,
    showLeaderboard: a.leaderboard !== "hidden",
  };
}

export function parseLiveSettings(json: string): LiveSettings {
  return liveSettingsSchema.parse(JSON.parse(json));
}

export const TEAM_NAMES = ["Red", "Blue", "Green", "Gold", "Purple", "Teal"] as const;

/** The team a new player joins: the smallest, the lowest number on a tie. */
export function balancedTeam(sizes: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < sizes.length; i++) if (sizes[i]! < sizes[best]!) best = i;
  return best;
}
