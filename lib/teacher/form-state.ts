// What a teacher form's server action returns, and the assignment form's
// starting values. No zod here: client components import this module, and
// zod 4 probes `new Function` in the browser, which the CSP forbids.
export type FieldErrors = Record<string, string>;

export type FormState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: FieldErrors; values?: Record<string, string> }
  | { status: "ok"; message: string };

export const IDLE: FormState = { status: "idle" };

/** The new-assignment form's starting values (the practice rules; a teacher changes what they need). */
export const ASSIGNMENT_FORM_DEFAULTS = {
  title: "",
  count: "10",
  kinds: "both",
  timed: "on",
  timeLimitSeconds: "60",
  speedBonus: "on",
  streakBonus: "on",
  attemptsAllowed: "unlimited",
  questionOrder: "same",
  opensAt: "",
  dueAt: "",
  leaderboard: "full",
} as const;
