// The report's tables and charts: numbers as text, nicknames as text, no colour-only meaning.
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { QuestionAccuracyChart, ScoreDistributionChart } from "@/components/teacher/report-charts";
import { QuestionsTable, StudentsTable } from "@/components/teacher/report-tables";
import type { Report } from "@/lib/teacher/report";

const students: Report["students"] = [
  {
    playerId: "p1",
    nickname: "<img src=x onerror=alert(1)>",
    bestScore: 2450,
    accuracy: 0.75,
    timeMs: 95_000,
    attempts: 2,
    finished: true,
    hidden: false,
  },
  {
    playerId: "p2",
    nickname: "Late Starter",
    bestScore: null,
    accuracy: 0.5,
    timeMs: null,
    attempts: 1,
    finished: false,
    hidden: true,
  },
];
const questions: Report["questions"] = [
  {
    questionId: "t1",
    type: "timeline",
    prompt: "Put these in order.",
    answered: 4,
    correct: 1,
    shareCorrect: 0.25,
    meanCredit: 0.6,
    mostChosenWrong: null,
    mostSwapped: [{ placedFirst: "Troops arrive", placedSecond: "Government resigns", count: 3 }],
    noAnswer: 1,
    sources: [4, 8],
  },
  {
    questionId: "m1",
    type: "multiple-choice",
    prompt: "Which fuel's price rose?",
    answered: 4,
    correct: 3,
    shareCorrect: 0.75,
    meanCredit: 0.75,
    mostChosenWrong: { text: "Diesel", count: 1 },
    mostSwapped: [],
    noAnswer: 0,
    sources: [2],
  },
];

describe("report tables", () => {
  it("lists each student's best score, accuracy, time and attempts, nicknames as text", () => {
    render(<StudentsTable students={students} />);
    const table = screen.getByRole("table", { name: "Students (best attempt counts)" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ["2450", "75%", "1 min 35 s", "2"],
      ["in progress", "50%", "—", "1"],
    ]);
    expect(within(rows[0]!).getByRole("rowheader")).toHaveTextContent("<img src=x onerror=alert(1)>");
    expect(table.querySelector("img")).toBeNull();
    expect(within(rows[1]!).getByRole("rowheader")).toHaveTextContent("Late Starter(hidden from leaderboard)");
  });

  it("shows per question the share right, the most chosen wrong option and the most swapped pair, with sources", () => {
    render(<QuestionsTable questions={questions} />);
    const rows = within(screen.getByRole("table", { name: "Questions, hardest first" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows[0]).toHaveTextContent("25% of 4");
    expect(rows[0]).toHaveTextContent("Put “Troops arrive” before “Government resigns” (3)");
    expect(rows[0]).toHaveTextContent("No answer in time: 1");
    expect(within(rows[0]!).getByLabelText("Source: paragraph 4, paragraph 8")).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent("Most chosen wrong answer: “Diesel” (1)");
  });

  it("says so when there is nothing yet", () => {
    render(<StudentsTable students={[]} />);
    expect(screen.getByText(/No student has joined yet/)).toBeInTheDocument();
  });
});

const BINS = [
  { label: "0–249", count: 2 },
  { label: "250–499", count: 5 },
];
const ROWS = [
  { label: "Q1", percent: 0 },
  { label: "Q2", percent: 75 },
];
/** The numbers written on the bars. */
const barLabels = (container: HTMLElement) =>
  [...container.querySelectorAll(".recharts-label-list text, .recharts-label")].map((t) => t.textContent);

describe("report charts", () => {
  it("draws one bar per score range, each labelled with its count, and states the data in text", () => {
    const { container } = render(<ScoreDistributionChart bins={BINS} />);
    // Named by its caption; it takes its box's width (nothing to scroll, so no extra tab stop).
    const figure = screen.getByRole("figure", { name: "Best scores: how many students in each range" });
    expect(figure).not.toHaveAttribute("tabindex");
    expect(container.querySelectorAll(".recharts-bar-rectangle")).toHaveLength(2);
    expect(barLabels(container)).toEqual(expect.arrayContaining(["2", "5"]));
    expect(screen.getByText("0–249: 2 students; 250–499: 5 students")).toHaveClass("sr-only");
  });

  it("labels each question's bar with its percentage", () => {
    const { container } = render(<QuestionAccuracyChart rows={ROWS} />);
    // A question nobody got right still shows its bar's label.
    expect(barLabels(container)).toEqual(expect.arrayContaining(["0%", "75%"]));
    expect(screen.getByText("Q1: 0% right; Q2: 75% right")).toBeInTheDocument();
    expect(screen.getByRole("figure", { name: /Share of students right, per question/ })).not.toHaveAttribute(
      "tabindex",
    );
  });
});
