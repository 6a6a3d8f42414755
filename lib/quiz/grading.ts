// Grading: the only place right and wrong are decided. Used by the server;
// the browser never grades.
import type { MultipleChoiceQuestion, Question, TimelineQuestion } from "./question";

export class InvalidResponseError extends Error {}

export interface Grade {
  correct: boolean;
  /** In [0, 1]: 0 or 1 for multiple choice, the share of pairs in the right order for timelines. */
  credit: number;
}

export interface SwappedPair {
  /** The event the player put first… */
  placedFirst: string;
  /** …although the source puts this one before it. */
  placedSecond: string;
}

export interface TimelineGrade extends Grade {
  swapped: SwappedPair[];
  pairs: number;
}

export function gradeMultipleChoice(question: MultipleChoiceQuestion, optionId: unknown): Grade {
  if (typeof optionId !== "string" || !question.options.some((o) => o.id === optionId)) {
    throw new InvalidResponseError(`"${String(optionId).slice(0, 20)}" is not one of this question's options`);
  }
  const correct = optionId === question.answer;
  return { correct, credit: correct ? 1 : 0 };
}

/**
 * Pairwise partial credit: of all n·(n−1)/2 pairs of events, the share the player
 * put in the same relative order as the key, plus each pair they swapped.
 */
export function gradeTimeline(question: TimelineQuestion, order: unknown): TimelineGrade {
  const key = question.answer;
  if (
    !Array.isArray(order) ||
    order.length !== key.length ||
    new Set(order).size !== key.length ||
    !order.every((id) => typeof id === "string" && key.includes(id))
  ) {
    throw new InvalidResponseError(`an answer must list each of the ${key.length} events exactly once`);
  }
  const position = new Map((order as string[]).map((id, i) => [id, i]));
  const swapped: SwappedPair[] = [];
  let pairs = 0;
  for (let i = 0; i < key.length; i++) {
    for (let j = i + 1; j < key.length; j++) {
      pairs++;
      const earlier = key[i]!;
      const later = key[j]!;
      if (position.get(earlier)! > position.get(later)!) swapped.push({ placedFirst: later, placedSecond: earlier });
    }
  }
  const credit = (pairs - swapped.length) / pairs;
  return { correct: swapped.length === 0, credit, swapped, pairs };
}

/**
 * Any question's response graded, with a timeline's swapped pairs as their events'
 * labels (what the player reads). `null` is "no answer" (time ran out): no credit.
 * Throws InvalidResponseError for a response that does not fit the question.
 */
export function gradeResponse(question: Question, response: unknown): { credit: number; swapped: SwappedPair[] } {
  if (response === null) return { credit: 0, swapped: [] };
  if (question.type === "multiple-choice")
    return { credit: gradeMultipleChoice(question, response).credit, swapped: [] };
  const graded = gradeTimeline(question, response);
  const text = new Map(question.items.map((i) => [i.id, i.text]));
  const swapped = graded.swapped.map((s) => ({
    placedFirst: text.get(s.placedFirst)!,
    placedSecond: text.get(s.placedSecond)!,
  }));
  return { credit: graded.credit, swapped };
}

/**
 * The event pairs a class put the wrong way round, by their labels (each answer read
 * with its own question, whose ids may be its attempt's own), most often first, ties by
 * label: the misconception to teach to. Answers that are no valid order are skipped.
 */
export function mostSwappedPairs(
  answers: { question: Question; response: unknown }[],
): { placedFirst: string; placedSecond: string; count: number }[] {
  const counts = new Map<string, { placedFirst: string; placedSecond: string; count: number }>();
  for (const a of answers) {
    if (a.response === null || a.question.type !== "timeline") continue;
    const text = new Map(a.question.items.map((i) => [i.id, i.text]));
    let swapped;
    try {
      swapped = gradeTimeline(a.question, a.response).swapped;
    } catch {
      continue;
    }
    for (const s of swapped) {
      const placedFirst = text.get(s.placedFirst) ?? s.placedFirst;
      const placedSecond = text.get(s.placedSecond) ?? s.placedSecond;
      const key = `${placedFirst}\u0000${placedSecond}`;
      const entry = counts.get(key) ?? { placedFirst, placedSecond, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((x, y) => y.count - x.count || x.placedFirst.localeCompare(y.placedFirst));
}
