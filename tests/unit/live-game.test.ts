// The live game's state machine, standings and reveal statistics (pure).
import { describe, expect, it } from "vitest";
import {
  acceptsAnswer,
  applyMove,
  elapsedMs,
  isPaused,
  lobbyState,
  remainingMs,
  type LiveMove,
  type LivePhase,
  type LiveState,
} from "@/lib/live/game";
import { revealStats } from "@/lib/live/reveal";
import { balancedTeam, liveSettingsFromAssignment, liveSettingsSchema } from "@/lib/live/settings";
import { DEFAULT_ASSIGNMENT_SETTINGS, type AssignmentSettings } from "@/lib/play/settings";
import { rankPlayers, rankTeams, standingLine, type PlayerScore } from "@/lib/live/standings";
import { choiceAbout, timelineOf } from "../helpers/questions";

const t0 = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const LIMIT = 20;

function inPhase(phase: LivePhase, patch: Partial<LiveState> = {}): LiveState {
  const base = lobbyState(3, t0);
  if (phase === "lobby") return { ...base, ...patch };
  return {
    ...base,
    phase,
    questionIndex: 0,
    deadline: phase === "question" ? at(LIMIT * 1000) : null,
    ...patch,
  };
}

function move(state: LiveState, m: LiveMove, ms = 0) {
  return applyMove(state, m, at(ms), LIMIT);
}

describe("live game moves", () => {
  // [phase (and patch), move, the phase after it, or the refusal]
  const table: [LivePhase, Partial<LiveState>, LiveMove, LivePhase | RegExp][] = [
    ["lobby", {}, "start", "question"],
    ["lobby", {}, "next", /Start the game first/],
    ["lobby", {}, "skip", /Only an open question/],
    ["lobby", {}, "pause", /Only an open question's clock/],
    ["lobby", {}, "resume", /not paused/],
    ["lobby", {}, "end", "podium"],
    ["lobby", {}, "lock", "lobby"],
    ["lobby", { locked: true }, "lock", /already locked/],
    ["lobby", { locked: true }, "unlock", "lobby"],
    ["lobby", {}, "unlock", /not locked/],
    ["lobby", {}, "time-up", /not up/],
    ["lobby", {}, "all-answered", /No question is open/],
    ["question", {}, "start", /already started/],
    ["question", {}, "next", "reveal"],
    ["question", {}, "skip", "question"],
    ["question", {}, "pause", "question"],
    ["question", { pausedRemainingMs: 5000, deadline: null }, "pause", /already paused/],
    ["question", { pausedRemainingMs: 5000, deadline: null }, "resume", "question"],
    ["question", {}, "resume", /not paused/],
    ["question", {}, "all-answered", "reveal"],
    ["question", {}, "time-up", /not up/],
    ["question", { deadline: at(0) }, "time-up", "reveal"],
    ["question", { pausedRemainingMs: 1, deadline: null }, "time-up", /not up/],
    ["question", {}, "end", "podium"],
    ["reveal", {}, "next", "leaderboard"],
    ["reveal", { showLeaderboard: false }, "next", "question"],
    ["reveal", {}, "skip", /Only an open question/],
    ["reveal", {}, "time-up", /not up/],
    ["reveal", {}, "all-answered", /No question is open/],
    ["reveal", {}, "hide-leaderboard", "reveal"],
    ["reveal", { showLeaderboard: false }, "hide-leaderboard", /already hidden/],
    ["reveal", { showLeaderboard: false }, "show-leaderboard", "reveal"],
    ["reveal", {}, "show-leaderboard", /already shown/],
    ["leaderboard", {}, "next", "question"],
    ["leaderboard", { questionIndex: 2 }, "next", "podium"],
    ["reveal", { questionIndex: 2, showLeaderboard: false }, "next", "podium"],
    ["question", { questionIndex: 2 }, "skip", "podium"],
    ["leaderboard", {}, "pause", /Only an open question's clock/],
    ["podium", {}, "next", /over/],
    ["podium", {}, "end", /over/],
    ["podium", {}, "start", /over/],
    ["podium", {}, "unlock", /over/],
  ];
  it.each(table)("%s %o: %s → %s", (phase, patch, m, expected) => {
    const before = inPhase(phase, patch);
    const result = move(before, m, 1000);
    if (expected instanceof RegExp) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(expected);
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.state.phase).toBe(expected);
        expect(result.state.version).toBe(before.version + 1);
      }
    }
  });

  it("opens each question with its deadline, then the next one after the board", () => {
    let s = lobbyState(2, t0);
    const step = (m: LiveMove, ms: number) => {
      const r = move(s, m, ms);
      if (!r.ok) throw new Error(r.reason);
      s = r.state;
    };
    step("start", 0);
    expect([s.phase, s.questionIndex, s.deadline]).toEqual(["question", 0, at(20_000)]);
    step("next", 5000);
    step("next", 6000);
    step("next", 7000);
    expect([s.phase, s.questionIndex, s.deadline]).toEqual(["question", 1, at(27_000)]);
    step("next", 8000);
    step("next", 9000);
    step("next", 10_000);
    expect(s.phase).toBe("podium");
    expect(s.version).toBe(7);
  });

  it("pausing freezes the clock and resuming gives back what was left", () => {
    const open = inPhase("question");
    const paused = move(open, "pause", 5000);
    if (!paused.ok) throw new Error();
    expect(paused.state.pausedRemainingMs).toBe(15_000);
    expect(remainingMs(paused.state, at(60_000))).toBe(15_000);
    expect(elapsedMs(paused.state, LIMIT, at(60_000))).toBe(5000);
    // While paused the room has stopped: no answers until the clock resumes.
    expect(acceptsAnswer(paused.state, 0, at(6000))).toBe(false);
    expect(isPaused(paused.state)).toBe(true);
    const resumed = move(paused.state, "resume", 100_000);
    if (!resumed.ok) throw new Error();
    expect(resumed.state.deadline).toEqual(at(115_000));
    expect(elapsedMs(resumed.state, LIMIT, at(105_000))).toBe(10_000);
    expect(acceptsAnswer(resumed.state, 0, at(105_000))).toBe(true);
    expect(isPaused(resumed.state)).toBe(false);
  });

  it("accepts an answer only to the open question, in its time", () => {
    const open = inPhase("question");
    expect(acceptsAnswer(open, 0, at(19_999))).toBe(true);
    expect(acceptsAnswer(open, 0, at(20_000))).toBe(false);
    expect(acceptsAnswer(open, 1, at(1000))).toBe(false);
    for (const phase of ["lobby", "reveal", "leaderboard", "podium"] as const)
      expect(acceptsAnswer(inPhase(phase), 0, at(1000))).toBe(false);
  });
});

