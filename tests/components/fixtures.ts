import type { AttemptResults } from "@/lib/play/attempt-view";
import type { MultipleChoiceQuestion, TimelineQuestion } from "@/lib/quiz/question";

export const choiceQuestion: MultipleChoiceQuestion = {
  id: "mc:fuel-lpg:0",
  type: "multiple-choice",
  prompt: "A price rise for which fuel first set off the protests?",
  options: [
    { id: "a", text: "Diesel" },
    { id: "b", text: "Liquefied petroleum gas (LPG)" },
    { id: "c", text: "Coal" },
    { id: "d", text: "Petrol" },
  ],
  answer: "b",
  explanation: "The report says the unrest started as protests against a higher price for LPG. (P8, P4)",
  sources: [{ paragraph: 4 }, { paragraph: 8 }],
  strand: "causes",
  about: ["fuel-lpg"],
  evidence: ["the rising price of liquefied petroleum gas"],
};

export const timelineQuestion: TimelineQuestion = {
  id: "tl:nazarbayev-rule-begins+independence+nazarbayev-steps-down",
  type: "timeline",
  prompt: "The decades before the crisis: put these in the order the report establishes, earliest first.",
  items: [
    { id: "nazarbayev-steps-down", text: "Nazarbayev steps down as president" },
    { id: "nazarbayev-rule-begins", text: "Nazarbayev's rule begins" },
    { id: "independence", text: "Kazakhstan becomes independent" },
  ],
  answer: ["nazarbayev-rule-begins", "independence", "nazarbayev-steps-down"],
  explanation:
    "Nazarbayev's rule begins → Kazakhstan becomes independent: He was in charge in Soviet times. (P7, P1) Kazakhstan becomes independent → Nazarbayev steps down as president: Three decades against three years. (P1, P7)",
  sources: [{ paragraph: 1 }, { paragraph: 7 }],
  strand: "causes",
  about: ["nazarbayev-rule-begins", "independence", "nazarbayev-steps-down"],
  evidence: [],
};

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
};
