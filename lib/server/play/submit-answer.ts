// Grading an answer and scoring it — the server is the only judge — once per
// question: a repeated submit returns the first result and scores nothing.
import "server-only";
import { AppError, quizNotFound } from "@/lib/app-error";
import type { AnswerFeedback } from "@/lib/play/attempt-view";
import { reviewsOf } from "@/lib/play/memory";
import { scoreAnswer } from "@/lib/play/scoring";
import { gradeResponse, InvalidResponseError } from "@/lib/quiz/grading";
import type { Question } from "@/lib/quiz/question";
import type { AppContext } from "../context";
import { secretMatches, type PlayerCookie } from "./player";
import { getAttemptSummary, requireAnswersOpen, storedQuestion, summaryOf } from "./read-attempt";
import type { AnswerContext, AnswerRow } from "./store";

/** Stored with each answer, so a repeated submit returns exactly the first feedback. */
interface StoredDetail {
  basePoints: number;
  streakBonus: number;
  late: boolean;
  pastDue?: boolean;
}

/** The verdict on a stored answer (also what a reload shows: see getResumePoint). */
export function feedbackFrom(
  question: Question,
  position: number,
  answer: AnswerRow,
  attempt: { score: number; streak: number; status: string },
  repeated: boolean,
  swapped: AnswerFeedback["swapped"] = gradeResponse(question, JSON.parse(answer.response)).swapped,
): AnswerFeedback {
  const detail = JSON.parse(answer.detail) as Partial<StoredDetail>;
  return {
    position,
    questionId: question.id,
    correct: answer.correct,
    credit: answer.credit,
    // No answer means the time ran out, even if the browser's clock beat the server's grace period.
    late: (detail.late ?? false) || answer.response === "null",
    points: answer.points,
    basePoints: detail.basePoints ?? answer.points,
    streakBonus: detail.streakBonus ?? 0,
    streak: attempt.streak,
    score: attempt.score,
    swapped,
    answer: question.answer,
    explanation: question.explanation,
    sources: question.sources,
    evidence: question.evidence,
    about: question.about,
    finished: attempt.status === "finished",
    pastDue: detail.pastDue ?? false,
    repeated,
  };
}

/** A live game's attempt is answered through the live game only (its clock is the game's), and only it. */
export const liveOnly = (live: boolean) =>
  live
    ? new AppError(409, "live_game", "This quiz is a live game: answer on the live game's screen.")
    : new AppError(409, "not_live", "This quiz is not a live game.");

const finished = () => new AppError(409, "finished", "This quiz is finished: answers are closed.");

/**
 * Who is answering: a player id the caller has already verified, or the browser's
 * cookie, whose secret is checked against the hash read with the attempt (one query).
 */
export type Answerer = { playerId: string | null } | { cookie: PlayerCookie | null };

export async function submitAnswer(
  ctx: AppContext,
  input: {
    attemptId: string;
    position: number;
    response: unknown;
    /** A live game's answer: the time into the question by the game's clock (lib/live/game.ts), not since serving. */
    liveElapsedMs?: number;
    /** This attempt's answer context, when the caller has read it already (a live game's one read). */
    context?: AnswerContext;
  } & Answerer,
): Promise<AnswerFeedback> {
  const now = ctx.clock.now();
  const { store } = ctx;
  const cookie = "cookie" in input ? input.cookie : null;
  const playerId = "cookie" in input ? (cookie?.playerId ?? null) : input.playerId;
  if (!playerId) throw quizNotFound();
  const context = input.context ?? (await store.answerContext(input.attemptId, playerId, input.position));
  if (!context || (cookie && !secretMatches(context.secretHash, cookie.secret))) throw quizNotFound();
  const attempt = summaryOf(context.attempt);
  if ((attempt.mode === "live") !== (input.liveElapsedMs !== undefined)) throw liveOnly(attempt.mode === "live");
  const served = context.question;
  if (!served) throw new AppError(404, "no_such_question", `This quiz has no question ${input.position + 1}.`);
  const question = storedQuestion(served.question);

  const replay = async () => {
    const again = await store.question(attempt.id, input.position);
    const totals = await getAttemptSummary(ctx, attempt.id, playerId);
    return feedbackFrom(question, served.position, again!.answer!, totals, true);
  };
  if (served.answer) return feedbackFrom(question, served.position, served.answer, attempt, true);
  if (attempt.status === "finished") throw finished();
  // Closed: nothing taken. Past the due time: graded and recorded, worth no points.
  const pastDue = requireAnswersOpen(context.attempt, now) === "past_due";
  if (!served.servedAt)
    throw new AppError(
      409,
      "not_served",
      `Question ${input.position + 1} has not been asked yet: answer the current question first.`,
    );

  let graded: ReturnType<typeof gradeResponse>;
  try {
    graded = gradeResponse(question, input.response);
  } catch (error) {
    if (error instanceof InvalidResponseError) throw new AppError(400, "bad_response", error.message);
    throw error;
  }
  const elapsedMs = input.liveElapsedMs ?? Math.max(0, now.getTime() - served.servedAt.getTime());
  const result = await store.recordAnswer(
    {
      attemptId: attempt.id,
      attemptQuestionId: served.id,
      response: JSON.stringify(input.response),
      credit: graded.credit,
      elapsedMs,
      createdAt: now,
      seen: { streak: attempt.streak, answeredCount: attempt.answeredCount },
      // The memory model: the fact, or each pair on the card, rated by this answer (docs/decisions/015).
      memory: { playerId, topic: context.attempt.topic, reviews: reviewsOf(question, input.response) },
    },
    (streakBefore) => {
      const score = scoreAnswer({ credit: graded.credit, elapsedMs, streakBefore, pastDue }, attempt.rules);
      const detail: StoredDetail = {
        basePoints: score.base,
        streakBonus: score.streakBonus,
        late: score.late,
        ...(pastDue ? { pastDue } : {}),
      };
      return {
        correct: score.correct,
        points: score.points,
        streakAfter: score.streakAfter,
        detail: JSON.stringify(detail),
      };
    },
  );
  if (result.outcome === "duplicate") return replay();
  if (result.outcome === "finished") throw finished();
  return feedbackFrom(question, served.position, result.answer, result.attempt, false, graded.swapped);
}
