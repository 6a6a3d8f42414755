// How the class answered one question, for the reveal: for multiple choice how many
// chose each option; for timelines the share fully right, the average credit and the
// most swapped pair. Pure: the server reads the answers once and calls this.
import { mostSwappedPairs } from "../quiz/grading";
import type { Question } from "../quiz/question";

export interface RevealStats {
  answered: number;
  /** Multiple choice: option id → how many chose it. */
  choices: Record<string, number> | null;
  /** Share of answers fully right (0–1). */
  fullyRight: number;
  /** Average credit of the answers (0–1). */
  averageCredit: number;
  /** Timelines: the pair most often put the wrong way round, as labels, and how often. */
  mostSwapped: { placedFirst: string; placedSecond: string; count: number } | null;
}

export function revealStats(question: Question, answers: { response: unknown; credit: number }[]): RevealStats {
  const given = answers.filter((a) => a.response !== null);
  const fullyRight = given.length ? given.filter((a) => a.credit === 1).length / given.length : 0;
  const averageCredit = given.length ? given.reduce((s, a) => s + a.credit, 0) / given.length : 0;
  if (question.type === "multiple-choice") {
    const choices: Record<string, number> = Object.fromEntries(question.options.map((o) => [o.id, 0]));
    for (const a of given)
      if (typeof a.response === "string" && Object.hasOwn(choices, a.response)) choices[a.response]!++;
    return { answered: given.length, choices, fullyRight, averageCredit, mostSwapped: null };
  }
  const mostSwapped = mostSwappedPairs(given.map((a) => ({ question, response: a.response })))[0] ?? null;
  return { answered: given.length, choices: null, fullyRight, averageCredit, mostSwapped };
}
