// The question bank as a teacher reviews it, and the questions they hide from
// their assignments (per teacher and topic).
import "server-only";
import { loadTopic, isTopicId } from "@/lib/content/load-topic";
import { assignmentState } from "@/lib/play/assignment";
import { parseAssignmentSettings } from "@/lib/play/settings";
import { allQuestions, buildBank } from "@/lib/quiz/bank";
import { generateQuiz, QuizSizeError } from "@/lib/quiz/quiz";
import type { Question } from "@/lib/quiz/question";
import { AppError } from "@/lib/app-error";
import type { AppContext } from "../context";

export interface BankEntry {
  question: Question;
  hidden: boolean;
}

/** The questions this teacher hid from their assignments on `topic`. */
export async function hiddenQuestionIds(ctx: AppContext, ownerId: string, topic: string): Promise<string[]> {
  const rows = await ctx.db.hiddenQuestion.findMany({ where: { ownerId, topic }, select: { questionId: true } });
  return rows.map((r) => r.questionId);
}

function bankOf(topic: string): Question[] {
  if (!isTopicId(topic)) throw new AppError(404, "not_found", `Unknown topic "${String(topic).slice(0, 40)}".`);
  return allQuestions(buildBank(loadTopic(topic)));
}

export async function reviewBank(ctx: AppContext, ownerId: string, topic: string): Promise<BankEntry[]> {
  const hidden = new Set(await hiddenQuestionIds(ctx, ownerId, topic));
  return bankOf(topic).map((question) => ({ question, hidden: hidden.has(question.id) }));
}

export async function setQuestionHidden(
  ctx: AppContext,
  ownerId: string,
  topic: string,
  questionId: unknown,
  hidden: boolean,
): Promise<void> {
  if (typeof questionId !== "string" || !bankOf(topic).some((q) => q.id === questionId)) {
    throw new AppError(404, "not_found", "No such question in this topic's bank.");
  }
  if (hidden) {
    await ctx.db.hiddenQuestion.upsert({
      where: { ownerId_topic_questionId: { ownerId, topic, questionId } },
      create: { ownerId, topic, questionId },
      update: {},
    });
  } else {
    await ctx.db.hiddenQuestion.deleteMany({ where: { ownerId, topic, questionId } });
  }
}

/** An open assignment that the questions hidden now leave unable to start (students joining it get a 409). */
export interface ShortAssignment {
  id: string;
  title: string;
  code: string;
  count: number;
}

/** This teacher's open assignments on `topic` that can no longer be filled with the questions not hidden. */
export async function shortAssignments(ctx: AppContext, ownerId: string, topic: string): Promise<ShortAssignment[]> {
  if (!isTopicId(topic)) return [];
  const now = ctx.clock.now();
  const [rows, exclude] = await Promise.all([
    ctx.db.assignment.findMany({
      where: { ownerId, topic, closedAt: null },
      select: { id: true, title: true, code: true, settings: true, opensAt: true, dueAt: true, closedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    hiddenQuestionIds(ctx, ownerId, topic),
  ]);
  return rows.flatMap((row) => {
    const state = assignmentState(row, now);
    if (state !== "open" && state !== "scheduled") return [];
    const { count, kinds } = parseAssignmentSettings(row.settings);
    try {
      generateQuiz(loadTopic(topic), { seed: 0, count, kinds, exclude });
      return [];
    } catch (error) {
      if (!(error instanceof QuizSizeError)) throw error;
      return [{ id: row.id, title: row.title, code: row.code, count }];
    }
  });
}
