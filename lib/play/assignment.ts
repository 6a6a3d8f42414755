// An assignment as the app reads it (its settings parsed), and whether it can be
// joined at a given time: the one rule behind the teacher's badge and the
// student's "this quiz can't be joined" message.
import type { AssignmentSettings } from "./settings";

export interface AssignmentTimes {
  opensAt: Date | null;
  dueAt: Date | null;
  closedAt: Date | null;
}

export interface Assignment extends AssignmentTimes {
  id: string;
  code: string;
  title: string;
  topic: string;
  settings: AssignmentSettings;
}

export type AssignmentState = "closed" | "past_due" | "scheduled" | "open";

/**
 * Whether an attempt already started may still answer: until the teacher closes the
 * assignment, it may (a quiz begun before the due time can be finished, each question
 * within its own time limit), but from the due time on nothing scores ("past_due");
 * once closed, no answer is taken. An attempt without an assignment is always "open".
 */
export function answerWindow(a: AssignmentTimes | null, now: Date): "open" | "past_due" | "closed" {
  if (!a) return "open";
  const state = assignmentState(a, now);
  return state === "closed" || state === "past_due" ? state : "open";
}

/** Closing wins over everything; then the due time; then the opening time. */
export function assignmentState(a: AssignmentTimes, now: Date): AssignmentState {
  if (a.closedAt && a.closedAt <= now) return "closed";
  if (a.dueAt && a.dueAt <= now) return "past_due";
  if (a.opensAt && a.opensAt > now) return "scheduled";
  return "open";
}
