// Serving the current question (without its key) and starting its clock once; and
// where an attempt stands, for a page that opens or comes back (no clock started).
import "server-only";
import { AppError, quizNotFound } from "@/lib/app-error";
import type { AttemptSummary, ResumePoint, ServedQuestion } from "@/lib/play/attempt-view";
import { toPublic } from "@/lib/quiz/question";
import type { AppContext } from "../context";
import { requireAnswersOpen, storedQuestion, summaryOf } from "./read-attempt";
import type { AttemptQuestionRow, AttemptRow } from "./store";
import { feedbackFrom, liveOnly } from "./submit-answer";

async function attemptOf(ctx: AppContext, attemptId: string, playerId: string | null) {
  if (!playerId) throw quizNotFound();
  const row = await ctx.store.findAttempt(attemptId, playerId);
  if (!row) throw quizNotFound();
  const summary = summaryOf(row);
  // A live game's questions open when the host opens them, for everyone at once.
  if (summary.mode === "live") throw liveOnly(true);
  return { row, summary };
}

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
  const { row, summary } = await attemptOf(ctx, attemptId, playerId);
  const current = summary.status === "finished" ? null : await ctx.store.currentQuestion(attemptId);
  if (!current) throw new AppError(409, "finished", "This quiz is finished: see your results.");
  requireAnswersOpen(row, now);
  // Only the first request starts the clock, even if two arrive at once.
  const servedAt = current.servedAt ?? (await ctx.store.markServed(current.id, now));
  return served(row, summary, current, servedAt, now);
}

function served(
  row: AttemptRow,
  summary: AttemptSummary,
  question: AttemptQuestionRow,
  servedAt: Date,
  now: Date,
): ServedQuestion {
  const limit = summary.rules.timeLimitSeconds;
  return {
    attempt: summary,
    position: question.position,
    question: toPublic(storedQuestion(question.question)),
    servedAt: servedAt.toISOString(),
    deadline: limit ? new Date(servedAt.getTime() + limit * 1000).toISOString() : null,
    serverNow: now.toISOString(),
    pastDue: requireAnswersOpen(row, now) === "past_due",
  };
}

/**
 * Where the attempt stands, for a page that opens, reloads or comes back (Back, a restored tab):
 * the current question if its clock already runs; else the verdict on the last answer, so a
 * reload never skips an explanation and the next clock starts only when the player asks
 * ("Next"); else (nothing answered yet) the first question, served when `startFirst`.
 */
export async function getResumePoint(
  ctx: AppContext,
  attemptId: string,
  playerId: string | null,
  { startFirst }: { startFirst: boolean },
): Promise<ResumePoint> {
  const now = ctx.clock.now();
  const { row, summary } = await attemptOf(ctx, attemptId, playerId);
  const current = summary.status === "finished" ? null : await ctx.store.currentQuestion(attemptId);
  if (current?.servedAt) return { kind: "question", served: served(row, summary, current, current.servedAt, now) };
  const lastPosition = (current?.position ?? summary.questionCount) - 1;
  const last = lastPosition >= 0 ? await ctx.store.question(attemptId, lastPosition) : null;
  if (last?.answer && last.servedAt) {
    const response = JSON.parse(last.answer.response) as string | string[] | null;
    return {
      kind: "feedback",
      // A closed assignment still shows the last verdict; "Next" then says it is closed.
      served: served({ ...row, assignmentClosedAt: null }, summary, last, last.servedAt, now),
      feedback: feedbackFrom(storedQuestion(last.question), last.position, last.answer, summary, true),
      response,
    };
  }
  if (!current) return { kind: "finished" };
  if (!startFirst) return { kind: "not-started" };
  return { kind: "question", served: await serveCurrentQuestion(ctx, attemptId, playerId) };
}
