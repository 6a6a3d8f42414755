import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Podium } from "@/components/game/podium";
import { LiveStage } from "@/components/live/live-stage";
import { NOBODY_SCORED, type LiveView } from "@/lib/live/view";
import { source } from "./fixtures";

const podium = (leaderboard: LiveView["leaderboard"]): LiveView => ({
  version: 9,
  phase: "podium",
  code: "ABC234",
  title: "Quiz",
  index: 1,
  count: 2,
  limitSeconds: 30,
  deadline: null,
  pausedMs: null,
  locked: false,
  showLeaderboard: true,
  teams: 0,
  players: 3,
  question: null,
  reveal: null,
  leaderboard,
  teamBoard: null,
});

const stage = (view: LiveView) => (
  <LiveStage view={view} roster={[]} count={null} offsetMs={0} joinUrl="" qrSvg="" source={source} sound={null} />
);

describe("the live podium on the projector", () => {
  it("says nobody scored and draws no bars when no one did", () => {
    render(stage(podium([])));
    expect(screen.getByText(NOBODY_SCORED)).toBeVisible();
    expect(screen.queryByRole("list", { name: "Top three players" })).toBeNull();
  });

  it("draws the players who scored", () => {
    render(stage(podium([{ rank: 1, nickname: "Bek", score: 300, moved: 0, team: null }])));
    expect(screen.getByRole("list", { name: "Top three players" })).toHaveTextContent("Bek");
    expect(screen.queryByText(NOBODY_SCORED)).toBeNull();
  });
});

describe("Podium", () => {
  it("stands a tie level: two players in 1st get the same step", () => {
    render(
      <Podium
        label="Top"
        entries={[
          { rank: 1, name: "Bek", score: 300 },
          { rank: 1, name: "Erlan", score: 300 },
          { rank: 3, name: "Aru", score: 100 },
        ]}
      />,
    );
    const step = (name: string) =>
      screen
        .getByText(name)
        .closest("li")!
        .lastElementChild!.className.match(/ h-\S+ sm:h-\S+ bg-\S+/)?.[0];
    expect(step("Bek")).toBe(step("Erlan"));
    expect(step("Aru")).not.toBe(step("Bek"));
  });
});
