// The bank's statistics for `npm run questions -- --stats`: what the timeline rules and
// the distractor rules see, and how large a quiz of each kind the bank allows.
import type { Topic } from "../content/parse-topic";
import type { Strand } from "../content/schema";
import { buildDrafts, type BankDrafts } from "./bank";
import {
  LENGTH_RATIO,
  NameLexicon,
  RULES,
  auditDraft,
  contentWords,
  hasNumber,
  topicCorpus,
  type Rule,
} from "./distractor-rules";
import { quizCapacity } from "./quiz";

const count = <T>(items: readonly T[], key: (item: T) => string) => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};

/** Key length over the longest distractor, in the draw of three that flatters the key least. */
function worstLengthRatio(answer: string, candidates: readonly string[]): number {
  const shortest = candidates.map((c) => c.length).sort((a, b) => a - b);
  return answer.length / shortest[Math.min(2, shortest.length - 1)]!;
}

function bucket(ratio: number): string {
  if (ratio < 0.8) return "< 0.8";
  if (ratio <= 1) return "0.8-1.0";
  if (ratio <= 1.2) return "1.0-1.2";
  if (ratio <= LENGTH_RATIO) return `1.2-${LENGTH_RATIO}`;
  return `> ${LENGTH_RATIO} (refused)`;
}

export function bankStats(topic: Topic, drafts: BankDrafts = buildDrafts(topic), seeds = [1, 2, 3, 4, 5]) {
  const byId = new Map(topic.events.map((e) => [e.id, e]));
  const timelines = drafts.timelines;
  const background = (ids: readonly string[]) => ids.filter((id) => byId.get(id)!.when.era === "background").length;
  const onTimelines = new Map(topic.events.map((e) => [e.id, 0]));
  for (const q of timelines) for (const id of q.answer) onTimelines.set(id, onTimelines.get(id)! + 1);
  const crisis = topic.events.filter((e) => e.when.era === "crisis");
  const prompts = count(timelines, (q) => q.prompt);

  const mc = drafts.multipleChoice;
  const names = new NameLexicon(topicCorpus(topic));
  const problems = mc.flatMap((d) => auditDraft(d, names).map((p) => ({ id: d.id, ...p })));
  const refusedBy = Object.fromEntries(RULES.map((r) => [r, 0])) as Record<Rule, number>;
  for (const p of problems) refusedBy[p.rule]++;
  const candidates = mc.map((d) => d.candidates.length).sort((a, b) => a - b);
  const stemOverlap = (d: (typeof mc)[number]) => {
    const asked = new Set(contentWords(d.prompt));
    return contentWords(d.answer).filter((w) => asked.has(w)).length;
  };

  return {
    topic: topic.meta.id,
    timelines: {
      count: timelines.length,
      byLength: count(timelines, (q) => String(q.answer.length)),
      withBackgroundEvent: timelines.filter((q) => background(q.answer) > 0).length,
      wholeWithinCrisis: timelines.filter((q) => background(q.answer) === 0).length,
      crisisEventsOnFewerThanTwo: crisis.filter((e) => onTimelines.get(e.id)! < 2).map((e) => e.id),
      timelinesPerCrisisEvent: Object.fromEntries(crisis.map((e) => [e.id, onTimelines.get(e.id)!])),
      prompts: Object.keys(prompts).length,
      mostUsedPrompt: Math.max(...Object.values(prompts)),
      mostUsedPromptShare: Number((Math.max(...Object.values(prompts)) / timelines.length).toFixed(2)),
    },
    multipleChoice: {
      count: mc.length,
      facts: topic.facts.length,
      byStrand: count(mc, (d) => d.strand) as Partial<Record<Strand, number>>,
      distractors: {
        candidatesPerQuestion: {
          min: candidates[0],
          median: candidates[Math.floor(candidates.length / 2)],
          max: candidates.at(-1),
        },
        keyLengthOverLongestDistractor: count(mc, (d) => bucket(worstLengthRatio(d.answer, d.candidates))),
        keysWithAName: mc.filter((d) => names.hasName(d.answer)).length,
        keysWithANumber: mc.filter((d) => hasNumber(d.answer)).length,
        keysSharingWordsWithTheQuestion: mc.filter((d) => stemOverlap(d) > 0).length,
        refusedBy,
        refused: problems.map((p) => `${p.id}: ${p.rule}: ${p.detail}`),
      },
    },
    largestQuiz: {
      seeds,
      timelineOnly: quizCapacity(topic, ["timeline"], { seeds }),
      multipleChoiceOnly: quizCapacity(topic, ["multiple-choice"], { seeds }),
      both: quizCapacity(topic, ["timeline", "multiple-choice"], { seeds }),
    },
  };
}
