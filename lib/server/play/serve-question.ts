// Serving the current question (without its key) and starting its clock once.
import "server-only";
import { AppError, quizNotFound } from "@/lib/app-error";
import type { ServedQuestion } from "@/lib/play/attempt-view";
import { toPublic } from "@/lib/quiz/question";
import type { AppContext } from "../context";
import { requireAnswersOpen, storedQuestion, summaryOf } from "./read-attempt";
import { liveOnly } from "./submit-answer";

/**
 * The current question: the first one not yet answered. Serving starts its clock
 * once; asking again (a refresh, a second tab) returns the same question and clock.
 * Once the assignment is closed, a 409 (requireAnswersOpen).
 */
export async function serveCurrentQuestion(
  ctx: AppContext,
  attemptId: string,
  playerId: string | null,
): Promise<ServedQuestion> {
  const now = ctx.clock.now();
  if (!playerId) throw quizNotFound();
  const row = await ctx.store.findAttempt(attemptId, playerId);
  if (!row) throw quizNotFound();
  const summary = summaryOf(row);
  // A live game's questions open when the host opens them, for everyone at once.
  if (summary.mode === "live") throw liveOnly(true);
  const current = summary.status === "finished" ? null : await ctx.store.currentQuestion(attemptId);
  if (!current) throw new AppError(409, "finished", "This quiz is finished: see your results.");
  const window = requireAnswersOpen(row, now);
  // Only the first request starts the clock, even if two arrive at once.
  const servedAt = current.servedAt ?? (await ctx.store.markServed(current.id, now));
  const limit = summary.rules.timeLimitSeconds;
  return {
    attempt: summary,
    position: current.position,
    question: toPublic(storedQuestion(current.question)),
    servedAt: servedAt.toISOString(),
    deadline: limit ? new Date(servedAt.getTime() + limit * 1000).toISOString() : null,
    serverNow: now.toISOString(),
    pastDue: window === "past_due",
  };
}
