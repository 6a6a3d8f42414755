// What the game says to a player: the verdict on one answer and the words for a final
// score. Pure, so the words are table-tested (a score of 0 % must never read "Well played").

export type Verdict = "right" | "partly" | "wrong" | "time-up";

/** The server's grade of one answer, as a verdict the splash shows. */
export function verdictOf(feedback: { correct: boolean; credit: number; late: boolean }): Verdict {
  if (feedback.late) return "time-up";
  if (feedback.correct) return "right";
  return feedback.credit > 0 ? "partly" : "wrong";
}

export const VERDICT_TITLES: Record<Verdict, string> = {
  right: "Right!",
  partly: "Partly right",
  wrong: "Not quite",
  "time-up": "Time's up",
};

export interface ResultWords {
  title: string;
  line: string;
  /** Perfect games and new personal bests are celebrated (confetti, the finish fanfare). */
  celebrate: boolean;
}

/**
 * Words that fit the score: the share of questions fully right decides the band,
 * partial credit on timelines softens a zero ("you got parts of the order").
 */
export function resultWords(input: {
  nickname: string;
  correctCount: number;
  questionCount: number;
  /** Points earned, out of 1000 a question before bonuses: tells "nothing at all" from "parts of timelines". */
  score: number;
  newPersonalBest: boolean;
}): ResultWords {
  const { nickname, correctCount, questionCount, score, newPersonalBest } = input;
  const share = questionCount ? correctCount / questionCount : 0;
  const best = newPersonalBest ? " A new personal best." : "";
  if (questionCount > 0 && correctCount === questionCount)
    return { title: `Perfect game, ${nickname}!`, line: `Every answer right.${best}`, celebrate: true };
  if (share >= 0.8)
    return { title: `Brilliant, ${nickname}!`, line: `Almost everything right.${best}`, celebrate: newPersonalBest };
  if (share >= 0.5)
    return {
      title: `Well played, ${nickname}!`,
      line: `More right than wrong. The facts below will take you further.${best}`,
      celebrate: newPersonalBest,
    };
  if (share > 0)
    return {
      title: `Good start, ${nickname}`,
      line: `A few right. Look at the facts to revisit, then try again.${best}`,
      celebrate: newPersonalBest,
    };
  if (score > 0)
    return {
      title: `Getting there, ${nickname}`,
      line: "No question fully right yet, but parts of the timelines were. The facts below are the way in.",
      celebrate: false,
    };
  return {
    title: `Not this time, ${nickname}`,
    line: "No points this round. Study the facts to revisit and have another go.",
    celebrate: false,
  };
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}
