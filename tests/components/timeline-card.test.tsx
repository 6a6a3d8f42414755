import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { TimelineCard } from "@/components/play/timeline-card";
import { publicOf, timelineQuestion } from "./fixtures";

const question = publicOf(timelineQuestion);
const order = () =>
  within(screen.getByRole("list", { name: "Events, earliest first" }))
    .getAllByRole("listitem")
    .map((li) => li.querySelector("button")!.textContent);

/** The number drawn on each card, by event. */
const badges = () =>
  Object.fromEntries(
    within(screen.getByRole("list", { name: "Events, earliest first" }))
      .getAllByRole("listitem")
      .map((li) => [li.querySelector("button")!.textContent, li.querySelector("span[aria-hidden]")!.textContent]),
  );

describe("TimelineCard", () => {
  it("lists the events in the order served, with the prompt and instructions", () => {
    render(<TimelineCard question={question} onLockIn={vi.fn()} disabled={false} />);
    expect(screen.getByRole("heading", { name: question.prompt })).toBeInTheDocument();
    expect(order()).toEqual([
      "Nazarbayev steps down as president",
      "Nazarbayev's rule begins",
      "Kazakhstan becomes independent",
    ]);
    expect(screen.getByText(/or Space and the arrow keys/)).toBeInTheDocument();
  });

  it("reorders fully by keyboard with the Earlier/Later buttons, announcing each move, then locks in", async () => {
    const onLockIn = vi.fn();
    const user = userEvent.setup();
    render(<TimelineCard question={question} onLockIn={onLockIn} disabled={false} />);
    // Tab to "Move 'Nazarbayev steps down as president' later" and press it twice.
    const later = screen.getByRole("button", { name: "Move “Nazarbayev steps down as president” later" });
    while (document.activeElement !== later) await user.tab();
    await user.keyboard("{Enter}");
    expect(screen.getByText("Nazarbayev steps down as president moved to position 2 of 3.")).toBeInTheDocument();
    await user.keyboard("{Enter}");
    expect(order()).toEqual([
      "Nazarbayev's rule begins",
      "Kazakhstan becomes independent",
      "Nazarbayev steps down as president",
    ]);
    // The last event cannot move later.
    expect(screen.getByRole("button", { name: "Move “Nazarbayev steps down as president” later" })).toBeDisabled();

    const lock = screen.getByRole("button", { name: "Lock in this order" });
    while (document.activeElement !== lock) await user.tab();
    await user.keyboard("{Enter}");
    expect(onLockIn).toHaveBeenCalledExactlyOnceWith([
      "nazarbayev-rule-begins",
      "independence",
      "nazarbayev-steps-down",
    ]);
    expect(screen.getByRole("button", { name: "Order locked in" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move “Nazarbayev's rule begins” later" })).toBeDisabled();
  });

  it("reorders with dnd-kit's keyboard sensor (Space, arrow, Space) and tells screen readers", async () => {
    // jsdom has no layout: give each event a position so the sensor can move between them.
    const rect = (el: Element) => {
      const li = el.closest("li");
      const index = li ? [...li.parentElement!.children].indexOf(li) : 0;
      const top = index * 60;
      return {
        x: 0,
        y: top,
        top,
        left: 0,
        right: 300,
        bottom: top + 50,
        width: 300,
        height: 50,
        toJSON: () => ({}),
      } as DOMRect;
    };
    const spy = vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
      return rect(this);
    });
    const user = userEvent.setup();
    render(<TimelineCard question={question} onLockIn={vi.fn()} disabled={false} />);
    const handle = screen.getByRole("button", { name: /^Nazarbayev steps down as president, position 1 of 3/ });
    handle.focus();
    await user.keyboard(" ");
    await act(async () => {});
    await user.keyboard("{ArrowDown}");
    await act(async () => {});
    // While it is carried, the numbers show the places the events would take if dropped now.
    expect(badges()).toEqual({
      "Nazarbayev steps down as president": "2",
      "Nazarbayev's rule begins": "1",
      "Kazakhstan becomes independent": "3",
    });
    await user.keyboard(" ");
    await act(async () => {});
    expect(order()).toEqual([
      "Nazarbayev's rule begins",
      "Nazarbayev steps down as president",
      "Kazakhstan becomes independent",
    ]);
    expect(document.body.textContent).toContain("Dropped Nazarbayev steps down as president at position 2 of 3.");
    spy.mockRestore();
  });

  it("keeps focus on the card when a move takes it to the top or the bottom", async () => {
    const user = userEvent.setup();
    render(<TimelineCard question={question} onLockIn={vi.fn()} disabled={false} />);
    const earlier = screen.getByRole("button", { name: "Move “Nazarbayev's rule begins” earlier" });
    await user.click(earlier);
    // Now first: its "earlier" button is disabled, so focus moves to its "later" button, not to the page.
    expect(earlier).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move “Nazarbayev's rule begins” later" })).toHaveFocus();
    await user.keyboard("{Enter}{Enter}");
    expect(order().at(-1)).toBe("Nazarbayev's rule begins");
    expect(screen.getByRole("button", { name: "Move “Nazarbayev's rule begins” earlier" })).toHaveFocus();
    // In the middle, focus stays on the button pressed.
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Move “Nazarbayev's rule begins” earlier" })).toHaveFocus();
  });

  it("cannot be changed or locked in while disabled", () => {
    render(<TimelineCard question={question} onLockIn={vi.fn()} disabled />);
    expect(screen.getByRole("button", { name: "Lock in this order" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move “Nazarbayev's rule begins” earlier" })).toBeDisabled();
  });
});
