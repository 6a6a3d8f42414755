// A quiz: N questions drawn from the bank for a seed, mixing the kinds asked for,
// sharing the questions out among the strands, and never asking about the same fact twice.
import type { Topic } from "../content/parse-topic";
import { draftBank, presentMultipleChoice, presentTimeline, type QuestionBank } from "./bank";
import type { Strand } from "../content/schema";
import type { Question, QuestionKind } from "./question";
import { createRandom, deriveSeed, shuffle } from "./random";

export interface QuizSettings {
  seed: number;
  count: number;
  kinds?: readonly QuestionKind[];
  /** Share of timeline questions when both kinds are asked for. */
  timelineShare?: number;
  /** Fact or event ids to ask about first (e.g. the ones a student missed). */
  prefer?: readonly string[];
  /** Question ids never to use (e.g. hidden by a teacher). */
  exclude?: readonly string[];
}

export const DEFAULT_TIMELINE_SHARE = 0.3;
export const MAX_QUIZ_QUESTIONS = 50;

export class QuizSizeError extends RangeError {}

/** What picking needs to know of a question (a full question or a draft). */
type Pickable = Pick<Question, "id" | "type" | "strand" | "about">;

/** A question "uses" its facts; timelines may share one event, never two. */
function conflicts(candidate: Pickable, picked: readonly Pickable[]): boolean {
  return picked.some((other) => {
    if (other.type !== candidate.type) return false;
    const shared = candidate.about.filter((id) => other.about.includes(id)).length;
    return candidate.type === "multiple-choice" ? shared > 0 : shared > 1;
  });
}

type Quota = Record<Strand, number>;

/**
 * The share of a quiz each strand aims for: causes and course most, how the report knows
 * what it says next, and a little of the setting. A quota is a first-pass cap; if a strand
 * runs short, the others fill the gap.
 */
export const STRAND_SHARE: Readonly<Record<Strand, number>> = {
  causes: 0.3,
  course: 0.3,
  sources: 0.25,
  context: 0.15,
};

function quotaFor(count: number): Quota {
  const quota = {} as Quota;
  for (const [strand, share] of Object.entries(STRAND_SHARE) as [Strand, number][])
    quota[strand] = Math.ceil(count * share);
  return quota;
}

function pick<Q extends Pickable>(
  candidates: readonly Q[],
  count: number,
  random: () => number,
  prefer: ReadonlySet<string>,
  quota: Quota = quotaFor(count),
): Q[] {
  const shuffled = shuffle(candidates, random);
  const preferred = (q: Pickable) => (q.about.some((id) => prefer.has(id)) ? 0 : 1);
  const ordered = shuffled
    .map((q, i) => ({ q, i }))
    .sort((a, b) => preferred(a.q) - preferred(b.q) || a.i - b.i)
    .map((x) => x.q);

  const picked: Q[] = [];
  const taken = (strand: Strand) => picked.filter((p) => p.strand === strand).length;
  const eligible = (q: Q) => !picked.includes(q) && !conflicts(q, picked);
  // First pass: strand by strand, always from the one furthest below its quota, so every
  // strand with a quota gets its turn whatever order the seed shuffled the questions into.
  const strands = Object.keys(STRAND_SHARE) as Strand[];
  while (picked.length < count) {
    let next: Q | undefined;
    let room = 0;
    for (const strand of strands) {
      const left = quota[strand] - taken(strand);
      if (left <= room) continue;
      const q = ordered.find((c) => c.strand === strand && eligible(c));
      if (q) [next, room] = [q, left];
    }
    if (!next) break;
    picked.push(next);
  }
  // Second pass: any strand fills the gap the others left.
  for (const q of ordered) {
    if (picked.length === count) break;
    if (eligible(q)) picked.push(q);
  }
  // Greedy can paint itself into a corner with timelines (which may share one event, not
  // two): before giving up, look for `count` questions that fit together, in the same order.
  if (picked.length < count) return packUpTo(ordered, count) ?? picked;
  return picked;
}

