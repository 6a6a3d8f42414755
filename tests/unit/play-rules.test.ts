import { describe, expect, it } from "vitest";
import { generateJoinCode, JOIN_CODE_ALPHABET, normaliseJoinCode } from "@/lib/play/join-code";
import { rankBestAttempts, startOfWeek, type FinishedAttempt } from "@/lib/play/leaderboard";
import { checkNickname, suggestNickname } from "@/lib/play/nickname";

describe("checkNickname", () => {
  it.each([["Steppe Fox"], ["Айгерим"], ["Zhan-Li 7"], ["  padded   name  "]])("accepts %j", (name) => {
    const result = checkNickname(name);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.nickname).toBe(name.replace(/\s+/g, " ").trim());
  });

  it.each([
    ["", /at least 2/],
    ["x", /at least 2/],
    ["a".repeat(21), /at most 20/],
    ["<script>", /^“<” and “>” can't be in a nickname\. Use letters, numbers/],
    // The tester's name: say which characters are the trouble.
    ["xXx_Ali 2012 🔥", /^“🔥” can't be in a nickname\./],
    ["Ali 👍🏽 #1", /^“👍🏽” and “#” can't be in a nickname\./],
    ["Ali!", /^“!” can't be in a nickname\./],
    ["-dash first", /^A nickname starts with a letter or number, not “-”\./],
    ["fuck you", /everyone in class/],
    ["sh1thead", /everyone in class/],
    [42, /type a nickname/],
  ])("refuses %j kindly, with a suggestion", (name, message) => {
    const result = checkNickname(name, 7);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(checkNickname(result.suggestion).ok).toBe(true);
    }
  });

  it("suggests the same clean name for the same seed, and different names for different seeds", () => {
    expect(suggestNickname(3)).toBe(suggestNickname(3));
    expect(new Set([1, 2, 3, 4, 5].map(suggestNickname)).size).toBeGreaterThan(1);
  });
});

describe("rankBestAttempts", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));
  const row = (attemptId: string, playerId: string, score: number, minute: number): FinishedAttempt => ({
    attemptId,
    playerId,
    nickname: playerId,
    score,
    correctCount: 0,
    questionCount: 10,
    finishedAt: at(minute),
  });

  it("counts each player's best attempt once, best score first, earlier finish winning ties", () => {
    const ranked = rankBestAttempts([
      row("a1", "ana", 800, 5),
      row("b1", "ben", 900, 9),
      row("a2", "ana", 950, 20),
      row("c1", "cy", 900, 3),
    ]);
    expect(ranked.map((r) => [r.rank, r.playerId, r.score])).toEqual([
      [1, "ana", 950],
      [2, "cy", 900],
      [3, "ben", 900],
    ]);
  });

  it("stops at the limit", () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`a${i}`, `p${i}`, i * 10, i));
    expect(rankBestAttempts(rows, 10)).toHaveLength(10);
  });

  it("starts the week on Monday, 00:00 UTC", () => {
    expect(startOfWeek(new Date("2026-11-26T15:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(startOfWeek(new Date("2026-11-23T00:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(startOfWeek(new Date("2026-11-22T23:59:00Z")).toISOString()).toBe("2026-11-16T00:00:00.000Z");
  });
});

describe("join codes", () => {
  it.each([
    ["ACD 347", "ACD347"],
    ["acd-347", "ACD347"],
    ["ACD34", null],
    ["ACDO47", null],
    ["ACD3470", null],
    [null, null],
  ])("normalises %j to %j", (input, expected) => expect(normaliseJoinCode(input)).toBe(expected));

  it("generates codes from the unambiguous alphabet", () => {
    let n = 0;
    const code = generateJoinCode((max) => (n++ * 7) % max);
    expect(code).toHaveLength(6);
    expect([...code].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
    expect(normaliseJoinCode(code)).toBe(code);
  });
});
