// Loads one assignment's attempts and answers (scoped by owner) and builds the report.
import "server-only";
import type { Question } from "@/lib/quiz/question";
import { buildReport, type Report } from "@/lib/teacher/report";
import { notFoundOrNotYours, requireId } from "@/lib/app-error";
import type { AppContext } from "../context";

export async function assignmentReport(ctx: AppContext, ownerId: string, assignmentId: string): Promise<Report> {
  const { db } = ctx;
  requireId(assignmentId, "assignment");
  const owned = await db.assignment.findFirst({ where: { id: assignmentId, ownerId }, select: { id: true } });
  if (!owned) throw notFoundOrNotYours("assignment");
  const scope = { assignmentId, assignment: { ownerId } };
  const [attempts, answers, moderation] = await Promise.all([
    db.attempt.findMany({
      where: scope,
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        playerId: true,
        status: true,
        score: true,
        correctCount: true,
        answeredCount: true,
        questionCount: true,
        startedAt: true,
        finishedAt: true,
        player: { select: { nickname: true } },
      },
    }),
    db.answer.findMany({
      where: { attempt: scope },
      select: {
        attemptId: true,
        response: true,
        correct: true,
        credit: true,
        attemptQuestion: { select: { question: true, questionId: true } },
      },
    }),
    db.assignmentPlayer.findMany({ where: scope, select: { playerId: true, hidden: true, removed: true } }),
  ]);
  // Stored questions were validated when the attempt was created.
  const questionCache = new Map<string, Question>();
  const questionOf = (json: string) => {
    let q = questionCache.get(json);
    if (!q) {
      q = JSON.parse(json) as Question;
      questionCache.set(json, q);
    }
    return q;
  };
  return buildReport(
    attempts.map((a) => ({ ...a, nickname: a.player.nickname })),
    answers.map((a) => ({
      attemptId: a.attemptId,
      questionId: a.attemptQuestion.questionId,
      question: questionOf(a.attemptQuestion.question),
      response: JSON.parse(a.response) as unknown,
      correct: a.correct,
      credit: a.credit,
    })),
    new Map(moderation.map((m) => [m.playerId, m])),
  );
}
