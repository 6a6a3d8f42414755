import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ResultsView } from "@/components/play/results-view";
import { results, source, timelineQuestion } from "./fixtures";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

/** Renders, then lets framer-motion's lazily loaded features arrive inside act(). */
async function renderResults(props: Parameters<typeof ResultsView>[0]) {
  render(<ResultsView {...props} />);
  await act(async () => {
    await import("@/components/motion-features");
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

afterEach(() => {
  push.mockReset();
  vi.unstubAllGlobals();
});

describe("ResultsView", () => {
  it("shows the server's score, accuracy and count of fully right answers, and focuses the verdict", async () => {
    await renderResults({ results: results, source });
    const heading = screen.getByRole("heading", {
      name: /^Well played, Steppe Fox! Score 1829\. 12th of 240 this week\.$/,
    });
    expect(heading).toHaveFocus();
    expect(screen.getByText("Score").nextSibling).toHaveTextContent("1,829");
    expect(screen.getByText("Accuracy").nextSibling).toHaveTextContent("50%");
    expect(screen.getByText("Fully right").nextSibling).toHaveTextContent("1/2");
  });

  it("reviews every question with the player's answer, the right answer, swaps and explanation, once unfolded", async () => {
    await renderResults({ results: results, source });
    const review = screen.getByRole("region", { name: /^Review/ });
    expect(within(review).queryAllByRole("listitem")).toHaveLength(0);
    await userEvent.click(within(review).getByRole("button", { name: /^Review All 2 questions/ }));
    const items = (await within(review).findAllByRole("listitem")).filter((li) => li.parentElement?.tagName === "OL");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Your answer: Liquefied petroleum gas (LPG)");
    expect(items[0]).not.toHaveTextContent("Right answer:");
    expect(items[1]).toHaveTextContent("67% credit · 667 pts");
    expect(items[1]).toHaveTextContent(
      "Right answer: Nazarbayev's rule begins → Kazakhstan becomes independent → Nazarbayev steps down as president",
    );
    expect(items[1]).toHaveTextContent(
      "You placed “Kazakhstan becomes independent” before “Nazarbayev's rule begins”.",
    );
    expect(within(items[1]!).getByRole("link", { name: "Study this in context" })).toHaveAttribute(
      "href",
      "/study#event-nazarbayev-rule-begins",
    );
  });

  it("opens each question's citation on the source's own words: a timeline's under its events, a question's under its paragraphs", async () => {
    // As an attempt stores it: items and key under the attempt's own ids, `about` under the events' ids.
    const opaque = (id: string) => `e${id.length}x${id.slice(0, 3)}`;
    const asked = results.review[1]!.question as typeof timelineQuestion;
    const stored = {
      ...asked,
      items: asked.items.map((item) => ({ ...item, id: opaque(item.id) })),
      answer: asked.answer.map(opaque),
    };
    const review = [results.review[0]!, { ...results.review[1]!, question: stored, response: null }];
    await renderResults({ results: { ...results, review }, source });
    await userEvent.click(screen.getByRole("button", { name: /^Review All 2 questions/ }));
    const popoverOf = (name: RegExp) => {
      const badge = screen.getByRole("button", { name });
      return document.getElementById(badge.getAttribute("popovertarget")!)!;
    };
    const quoted = (popover: HTMLElement) =>
      [...popover.querySelectorAll("q")].map((q) =>
        [q.previousElementSibling?.textContent, q.textContent].filter(Boolean).join(": "),
      );
    // A multiple-choice question citing two paragraphs: one quote under each.
    expect(quoted(popoverOf(/^Source P4 · P8/))).toEqual([
      "P4: kicked off in protest at a fuel price hike",
      "P8: the rising price of liquefied petroleum gas",
    ]);
    const timeline = popoverOf(/^Source P1 · P7/);
    expect(quoted(timeline)).toEqual([
      "Nazarbayev's rule begins: ruled firmly since Soviet times",
      "Kazakhstan becomes independent: independence three decades ago",
      "Nazarbayev steps down as president: stepping down three years ago as president",
    ]);
    expect(timeline).toHaveTextContent(`Paragraph 1 and paragraph 7 of “${source.title}”, ${source.outlet}`);
  });

  it("says where the player stands: rank, personal best, and the board's podium", async () => {
    await renderResults({ results: results, source });
    expect(screen.getByText("12th of 240 this week")).toBeInTheDocument();
    expect(screen.getByText("New personal best (was 1,500)")).toBeInTheDocument();
    const podium = screen.getByRole("list", { name: "Top three this week" });
    expect(
      within(podium)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Brave Falcon9,100 pointsPlace 1", "Kind Otter8,800 pointsPlace 2", "Swift Lynx8,650 pointsPlace 3"]);
  });

  it("words a score of 0 without praise, and offers no replay when no attempt is left", async () => {
    const zero = {
      ...results,
      accuracy: 0,
      attempt: { ...results.attempt, score: 0, correctCount: 0 },
      standing: { ...results.standing, rank: null, newPersonalBest: false, attemptsLeft: 0 },
    };
    await renderResults({ results: zero, source });
    expect(screen.getByRole("heading", { level: 2, name: /^Not this time, Steppe Fox/ })).toHaveFocus();
    expect(screen.queryByText(/well played/i)).toBeNull();
    expect(screen.queryByRole("button", { name: /Play again/ })).toBeNull();
    expect(screen.getByText("No attempts left at this quiz.")).toBeInTheDocument();
  });

  it("links the facts to revisit into the study view", async () => {
    await renderResults({ results: results, source });
    const revisit = screen.getByRole("region", { name: "Facts to revisit" });
    expect(within(revisit).getByRole("link", { name: "Kazakhstan becomes independent" })).toHaveAttribute(
      "href",
      "/study#event-independence",
    );
  });

  it("plays again through the server and goes to the new attempt", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValue(new Response(JSON.stringify({ attemptId: "cmnewattempt0000000000001" }), { status: 201 }));
    vi.stubGlobal("fetch", fetch);
    await renderResults({ results: results, source });
    await userEvent.click(screen.getByRole("button", { name: "Play again, starting with what I missed" }));
    expect(fetch).toHaveBeenCalledWith(
      "/api/attempts/cmattempt000000000000001/again",
      expect.objectContaining({ method: "POST" }),
    );
    expect(push).toHaveBeenCalledWith("/play/cmnewattempt0000000000001");
  });

  it("says why when playing again is refused", async () => {
    vi.stubGlobal(
      "fetch",
      vi
        .fn()
        .mockResolvedValue(
          new Response(
            JSON.stringify({ error: { code: "no_attempts_left", message: "You have used all 3 attempts." } }),
            { status: 409 },
          ),
        ),
    );
    await renderResults({ results: results, source });
    await userEvent.click(screen.getByRole("button", { name: /Play again/ }));
    expect(await screen.findByText("You have used all 3 attempts.")).toBeInTheDocument();
    expect(push).not.toHaveBeenCalled();
  });
});
