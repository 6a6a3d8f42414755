// The game pieces the practice quiz and the live game share: the verdict splash, the
// timeline reveal, the remembered sound switch, the podium; and the timeline's order kept
// across a reload.
import { act, render, renderHook, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Podium } from "@/components/game/podium";
import { SoundToggle } from "@/components/game/sound-toggle";
import { TimelineReveal } from "@/components/game/timeline-reveal";
import { useSound } from "@/components/game/use-sound";
import { VerdictSplash } from "@/components/game/verdict-splash";
import { MotionProvider } from "@/components/motion";
import { TimelineCard } from "@/components/play/timeline-card";
import { publicOf, timelineQuestion } from "./fixtures";

/** Lets framer-motion's lazily loaded features (both sets) arrive inside act(). */
async function settle() {
  await act(async () => {
    await Promise.all([import("@/components/motion-features"), import("@/components/motion-max-features")]);
    await new Promise((resolve) => setTimeout(resolve, 800));
  });
}

/** Renders `ui` inside the app's MotionProvider, as the pages do, and lets its features arrive. */
async function renderInMotion(ui: React.ReactElement) {
  render(<MotionProvider>{ui}</MotionProvider>);
  await settle();
}

afterEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
});

describe("VerdictSplash", () => {
  it("says the verdict first, takes focus so screen readers announce it, and offers the next step", async () => {
    await renderInMotion(
      <VerdictSplash
        verdict="partly"
        points={412}
        streak={0}
        detail="4 of 6 pairs in the right order"
        spokenSuffix="Score 2400."
        action={<button type="button">Next question</button>}
      />,
    );
    const heading = screen.getByRole("heading", { level: 2 });
    expect(heading).toHaveTextContent("Partly right 412 points. Score 2400.");
    expect(heading).toHaveFocus();
    expect(screen.getByText("4 of 6 pairs in the right order")).toBeInTheDocument();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Next question" })).toHaveFocus();
  });

  it.each([
    ["right", 3, "Right! 1200 points. 3 in a row."],
    ["wrong", 0, "Not quite No points."],
    ["time-up", 0, "Time's up No points."],
  ] as const)("reads %s with the streak when there is one", async (verdict, streak, spoken) => {
    await renderInMotion(
      <VerdictSplash verdict={verdict} points={spoken.startsWith("Right") ? 1200 : 0} streak={streak} />,
    );
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(spoken);
    if (streak) expect(screen.getByText("3 in a row")).toBeInTheDocument();
    // Zero points are said in words, never "+0".
    expect(document.body.textContent).not.toMatch(/\+0/);
    if (!spoken.startsWith("Right")) expect(screen.getByText("No points this time")).toBeInTheDocument();
  });
});

describe("TimelineReveal", () => {
  const items = timelineQuestion.items;
  it("moves the cards into the report's order, marks the card out of place and names its wrong pair", async () => {
    render(
      <TimelineReveal
        items={items}
        placed={["independence", "nazarbayev-rule-begins", "nazarbayev-steps-down"]}
        answer={timelineQuestion.answer}
      />,
    );
    await settle();
    const list = screen.getByRole("list", { name: /^The order the report establishes/ });
    const cards = within(list).getAllByRole("listitem");
    // Each card: its place (drawn, then spoken), the event, where the player put it, the mark.
    expect(cards.map((c) => c.textContent)).toEqual([
      "11st: Nazarbayev's rule beginsIn order · you put it 2nd✓",
      "22nd: Kazakhstan becomes independentOut of place · you put it 1stYou placed “Kazakhstan becomes independent” before “Nazarbayev's rule begins”.✗",
      "33rd: Nazarbayev steps down as presidentRight place✓",
    ]);
    expect(cards.map((c) => c.hasAttribute("data-misplaced"))).toEqual([false, true, false]);
  });

  it("marks only the card moved out of place, not the ones it pushed along (the tester's timeline)", async () => {
    const [first, second, third] = timelineQuestion.answer;
    render(<TimelineReveal items={items} placed={[third!, first!, second!]} answer={timelineQuestion.answer} />);
    await settle();
    const cards = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(cards.map((c) => c.hasAttribute("data-misplaced"))).toEqual([false, false, true]);
    expect(screen.queryByText(/swapped/)).toBeNull();
    // Two pairs wrong, each named once, as placed.
    expect(within(cards[2]!).getAllByText(/^You placed “Nazarbayev steps down as president” before/)).toHaveLength(2);
  });

  it("shows the key alone when no order was locked in (time ran out)", async () => {
    render(<TimelineReveal items={items} placed={null} answer={timelineQuestion.answer} />);
    await settle();
    expect(screen.queryByText(/You put it|Right place/)).toBeNull();
    expect(within(screen.getByRole("list")).getAllByRole("listitem")[0]).toHaveTextContent("Nazarbayev's rule begins");
  });
});

