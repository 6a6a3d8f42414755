// Two questions as the generator makes them, with their keys: for the component
// tests (which show them) and the report's unit tests (which grade answers to them);
// and two makers of small made-up questions for tests that only need their shape.
import type { MultipleChoiceQuestion, Question, TimelineQuestion } from "@/lib/quiz/question";

const LPG = "Liquefied petroleum gas (LPG)";

export const choiceQuestion: MultipleChoiceQuestion = {
  id: "mc:fuel-lpg:0",
  type: "multiple-choice",
  prompt: "A price rise for which fuel first set off the protests?",
  // a: Diesel, b: LPG (the key), c: Coal, d: Petrol.
  options: ["Diesel", LPG, "Coal", "Petrol"].map((text, i) => ({ id: "abcd"[i]!, text })),
  answer: "b",
  explanation: "The report says the unrest started as protests against a higher price for LPG. (P8, P4)",
  sources: [{ paragraph: 4 }, { paragraph: 8 }],
  strand: "causes",
  about: ["fuel-lpg"],
  // One quote per paragraph, in the order of `sources`.
  evidence: ["kicked off in protest at a fuel price hike", "the rising price of liquefied petroleum gas"],
};

/** Shown in this order; the key is rule begins → independence → steps down. */
const EVENTS: [string, string][] = [
  ["nazarbayev-steps-down", "Nazarbayev steps down as president"],
  ["nazarbayev-rule-begins", "Nazarbayev's rule begins"],
  ["independence", "Kazakhstan becomes independent"],
];

export const timelineQuestion: TimelineQuestion = {
  id: "tl:nazarbayev-rule-begins+independence+nazarbayev-steps-down",
  type: "timeline",
  prompt: "The decades before the crisis: put these in the order the report establishes, earliest first.",
  items: EVENTS.map(([id, text]) => ({ id, text })),
  answer: ["nazarbayev-rule-begins", "independence", "nazarbayev-steps-down"],
  explanation:
    "Nazarbayev's rule begins → Kazakhstan becomes independent: He was in charge in Soviet times. (P7, P1) Kazakhstan becomes independent → Nazarbayev steps down as president: Three decades against three years. (P1, P7)",
  sources: [{ paragraph: 1 }, { paragraph: 7 }],
  strand: "causes",
  about: ["nazarbayev-rule-begins", "independence", "nazarbayev-steps-down"],
  evidence: [
    "ruled firmly since Soviet times",
    "independence three decades ago",
    "stepping down three years ago as president",
  ],
};

/** What every made-up question has (explanation, sources and evidence: filler no test here looks at). */
function madeUp(id: string, prompt: string, strand: Question["strand"], about: string[]) {
  return { id, prompt, explanation: "Because.", sources: [{ paragraph: 1 }], strand, about, evidence: [] };
}

/** A made-up multiple-choice question about `fact`, its options (id → text) in the order given. */
export function choiceAbout(
  fact: string,
  options: Record<string, string>,
  answer: string,
  fields: Partial<MultipleChoiceQuestion> = {},
): MultipleChoiceQuestion {
  const shown = Object.entries(options).map(([id, text]) => ({ id, text }));
  return {
    ...madeUp(`mc:${fact}:0`, "Which?", "causes", [fact]),
    type: "multiple-choice",
    options: shown,
    answer,
    ...fields,
  };
}

/** A made-up timeline of these events (id → text), shown and keyed in the order given. */
export function timelineOf(events: Record<string, string>, fields: Partial<TimelineQuestion> = {}): TimelineQuestion {
  const ids = Object.keys(events);
  const shown = ids.map((id) => ({ id, text: events[id]! }));
  return {
    ...madeUp(`tl:${ids.join("+")}`, "Put these in order", "course", ids),
    type: "timeline",
    items: shown,
    answer: ids,
    ...fields,
  };
}
