// Question kinds: a zod discriminated union on `type`, one schema per kind. The
// same schemas validate the JSON export and what the server stores per attempt.
import { z } from "zod";
import { paragraphRef, strand } from "../content/schema";

export const sourceSchema = z.object({ paragraph: paragraphRef }).strict();
const choice = z.object({ id: z.string().min(1), text: z.string().min(1) }).strict();

const common = {
  id: z.string().min(1),
  prompt: z.string().min(1),
  explanation: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
};

/** The export contract (`npm run questions`): exactly these fields. */
export const timelineQuestionSchema = z
  .object({
    ...common,
    type: z.literal("timeline"),
    items: z.array(choice).min(3).max(6),
    answer: z.array(z.string()).min(3).max(6),
  })
  .strict();
export const multipleChoiceQuestionSchema = z
  .object({
    ...common,
    type: z.literal("multiple-choice"),
    options: z.array(choice).min(2).max(4),
    answer: z.string().min(1),
  })
  .strict();
export const exportedQuestionSchema = z.discriminatedUnion("type", [
  timelineQuestionSchema,
  multipleChoiceQuestionSchema,
]);
export type ExportedQuestion = z.infer<typeof exportedQuestionSchema>;

/** Why a Learn-mode question was asked (lib/play/learn.ts); shown on the question, never says which answer is right. */
export const learnReasonSchema = z.discriminatedUnion("kind", [
  /** A timeline holding a pair the player swapped last time: the two events, alphabetically (no order given away). */
  z.object({ kind: z.literal("swapped"), events: z.tuple([z.string(), z.string()]) }).strict(),
  /** A fact the player got wrong last time. */
  z.object({ kind: z.literal("missed") }).strict(),
  /** Known, and due for review now. */
  z.object({ kind: z.literal("due") }).strict(),
  /** Never asked before. */
  z.object({ kind: z.literal("new") }).strict(),
  /** Not due yet: the weakest of the rest (when nothing due or new is left). */
  z.object({ kind: z.literal("refresh") }).strict(),
]);
export type LearnReason = z.infer<typeof learnReasonSchema>;

/** Inside the app a question also knows its strand and what it is about (for balance, review and study links). */
const meta = {
  strand,
  /** Fact ids (multiple choice) or event ids (timeline) the question rests on. */
  about: z.array(z.string()).min(1),
  /** Short quotations a student sees beside the citation. */
  evidence: z.array(z.string()),
  /** Learn mode only: why this question was picked. */
  reason: learnReasonSchema.optional(),
};
export const questionSchema = z.discriminatedUnion("type", [
  timelineQuestionSchema.extend(meta),
  multipleChoiceQuestionSchema.extend(meta),
]);
export type Question = z.infer<typeof questionSchema>;
export type TimelineQuestion = Extract<Question, { type: "timeline" }>;
export type MultipleChoiceQuestion = Extract<Question, { type: "multiple-choice" }>;
export type QuestionKind = Question["type"];
export const QUESTION_KINDS = ["timeline", "multiple-choice"] as const satisfies readonly QuestionKind[];

/** The export contract's shape, keys in reading order: id, type, prompt, items/options, answer, explanation, sources. */
export function toExported(question: Question): ExportedQuestion {
  const { id, prompt, explanation, sources } = question;
  if (question.type === "timeline") {
    return { id, type: "timeline", prompt, items: question.items, answer: question.answer, explanation, sources };
  }
  return {
    id,
    type: "multiple-choice",
    prompt,
    options: question.options,
    answer: question.answer,
    explanation,
    sources,
  };
}

/**
 * What the browser receives before answering: the question without its key, explanation or
 * sources (the paragraphs cited are listed beside each fact in the study view, so they would
 * point at the answer; they are shown with the feedback instead).
 */
export type PublicQuestion =
  | Omit<TimelineQuestion, "answer" | "explanation" | "about" | "evidence" | "sources">
  | Omit<MultipleChoiceQuestion, "answer" | "explanation" | "about" | "evidence" | "sources">;

export function toPublic(question: Question): PublicQuestion {
  if (question.type === "timeline") {
    const { answer: _a, explanation: _e, about: _ab, evidence: _ev, sources: _s, ...rest } = question;
    return rest;
  }
  const { answer: _a, explanation: _e, about: _ab, evidence: _ev, sources: _s, ...rest } = question;
  return rest;
}
