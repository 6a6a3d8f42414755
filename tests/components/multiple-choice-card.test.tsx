import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MultipleChoiceCard } from "@/components/play/multiple-choice-card";
import { choiceQuestion, publicOf } from "./fixtures";

const question = publicOf(choiceQuestion);

describe("MultipleChoiceCard", () => {
  it("shows the prompt as the group's legend and four large, labelled options", () => {
    render(
      <MultipleChoiceCard question={question} onAnswer={vi.fn()} chosen={null} correctOption={null} disabled={false} />,
    );
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
    const onAnswer = vi.fn();
    render(
      <MultipleChoiceCard
        question={question}
        onAnswer={onAnswer}
        chosen={null}
        correctOption={null}
        disabled={false}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: /Coal/ }));
    expect(onAnswer).toHaveBeenCalledWith("c");
  });

  it.each([
    ["1", "a"],
    ["2", "b"],
    ["4", "d"],
  ])("answers with key %s", async (key, option) => {
    const onAnswer = vi.fn();
    render(
      <MultipleChoiceCard
        question={question}
        onAnswer={onAnswer}
        chosen={null}
        correctOption={null}
        disabled={false}
      />,
    );
    await userEvent.keyboard(key);
    expect(onAnswer).toHaveBeenCalledExactlyOnceWith(option);
  });

  it("ignores keys that are not options, and keys typed into a field", async () => {
    const onAnswer = vi.fn();
    render(
      <>
        <input aria-label="notes" />
        <MultipleChoiceCard
          question={question}
          onAnswer={onAnswer}
          chosen={null}
          correctOption={null}
          disabled={false}
        />
      </>,
    );
    await userEvent.keyboard("59");
    await userEvent.type(screen.getByLabelText("notes"), "1");
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it("takes one answer only: once chosen, neither keys nor clicks answer again", async () => {
    const onAnswer = vi.fn();
    render(
      <MultipleChoiceCard question={question} onAnswer={onAnswer} chosen="a" correctOption={null} disabled={false} />,
    );
    await userEvent.keyboard("2");
    await userEvent.click(screen.getByRole("button", { name: /Coal/ }));
    expect(onAnswer).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: /Diesel/ })).toHaveAttribute("aria-pressed", "true");
  });

  it("marks the right answer and the player's wrong one in words, not colour alone", () => {
    render(<MultipleChoiceCard question={question} onAnswer={vi.fn()} chosen="a" correctOption="b" disabled />);
    expect(screen.getByRole("button", { name: /Liquefied petroleum gas \(LPG\).*Right answer/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Diesel.*Your answer/ })).toBeInTheDocument();
  });
});
