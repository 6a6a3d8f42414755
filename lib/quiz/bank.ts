// The question bank of a topic: every timeline and multiple-choice question the
// generator can produce from the fact base. Pure and deterministic: the seed only
// changes the order in which items and options are presented.
import type { Topic } from "../content/parse-topic";
import type { Fact, ParagraphRef, Strand, TopicEvent } from "../content/schema";
import { buildPartialOrder, enumerateChains, type PartialOrder } from "./partial-order";
import type { MultipleChoiceQuestion, Question, TimelineQuestion } from "./question";
import { createRandom, deriveSeed, shuffle } from "./random";
import { areNearDuplicates } from "./text-similarity";

export const TIMELINE_MIN = 3;
export const TIMELINE_MAX = 6;
const OPTION_IDS = ["a", "b", "c", "d"] as const;

export class QuestionBankError extends Error {}

function sourcesOf(refs: Iterable<ParagraphRef>): { paragraph: ParagraphRef }[] {
  const unique = [...new Set(refs)];
  unique.sort((a, b) => (a === "caption" ? 1 : b === "caption" ? -1 : a - b));
  return unique.map((paragraph) => ({ paragraph }));
}

function cite(refs: readonly ParagraphRef[]): string {
  return refs.map((p) => (p === "caption" ? "caption" : `P${p}`)).join(", ");
}

// ---------------------------------------------------------------- timelines

type Theme = "background" | "almaty" | "course" | "sweep";

const ALMATY_EVENTS = new Set([
  "airport-seized",
  "airport-secured",
  "troops-enter-square",
  "square-quiet",
  "police-car-burns",
]);

const PROMPTS: Record<Theme, readonly string[]> = {
  background: [
    "The decades before the crisis: put these in the order the report establishes, earliest first.",
    "How did Kazakhstan get here? Order these background events, earliest first.",
  ],
  almaty: [
    "The fight for Almaty: order these moments as the report establishes them, earliest first.",
    "Almaty's airport and main square: put these in order, earliest first.",
  ],
  course: [
    "The course of the unrest: order these events as the report establishes them, earliest first.",
    "January 2022: put these moments of the crisis in order, earliest first.",
  ],
  sweep: [
    "From long-standing grievances to open crisis: order these, earliest first.",
    "Put these in the order the report establishes, from the background to the crisis, earliest first.",
  ],
};

function themeOf(events: readonly TopicEvent[]): Theme {
  if (events.every((e) => e.when.era === "background")) return "background";
  if (events.every((e) => ALMATY_EVENTS.has(e.id))) return "almaty";
  if (events.every((e) => e.when.era === "crisis")) return "course";
  return "sweep";
}

/**
 * A varied set of chains: for each length, a chain joins the bank only if it
 * differs from every chain already there by at least two events.
 */
export function selectTimelineChains(order: PartialOrder): string[][] {
  const accepted: string[][] = [];
  for (const chain of enumerateChains(order, TIMELINE_MIN, TIMELINE_MAX)) {
    const varied = accepted
      .filter((other) => other.length === chain.length)
      .every((other) => other.filter((id) => chain.includes(id)).length <= chain.length - 2);
    if (varied) accepted.push(chain);
  }
  return accepted;
}

function explainChain(chain: readonly string[], order: PartialOrder, byId: Map<string, TopicEvent>): string {
  const sentences: string[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const first = byId.get(chain[i]!)!;
    const next = byId.get(chain[i + 1]!)!;
    const reasons = order.path(first.id, next.id).map((edge) => `${edge.why} (${cite(edge.paragraphs)})`);
    sentences.push(`${first.label} → ${next.label}: ${reasons.join(" ")}`);
  }
  return sentences.join(" ");
}

function buildTimeline(
  chain: readonly string[],
  topic: Topic,
  order: PartialOrder,
  byId: Map<string, TopicEvent>,
): TimelineQuestion {
  const events = chain.map((id) => byId.get(id)!);
  const theme = themeOf(events);
  const id = `tl:${chain.join("+")}`;
  const prompts = PROMPTS[theme];
  const prompt = prompts[deriveSeed(0, id) % prompts.length]!;
  const edgeRefs = chain.slice(1).flatMap((to, i) => order.path(chain[i]!, to).flatMap((edge) => edge.paragraphs));
  const courseCount = events.filter((e) => e.strand === "course").length;
  return {
    id,
    type: "timeline",
    prompt,
    items: events.map((e) => ({ id: e.id, text: e.label })),
    answer: [...chain],
    explanation: explainChain(chain, order, byId),
    sources: sourcesOf([...events.flatMap((e) => e.paragraphs), ...edgeRefs]),
    strand: courseCount * 2 >= events.length ? "course" : "causes",
    about: [...chain],
    evidence: events.map((e) => e.evidence),
  };
}

// ---------------------------------------------------------- multiple choice

