// Distractor quality as rules: a multiple-choice question is refused when its key stands
// out from its distractors, whatever the content says. Run by the content tests and by
// `npm run questions -- --stats`, never by the app at run time (the thesaurus is a dev
// dependency, and the checks look at every set of options a seed could draw).
//
// The rules, for every set of three distractors a seed can draw:
// - length: the key is not more than 40% longer than every distractor;
// - names: the key is not the only option with a proper noun;
// - numbers: the key is not the only option with a number;
// - stem: the key shares no more words with the question than the best distractor does;
// - synonyms: no two options say the same thing in other words (same words up to
//   inflection, synonyms from WordNet and hedges like "about" or "among").
import synonyms from "synonyms";
import type { Topic } from "../content/parse-topic";
import type { MultipleChoiceDraft } from "./bank";

export const LENGTH_RATIO = 1.4;
export const RULES = ["length", "names", "numbers", "stem", "synonyms"] as const;
export type Rule = (typeof RULES)[number];

export interface OptionProblem {
  rule: Rule;
  detail: string;
}

const STOP = new Set(
  (
    "a an the of and or to in on at by for from with into over under as is are was were be been being it its " +
    "this that these those he his she her they their them who whom what which why when where how did do does " +
    "had has have not no nor but than then so such own same other each every all any some very more most " +
    // the frame of every question about a report
    "report according says say said"
  ).split(" "),
);
/** Words that soften a claim without changing what it claims. */
const HEDGES = new Set("about roughly nearly almost around approximately among just only".split(" "));
const NUMBER_WORDS = new Set(
  (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen " +
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands " +
    "million millions billion billions trillion trillions dozen dozens half twice first second third fourth fifth"
  ).split(" "),
);

const dictionary = synonyms.dictionary;

/** A word's dictionary form, found by stripping endings until the thesaurus knows the word. */
export function lemma(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, "");
  const bases: string[] = [];
  const strip = (suffix: string, add = "") => {
    if (w.length > suffix.length + 2 && w.endsWith(suffix)) bases.push(w.slice(0, -suffix.length) + add);
  };
  for (const [suffix, add] of [
    ["ies", "y"],
    ["es", ""],
    ["s", ""],
    ["ied", "y"],
    ["ed", ""],
    ["ed", "e"],
    ["ing", ""],
    ["ing", "e"],
    ["iest", "y"],
    ["est", ""],
    ["est", "e"],
    ["ier", "y"],
    ["er", ""],
    ["er", "e"],
  ] as const)
    strip(suffix, add);
  // doubled consonants: biggest -> big, stopped -> stop
  for (const b of [...bases]) if (/([b-df-hj-np-tv-z])\1$/.test(b)) bases.push(b.slice(0, -1));
  // A base the thesaurus knows wins over the word itself ("stopped" is also an entry).
  const known = bases.find((b) => dictionary[b]) ?? (dictionary[w] ? w : undefined);
  if (known) return known;
  // Unknown to the thesaurus: at least read a plain plural as its singular.
  return /[^s]s$/.test(w) && w.length > 3 ? w.slice(0, -1) : w;
}

