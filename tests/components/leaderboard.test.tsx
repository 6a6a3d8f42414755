import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LeaderboardTable } from "@/components/leaderboard/leaderboard-table";

const entry = (rank: number, nickname: string, score: number, playerId = `p${rank}`) => ({
  rank,
  nickname,
  score,
  correctCount: 7,
  questionCount: 10,
  attemptId: `a${rank}`,
  playerId,
});

describe("LeaderboardTable", () => {
  it("lists players by rank with their score, written as everywhere else (9,000)", () => {
    render(<LeaderboardTable caption="Class board" entries={[entry(1, "Ana", 9000), entry(2, "Ben", 8000)]} />);
    const rows = within(screen.getByRole("table", { name: "Class board" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(["1Ana9,0007/10", "2Ben8,0007/10"]);
  });

  it("renders a nickname as text, never as markup", () => {
    const { container } = render(
      <LeaderboardTable caption="Board" entries={[entry(1, '<img src=x onerror="alert(1)">', 10)]} />,
    );
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
  });

  it("marks the viewer's own row in words", () => {
    render(
      <LeaderboardTable
        caption="Board"
        entries={[entry(1, "Ana", 10), entry(2, "Me", 5, "me")]}
        highlightPlayerId="me"
      />,
    );
    const mine = screen.getByText("(you)").closest("tr");
    expect(mine).toHaveAttribute("aria-current", "true");
    expect(mine).toHaveTextContent("Me (you)");
  });

  it("invites the first player when the board is empty", () => {
    render(<LeaderboardTable caption="Board" entries={[]} />);
    expect(screen.getByText(/Be the first on the board/)).toBeInTheDocument();
  });
});
