// A quiz: N questions drawn from the bank for a seed, mixing the kinds asked for,
// balancing causes and course, and never asking about the same fact twice.
import type { Topic } from "../content/parse-topic";
import { draftBank, presentMultipleChoice, presentTimeline, type QuestionBank } from "./bank";
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

type Quota = Record<Pickable["strand"], number>;

function pick<Q extends Pickable>(
  candidates: readonly Q[],
  count: number,
  random: () => number,
  prefer: ReadonlySet<string>,
  quota: Quota = { causes: Math.ceil(count / 2), course: Math.ceil(count / 2) },
): Q[] {
  const shuffled = shuffle(candidates, random);
  const preferred = (q: Pickable) => (q.about.some((id) => prefer.has(id)) ? 0 : 1);
  const ordered = shuffled
    .map((q, i) => ({ q, i }))
    .sort((a, b) => preferred(a.q) - preferred(b.q) || a.i - b.i)
    .map((x) => x.q);

  const picked: Q[] = [];
  // First pass keeps causes and course balanced; the second fills any gap either strand left.
  for (const balanced of [true, false]) {
    for (const q of ordered) {
      if (picked.length === count) break;
      if (picked.includes(q) || conflicts(q, picked)) continue;
      if (balanced && picked.filter((p) => p.strand === q.strand).length >= quota[q.strand]) continue;
      picked.push(q);
    }
  }
  return picked;
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
  const half = Math.ceil(count / 2);
  const strandCount = (strand: Pickable["strand"]) => pickedTimelines.filter((q) => q.strand === strand).length;
  const pickedChoices = pick(choices, count - pickedTimelines.length, random, prefer, {
    causes: Math.max(0, half - strandCount("causes")),
    course: Math.max(0, half - strandCount("course")),
  });
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
