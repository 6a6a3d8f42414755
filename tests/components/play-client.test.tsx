import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, playApi, type AnswerFeedback, type ServedQuestion } from "@/components/play/api";
import { PlayClient } from "@/components/play/play-client";
import { choiceQuestion, publicOf, results, source } from "./fixtures";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

const served = (position: number): ServedQuestion => ({
  attempt: {
    ...results.attempt,
    status: "in_progress",
    score: position * 900,
    answeredCount: position,
    questionCount: 3,
  },
  position,
  question: { ...publicOf(choiceQuestion), id: `q${position}`, prompt: `Question number ${position + 1}?` },
  servedAt: "2026-11-28T10:00:00.000Z",
  deadline: null,
  serverNow: "2026-11-28T10:00:00.000Z",
  pastDue: false,
});

/** The play screen as the server renders it, on `question`. */
const renderPlay = (mode: "practice" | "assigned", question: ServedQuestion) =>
  render(
    <PlayClient
      attemptId="a1"
      finished={false}
      mode={mode}
      source={source}
      initial={{ kind: "question", served: question }}
    />,
  );

const feedback: AnswerFeedback = {
  position: 0,
  questionId: "q0",
  correct: true,
  credit: 1,
  late: false,
  points: 900,
  basePoints: 900,
  streakBonus: 0,
  streak: 1,
  score: 900,
  swapped: [],
  answer: "b",
  explanation: "Because the report says so.",
  sources: choiceQuestion.sources,
  evidence: [],
  about: [],
  finished: false,
  pastDue: false,
  repeated: false,
};

afterEach(() => vi.restoreAllMocks());

describe("PlayClient between questions", () => {
  it("slides the verdict out while it fetches the next question, with no loading screen in between", async () => {
    const user = userEvent.setup();
    vi.spyOn(playApi, "answer").mockResolvedValue(feedback);
    let deliver: (value: ServedQuestion) => void = () => {};
    vi.spyOn(playApi, "resume").mockResolvedValue({ kind: "question", served: served(0) }); // the sync after render
    const current = vi
      .spyOn(playApi, "current")
      .mockImplementationOnce(() => new Promise<ServedQuestion>((resolve) => (deliver = resolve)));
    renderPlay("practice", served(0));
    await user.click(await screen.findByRole("button", { name: /LPG/ }));
    // The feedback panel is a dynamic import: its first load can take over a second on a loaded machine.
    const next = await screen.findByRole("button", { name: "Next question" }, { timeout: 5000 });
    await user.click(next);
    expect(current).toHaveBeenCalledTimes(1);

    // While the request is out, the verdict is still on screen, marked busy and leaving; no "Loading…".
    const leaving = next.closest("[aria-busy]");
    expect(leaving).toHaveAttribute("aria-busy", "true");
    expect(leaving?.className).toMatch(/question-out/);
    expect(screen.queryByText("Loading…")).toBeNull();
    await user.click(next); // a second press while leaving asks for nothing more
    expect(current).toHaveBeenCalledTimes(1);

    await act(async () => deliver(served(1)));
    await waitFor(() => expect(screen.getByText("Question number 2?")).toBeInTheDocument());
    expect(document.querySelector("[aria-busy]")).toBeNull();
  });

  it("moves an old screen (Back, a page the router kept) on to where the server stands, starting no clock", async () => {
    const resume = vi.spyOn(playApi, "resume").mockResolvedValue({
      kind: "feedback",
      served: served(1),
      feedback: { ...feedback, position: 1, questionId: "q1", correct: false, points: 0, repeated: true },
      response: "a",
    });
    const current = vi.spyOn(playApi, "current");
    const answer = vi.spyOn(playApi, "answer");
    renderPlay("practice", served(0));
    expect(screen.getByText("Question number 1?")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Next question" })).toBeInTheDocument();
    expect(screen.queryByText("Question number 1?")).toBeNull();
    expect(resume).toHaveBeenCalledTimes(1);
    expect(current).not.toHaveBeenCalled();
    expect(answer).not.toHaveBeenCalled();
  });
});

describe("PlayClient after the due time or closing", () => {
  it("says when answers no longer score, and offers no retry once the teacher has closed the quiz", async () => {
    const user = userEvent.setup();
    vi.spyOn(playApi, "resume").mockResolvedValue({ kind: "question", served: { ...served(0), pastDue: true } });
    const closed = new ApiError(409, "closed", "Your teacher has closed “Quiz”: answers are no longer taken.");
    vi.spyOn(playApi, "answer").mockRejectedValue(closed);
    renderPlay("assigned", { ...served(0), pastDue: true });
    expect(
      screen.getByText(/The due time has passed: you can finish this quiz, but answers no longer score/),
    ).toBeVisible();
    await user.click(await screen.findByRole("button", { name: /LPG/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/closed .*answers are no longer taken/);
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(screen.getByRole("link", { name: "Back to the start" })).toHaveAttribute("href", "/");
  });
});
