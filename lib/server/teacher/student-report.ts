// One roster student's history for their teacher: every assignment of the class, every
// attempt, every answer with its key, and their misconceptions over time. Scoped by owner.
import "server-only";
import { notFoundOrNotYours, requireId } from "@/lib/app-error";
import { isTopicId, loadTopic } from "@/lib/content/load-topic";
import type { Question } from "@/lib/quiz/question";
import { buildStudentHistory, type StudentHistory } from "@/lib/teacher/student-history";
import type { AppContext } from "../context";

export interface StudentReport extends StudentHistory {
  student: { id: string; name: string; extraTime: number; classId: string; className: string };
}

export async function studentReport(ctx: AppContext, ownerId: string, studentId: string): Promise<StudentReport> {
  requireId(studentId, "student");
  const student = await ctx.db.student.findFirst({
    where: { id: studentId, classroom: { ownerId } },
    select: {
      id: true,
      name: true,
      extraTime: true,
      classId: true,
      playerId: true,
      classroom: { select: { name: true } },
    },
  });
  if (!student) throw notFoundOrNotYours("student");
  // One query: the student's attempts at this teacher's assignments, with their answers.
  const attempts = await ctx.db.attempt.findMany({
    where: { playerId: student.playerId, assignment: { ownerId } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      assignmentId: true,
      topic: true,
      status: true,
      score: true,
      questionCount: true,
      startedAt: true,
      finishedAt: true,
      assignment: { select: { title: true } },
      answers: {
        select: {
          response: true,
          correct: true,
          credit: true,
          createdAt: true,
          attemptQuestion: { select: { position: true, question: true } },
        },
      },
    },
  });
  const labels = new Map<string, string>();
  for (const topic of new Set(attempts.map((a) => a.topic)))
    if (isTopicId(topic)) for (const e of loadTopic(topic).events) labels.set(e.id, e.label);
  const history = buildStudentHistory(
    attempts.map((a) => ({
      id: a.id,
      assignmentId: a.assignmentId ?? "",
      assignmentTitle: a.assignment?.title ?? "",
      status: a.status,
      score: a.score,
      questionCount: a.questionCount,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      answers: a.answers.map((x) => ({
        position: x.attemptQuestion.position,
        // Stored questions were validated when the attempt was created.
        question: JSON.parse(x.attemptQuestion.question) as Question,
        response: JSON.parse(x.response) as unknown,
        correct: x.correct,
        credit: x.credit,
        at: x.createdAt,
      })),
    })),
    (about) => labels.get(about),
  );
  return {
    student: {
      id: student.id,
      name: student.name,
      extraTime: student.extraTime,
      classId: student.classId,
      className: student.classroom.name,
    },
    ...history,
  };
}
