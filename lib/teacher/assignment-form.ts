// The assignment form: raw form fields → a title, validated settings and the
// open/due window, with one teacher-worded message per field that is wrong.
import { z } from "zod";
import { assignmentSettingsSchema, type AssignmentSettings } from "../play/settings";
import { MAX_QUIZ_QUESTIONS } from "../quiz/quiz";
import { parseForm, requiredText, type FieldErrors } from "./forms";

export interface AssignmentInput {
  title: string;
  settings: AssignmentSettings;
  opensAt: Date | null;
  dueAt: Date | null;
}

export { ASSIGNMENT_FORM_DEFAULTS } from "./form-state";

/** A checkbox sends "on" when ticked and nothing when not. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");
const localDateTime = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine(
    (v) => v === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v),
    "Enter a date and time, like 2026-03-02 09:00.",
  );

const rawSchema = z
  .object({
    title: requiredText(
      {
        missing: "Give the assignment a title.",
        tooLong: "Use at most 80 characters for the title.",
        control: "The title contains control characters.",
      },
      80,
    ),
    count: z.coerce
      .number({ error: "Enter how many questions to ask." })
      .int("Enter a whole number of questions.")
      .min(1, "Ask at least 1 question.")
      .max(MAX_QUIZ_QUESTIONS, `Ask at most ${MAX_QUIZ_QUESTIONS} questions.`),
    kinds: z.enum(["both", "timeline", "multiple-choice"], { error: "Choose which kinds of question to ask." }),
    timed: checkbox,
    timeLimitSeconds: z.string().optional(),
    speedBonus: checkbox,
    streakBonus: checkbox,
    attemptsAllowed: z.enum(["1", "3", "unlimited"], { error: "Choose how many attempts each student gets." }),
    questionOrder: z.enum(["same", "shuffled"], { error: "Choose whether everyone gets the same questions." }),
    opensAt: localDateTime,
    dueAt: localDateTime,
    /** Minutes to add to the browser's local time to get UTC (Date#getTimezoneOffset); 0 without JavaScript. */
    tzOffset: z.coerce.number().int().min(-840).max(840).optional().default(0),
    leaderboard: z.enum(["full", "top10", "hidden"], { error: "Choose what the leaderboard shows." }),
  })
  .strip();

function toUtc(local: string | null, tzOffsetMinutes: number): Date | null {
  if (!local) return null;
  const asUtc = new Date(`${local.length === 16 ? `${local}:00` : local}Z`);
  return new Date(asUtc.getTime() + tzOffsetMinutes * 60_000);
}

export type AssignmentFormResult = { ok: true; value: AssignmentInput } | { ok: false; fieldErrors: FieldErrors };

export function parseAssignmentForm(
  form: FormData | Record<string, unknown>,
  now: Date = new Date(),
): AssignmentFormResult {
  const parsed = parseForm(rawSchema, form);
  if (!parsed.ok) return parsed;
  const raw = parsed.data;
  const errors: FieldErrors = {};

  let timeLimitSeconds: number | null = null;
  if (raw.timed) {
    const n = Number(raw.timeLimitSeconds);
    if (!raw.timeLimitSeconds || !Number.isInteger(n))
      errors.timeLimitSeconds = "Enter the seconds per question as a whole number.";
    else if (n < 5 || n > 600) errors.timeLimitSeconds = "Allow between 5 and 600 seconds per question.";
    else timeLimitSeconds = n;
  }
  const opensAt = toUtc(raw.opensAt, raw.tzOffset);
  const dueAt = toUtc(raw.dueAt, raw.tzOffset);
  if (dueAt && dueAt <= now) errors.dueAt = "The due time has already passed: choose a later one.";
  else if (dueAt && opensAt && dueAt <= opensAt) errors.dueAt = "The due time must be after the opening time.";
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };

  const settings = assignmentSettingsSchema.parse({
    count: raw.count,
    kinds: raw.kinds === "both" ? ["timeline", "multiple-choice"] : [raw.kinds],
    timeLimitSeconds,
    // Speed cannot earn points when there is no clock.
    speedBonus: timeLimitSeconds !== null && raw.speedBonus,
    streakBonus: raw.streakBonus,
    attemptsAllowed: raw.attemptsAllowed === "unlimited" ? null : (Number(raw.attemptsAllowed) as 1 | 3),
    sameQuestions: raw.questionOrder === "same",
    leaderboard: raw.leaderboard,
  });
  return { ok: true, value: { title: raw.title, settings, opensAt, dueAt } };
}
