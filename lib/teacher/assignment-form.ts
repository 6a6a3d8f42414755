// The assignment form (new and edit): raw form fields → a title, validated settings
// and the open/due window, with one teacher-worded message per field that is wrong,
// every wrong field at once (a teacher fixes them in one go, not one per submit).
import { z } from "zod";
import { assignmentSettingsSchema, type AssignmentSettings } from "../play/settings";
import type { QuestionKind } from "../quiz/question";
import { MAX_QUIZ_QUESTIONS } from "../quiz/quiz";
import { DEFAULT_TIME_ZONE, isLocalDateTime, utcToZonedLocal, zonedLocalToUtc } from "../time-zone";
import { fieldErrorsOf, formFields, requiredText, type FieldErrors } from "./forms";

export interface AssignmentInput {
  title: string;
  settings: AssignmentSettings;
  opensAt: Date | null;
  dueAt: Date | null;
}

export { ASSIGNMENT_FORM_DEFAULTS } from "./form-state";

export const TIME_LIMIT = { min: 5, max: 600 } as const;

export interface AssignmentFormOptions {
  /** The teacher's IANA zone: typed times are wall-clock times there. */
  timeZone?: string;
  /**
   * The most questions of these kinds one quiz can ask (the bank, less hidden questions), or `wanted` when that
   * many fit; unchecked without it.
   */
  capacity?: (kinds: QuestionKind[], wanted: number) => number;
  /** Editing: the stored due time may stay as it is even if it has passed. */
  storedDueAt?: Date | null;
}

/** A checkbox sends "on" when ticked and nothing when not. */
const checkbox = (v: string | undefined) => v === "on" || v === "true";

/** Each field on its own, so one wrong field never hides another's message. */
const FIELDS = {
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
    .min(1, "Ask at least 1 question."),
  kinds: z.enum(["both", "timeline", "multiple-choice"], { error: "Choose which kinds of question to ask." }),
  attemptsAllowed: z.enum(["1", "3", "unlimited"], { error: "Choose how many attempts each student gets." }),
  questionOrder: z.enum(["same", "shuffled"], { error: "Choose whether everyone gets the same questions." }),
  leaderboard: z.enum(["full", "top10", "hidden"], { error: "Choose what the leaderboard shows." }),
} as const;

const KINDS: Record<z.infer<typeof FIELDS.kinds>, QuestionKind[]> = {
  both: ["timeline", "multiple-choice"],
  timeline: ["timeline"],
  "multiple-choice": ["multiple-choice"],
};

/**
 * Why a quiz of these kinds cannot ask more than `most` questions. Timelines only is the tight one: the fact
 * base gives many timelines, but a quiz never asks two that share more than one event (the second would give
 * the first away), and only so many fit together.
 */
export function tooManyQuestionsMessage(kinds: readonly QuestionKind[], most: number): string {
  if (most >= MAX_QUIZ_QUESTIONS) return `Ask at most ${MAX_QUIZ_QUESTIONS} questions.`;
  if (kinds.length === 1 && kinds[0] === "timeline")
    return `Ask at most ${most} questions with timelines only: no two timelines in a quiz may share more than one event (one would give the other away), and only ${most} of the fact base's timelines fit together. Mix in multiple choice for a longer quiz.`;
  const words = kinds.length === 2 ? "" : " multiple-choice";
  return `Only ${most}${words} questions fit these settings (a quiz asks about each fact once, and questions you hid are left out): ask for at most ${most}.`;
}

/**
 * The form's fields fixed once a student has started: they decide which questions were asked, how long each
 * had, and how answers were scored, so changing them would mark the same answers by different rules.
 */
export const LOCKED_ONCE_STARTED = [
  "count",
  "kinds",
  "questionOrder",
  "timed",
  "timeLimitSeconds",
  "speedBonus",
  "streakBonus",
] as const;

export const lockedMessage =
  "Fixed now that students have started: the questions, their time and their points must stay the same for every attempt. Duplicate the assignment to change them.";

const ATTEMPT_RANK = (n: 1 | 3 | null) => (n === null ? Infinity : n);
/** More attempts (or as many) than before: the only way attempts may change once students have started. */
export const attemptsRaised = (before: 1 | 3 | null, after: 1 | 3 | null) =>
  ATTEMPT_RANK(after) >= ATTEMPT_RANK(before);

/**
 * The one schema of the assignment form, for creating and editing: every field is read on its
 * own and every mistake reported (a field's message beside it), then the rules between fields.
 */
