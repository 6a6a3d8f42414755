// The end of a quiz: score, accuracy, every question with the player's answer, and
// the facts and events to revisit in the study view.
import "server-only";
import { AppError } from "@/lib/app-error";
import { isTopicId, loadTopic } from "@/lib/content/load-topic";
import type { AttemptResults } from "@/lib/play/attempt-view";
import { factsToRevisit } from "@/lib/play/revisit";
import { gradeResponse } from "@/lib/quiz/grading";
import type { AppContext } from "../context";
import { getAttemptSummary, storedQuestion } from "./read-attempt";
import { getStanding } from "./standing";

export async function getResults(ctx: AppContext, attemptId: string, playerId: string | null): Promise<AttemptResults> {
  const summary = await getAttemptSummary(ctx, attemptId, playerId);
  if (summary.status !== "finished")
    throw new AppError(409, "not_finished", "Results are ready when the last question is answered.");
  const rows = await ctx.db.attemptQuestion.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: {
      position: true,
      question: true,
      answer: { select: { response: true, correct: true, credit: true, points: true } },
    },
  });
  const review = rows.map((row) => {
    const question = storedQuestion(row.question);
    const response: unknown = row.answer ? JSON.parse(row.answer.response) : null;
    const swapped = row.answer ? gradeResponse(question, response).swapped : [];
    return {
      position: row.position,
      question,
      response,
      correct: row.answer?.correct ?? false,
      credit: row.answer?.credit ?? 0,
      points: row.answer?.points ?? 0,
      swapped,
    };
  });
  const topic = isTopicId(summary.topic) ? loadTopic(summary.topic) : null;
  const revisit = factsToRevisit(review, topic);
  return {
    attempt: summary,
    accuracy: summary.questionCount ? summary.correctCount / summary.questionCount : 0,
    review,
    revisit,
    standing: await getStanding(ctx, attemptId),
  };
}