function tokens(text: string): string[] {
  return text
    .replace(/[’]/g, "'")
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .split(/[^A-Za-z0-9'-]+/)
    .map((t) => t.replace(/^['-]+|['-]+$/g, ""))
    .filter(Boolean);
}

/** Content words as lemmas: no function words, no hedges. */
export function contentWords(text: string): string[] {
  return tokens(text)
    .map((t) => t.toLowerCase())
    .filter((t) => !STOP.has(t) && !HEDGES.has(t))
    .map((t) => lemma(t.replace(/-/g, "")));
}

function synonymsOf(word: string): Set<string> {
  const entry = dictionary[word];
  return new Set(entry ? Object.values(entry).flat() : []);
}

function sameMeaning(a: string, b: string): boolean {
  if (a === b) return true;
  // A thesaurus may equate "billion" with "million"; numbers are the same only when equal.
  if (hasNumber(a) || hasNumber(b)) return false;
  return synonymsOf(a).has(b) || synonymsOf(b).has(a);
}

/** True when every content word of the shorter option has the same meaning as a word of the other. */
export function areNearSynonyms(a: string, b: string): boolean {
  const wa = [...new Set(contentWords(a))];
  const wb = [...new Set(contentWords(b))];
  const [small, large] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (small.length === 0) return false;
  return small.every((w) => large.some((x) => sameMeaning(w, x)));
}

/**
 * Which words are names, learnt from a corpus (the topic pack's own texts): a word
 * written with a capital where a sentence does not start, an acronym, or a capitalised
 * word the corpus never writes in lower case.
 */
export class NameLexicon {
  private readonly names = new Set<string>();
  private readonly lower = new Set<string>();

  constructor(corpus: Iterable<string>) {
    for (const text of corpus) {
      for (const sentence of text.split(/(?<=[.?!:;])\s+|["“”(]/)) {
        tokens(sentence).forEach((t, i) => {
          if (/^[a-z]/.test(t)) this.lower.add(t);
          else if (i > 0 && /^[A-Z]/.test(t)) this.names.add(t);
        });
      }
    }
  }

  /** `titleCase`: every word of the option starts with a capital, as names like "The United States" do. */
  isName(token: string, initial: boolean, titleCase = false): boolean {
    if (/^[A-Z]{2,}$/.test(token)) return true;
    if (!/^[A-Z]/.test(token)) return false;
    if (this.names.has(token) || !initial) return true;
    // A sentence-initial capital says nothing, unless the whole option is written like a name.
    return titleCase && !this.lower.has(token.toLowerCase());
  }

  hasName(text: string): boolean {
    const words = tokens(text);
    const titleCase = words.every((t) => /^[A-Z0-9]/.test(t) || STOP.has(t));
    return words.some((t, i) => this.isName(t, i === 0, titleCase));
  }
}

export function hasNumber(text: string): boolean {
  return /\d/.test(text) || tokens(text).some((t) => NUMBER_WORDS.has(t.toLowerCase()));
}

function stemOverlap(prompt: string, option: string): number {
  const asked = new Set(contentWords(prompt));
  return new Set(contentWords(option).filter((w) => asked.has(w))).size;
}

/** The problems of one presented question: its prompt, its key and the distractors shown with it. */
export function auditOptions(
  prompt: string,
  key: string,
  distractors: readonly string[],
  names: NameLexicon,
): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const longest = Math.max(...distractors.map((d) => d.length));
  if (key.length > LENGTH_RATIO * longest)
    problems.push({ rule: "length", detail: `key ${key.length} characters, longest distractor ${longest}` });
  if (names.hasName(key) && !distractors.some((d) => names.hasName(d)))
    problems.push({ rule: "names", detail: "only the key names someone or something" });
  if (hasNumber(key) && !distractors.some(hasNumber))
    problems.push({ rule: "numbers", detail: "only the key has a number" });
  const keyOverlap = stemOverlap(prompt, key);
  const best = Math.max(...distractors.map((d) => stemOverlap(prompt, d)));
  if (keyOverlap > best)
    problems.push({ rule: "stem", detail: `key shares ${keyOverlap} word(s) with the question, distractors ${best}` });
  const options = [key, ...distractors];
  for (let i = 0; i < options.length; i++)
    for (let j = i + 1; j < options.length; j++)
      if (areNearSynonyms(options[i]!, options[j]!))
        problems.push({ rule: "synonyms", detail: `"${options[i]}" ~ "${options[j]}"` });
  return problems;
}

function* choose<T>(items: readonly T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - k; i++)
    for (const rest of choose(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

/**
 * The problems of a question draft over every set of `shown` distractors a seed can draw
 * from its candidates, each problem once.
 */
export function auditDraft(
  draft: { prompt: string; answer: string; candidates: readonly string[] },
  names: NameLexicon,
  shown = 3,
): OptionProblem[] {
  const seen = new Map<string, OptionProblem>();
  const size = Math.min(shown, draft.candidates.length);
  for (const set of choose(draft.candidates, size)) {
    for (const p of auditOptions(draft.prompt, draft.answer, set, names)) {
      const key = `${p.rule}:${p.rule === "synonyms" ? p.detail : ""}`;
      if (!seen.has(key)) seen.set(key, { ...p, detail: `${p.detail} (with ${set.map((s) => `"${s}"`).join(", ")})` });
    }
  }
  return [...seen.values()];
}

/** Every text of a topic pack, for learning which words are names. */
export function topicCorpus(topic: Topic): string[] {
  return [
    ...topic.meta.intro,
    ...topic.events.flatMap((e) => [e.label, e.description]),
    ...topic.order.map((e) => e.why),
    ...topic.facts.flatMap((f) => [
      f.answer,
      f.explanation,
      ...f.distractors,
      ...f.stems.flatMap((s) => [s.prompt, s.answer ?? "", ...(s.distractors ?? [])]),
    ]),
    ...Object.values(topic.kinds).flatMap((k) => k.pool.flatMap((p) => [p.text, p.note])),
    ...topic.causes.nodes.flatMap((n) => [n.label, n.description]),
  ].filter(Boolean);
}

/** The multiple-choice drafts of a bank that break a rule, with what they break. */
export function auditMultipleChoice(
  topic: Topic,
  drafts: readonly MultipleChoiceDraft[],
): { id: string; problems: OptionProblem[] }[] {
  const names = new NameLexicon(topicCorpus(topic));
  return drafts.map((d) => ({ id: d.id, problems: auditDraft(d, names) })).filter((r) => r.problems.length > 0);
}
