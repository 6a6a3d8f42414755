// The assignment report, computed from stored attempts and answers (pure):
// per student (best attempt, accuracy, time, attempts), per question (share
// correct, the most chosen wrong option, the most swapped event pairs) and
// the score distribution.
import { compareAttempts } from "../play/leaderboard";
import { mostSwappedPairs } from "../quiz/grading";
import type { Question } from "../quiz/question";

export interface ReportAttempt {
  id: string;
  playerId: string;
  nickname: string;
  status: string;
  score: number;
  correctCount: number;
  answeredCount: number;
  questionCount: number;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface ReportAnswer {
  attemptId: string;
  /**
   * The bank's id of the question. Each attempt stores its questions with ids of its own
   * (lib/play/opaque-ids.ts), so answers are grouped by this, and options and events by their text.
   */
  questionId?: string;
  question: Question;
  /** Parsed response: an option id, an ordering, or null for "no answer" (time ran out). */
  response: unknown;
  correct: boolean;
  credit: number;
}

export interface StudentRow {
  playerId: string;
  nickname: string;
  /** Best finished attempt's score, or null while none is finished. */
  bestScore: number | null;
  /** Share of questions right in the best attempt (or the one in progress). */
  accuracy: number | null;
  /** Time the best attempt took, in ms. */
  timeMs: number | null;
  attempts: number;
  finished: boolean;
  hidden: boolean;
}

export interface QuestionReportRow {
  questionId: string;
  type: Question["type"];
  prompt: string;
  answered: number;
  correct: number;
  shareCorrect: number | null;
  /** Mean credit (timelines earn partial credit). */
  meanCredit: number | null;
  mostChosenWrong: { text: string; count: number } | null;
  /** "X placed before Y" pairs, most frequent first (at most 3). */
  mostSwapped: { placedFirst: string; placedSecond: string; count: number }[];
  noAnswer: number;
  sources: (number | "caption")[];
}

export interface Report {
  students: StudentRow[];
  questions: QuestionReportRow[];
  distribution: { label: string; from: number; to: number; count: number }[];
}

export function buildReport(
  attempts: readonly ReportAttempt[],
  answers: readonly ReportAnswer[],
  moderation: ReadonlyMap<string, { hidden: boolean; removed: boolean }> = new Map(),
): Report {
  const kept = attempts.filter((a) => !moderation.get(a.playerId)?.removed && a.status !== "removed");
  const keptIds = new Set(kept.map((a) => a.id));

  const byPlayer = new Map<string, ReportAttempt[]>();
  for (const a of kept) byPlayer.set(a.playerId, [...(byPlayer.get(a.playerId) ?? []), a]);
  const students: StudentRow[] = [...byPlayer.entries()].map(([playerId, list]) => {
    const finished = list.filter((a) => a.status === "finished" && a.finishedAt);
    const best = finished.length
      ? [...finished].sort((a, b) =>
          compareAttempts(
            { ...a, attemptId: a.id, finishedAt: a.finishedAt! },
            { ...b, attemptId: b.id, finishedAt: b.finishedAt! },
          ),
        )[0]!
      : null;
    const shown = best ?? list[list.length - 1]!;
    return {
      playerId,
      nickname: shown.nickname,
      bestScore: best ? best.score : null,
      accuracy: best
        ? best.correctCount / best.questionCount
        : shown.answeredCount
          ? shown.correctCount / shown.answeredCount
          : null,
      timeMs: best ? best.finishedAt!.getTime() - best.startedAt.getTime() : null,
      attempts: list.length,
      finished: best !== null,
      hidden: moderation.get(playerId)?.hidden ?? false,
    };
  });
  students.sort((a, b) => (b.bestScore ?? -1) - (a.bestScore ?? -1) || a.nickname.localeCompare(b.nickname));

  const perQuestion = new Map<string, { question: Question; list: ReportAnswer[] }>();
  for (const answer of answers) {
    if (!keptIds.has(answer.attemptId)) continue;
    const id = answer.questionId ?? answer.question.id;
    const entry = perQuestion.get(id) ?? { question: answer.question, list: [] };
    entry.list.push(answer);
    perQuestion.set(id, entry);
  }
  const questions: QuestionReportRow[] = [...perQuestion.entries()].map(([questionId, { question, list }]) => {
    const correct = list.filter((a) => a.correct).length;
    const noAnswer = list.filter((a) => a.response === null).length;
    let mostChosenWrong: QuestionReportRow["mostChosenWrong"] = null;
    let mostSwapped: QuestionReportRow["mostSwapped"] = [];
    if (question.type === "multiple-choice") {
      // By the option's text: each answer's own question says which text its option id shows.
      const counts = new Map<string, number>();
      for (const a of list) {
        if (a.correct || typeof a.response !== "string" || a.question.type !== "multiple-choice") continue;
        const text = a.question.options.find((o) => o.id === a.response)?.text;
        if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      const top = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
      if (top) mostChosenWrong = { text: top[0], count: top[1] };
    } else {
      mostSwapped = mostSwappedPairs(list).slice(0, 3);
    }
    return {
      questionId,
      type: question.type,
      prompt: question.prompt,
      answered: list.length,
      correct,
      shareCorrect: list.length ? correct / list.length : null,
      meanCredit: list.length ? list.reduce((s, a) => s + a.credit, 0) / list.length : null,
      mostChosenWrong,
      mostSwapped,
      noAnswer,
      sources: [...new Set(question.sources.map((s) => s.paragraph))],
    };
  });
  // Hardest first: that is where a teacher starts.
  questions.sort((a, b) => (a.shareCorrect ?? 2) - (b.shareCorrect ?? 2) || a.prompt.localeCompare(b.prompt));

  return {
    students,
    questions,
    distribution: scoreDistribution(students.flatMap((s) => (s.bestScore === null ? [] : [s.bestScore]))),
  };
}

/** Best scores in up to 8 equal bins of a round width (at least 250 points). */
export function scoreDistribution(scores: readonly number[]): Report["distribution"] {
  if (scores.length === 0) return [];
  const max = Math.max(...scores);
  const width = Math.max(250, Math.ceil((max + 1) / 8 / 250) * 250);
  const bins = Math.max(1, Math.ceil((max + 1) / width));
  return Array.from({ length: bins }, (_, i) => {
    const from = i * width;
    const to = from + width - 1;
    return { label: `${from}–${to}`, from, to, count: scores.filter((s) => s >= from && s <= to).length };
  });
}
