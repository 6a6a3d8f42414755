import { describe, expect, it } from "vitest";
import { DOUBLE_PRESS_MS, isDoublePress } from "@/lib/live/clicker";

const opened = 10_000; // the question opened on this screen

describe("a clicker's double press", () => {
  it("is swallowed within a second of the press that opened the question", () => {
    expect(isDoublePress({ phase: "question", now: opened + 300, lastPressAt: opened - 200, changedAt: opened })).toBe(
      true,
    );
  });

  it("is swallowed within a second of the previous press, even before the screen saw the question", () => {
    expect(isDoublePress({ phase: "question", now: opened + 900, lastPressAt: opened + 100, changedAt: opened })).toBe(
      true,
    );
  });

  it("lets a deliberate press reveal the answer a moment later (not after 5 seconds)", () => {
    const now = opened + DOUBLE_PRESS_MS + 200;
    expect(isDoublePress({ phase: "question", now, lastPressAt: opened - 200, changedAt: opened })).toBe(false);
    expect(isDoublePress({ phase: "question", now: opened + 2000, lastPressAt: 0, changedAt: opened })).toBe(false);
  });

  it("never holds back a press outside a question", () => {
    for (const phase of ["lobby", "reveal", "leaderboard"])
      expect(isDoublePress({ phase, now: opened + 100, lastPressAt: opened, changedAt: opened })).toBe(false);
  });
});