const player = (
  nickname: string,
  score: number,
  lastPoints = 0,
  team: number | null = null,
  join = 0,
): PlayerScore => ({
  playerId: `p-${nickname}`,
  nickname,
  score,
  lastPoints,
  team,
  joinedAt: at(join),
});

describe("live standings", () => {
  it("ranks by score, ties share a place, and knows who moved up", () => {
    const ranked = rankPlayers([
      player("Aru", 1200, 200, null, 1),
      player("Bek", 1500, 900, null, 2),
      player("Dana", 1200, 0, null, 0),
      player("Erlan", 100, 100, null, 3),
    ]);
    expect(ranked.map((p) => [p.nickname, p.rank, p.previousRank])).toEqual([
      ["Bek", 1, 3],
      ["Dana", 2, 1],
      ["Aru", 2, 2],
      ["Erlan", 4, 4],
    ]);
    expect(standingLine(ranked, "nobody")).toBeNull();
  });

  // [the scores (name: points, in join order), whose line, the line]
  const lines: [string, Record<string, number>, string, string][] = [
    [
      "behind someone: how far, and who",
      { Aru: 1200, Bek: 1500, Dana: 1100, Erlan: 100 },
      "Dana",
      "3rd — 100 points behind Aru",
    ],
    ["first alone: how far ahead", { Aru: 1200, Bek: 1500, Dana: 1100 }, "Bek", "1st — 300 points ahead of Aru"],
    ["alone in the game: the place only", { Solo: 10 }, "Solo", "1st"],
    ["one point: no plural", { Aru: 11, Bek: 10, Dana: 0 }, "Bek", "2nd — 1 point behind Aru"],
    ["level for first with one", { Aru: 10, Bek: 10 }, "Aru", "Joint 1st with Bek"],
    ["level for first with two", { Aru: 10, Bek: 10, Dana: 10, Erlan: 0 }, "Bek", "Joint 1st with Aru and Dana"],
    [
      "level with many",
      { A: 5, B: 5, C: 5, D: 5, E: 5, F: 9 },
      "A",
      "Joint 2nd with B, C and 2 others — 4 points behind F",
    ],
    [
      "level below first: the gap above",
      { Aru: 1200, Bek: 1500, Dana: 1200 },
      "Dana",
      "Joint 2nd with Aru — 300 points behind Bek",
    ],
    [
      "last, said plainly with the field's size",
      { Aru: 30, Bek: 20, Dana: 0 },
      "Dana",
      "3rd of 3 — 20 points behind Bek",
    ],
    ["last of two: just the place", { Aru: 30, Bek: 0 }, "Bek", "2nd — 30 points behind Aru"],
    ["level at the bottom", { Aru: 30, Bek: 0, Dana: 0 }, "Dana", "Joint 2nd with Bek — 30 points behind Aru"],
    ["nobody has scored", { Aru: 0, Bek: 0, Dana: 0 }, "Bek", "No one has scored yet"],
    ["thousands", { Aru: 12_500, Bek: 0 }, "Bek", "2nd — 12,500 points behind Aru"],
  ];
  it.each(lines)("a player's line: %s", (_, scores, who, line) => {
    const ranked = rankPlayers(Object.entries(scores).map(([name, score], i) => player(name, score, 0, null, i)));
    expect(standingLine(ranked, `p-${who}`)).toBe(line);
  });

  it("a line never doubles its punctuation or says +0", () => {
    const ranked = rankPlayers([player("A", 0), player("B", 0, 0, null, 1), player("C", 5, 5, null, 2)]);
    for (const p of ranked) expect(standingLine(ranked, p.playerId)).not.toMatch(/\.\.|\+0|level with|^\s|\s$/);
  });

  it("scores a team by its members' average, so a big team gains no edge", () => {
    const teams = rankTeams(
      [player("a", 1000, 0, 0), player("b", 0, 0, 0), player("c", 0, 0, 0), player("d", 600, 0, 1)],
      3,
    );
    expect(teams.map((t) => [t.name, t.members, t.score, t.rank])).toEqual([
      ["Blue", 1, 600, 1],
      ["Red", 3, 333, 2],
      ["Green", 0, 0, 3],
    ]);
  });

  it("puts a newcomer in the smallest team", () => {
    expect(balancedTeam([3, 2, 2])).toBe(1);
    expect(balancedTeam([0, 0])).toBe(0);
    expect(balancedTeam([4, 5, 3, 3])).toBe(2);
  });
});

