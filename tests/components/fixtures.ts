import type { AttemptResults } from "@/lib/play/attempt-view";
import type { MultipleChoiceQuestion, TimelineQuestion } from "@/lib/quiz/question";
import { choiceQuestion, timelineQuestion } from "../helpers/questions";

export { choiceQuestion, timelineQuestion };

export function publicOf<Q extends MultipleChoiceQuestion | TimelineQuestion>(q: Q) {
  const { answer: _a, explanation: _e, about: _ab, evidence: _ev, ...rest } = q;
  return rest;
}

export const results: AttemptResults = {
  attempt: {
    id: "cmattempt000000000000001",
    mode: "practice",
    topic: "kazakhstan-2022",
    status: "finished",
    score: 1829,
    streak: 0,
    correctCount: 1,
    answeredCount: 2,
    questionCount: 2,
    rules: {
      count: 2,
      kinds: ["timeline", "multiple-choice"],
      timeLimitSeconds: 60,
      speedBonus: true,
      streakBonus: true,
    },
    assignment: null,
    nickname: "Steppe Fox",
  },
  accuracy: 0.5,
  review: [
    { position: 0, question: choiceQuestion, response: "b", correct: true, credit: 1, points: 1000, swapped: [] },
    {
      position: 1,
      question: timelineQuestion,
      response: ["independence", "nazarbayev-rule-begins", "nazarbayev-steps-down"],
      correct: false,
      credit: 2 / 3,
      points: 667,
      swapped: [{ placedFirst: "Kazakhstan becomes independent", placedSecond: "Nazarbayev's rule begins" }],
    },
  ],
  revisit: [
    { id: "nazarbayev-rule-begins", kind: "event", label: "Nazarbayev's rule begins" },
    { id: "independence", kind: "event", label: "Kazakhstan becomes independent" },
  ],
  standing: {
    rank: { place: 12, of: 240, scope: "this week" },
    previousBest: 1500,
    newPersonalBest: true,
    podium: [
      { rank: 1, nickname: "Brave Falcon", score: 9100, you: false },
      { rank: 2, nickname: "Kind Otter", score: 8800, you: false },
      { rank: 3, nickname: "Swift Lynx", score: 8650, you: false },
    ],
    attemptsLeft: null,
  },
};

export const source = {
  title: "Deadly clashes rock Kazakhstan's largest city as crisis escalates",
  outlet: "FRANCE 24 with AFP and Reuters",
  published: "2022-01-06",
};
