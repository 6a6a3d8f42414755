// Quiz rules: what a practice quiz and an assignment let a student play.
import { z } from "zod";
import { QUESTION_KINDS } from "../quiz/question";

export const quizRulesSchema = z.object({
  count: z.number().int().min(1).max(50),
  kinds: z.array(z.enum(QUESTION_KINDS)).min(1).max(2),
  /** Seconds per question, or null for untimed (a form allows up to 600; a student's extra time up to 3×). */
  timeLimitSeconds: z.number().int().min(5).max(1800).nullable(),
  speedBonus: z.boolean(),
  streakBonus: z.boolean(),
});
export type QuizRules = z.infer<typeof quizRulesSchema>;

export const assignmentSettingsSchema = quizRulesSchema.extend({
  /** 1, 3, or null for unlimited; the best attempt counts. */
  attemptsAllowed: z.union([z.literal(1), z.literal(3), z.null()]),
  /** Everyone gets the same questions (one seed), or each student their own shuffle. */
  sameQuestions: z.boolean(),
  leaderboard: z.enum(["full", "top10", "hidden"]),
});
export type AssignmentSettings = z.infer<typeof assignmentSettingsSchema>;

export const PRACTICE_RULES: QuizRules = {
  count: 10,
  kinds: ["timeline", "multiple-choice"],
  timeLimitSeconds: 60,
  speedBonus: true,
  streakBonus: true,
};

/** Learn mode: practice untimed (learning, not racing), so no speed bonus. */
export const LEARN_RULES: QuizRules = { ...PRACTICE_RULES, timeLimitSeconds: null, speedBonus: false };

/** An assignment as the seed, the tests and the load drivers create it: the practice rules, 5 questions, open to all. */
export const DEFAULT_ASSIGNMENT_SETTINGS: AssignmentSettings = {
  ...PRACTICE_RULES,
  count: 5,
  attemptsAllowed: null,
  sameQuestions: true,
  leaderboard: "full",
};

export function parseAssignmentSettings(json: string): AssignmentSettings {
  return assignmentSettingsSchema.parse(JSON.parse(json));
}

export function parseQuizRules(json: string): QuizRules {
  return quizRulesSchema.parse(JSON.parse(json));
}