describe("reveal statistics", () => {
  const mc = choiceAbout("x", { a: "A", b: "B", c: "C", d: "D" }, "b");
  const tl = timelineOf({ e1: "One", e2: "Two", e3: "Three" });

  it("counts each option for multiple choice", () => {
    const stats = revealStats(mc, [
      { response: "b", credit: 1 },
      { response: "b", credit: 1 },
      { response: "c", credit: 0 },
      { response: null, credit: 0 },
    ]);
    expect(stats.choices).toEqual({ a: 0, b: 2, c: 1, d: 0 });
    expect(stats.answered).toBe(3);
    // A response that names an object's own machinery is no option.
    expect(revealStats(mc, [{ response: "toString", credit: 0 }]).choices).toEqual({ a: 0, b: 0, c: 0, d: 0 });
    expect(stats.fullyRight).toBeCloseTo(2 / 3);
  });

  it("gives timelines the share fully right, the average credit and the most swapped pair", () => {
    const stats = revealStats(tl, [
      { response: ["e1", "e2", "e3"], credit: 1 },
      { response: ["e2", "e1", "e3"], credit: 2 / 3 },
      { response: ["e2", "e1", "e3"], credit: 2 / 3 },
      { response: ["e1", "e3", "e2"], credit: 2 / 3 },
    ]);
    expect(stats.fullyRight).toBe(0.25);
    expect(stats.averageCredit).toBeCloseTo(0.75);
    expect(stats.mostSwapped).toEqual({ placedFirst: "Two", placedSecond: "One", count: 2 });
    expect(stats.choices).toBeNull();
  });
});

describe("host live with an assignment's settings", () => {
  const base: AssignmentSettings = { ...DEFAULT_ASSIGNMENT_SETTINGS, count: 12, timeLimitSeconds: 45 };
  it.each([
    ["keeps what a live game allows", {}, { count: 12, timeLimitSeconds: 45, showLeaderboard: true }],
    ["an untimed assignment gets the live default of 30 s", { timeLimitSeconds: null }, { timeLimitSeconds: 30 }],
    ["more than 240 s becomes 240 s", { timeLimitSeconds: 600 }, { timeLimitSeconds: 240 }],
    ["more than 30 questions becomes 30", { count: 50 }, { count: 30 }],
    ["one kind stays one kind", { kinds: ["timeline"] }, { kinds: ["timeline"] }],
    ["bonuses off stay off", { speedBonus: false, streakBonus: false }, { speedBonus: false, streakBonus: false }],
    [
      "a leaderboard hidden from students is not shown between questions",
      { leaderboard: "hidden" },
      { showLeaderboard: false },
    ],
    ["the top 10 still shows the board", { leaderboard: "top10" }, { showLeaderboard: true }],
  ] as const)("%s", (_, patch, expected) => {
    const live = liveSettingsFromAssignment({ ...base, ...patch } as AssignmentSettings);
    expect(live).toMatchObject({ teams: 0, ...expected });
    expect(liveSettingsSchema.safeParse(live).success).toBe(true);
  });
});
