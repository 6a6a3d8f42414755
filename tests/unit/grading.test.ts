import { describe, expect, it } from "vitest";
import { gradeMultipleChoice, gradeTimeline, InvalidResponseError } from "@/lib/quiz/grading";
import type { MultipleChoiceQuestion, TimelineQuestion } from "@/lib/quiz/question";

const timeline: TimelineQuestion = {
  id: "tl:a+b+c+d",
  type: "timeline",
  prompt: "Order these",
  items: ["c", "a", "d", "b"].map((id) => ({ id, text: id.toUpperCase() })),
  answer: ["a", "b", "c", "d"],
  explanation: "because",
  sources: [{ paragraph: 1 }],
  strand: "course",
  about: ["a", "b", "c", "d"],
  evidence: [],
};

const choice: MultipleChoiceQuestion = {
  id: "mc:x:0",
  type: "multiple-choice",
  prompt: "Which?",
  options: ["a", "b", "c", "d"].map((id) => ({ id, text: `Option ${id}` })),
  answer: "c",
  explanation: "because",
  sources: [{ paragraph: 2 }],
  strand: "causes",
  about: ["x"],
  evidence: [],
};

describe("gradeTimeline: pairwise partial credit", () => {
  it.each([
    ["the right order: full credit", ["a", "b", "c", "d"], 1, []],
    ["one neighbouring swap: 5 of 6 pairs", ["a", "c", "b", "d"], 5 / 6, [["c", "b"]]],
    [
      "first and last swapped: 1 of 6 pairs",
      ["d", "b", "c", "a"],
      1 / 6,
      [
        ["d", "a"],
        ["b", "a"],
        ["c", "a"],
        ["d", "b"],
        ["d", "c"],
      ],
    ],
    [
      "fully reversed: no credit",
      ["d", "c", "b", "a"],
      0,
      [
        ["b", "a"],
        ["c", "a"],
        ["d", "a"],
        ["c", "b"],
        ["d", "b"],
        ["d", "c"],
      ],
    ],
    [
      "one event moved to the front: 3 of 6 pairs",
      ["d", "a", "b", "c"],
      3 / 6,
      [
        ["d", "a"],
        ["d", "b"],
        ["d", "c"],
      ],
    ],
  ])("%s", (_label, order, credit, swapped) => {
    const grade = gradeTimeline(timeline, order);
    expect(grade.credit).toBeCloseTo(credit as number, 10);
    expect(grade.correct).toBe(credit === 1);
    expect(grade.pairs).toBe(6);
    expect(grade.swapped.map((s) => [s.placedFirst, s.placedSecond]).sort()).toEqual((swapped as string[][]).sort());
  });

  it.each([
    ["too few events", ["a", "b", "c"]],
    ["a repeated event", ["a", "a", "b", "c"]],
    ["an unknown event", ["a", "b", "c", "z"]],
    ["not a list", "a,b,c,d"],
    ["numbers", [1, 2, 3, 4]],
  ])("rejects %s", (_label, order) => {
    expect(() => gradeTimeline(timeline, order)).toThrow(InvalidResponseError);
  });
});

describe("gradeMultipleChoice", () => {
  it.each([
    ["the key", "c", true, 1],
    ["another option", "a", false, 0],
  ])("%s", (_label, option, correct, credit) => {
    expect(gradeMultipleChoice(choice, option)).toEqual({ correct, credit });
  });

  it.each([
    ["an id that is not an option", "e"],
    ["a number", 3],
    ["nothing", undefined],
  ])("rejects %s", (_l, option) => {
    expect(() => gradeMultipleChoice(choice, option)).toThrow(InvalidResponseError);
  });
});
