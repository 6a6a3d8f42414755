import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MultipleChoiceCard } from "@/components/play/multiple-choice-card";
import { choiceQuestion, publicOf } from "./fixtures";

const question = publicOf(choiceQuestion);

/** The card as a question is asked (nothing chosen yet), with a spy for the answer. */
function card(overrides: Partial<Parameters<typeof MultipleChoiceCard>[0]> = {}) {
  const onAnswer = vi.fn();
  const element = (
    <MultipleChoiceCard
      question={question}
      onAnswer={onAnswer}
      chosen={null}
      correctOption={null}
      disabled={false}
      {...overrides}
    />
  );
  return { element, onAnswer };
}

describe("MultipleChoiceCard", () => {
  it("shows the prompt as the group's legend and four large, labelled options", () => {
    render(card().element);
    expect(screen.getByRole("group", { name: question.prompt })).toBeInTheDocument();
    const buttons = screen.getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual([
      "1Diesel",
      "2Liquefied petroleum gas (LPG)",
      "3Coal",
      "4Petrol",
    ]);
    expect(buttons[2]).toHaveAttribute("aria-keyshortcuts", "3");
  });

  it("answers with a click", async () => {
    const { element, onAnswer } = card();
    render(element);
    await userEvent.click(screen.getByRole("button", { name: /Coal/ }));
    expect(onAnswer).toHaveBeenCalledWith("c");
  });

  it.each([
    ["1", "a"],
    ["2", "b"],
    ["4", "d"],
  ])("answers with key %s", async (key, option) => {
    const { element, onAnswer } = card();
    render(element);
    await userEvent.keyboard(key);
    expect(onAnswer).toHaveBeenCalledExactlyOnceWith(option);
  });

  it("ignores keys that are not options, and keys typed into a field", async () => {
    const { element, onAnswer } = card();
    render(
      <>
        <input aria-label="notes" />
        {element}
      </>,
    );
    await userEvent.keyboard("59");
    await userEvent.type(screen.getByLabelText("notes"), "1");
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it("takes one answer only: once chosen, neither keys nor clicks answer again", async () => {
    const { element, onAnswer } = card({ chosen: "a" });
    render(element);
    await userEvent.keyboard("2");
    await userEvent.click(screen.getByRole("button", { name: /Coal/ }));
    expect(onAnswer).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: /Diesel/ })).toHaveAttribute("aria-pressed", "true");
  });

  it("marks the right answer and the player's wrong one in words, not colour alone", () => {
    render(card({ chosen: "a", correctOption: "b", disabled: true }).element);
    expect(screen.getByRole("button", { name: /Liquefied petroleum gas \(LPG\).*Right answer/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Diesel.*Your answer/ })).toBeInTheDocument();
  });

  it("in a live game wears the projector's look: each option's shape named beside its text, in its colour", () => {
    render(card({ colours: true }).element);
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual([
      "triangle: Diesel",
      "diamond: Liquefied petroleum gas (LPG)",
      "circle: Coal",
      "square: Petrol",
    ]);
    expect(screen.getByRole("button", { name: /^triangle:/ }).className).toContain("bg-[#b3261e]");
  });

  it("paused: every option disabled, keys too, and the note said instead of the instructions", async () => {
    const { element, onAnswer } = card({ colours: true, disabled: true, note: <p>Paused — wait for your teacher</p> });
    render(element);
    for (const button of screen.getAllByRole("button")) expect(button).toBeDisabled();
    await userEvent.keyboard("1");
    expect(onAnswer).not.toHaveBeenCalled();
    expect(screen.getByText("Paused — wait for your teacher")).toBeInTheDocument();
    expect(screen.queryByText(/Choose an answer/)).toBeNull();
  });
});
