import { describe, expect, it } from "vitest";
import { areNearDuplicates } from "@/lib/quiz/text-similarity";

describe("areNearDuplicates", () => {
  it.each([
    ["The internet", "internet"],
    ["Oil and metals", "Metals and oil"],
    ["The internet", "The internet had been shut down"],
    ["Almaty", "ALMATY!"],
  ])("%s ~ %s", (a, b) => expect(areNearDuplicates(a, b)).toBe(true));

  it.each([
    ["20 to 30", "20,000 to 30,000"],
    ["About three years before", "About three decades before"],
    ["Wednesday 5 January 2022", "Thursday 6 January 2022"],
    ["Nearly 19 million", "Nearly 9 million"],
    ["Kassym-Jomart Tokayev", "Nursultan Nazarbayev"],
  ])("%s ≁ %s", (a, b) => expect(areNearDuplicates(a, b)).toBe(false));
});
