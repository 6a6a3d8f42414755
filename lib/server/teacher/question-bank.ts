// The question bank as a teacher reviews it, and the questions they hide from
// their assignments (per teacher and topic).
import "server-only";
import { loadTopic, isTopicId } from "@/lib/content/load-topic";
import { allQuestions, buildBank } from "@/lib/quiz/bank";
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
