import { describe, expect, it } from "vitest";
import { explainBadJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_NEVER } from "@/lib/play/join-code";
import { ordinal, resultWords, verdictOf } from "@/lib/play/verdict";

describe("verdictOf", () => {
  it.each([
    ["a fully right answer is right", { correct: true, credit: 1, late: false }, "right"],
    ["some timeline pairs in order is partly right", { correct: false, credit: 0.5, late: false }, "partly"],
    ["no credit is wrong", { correct: false, credit: 0, late: false }, "wrong"],
    ["a late answer is time's up, whatever its credit", { correct: false, credit: 1, late: true }, "time-up"],
  ] as const)("%s", (_rule, feedback, verdict) => {
    expect(verdictOf(feedback)).toBe(verdict);
  });
});

describe("resultWords", () => {
  const words = (correctCount: number, score: number, newPersonalBest = false) =>
    resultWords({ nickname: "Ana", correctCount, questionCount: 10, score, newPersonalBest });

  it.each([
    ["every answer right is a perfect game, celebrated", 10, 9000, /^Perfect game, Ana!$/, true],
    ["8 of 10 is brilliant", 8, 7000, /^Brilliant/, false],
    ["5 of 10 is well played", 5, 4000, /^Well played/, false],
    ["2 of 10 is a start", 2, 1500, /^Good start/, false],
    ["parts of timelines only is getting there", 0, 600, /^Getting there/, false],
    ["nothing at all is not this time", 0, 0, /^Not this time/, false],
  ])("%s", (_rule, correct, score, title, celebrate) => {
    const w = words(correct, score);
    expect(w.title).toMatch(title);
    expect(w.celebrate).toBe(celebrate);
  });

  it("never says well played, brilliant or perfect to a score of 0", () => {
    expect(words(0, 0).title).not.toMatch(/well played|brilliant|perfect/i);
    expect(words(0, 0).line).not.toMatch(/well played|brilliant|perfect/i);
  });

  it("celebrates a new personal best, and says so", () => {
    expect(words(6, 5000, true)).toMatchObject({ celebrate: true, line: expect.stringMatching(/personal best/) });
  });
});

describe("ordinal", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [102, "102nd"],
    [111, "111th"],
  ])("%i is %s", (n, text) => expect(ordinal(n)).toBe(text));
});

describe("explainBadJoinCode", () => {
  it("names the characters codes never use, and which of them were typed", () => {
    const message = explainBadJoinCode("ZZZ999");
    expect(message).toMatch(/never contains Z/);
    expect(message).toMatch(/Codes never use 0, O, 1, I, L, 5, S, 2, Z, 8 or B/);
  });

  it("says the length when only the length is wrong", () => {
    expect(explainBadJoinCode("ACD34")).toBe("A join code has 6 characters; this has 5. Check the code on the board.");
  });

  it("lists exactly the characters missing from the alphabet", () => {
    const all = [...JOIN_CODE_NEVER, ...JOIN_CODE_ALPHABET];
    expect(new Set(all).size).toBe(all.length);
    for (const c of JOIN_CODE_NEVER) expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });
});
