// The question bank of a topic: every timeline and multiple-choice question the
// generator can produce from the fact base. Pure and deterministic: the seed only
// changes the order in which items and options are presented.
import type { Topic } from "../content/parse-topic";
import type { Fact, ParagraphRef, Strand, TopicEvent } from "../content/schema";
import { cite, sourcesOf } from "./citation";
import { buildPartialOrder, type PartialOrder } from "./partial-order";
import type { MultipleChoiceQuestion, Question, TimelineQuestion } from "./question";
import { createRandom, deriveSeed, shuffle } from "./random";
import { areNearDuplicates } from "./text-similarity";
import { assignPrompts, chainEdges, explainChain, selectTimelineChains, TimelineContentError } from "./timelines";

const OPTION_IDS = ["a", "b", "c", "d"] as const;

export class QuestionBankError extends Error {}

// ---------------------------------------------------------------- timelines

function buildTimeline(chain: readonly TopicEvent[], prompt: string, topic: Topic): TimelineQuestion {
  const ids = chain.map((e) => e.id);
  const edgeRefs = chainEdges(ids, topic.order).flatMap((edge) => edge.paragraphs);
  const courseCount = chain.filter((e) => e.strand === "course").length;
  return {
    id: `tl:${ids.join("+")}`,
    type: "timeline",
    prompt,
    items: chain.map((e) => ({ id: e.id, text: e.label })),
    answer: ids,
    explanation: explainChain(chain, topic.order),
    sources: sourcesOf([...chain.flatMap((e) => e.paragraphs), ...edgeRefs]),
    strand: courseCount * 2 >= chain.length ? "course" : "causes",
    about: ids,
    evidence: chain.map((e) => e.evidence),
  };
}

function buildTimelines(topic: Topic): TimelineQuestion[] {
  const byId = new Map(topic.events.map((e) => [e.id, e]));
  const chains = selectTimelineChains(topic.events, topic.order).map((ids) => ids.map((id) => byId.get(id)!));
  let prompts: string[];
  try {
    prompts = assignPrompts(chains, topic.themes);
  } catch (error) {
    if (error instanceof TimelineContentError) throw new QuestionBankError(error.message);
    throw error;
  }
  return chains.map((chain, i) => buildTimeline(chain, prompts[i]!, topic));
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
    // In the order of `sources` (reading order), so each quote can stand under its paragraph.
    evidence: sourcesOf(fact.paragraphs).map(
      ({ paragraph }) => fact.evidence.find((e) => e.paragraph === paragraph)!.quote,
    ),
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

// Process-wide (on globalThis), as the topics are: built once at start-up, shared by every route's bundle.
const drafts = ((globalThis as Record<symbol, unknown>)[Symbol.for("fact-trail.drafts")] ??= new WeakMap()) as WeakMap<
  Topic,
  BankDrafts
>;

/** Builds the drafts from the fact base (uncached; `draftBank` memoises it per topic). */
export function buildDrafts(topic: Topic): BankDrafts {
  const order = buildPartialOrder(
    topic.events.map((e) => e.id),
    topic.order,
  );
  return {
    order,
    timelines: buildTimelines(topic),
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
