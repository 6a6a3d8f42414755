// The question bank as a teacher reviews it, and the questions they hide from
// their assignments (per teacher and topic).
import "server-only";
import { loadTopic, isTopicId } from "@/lib/content/load-topic";
import { allQuestions, buildBank } from "@/lib/quiz/bank";
import type { Question } from "@/lib/quiz/question";
import type { Db } from "../db";
import { hiddenQuestionIds } from "../play/start-attempt";
import { TeacherError } from "./errors";

export interface BankEntry {
  question: Question;
  hidden: boolean;
}

function bankOf(topic: string): Question[] {
  if (!isTopicId(topic)) throw new TeacherError(404, "not_found", `Unknown topic "${String(topic).slice(0, 40)}".`);
  return allQuestions(buildBank(loadTopic(topic)));
}

export async function reviewBank(db: Db, ownerId: string, topic: string): Promise<BankEntry[]> {
  const hidden = new Set(await hiddenQuestionIds(db, ownerId, topic));
  return bankOf(topic).map((question) => ({ question, hidden: hidden.has(question.id) }));
}

export async function setQuestionHidden(
  db: Db,
  ownerId: string,
  topic: string,
  questionId: unknown,
  hidden: boolean,
): Promise<void> {
  if (typeof questionId !== "string" || !bankOf(topic).some((q) => q.id === questionId)) {
    throw new TeacherError(404, "not_found", "No such question in this topic's bank.");
  }
  if (hidden) {
    await db.hiddenQuestion.upsert({
      where: { ownerId_topic_questionId: { ownerId, topic, questionId } },
      create: { ownerId, topic, questionId },
      update: {},
    });
  } else {
    await db.hiddenQuestion.deleteMany({ where: { ownerId, topic, questionId } });
  }
}