/** Depth-first search for `count` mutually compatible questions, trying them in order; bounded. */
function packUpTo<Q extends Pickable>(ordered: readonly Q[], count: number, budget = 20_000): Q[] | undefined {
  const chosen: Q[] = [];
  let steps = 0;
  const search = (from: number): boolean => {
    if (chosen.length === count) return true;
    for (let i = from; i <= ordered.length - (count - chosen.length); i++) {
      if (++steps > budget) return false;
      const q = ordered[i]!;
      if (conflicts(q, chosen)) continue;
      chosen.push(q);
      if (search(i + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0) ? chosen : undefined;
}

interface Candidates<T extends Pickable, M extends Pickable> {
  timelines: readonly T[];
  multipleChoice: readonly M[];
}

function pickQuiz<T extends Pickable, M extends Pickable>(pool: Candidates<T, M>, settings: QuizSettings): (T | M)[] {
  const { seed, count } = settings;
  if (!Number.isInteger(count) || count < 1 || count > MAX_QUIZ_QUESTIONS) {
    throw new QuizSizeError(`a quiz has 1 to ${MAX_QUIZ_QUESTIONS} questions (got ${count})`);
  }
  const kinds = new Set(settings.kinds?.length ? settings.kinds : (["timeline", "multiple-choice"] as const));
  const excluded = new Set(settings.exclude ?? []);
  const prefer = new Set(settings.prefer ?? []);
  const timelines = kinds.has("timeline") ? pool.timelines.filter((q) => !excluded.has(q.id)) : [];
  const choices = kinds.has("multiple-choice") ? pool.multipleChoice.filter((q) => !excluded.has(q.id)) : [];

  let timelineCount = 0;
  if (!kinds.has("multiple-choice")) timelineCount = count;
  else if (kinds.has("timeline") && count >= 2) {
    const share = settings.timelineShare ?? DEFAULT_TIMELINE_SHARE;
    timelineCount = Math.max(1, Math.round(count * share));
  }

  const random = createRandom(deriveSeed(seed, "quiz"));
  let pickedTimelines = pick(timelines, timelineCount, random, prefer);
  // Multiple choice evens out whatever strand the timelines leaned towards.
  const target = quotaFor(count);
  const quota = {} as Quota;
  for (const strand of Object.keys(target) as Strand[])
    quota[strand] = Math.max(0, target[strand] - pickedTimelines.filter((q) => q.strand === strand).length);
  const pickedChoices = pick(choices, count - pickedTimelines.length, random, prefer, quota);
  // If multiple choice ran short, timelines fill the rest (and the other way round).
  if (pickedTimelines.length + pickedChoices.length < count && kinds.has("timeline")) {
    pickedTimelines = pick(
      timelines,
      count - pickedChoices.length,
      createRandom(deriveSeed(seed, "quiz-fill")),
      prefer,
    );
  }
  const quiz = shuffle([...pickedTimelines, ...pickedChoices], random);
  if (quiz.length < count) {
    throw new QuizSizeError(
      `only ${quiz.length} distinct questions are available for these settings (asked for ${count})`,
    );
  }
  return quiz;
}

/** A quiz from an already presented bank (the export command uses this). */
export function generateQuizFromBank(bank: QuestionBank, settings: QuizSettings): Question[] {
  return pickQuiz<Question, Question>(bank, settings);
}

/** A quiz for a topic: picks from the seed-independent drafts, then presents only what it picked. */
export function generateQuiz(topic: Topic, settings: QuizSettings): Question[] {
  const drafts = draftBank(topic);
  return pickQuiz(drafts, settings).map((q) =>
    "candidates" in q
      ? presentMultipleChoice(q, settings.seed)
      : presentTimeline(q as Question & { type: "timeline" }, settings.seed),
  );
}

/**
 * The most questions of these kinds one quiz on this topic can ask, leaving out `exclude`, for every one of
 * `seeds`: with timelines only, that is how many of the bank's timelines fit together (no two may share more
 * than one event), far fewer than the bank holds. Counted up one at a time (a quiz that fits n questions fits
 * fewer). With `wanted`, a quiz of that size is tried first and, when it fits, `wanted` is the answer (one pick
 * instead of up to fifty: what a form needs).
 */
export function quizCapacity(
  topic: Topic,
  kinds: readonly QuestionKind[],
  options: { exclude?: readonly string[]; wanted?: number; seeds?: readonly number[] } = {},
): number {
  const { exclude = [], wanted, seeds = [1] } = options;
  const drafts = draftBank(topic);
  const fits = (count: number) => {
    try {
      for (const seed of seeds) pickQuiz(drafts, { seed, count, kinds: [...kinds], exclude: [...exclude] });
      return true;
    } catch (error) {
      if (error instanceof QuizSizeError) return false;
      throw error;
    }
  };
  if (wanted !== undefined && wanted >= 1 && wanted <= MAX_QUIZ_QUESTIONS && fits(wanted)) return wanted;
  let most = 0;
  while (most < MAX_QUIZ_QUESTIONS && fits(most + 1)) most++;
  return most;
}