describe("useSound", () => {
  it.each([
    ["solo", true],
    ["class", false],
    ["screen", true],
  ] as const)("is %s by default: on = %s", (setting, on) => {
    const { result } = renderHook(() => useSound(setting));
    expect(result.current.on).toBe(on);
  });

  it("remembers the player's choice on this device, per setting", async () => {
    render(<Toggle />);
    const button = screen.getByRole("button", { name: "Sound" });
    expect(button).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(button);
    expect(button).toHaveAttribute("aria-pressed", "true");
    expect(window.localStorage.getItem("fact-trail:sound:class")).toBe("on");
    expect(window.localStorage.getItem("fact-trail:sound:solo")).toBeNull();
  });

  function Toggle() {
    return <SoundToggle sound={useSound("class")} />;
  }
});

describe("Podium", () => {
  it("ranks the top three in reading order, marking the viewer", async () => {
    await renderInMotion(
      <Podium
        label="Top three"
        entries={[
          { rank: 1, name: "Brave Falcon", score: 9100 },
          { rank: 2, name: "Kind Otter", score: 8800, you: true },
          { rank: 3, name: "Swift Lynx", score: 8650 },
          { rank: 4, name: "Calm Heron", score: 100 },
        ]}
      />,
    );
    const places = within(screen.getByRole("list", { name: "Top three" })).getAllByRole("listitem");
    expect(places.map((p) => p.textContent)).toEqual([
      "Brave Falcon9,100 pointsPlace 1",
      "Kind Otteryou8,800 pointsPlace 2",
      "Swift Lynx8,650 pointsPlace 3",
    ]);
  });
});

describe("TimelineCard across a reload", () => {
  const question = publicOf(timelineQuestion);
  const order = () =>
    within(screen.getByRole("list", { name: "Events, earliest first" }))
      .getAllByRole("listitem")
      .map((li) => li.querySelector("button")!.textContent);

  it("keeps the arranged order per attempt and question in this tab, and ignores a stale one", async () => {
    const key = "fact-trail:order:attempt1:3";
    const first = render(<TimelineCard question={question} onLockIn={vi.fn()} disabled={false} storageKey={key} />);
    await userEvent.click(screen.getByRole("button", { name: "Move “Nazarbayev's rule begins” earlier" }));
    const arranged = order();
    first.unmount();
    render(<TimelineCard question={question} onLockIn={vi.fn()} disabled={false} storageKey={key} />);
    expect(order()).toEqual(arranged);

    // A stored order that does not match the question's events is not trusted.
    window.sessionStorage.setItem(key, JSON.stringify(["independence", "someone-else"]));
    const { unmount } = render(
      <TimelineCard question={{ ...question, id: "other" }} onLockIn={vi.fn()} disabled={false} storageKey={key} />,
    );
    expect(
      within(screen.getAllByRole("list", { name: "Events, earliest first" }).at(-1)!)
        .getAllByRole("listitem")
        .map((li) => li.querySelector("button")!.textContent),
    ).toEqual(question.items.map((i) => i.text));
    unmount();
  });
});
