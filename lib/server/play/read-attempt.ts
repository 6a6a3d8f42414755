// Reading an attempt its player owns: the summary every play call starts from, and
// the questions stored with it (with their keys: they never leave the server as such).
import "server-only";
import { quizNotFound, AppError } from "@/lib/app-error";
import { answerWindow } from "@/lib/play/assignment";
import type { AttemptSummary } from "@/lib/play/attempt-view";
import { parseQuizRules, type QuizRules } from "@/lib/play/settings";
import type { Question } from "@/lib/quiz/question";
import type { AppContext } from "../context";
import type { AttemptRow } from "./store";

/** Settings strings repeat across a class: parse each distinct one once. */
const rulesCache = new Map<string, QuizRules>();
function rulesOf(settings: string): QuizRules {
  let rules = rulesCache.get(settings);
  if (!rules) {
    rules = parseQuizRules(settings);
    if (rulesCache.size > 1000) rulesCache.clear();
    rulesCache.set(settings, rules);
  }
  return rules;
}

/** Questions were validated by the schema when the attempt stored them; reading them back needs no second check. */
export function storedQuestion(json: string): Question {
  return JSON.parse(json) as Question;
}

/** The attempt as the player may see it; a 403 once their teacher has removed them. */
export function summaryOf(row: AttemptRow): AttemptSummary {
  if (row.status === "removed") throw new AppError(403, "removed", "Your teacher has removed you from this quiz.");
  return {
    id: row.id,
    mode: row.mode,
    topic: row.topic,
    status: row.status === "finished" ? "finished" : "in_progress",
    score: row.score,
    streak: row.streak,
    correctCount: row.correctCount,
    answeredCount: row.answeredCount,
    questionCount: row.questionCount,
    rules: rulesOf(row.settings),
    assignment: row.assignmentCode
      ? {
          code: row.assignmentCode,
          title: row.assignmentTitle ?? "",
          dueAt: row.assignmentDueAt?.toISOString() ?? null,
        }
      : null,
    nickname: row.nickname,
  };
}

/**
 * Whether the attempt may answer now (answerWindow): a 409 once its assignment is closed;
 * "past_due" when answers no longer score.
 */
export function requireAnswersOpen(row: AttemptRow, now: Date): "open" | "past_due" {
  const times = row.assignmentCode
    ? { opensAt: null, dueAt: row.assignmentDueAt, closedAt: row.assignmentClosedAt }
    : null;
  const window = answerWindow(times, now);
  if (window === "closed")
    throw new AppError(
      409,
      "closed",
      `Your teacher has closed “${row.assignmentTitle ?? "this quiz"}”: answers are no longer taken. Your answers so far are saved.`,
    );
  return window;
}

/** The attempt, if `playerId` owns it; otherwise the same 404 as for no attempt at all. */
export async function getAttemptSummary(
  ctx: AppContext,
  attemptId: string,
  playerId: string | null,
): Promise<AttemptSummary> {
  if (!playerId) throw quizNotFound();
  const row = await ctx.store.findAttempt(attemptId, playerId);
  if (!row) throw quizNotFound();
  return summaryOf(row);
}