export function assignmentFormSchema(now: Date, options: AssignmentFormOptions = {}) {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  return z.record(z.string(), z.string()).transform((raw, ctx): AssignmentInput => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    const read = <K extends keyof typeof FIELDS>(field: K): z.infer<(typeof FIELDS)[K]> | undefined => {
      const parsed = FIELDS[field].safeParse(raw[field]);
      if (parsed.success) return parsed.data as z.infer<(typeof FIELDS)[K]>;
      issue(field, parsed.error.issues[0]!.message);
      return undefined;
    };
    const title = read("title");
    const count = read("count");
    const kinds = read("kinds");
    const attemptsAllowed = read("attemptsAllowed");
    const questionOrder = read("questionOrder");
    const leaderboard = read("leaderboard");

    // One message that names the real limit: the cap of the chosen kinds (never above the form's own cap), so
    // "Timelines only" with 99 says 7, not 50. Without the kinds or the bank, the form's cap alone.
    if (count !== undefined) {
      const wanted = Math.min(count, MAX_QUIZ_QUESTIONS);
      const chosen = kinds === undefined ? undefined : KINDS[kinds];
      const most = chosen && options.capacity ? options.capacity(chosen, wanted) : MAX_QUIZ_QUESTIONS;
      if (count > most) issue("count", tooManyQuestionsMessage(chosen ?? ["timeline", "multiple-choice"], most));
    }

    const timed = checkbox(raw.timed);
    let timeLimitSeconds: number | null = null;
    if (timed) {
      const typed = raw.timeLimitSeconds?.trim() ?? "";
      const n = Number(typed);
      if (!typed || !Number.isInteger(n))
        issue("timeLimitSeconds", "Enter the seconds per question as a whole number.");
      else if (n < TIME_LIMIT.min || n > TIME_LIMIT.max)
        issue("timeLimitSeconds", `Allow between ${TIME_LIMIT.min} and ${TIME_LIMIT.max} seconds per question.`);
      else timeLimitSeconds = n;
    }

    const when = (field: "opensAt" | "dueAt"): Date | null | undefined => {
      const typed = raw[field]?.trim() ?? "";
      if (!typed) return null;
      if (!isLocalDateTime(typed)) {
        issue(field, "Enter a date and time, like 2026-03-02 09:00.");
        return undefined;
      }
      return zonedLocalToUtc(typed, timeZone);
    };
    const opensAt = when("opensAt");
    const dueAt = when("dueAt");
    const keptDue = dueAt && options.storedDueAt && dueAt.getTime() === options.storedDueAt.getTime();
    if (dueAt && opensAt && dueAt <= opensAt) issue("dueAt", "The due time must be after the opening time.");
    else if (dueAt && dueAt <= now && !keptDue) issue("dueAt", "The due time has already passed: choose a later one.");

    if (
      title === undefined ||
      count === undefined ||
      kinds === undefined ||
      attemptsAllowed === undefined ||
      questionOrder === undefined ||
      leaderboard === undefined ||
      opensAt === undefined ||
      dueAt === undefined ||
      (timed && timeLimitSeconds === null) ||
      ctx.issues.length > 0
    )
      return z.NEVER;

    const settings = assignmentSettingsSchema.parse({
      count,
      kinds: KINDS[kinds],
      timeLimitSeconds,
      // Speed cannot earn points when there is no clock.
      speedBonus: timeLimitSeconds !== null && checkbox(raw.speedBonus),
      streakBonus: checkbox(raw.streakBonus),
      attemptsAllowed: attemptsAllowed === "unlimited" ? null : (Number(attemptsAllowed) as 1 | 3),
      sameQuestions: questionOrder === "same",
      leaderboard,
    });
    return { title, settings, opensAt, dueAt };
  });
}

export type AssignmentFormResult = { ok: true; value: AssignmentInput } | { ok: false; fieldErrors: FieldErrors };

export function parseAssignmentForm(
  form: FormData | Record<string, unknown>,
  now: Date = new Date(),
  options: AssignmentFormOptions = {},
): AssignmentFormResult {
  const parsed = assignmentFormSchema(now, options).safeParse(formFields(form));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** Stored settings as the form's fields (what the edit form starts from). */
export function settingsFormValues(settings: AssignmentSettings): Record<string, string> {
  return {
    count: String(settings.count),
    kinds: settings.kinds.length === 2 ? "both" : settings.kinds[0]!,
    timed: settings.timeLimitSeconds === null ? "" : "on",
    timeLimitSeconds: String(settings.timeLimitSeconds ?? 60),
    speedBonus: settings.speedBonus ? "on" : "",
    streakBonus: settings.streakBonus ? "on" : "",
    attemptsAllowed: settings.attemptsAllowed === null ? "unlimited" : String(settings.attemptsAllowed),
    questionOrder: settings.sameQuestions ? "same" : "shuffled",
    leaderboard: settings.leaderboard,
  };
}

/** A stored assignment as the edit form's fields, its times as wall-clock times in the teacher's zone. */
export function assignmentFormValues(
  assignment: { title: string; settings: AssignmentSettings; opensAt: Date | null; dueAt: Date | null },
  timeZone: string,
): Record<string, string> {
  return {
    title: assignment.title,
    ...settingsFormValues(assignment.settings),
    opensAt: assignment.opensAt ? utcToZonedLocal(assignment.opensAt, timeZone) : "",
    dueAt: assignment.dueAt ? utcToZonedLocal(assignment.dueAt, timeZone) : "",
  };
}
