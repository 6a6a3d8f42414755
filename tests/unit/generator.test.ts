// Properties of the question generator over many seeds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allQuestions, buildBank } from "@/lib/quiz/bank";
import { questionSchema, type Question } from "@/lib/quiz/question";
import { generateQuiz, generateQuizFromBank, quizCapacity, QuizSizeError } from "@/lib/quiz/quiz";
import { areNearDuplicates } from "@/lib/quiz/text-similarity";
import { topic } from "../helpers/topic";

const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const factById = new Map(topic.facts.map((f) => [f.id, f]));
const RUNS = { numRuns: 60 };

describe("the question bank", () => {
  const bank = buildBank(topic, 1);

  it("holds at least 25 timeline and 50 multiple-choice questions, each id once", () => {
    expect(bank.timelines.length).toBeGreaterThanOrEqual(25);
    expect(bank.multipleChoice.length).toBeGreaterThanOrEqual(50);
    const ids = allQuestions(bank).map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("mixes timeline lengths and varies their prompts", () => {
    const lengths = new Set(bank.timelines.map((q) => q.answer.length));
    expect(lengths.size).toBeGreaterThanOrEqual(3);
    expect(new Set(bank.timelines.map((q) => q.prompt)).size).toBeGreaterThanOrEqual(8);
  });

  it("asks in every strand: causes, course, how the report knows, and the setting", () => {
    const strands = new Set(allQuestions(bank).map((q) => q.strand));
    expect([...strands].sort()).toEqual(["causes", "context", "course", "sources"]);
    expect(bank.multipleChoice.filter((q) => q.strand === "sources").length).toBeGreaterThanOrEqual(8);
  });

  it("keys every timeline on the one order the article establishes, with every pair comparable", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { timelines, order } = buildBank(topic, seed);
        for (const q of timelines) {
          expect(q.answer.length).toBeGreaterThanOrEqual(3);
          expect(q.answer.length).toBeLessThanOrEqual(6);
          expect(q.items.map((i) => i.id).sort()).toEqual([...q.answer].sort());
          for (let i = 0; i < q.answer.length; i++) {
            for (let j = i + 1; j < q.answer.length; j++) expect(order.before(q.answer[i]!, q.answer[j]!)).toBe(true);
          }
          // presented shuffled, never already solved
          expect(q.items.map((i) => i.id)).not.toEqual(q.answer);
        }
      }),
      RUNS,
    );
  });

  it("gives every multiple-choice question four distinct options and exactly one key, the fact's answer", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        for (const q of buildBank(topic, seed).multipleChoice) {
          expect(q.options).toHaveLength(4);
          expect(q.options.filter((o) => o.id === q.answer)).toHaveLength(1);
          for (let i = 0; i < q.options.length; i++) {
            for (let j = i + 1; j < q.options.length; j++) {
              expect(
                areNearDuplicates(q.options[i]!.text, q.options[j]!.text),
                `${q.id}: ${q.options[i]!.text} ~ ${q.options[j]!.text}`,
              ).toBe(false);
            }
          }
          const [factId, stem] = q.id.split(":").slice(1) as [string, string];
          const fact = factById.get(factId)!;
          const keyText = q.options.find((o) => o.id === q.answer)!.text;
          expect(keyText).toBe(fact.stems[Number(stem)]!.answer ?? fact.answer);
          for (const o of q.options) {
            expect(o.text).not.toMatch(/all of the above|none of the above/i);
            if (o.id !== q.answer) expect(fact.exclude).not.toContain(o.text);
          }
        }
      }),
      RUNS,
    );
  });

  it("explains and cites every question, with paragraphs in range, and validates against the schema", () => {
    for (const q of allQuestions(bank)) {
      expect(questionSchema.safeParse(q).success, q.id).toBe(true);
      expect(q.explanation.length).toBeGreaterThan(20);
      expect(q.sources.length).toBeGreaterThan(0);
      for (const { paragraph } of q.sources)
        expect(paragraph === "caption" || (paragraph >= 1 && paragraph <= 12)).toBe(true);
    }
  });

  it("says in each timeline explanation which relation places each event", () => {
    for (const q of bank.timelines) {
      for (let i = 0; i + 1 < q.answer.length; i++) {
        const [a, b] = [
          q.items.find((x) => x.id === q.answer[i])!.text,
          q.items.find((x) => x.id === q.answer[i + 1])!.text,
        ];
        expect(q.explanation, q.id).toContain(`${a} → ${b}:`);
      }
    }
  });
});

