// The distractor rules: each refuses the case it is for (the examples come from the
// audit of the first bank) and lets an even set of options through.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  areNearSynonyms,
  auditDraft,
  auditMultipleChoice,
  auditOptions,
  hasNumber,
  lemma,
  NameLexicon,
  topicCorpus,
} from "@/lib/quiz/distractor-rules";
import { buildDrafts } from "@/lib/quiz/bank";
import { topic } from "../helpers/topic";

const names = new NameLexicon([
  "Police said they had killed dozens of rioters in Almaty, Reuters journalists said.",
  "Shymkent",
  "The state of emergency was declared by Tokayev. Paratroopers from Russia were sent: the paratroopers landed.",
]);
const rules = (prompt: string, key: string, distractors: string[]) =>
  auditOptions(prompt, key, distractors, names).map((p) => p.rule);

describe("the distractor rules", () => {
  it.each([
    [
      "a key far longer than every distractor",
      "A price rise for which fuel first set off the protests?",
      "Liquefied petroleum gas (LPG)",
      ["Diesel", "Petrol", "Coal"],
      "length",
    ],
    [
      "the only option that names someone",
      "Which source reported the fires?",
      "Reuters journalists",
      ["State television", "The police", "Unverified video"],
      "names",
    ],
    [
      "the only option with a number",
      "What did the fuel-price protests turn into?",
      "Riots fed by three decades of resentment",
      ["A nationwide strike over wages", "A campaign for a new capital", "Celebrations of a price cut"],
      "numbers",
    ],
    [
      "a key that repeats the question's words",
      "Which city bears Nursultan Nazarbayev's name?",
      "Nur-Sultan",
      ["Shymkent", "Karaganda", "Bishkek"],
      "stem",
    ],
    [
      "two options that say the same thing",
      "How does the report rank Kazakhstan's economy?",
      "The largest in Central Asia",
      ["The smallest in Central Asia", "Among the smallest in Central Asia", "The largest in Europe"],
      "synonyms",
    ],
  ])("refuses %s", (_label, prompt, key, distractors, rule) => {
    expect(rules(prompt, key, distractors)).toContain(rule);
  });

  it("lets an even set of options through", () => {
    expect(
      rules("What did the fuel-price protests turn into?", "Anti-government riots", [
        "Pro-government rallies",
        "A nationwide general strike",
        "Peaceful sit-ins",
      ]),
    ).toEqual([]);
  });

  it("is not fooled by names and numbers everyone has", () => {
    expect(rules("In which city?", "Almaty", ["Shymkent", "Bishkek", "Tashkent"])).not.toContain("names");
    expect(rules("How many?", "13", ["3", "31", "130"])).not.toContain("numbers");
  });

  it.each([
    ["biggest", "big"],
    ["protesters", "protester"],
    ["stopped", "stop"],
    ["decades", "decade"],
  ])("reads %s as %s", (word, base) => {
    expect(lemma(word)).toBe(base);
  });

  it.each([
    ["The largest in Central Asia", "The biggest in Central Asia", true],
    ["Several dozen", "Dozens", true],
    ["About three decades", "Roughly three decades", true],
    ["Hundreds of billions of dollars", "Hundreds of millions of dollars", false],
    ["20 to 30", "20,000 to 30,000", false],
    ["The police", "State television", false],
  ])("%s ~ %s: %s", (a, b, same) => {
    expect(areNearSynonyms(a, b)).toBe(same);
  });

  it("knows a name from a capital where no sentence starts, an acronym, or a word never written small", () => {
    expect(names.hasName("Troops in Almaty")).toBe(true);
    expect(names.hasName("The CSTO alliance")).toBe(true);
    expect(names.hasName("Shymkent")).toBe(true);
    expect(names.hasName("Paratroopers")).toBe(false);
    expect(names.hasName("Police vans")).toBe(false);
    expect(hasNumber("Nearly 19 million")).toBe(true);
    expect(hasNumber("Dozens")).toBe(true);
    expect(hasNumber("A handful")).toBe(false);
  });

  it("checks every draw of three a seed can make, not just one", () => {
    // Only the draw of the three short distractors makes the key stand out.
    const draft = {
      prompt: "Which?",
      answer: "A fairly long answer",
      candidates: ["Short", "Tiny", "Wee", "A long one too"],
    };
    expect(auditDraft(draft, names).map((p) => p.rule)).toEqual(["length"]);
    fc.assert(
      fc.property(fc.shuffledSubarray(draft.candidates, { minLength: 4, maxLength: 4 }), (candidates) => {
        expect(auditDraft({ ...draft, candidates }, names)).toHaveLength(1);
      }),
    );
  });
});

describe("the kazakhstan-2022 bank", () => {
  it("has no multiple-choice question a distractor rule refuses, in any draw", () => {
    const refused = auditMultipleChoice(topic, buildDrafts(topic).multipleChoice).flatMap((r) =>
      r.problems.map((p) => `${r.id}: ${p.rule}: ${p.detail}`),
    );
    expect(refused).toEqual([]);
  });

  it("learns its names from its own texts", () => {
    const lexicon = new NameLexicon(topicCorpus(topic));
    expect(lexicon.hasName("Nazarbayev, the ex-president")).toBe(true);
    expect(lexicon.hasName("Anti-government riots")).toBe(false);
  });
});
