import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LiveStage } from "@/components/live/live-stage";
import type { LiveView } from "@/lib/live/view";
import { choiceQuestion, publicOf, source, timelineQuestion } from "./fixtures";

function revealOf(question: typeof timelineQuestion | typeof choiceQuestion): LiveView {
  return {
    version: 3,
    phase: "reveal",
    code: "ABC234",
    title: "Kazakhstan, January 2022",
    index: 0,
    count: 5,
    limitSeconds: 30,
    deadline: null,
    pausedMs: null,
    locked: false,
    showLeaderboard: false,
    teams: 0,
    players: 3,
    question: publicOf(question) as LiveView["question"],
    reveal: {
      answer: question.answer,
      explanation: question.explanation,
      sources: question.sources,
      evidence: question.evidence,
      stats: { answered: 3, choices: null, fullyRight: 1 / 3, averageCredit: 0.6, mostSwapped: null },
    },
    leaderboard: null,
    teamBoard: null,
  } as LiveView;
}

const stage = (view: LiveView) => (
  <LiveStage view={view} roster={[]} count={null} offsetMs={0} joinUrl="" qrSvg="" source={source} sound={null} />
);

describe("LiveStage at the reveal", () => {
  it("puts each event's quote under the event, not the first event's quote beside every paragraph", () => {
    render(stage(revealOf(timelineQuestion)));
    const events = screen.getAllByRole("listitem").filter((li) => li.closest("ol"));
    expect(events.map((li) => [li.textContent, within(li).queryByText(/./, { selector: "q" })?.textContent])).toEqual([
      ["1.Nazarbayev's rule beginsruled firmly since Soviet times", "ruled firmly since Soviet times"],
      ["2.Kazakhstan becomes independentindependence three decades ago", "independence three decades ago"],
      [
        "3.Nazarbayev steps down as presidentstepping down three years ago as president",
        "stepping down three years ago as president",
      ],
    ]);
    expect(screen.getByText(/^Source:/)).toHaveTextContent(/— P1 · P7$/);
  });

  it("keeps a multiple-choice question's quotes with its citation, one per paragraph", () => {
    render(stage(revealOf({ ...choiceQuestion })));
    expect(screen.getByText(/^Source:/)).toHaveTextContent(
      /— P4 · P8: P4 “kicked off in protest at a fuel price hike” · P8 “the rising price of liquefied petroleum gas”$/,
    );
    render(stage(revealOf({ ...choiceQuestion, sources: [{ paragraph: 8 }], evidence: ["a fuel used by the poor"] })));
    expect(screen.getAllByText(/^Source:/)[1]).toHaveTextContent(/— P8: “a fuel used by the poor”$/);
  });

  it('says "Nobody answered" when nobody did, not "0% right of 0 answers"', () => {
    const view = revealOf(choiceQuestion);
    render(
      stage({ ...view, reveal: { ...view.reveal!, stats: { ...view.reveal!.stats, answered: 0, fullyRight: 0 } } }),
    );
    expect(screen.getByText("Nobody answered")).toBeInTheDocument();
    expect(screen.queryByText(/right of 0/)).toBeNull();
    expect(screen.queryByLabelText(/chose it/)).toBeNull();
  });

  it("says one answer in the singular", () => {
    const view = revealOf(choiceQuestion);
    render(
      stage({ ...view, reveal: { ...view.reveal!, stats: { ...view.reveal!.stats, answered: 1, fullyRight: 1 } } }),
    );
    expect(screen.getByText("100% right of 1 answer")).toBeInTheDocument();
  });
});
