import { describe, expect, it } from "vitest";
import { markTimeline } from "@/lib/play/timeline-marks";

const key = ["a", "b", "c", "d"];
const marks = (placed: string[], answer = key) =>
  markTimeline(placed, answer)
    .marks.map((m) => `${m.id}${{ right: "✓", shifted: "~", misplaced: "✗" }[m.status]}`)
    .join(" ");

describe("markTimeline", () => {
  it.each([
    // placed, marks (in the report's order: ✓ right place, ~ in order but shifted, ✗ out of place), pairs right
    [["a", "b", "c", "d"], "a✓ b✓ c✓ d✓", 6],
    // The tester's case: one card moved to the front — only that card is out of place.
    [["c", "a", "b"], "a~ b~ c✗", 1],
    [["d", "a", "b", "c"], "a~ b~ c~ d✗", 3],
    [["a", "c", "b", "d"], "a✓ b~ c✗ d✓", 5],
    [["b", "a", "c", "d"], "a~ b✗ c✓ d✓", 5],
    [["a", "b", "d", "c"], "a✓ b✓ c~ d✗", 5],
    [["b", "c", "d", "a"], "a✗ b~ c~ d~", 3],
    [["d", "c", "b", "a"], "a~ b✗ c✗ d✗", 0],
    [["b", "a", "d", "c"], "a~ b✗ c~ d✗", 4],
  ])("%j is marked %s with %i pairs right", (placed, expected, right) => {
    const answer = key.slice(0, placed.length);
    const result = markTimeline(placed, answer);
    expect(marks(placed, answer)).toBe(expected);
    expect(result.rightPairs).toBe(right);
    expect(result.pairs).toBe((placed.length * (placed.length - 1)) / 2);
  });

  it("names every wrong pair exactly once, on a card out of place, as placed", () => {
    const result = markTimeline(["c", "a", "b"], ["a", "b", "c"]);
    expect(result.marks.find((m) => m.id === "c")!.wrongPairs).toEqual([
      ["c", "a"],
      ["c", "b"],
    ]);
    expect(result.marks.filter((m) => m.id !== "c").every((m) => m.wrongPairs.length === 0)).toBe(true);
  });

  it("holds for every order of five: wrong pairs add up, only misplaced cards name them, the fewest are marked", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const orders: string[][] = [];
    const permute = (rest: string[], done: string[]) =>
      rest.length
        ? rest.forEach((x, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...done, x]))
        : orders.push(done);
    permute(ids, []);
    for (const placed of orders) {
      const result = markTimeline(placed, ids);
      const named = result.marks.flatMap((m) => m.wrongPairs);
      expect(named).toHaveLength(result.pairs - result.rightPairs);
      for (const m of result.marks) if (m.status !== "misplaced") expect(m.wrongPairs).toEqual([]);
      for (const [first, second] of named) expect(ids.indexOf(first)).toBeGreaterThan(ids.indexOf(second));
      // The cards not marked are in the report's order, so moving the marked ones alone fixes it.
      const kept = placed.filter((id) => result.marks.find((m) => m.id === id)!.status !== "misplaced");
      expect(kept).toEqual([...kept].sort());
      for (const m of result.marks)
        expect(m.status === "right").toBe(m.status !== "misplaced" && m.placedAt === m.belongs);
    }
  });
});
