// One student's history for their teacher (pure): every assignment, every attempt,
// every answer with the key beside it, and how their misconceptions changed over
// time (each fact or event they got wrong, and whether a later answer got it right).
import { gradeResponse } from "../quiz/grading";
import type { Question } from "../quiz/question";

export interface HistoryAttemptInput {
  id: string;
  assignmentId: string;
  assignmentTitle: string;
  status: string;
  score: number;
  questionCount: number;
  startedAt: Date;
  finishedAt: Date | null;
  answers: { position: number; question: Question; response: unknown; correct: boolean; credit: number; at: Date }[];
}

export interface HistoryAnswer {
  position: number;
  prompt: string;
  type: Question["type"];
  /** What the student gave, as text ("No answer" when time ran out). */
  given: string;
  /** The key, as text. */
  key: string;
  correct: boolean;
  credit: number;
  /** A timeline's pairs in the wrong order ("X before Y"). */
  swapped: string[];
}

export interface HistoryAttempt {
  id: string;
  status: string;
  score: number;
  questionCount: number;
  startedAt: Date;
  finishedAt: Date | null;
  answers: HistoryAnswer[];
}

export interface HistoryAssignment {
  assignmentId: string;
  title: string;
  attempts: HistoryAttempt[];
}

/** One fact or event the student got wrong at least once, with every answer about it in time order. */
export interface Misconception {
  about: string;
  label: string;
  /** What they believed instead, each time they were wrong (the wrong option, or the swapped pair). */
  wrongBeliefs: string[];
  timeline: { at: Date; correct: boolean }[];
  /** "fixed": the latest answer about it was right; "open": still wrong. */
  state: "fixed" | "open";
}

export interface StudentHistory {
  assignments: HistoryAssignment[];
  misconceptions: Misconception[];
}

export const NO_ANSWER = "No answer (time ran out)";

function describe(question: Question, response: unknown): { given: string; key: string; swapped: string[] } {
  if (question.type === "multiple-choice") {
    const text = (id: unknown) => question.options.find((o) => o.id === id)?.text ?? "?";
    return { given: response === null ? NO_ANSWER : text(response), key: text(question.answer), swapped: [] };
  }
  const text = new Map(question.items.map((i) => [i.id, i.text]));
  const order = (ids: unknown) =>
    Array.isArray(ids) ? ids.map((id) => text.get(String(id)) ?? "?").join(" → ") : NO_ANSWER;
  let swapped: string[] = [];
  try {
    swapped = gradeResponse(question, response).swapped.map((s) => `${s.placedFirst} before ${s.placedSecond}`);
  } catch {
    // A stored response always fits; nothing to add if not.
  }
  return { given: response === null ? NO_ANSWER : order(response), key: order(question.answer), swapped };
}

/**
 * The history from the student's attempts (any order); `labelOf` names a fact or an
 * event (the study view's label), else the first question about it is used.
 */
export function buildStudentHistory(
  attempts: readonly HistoryAttemptInput[],
  labelOf: (about: string) => string | undefined = () => undefined,
): StudentHistory {
  const sorted = [...attempts].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id),
  );
  const assignments = new Map<string, HistoryAssignment>();
  const seen = new Map<string, Misconception>();
  const events: { about: string; prompt: string; at: Date; correct: boolean; belief: string | null }[] = [];
  for (const a of sorted) {
    const answers = [...a.answers].sort((x, y) => x.position - y.position);
    const group = assignments.get(a.assignmentId) ?? {
      assignmentId: a.assignmentId,
      title: a.assignmentTitle,
      attempts: [],
    };
    group.attempts.push({
      id: a.id,
      status: a.status,
      score: a.score,
      questionCount: a.questionCount,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      answers: answers.map((x) => {
        const d = describe(x.question, x.response);
        for (const about of x.question.about) {
          const belief = x.correct ? null : d.swapped.length ? d.swapped.join("; ") : d.given;
          events.push({ about, prompt: x.question.prompt, at: x.at, correct: x.correct, belief });
        }
        return {
          position: x.position,
          prompt: x.question.prompt,
          type: x.question.type,
          ...d,
          correct: x.correct,
          credit: x.credit,
        };
      }),
    });
    assignments.set(a.assignmentId, group);
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of events) {
    let m = seen.get(e.about);
    if (!m) {
      m = { about: e.about, label: labelOf(e.about) ?? e.prompt, wrongBeliefs: [], timeline: [], state: "fixed" };
      seen.set(e.about, m);
    }
    m.timeline.push({ at: e.at, correct: e.correct });
    if (e.belief && !m.wrongBeliefs.includes(e.belief)) m.wrongBeliefs.push(e.belief);
    m.state = e.correct ? "fixed" : "open";
  }
  const misconceptions = [...seen.values()]
    .filter((m) => m.timeline.some((t) => !t.correct))
    // Still-open ones first, then by when they were last seen.
    .sort(
      (a, b) =>
        (a.state === "open" ? 0 : 1) - (b.state === "open" ? 0 : 1) ||
        b.timeline.at(-1)!.at.getTime() - a.timeline.at(-1)!.at.getTime(),
    );
  return { assignments: [...assignments.values()], misconceptions };
}