describe("a quiz", () => {
  const about = (q: Question) => q.about;

  it("is the same for the same seed and settings", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 20 }), (seed, count) => {
        expect(generateQuiz(topic, { seed, count })).toEqual(generateQuiz(topic, { seed, count }));
      }),
      RUNS,
    );
  });

  it("is the same whether drawn from the drafts or from the presented bank", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 20 }), (seed, count) => {
        expect(generateQuiz(topic, { seed, count })).toEqual(
          generateQuizFromBank(buildBank(topic, seed), { seed, count }),
        );
      }),
      RUNS,
    );
  });

  it("differs between seeds", () => {
    const quizzes = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        generateQuiz(topic, { seed, count: 10 })
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(quizzes.size).toBe(5);
  });

  it("has the count asked for, mixes both kinds, never repeats a fact, balances causes and course, and asks how the report knows", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 4, max: 30 }), (seed, count) => {
        const quiz = generateQuiz(topic, { seed, count });
        expect(quiz).toHaveLength(count);
        expect(quiz.some((q) => q.type === "timeline")).toBe(true);
        expect(quiz.some((q) => q.type === "multiple-choice")).toBe(true);
        const facts = quiz.filter((q) => q.type === "multiple-choice").flatMap(about);
        expect(new Set(facts).size).toBe(facts.length);
        const timelines = quiz.filter((q) => q.type === "timeline");
        for (let i = 0; i < timelines.length; i++) {
          for (let j = i + 1; j < timelines.length; j++) {
            expect(timelines[i]!.about.filter((id) => timelines[j]!.about.includes(id)).length).toBeLessThanOrEqual(1);
          }
        }
        const causes = quiz.filter((q) => q.strand === "causes").length;
        const course = quiz.filter((q) => q.strand === "course").length;
        expect(Math.abs(causes - course)).toBeLessThanOrEqual(2);
        if (count >= 6) expect(quiz.some((q) => q.strand === "sources")).toBe(true);
      }),
      RUNS,
    );
  });

  it.each([
    [["timeline"] as const, "timeline"],
    [["multiple-choice"] as const, "multiple-choice"],
  ])("asks only %s questions when only that kind is asked for", (kinds, type) => {
    const quiz = generateQuiz(topic, { seed: 9, count: 7, kinds });
    expect(quiz.every((q) => q.type === type)).toBe(true);
  });

  it("asks first about the facts a student missed, when told to prefer them", () => {
    const prefer = ["population", "square-vehicles", "internet-shutdown"];
    const quiz = generateQuiz(topic, { seed: 5, count: 10, kinds: ["multiple-choice"], prefer });
    expect(quiz.flatMap(about)).toEqual(expect.arrayContaining(prefer));
  });

  it("never uses an excluded (hidden) question", () => {
    const bank = buildBank(topic, 3);
    const exclude = bank.multipleChoice.slice(0, 40).map((q) => q.id);
    const quiz = generateQuiz(topic, { seed: 3, count: 15, exclude });
    expect(quiz.map((q) => q.id).filter((id) => exclude.includes(id))).toEqual([]);
  });

  it.each([0, -1, 51, 2.5])("refuses a quiz of %s questions", (count) => {
    expect(() => generateQuiz(topic, { seed: 1, count })).toThrow(QuizSizeError);
  });

  it("finds as many timelines as fit together (sharing at most one event), whatever the seed", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const quiz = generateQuiz(topic, { seed, count: 7, kinds: ["timeline"] });
        for (let i = 0; i < quiz.length; i++)
          for (let j = i + 1; j < quiz.length; j++)
            expect(quiz[i]!.about.filter((id) => quiz[j]!.about.includes(id)).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 30 },
    );
  });

  it("says so when the settings leave too few distinct questions", () => {
    expect(() => generateQuiz(topic, { seed: 1, count: 50, kinds: ["timeline"] })).toThrow(
      /only \d+ distinct questions/,
    );
  });
});

describe("quizCapacity", () => {
  it("is the most questions of those kinds one quiz fits: one more does not", () => {
    for (const kinds of [["timeline"], ["multiple-choice"]] as const) {
      const most = quizCapacity(topic, kinds);
      expect(most).toBeGreaterThan(0);
      expect(() => generateQuiz(topic, { seed: 1, count: most, kinds })).not.toThrow();
      if (most < 50) expect(() => generateQuiz(topic, { seed: 1, count: most + 1, kinds })).toThrow(QuizSizeError);
    }
  });

  it("with timelines only is far below the bank's timelines (no two in a quiz share more than one event)", () => {
    const most = quizCapacity(topic, ["timeline"]);
    expect(most).toBeLessThan(buildBank(topic).timelines.length);
  });

  it("shrinks when questions are hidden", () => {
    const timelines = buildBank(topic).timelines.map((q) => q.id);
    expect(quizCapacity(topic, ["timeline"], { exclude: timelines })).toBe(0);
  });

  it("answers a count that fits with that count, and one that does not with the most that does", () => {
    const most = quizCapacity(topic, ["timeline"]);
    expect(quizCapacity(topic, ["timeline"], { wanted: most - 1 })).toBe(most - 1);
    expect(quizCapacity(topic, ["timeline"], { wanted: most + 5 })).toBe(most);
  });
});