/** The distractors a fact's stem may draw on: same kind, checked, never the answer or a near-copy of it. */
export function distractorCandidates(fact: Fact, stemIndex: number, topic: Topic): string[] {
  const stem = fact.stems[stemIndex]!;
  const answer = stem.answer ?? fact.answer;
  let raw: string[];
  if (stem.answer) {
    raw = stem.distractors ?? [];
  } else {
    const kind = topic.kinds[fact.kind]!;
    const shared = kind.shareAnswers
      ? topic.facts.filter((f) => f.kind === fact.kind && f.id !== fact.id).map((f) => f.answer)
      : [];
    raw = [...(stem.distractors ?? []), ...fact.distractors, ...kind.pool.map((p) => p.text), ...shared];
  }
  const out: string[] = [];
  for (const text of raw) {
    if (areNearDuplicates(text, answer)) continue;
    if (fact.exclude.some((ex) => areNearDuplicates(ex, text))) continue;
    if (out.some((kept) => areNearDuplicates(kept, text))) continue;
    out.push(text);
  }
  return out;
}

/** A multiple-choice question before a seed picks its distractors and option order. */
export interface MultipleChoiceDraft {
  id: string;
  type: "multiple-choice";
  strand: Strand;
  about: string[];
  prompt: string;
  answer: string;
  candidates: string[];
  explanation: string;
  sources: { paragraph: ParagraphRef }[];
  evidence: string[];
}

function draftMultipleChoice(fact: Fact, stemIndex: number, topic: Topic): MultipleChoiceDraft {
  const stem = fact.stems[stemIndex]!;
  const candidates = distractorCandidates(fact, stemIndex, topic);
  const id = `mc:${fact.id}:${stemIndex}`;
  if (candidates.length < 1)
    throw new QuestionBankError(`fact "${fact.id}" stem ${stemIndex}: no distractor of kind "${fact.kind}"`);
  return {
    id,
    type: "multiple-choice",
    strand: fact.strand,
    about: [fact.id],
    prompt: stem.prompt,
    answer: stem.answer ?? fact.answer,
    candidates,
    explanation: `${fact.explanation} (${cite(fact.paragraphs)})`,
    sources: sourcesOf(fact.paragraphs),
    evidence: [fact.evidence],
  };
}

/** The seed picks three distractors and the order of the four options. */
export function presentMultipleChoice(draft: MultipleChoiceDraft, seed: number): MultipleChoiceQuestion {
  const random = createRandom(deriveSeed(seed, draft.id));
  const chosen = shuffle(draft.candidates, random).slice(0, OPTION_IDS.length - 1);
  const texts = shuffle([draft.answer, ...chosen], random);
  const options = texts.map((text, i) => ({ id: OPTION_IDS[i]!, text }));
  const { candidates: _candidates, answer, ...rest } = draft;
  return { ...rest, options, answer: options.find((o) => o.text === answer)!.id };
}

/** The seed picks the order the events are shown in: shuffled, never already solved. */
export function presentTimeline(question: TimelineQuestion, seed: number): TimelineQuestion {
  const random = createRandom(deriveSeed(seed, question.id));
  let items = shuffle(question.items, random);
  while (items.every((item, i) => item.id === question.answer[i])) items = shuffle(question.items, random);
  return { ...question, items };
}

// ------------------------------------------------------------------- bank

/** Everything about a topic's questions that does not depend on the seed, built once per topic. */
export interface BankDrafts {
  order: PartialOrder;
  timelines: TimelineQuestion[];
  multipleChoice: MultipleChoiceDraft[];
}

const drafts = new WeakMap<Topic, BankDrafts>();

/** Builds the drafts from the fact base (uncached; `draftBank` memoises it per topic). */
export function buildDrafts(topic: Topic): BankDrafts {
  const order = buildPartialOrder(
    topic.events.map((e) => e.id),
    topic.order,
  );
  const byId = new Map(topic.events.map((e) => [e.id, e]));
  return {
    order,
    timelines: selectTimelineChains(order).map((chain) => buildTimeline(chain, topic, order, byId)),
    multipleChoice: topic.facts.flatMap((fact) => fact.stems.map((_, i) => draftMultipleChoice(fact, i, topic))),
  };
}

export function draftBank(topic: Topic): BankDrafts {
  let built = drafts.get(topic);
  if (!built) {
    built = buildDrafts(topic);
    drafts.set(topic, built);
  }
  return built;
}

export interface QuestionBank {
  timelines: TimelineQuestion[];
  multipleChoice: MultipleChoiceQuestion[];
  order: PartialOrder;
}

/** Every question of the topic, items and options presented as `seed` gives. */
export function buildBank(topic: Topic, seed = 1, from: BankDrafts = draftBank(topic)): QuestionBank {
  const { order, timelines, multipleChoice } = from;
  return {
    order,
    timelines: timelines.map((q) => presentTimeline(q, seed)),
    multipleChoice: multipleChoice.map((d) => presentMultipleChoice(d, seed)),
  };
}

export function allQuestions(bank: QuestionBank): Question[] {
  return [...bank.timelines, ...bank.multipleChoice];
}
