// The podium of a live game: nobody stands on it for 0 points, and a game nobody scored
// in has no winner (no phone says "You finished 1st").
import { describe, expect, it } from "vitest";
import { lobbyState, type LiveState } from "@/lib/live/game";
import { rankPlayers, rankTeams, type PlayerScore } from "@/lib/live/standings";
import { buildMe, buildView, NOBODY_SCORED } from "@/lib/live/view";

const t0 = new Date("2026-03-02T09:00:00Z");
const player = (nickname: string, score: number, team: number | null = null, join = 0): PlayerScore => ({
  playerId: `p-${nickname}`,
  nickname,
  score,
  lastPoints: 0,
  team,
  joinedAt: new Date(t0.getTime() + join),
});
const state = (phase: LiveState["phase"]): LiveState => ({ ...lobbyState(2, t0), phase, questionIndex: 1 });

function views(scores: [string, number, number | null][], phase: LiveState["phase"] = "podium") {
  const players = scores.map(([name, score, team], i) => player(name, score, team, i));
  const ranked = rankPlayers(players);
  const teams = players.some((p) => p.team !== null);
  const view = buildView({
    state: state(phase),
    code: "ABC234",
    title: "Quiz",
    limitSeconds: 20,
    teams: teams ? 2 : 0,
    questions: [],
    ranked,
    teamBoard: teams ? rankTeams(players, 2) : null,
    stats: null,
  });
  const me = buildMe(
    ranked.map((p) => ({ ...p, streak: 0, answer: null, rejoinCode: null })),
    state(phase),
  );
  return { view, me };
}

describe("live podium", () => {
  it("has no one on it, and no winner on any phone, when nobody scored", () => {
    const { view, me } = views([
      ["Aru", 0, 0],
      ["Bek", 0, 1],
      ["Dana", 0, 0],
    ]);
    expect(view.leaderboard).toEqual([]);
    expect(view.teamBoard).toEqual([]);
    for (const m of me.values()) {
      expect(m.rank).toBeNull();
      expect(m.line).toBe(NOBODY_SCORED);
    }
  });

  it("leaves players and teams on 0 points off it, and ranks those who scored", () => {
    const { view, me } = views([
      ["Aru", 0, 0],
      ["Bek", 300, 1],
      ["Dana", 0, 0],
      ["Erlan", 300, 1],
    ]);
    expect(view.leaderboard?.map((r) => [r.nickname, r.rank])).toEqual([
      ["Bek", 1],
      ["Erlan", 1],
    ]);
    expect(view.teamBoard?.map((t) => t.name)).toEqual(["Blue"]);
    expect(me.get("p-Bek")?.rank).toBe(1);
    expect(me.get("p-Aru")?.rank).toBe(3);
  });

  it("keeps everyone on the leaderboard between questions", () => {
    const { view, me } = views(
      [
        ["Aru", 0, null],
        ["Bek", 0, null],
      ],
      "leaderboard",
    );
    expect(view.leaderboard?.map((r) => r.nickname)).toEqual(["Aru", "Bek"]);
    expect(me.get("p-Aru")?.line).toBe("No one has scored yet");
  });
});
