// Rosters (pure): reading pasted and uploaded names, personal codes, extra time,
// and a student's history with its misconceptions over time.
import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz/question";
import {
  checkRosterNames,
  generateStudentCode,
  namesFromCsv,
  namesFromText,
  normaliseStudentCode,
  withExtraTime,
} from "@/lib/teacher/class-roster";
import { studentHistoryCsv } from "@/lib/teacher/csv";
import { buildStudentHistory, NO_ANSWER } from "@/lib/teacher/student-history";
import { choiceAbout, timelineOf } from "../helpers/questions";

describe("roster names", () => {
  it("reads a pasted list, one per line, the first cell of a spreadsheet paste", () => {
    expect(namesFromText("Dana\r\n Arman \n\nZhanar\tZ.\n")).toEqual(["Dana", " Arman ", "", "Zhanar", ""]);
  });

  it("reads a CSV by its Name column, by first + last name, or by its first column", () => {
    expect(namesFromCsv('\uFEFFid,Name,email\n1,"Abenova, Dana",d@x\n2,Arman,a@x\n')).toEqual([
      "Abenova, Dana",
      "Arman",
    ]);
    expect(namesFromCsv("First name;Last name\n".replace(";", ",") + "Dana,Abenova\nArman,\n")).toEqual([
      "Dana Abenova",
      "Arman ",
    ]);
    expect(namesFromCsv("Dana,10B\nArman,10B\n")).toEqual(["Dana", "Arman"]);
  });

  it("tidies names and reports every problem at once", () => {
    expect(checkRosterNames(["  Dana   Abenova ", "", "Arman"], [])).toEqual({
      ok: true,
      names: ["Dana Abenova", "Arman"],
    });
    const bad = checkRosterNames(["dana", "Bo", "bo", "x".repeat(41), "Tab\u0007"], ["Dana"]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toHaveLength(4);
      expect(bad.problems.join(" ")).toMatch(
        /dana is already on the roster.*bo is in the list twice.*longer than 40.*control/s,
      );
    }
    expect(checkRosterNames(["", " "], [])).toMatchObject({ ok: false });
    expect(
      checkRosterNames(
        ["New"],
        Array.from({ length: 100 }, (_, i) => `S${i}`),
      ),
    ).toMatchObject({ ok: false });
  });
});

describe("personal codes and extra time", () => {
  it("draws 4 characters without look-alikes and reads what a student types", () => {
    let n = 0;
    const code = generateStudentCode(() => n++ % 24);
    expect(code).toBe("ACDE");
    expect(normaliseStudentCode(" ac-de ")).toBe("ACDE");
    expect(normaliseStudentCode("AC0E")).toBeNull();
    expect(normaliseStudentCode("ACD")).toBeNull();
    expect(normaliseStudentCode(42)).toBeNull();
  });

  it("multiplies a time limit, rounding up; untimed stays untimed", () => {
    expect(withExtraTime(20, 1.5)).toBe(30);
    expect(withExtraTime(15, 1.25)).toBe(19);
    expect(withExtraTime(600, 3)).toBe(1800);
    expect(withExtraTime(null, 2)).toBeNull();
  });
});

describe("a student's history", () => {
  const mc = choiceAbout("fact-lpg", { a: "LPG", b: "Bread" }, "a", { prompt: "What rose in price?" });
  const timeline = timelineOf({ e1: "Price rise", e2: "Protests", e3: "Resignation" }, { about: ["e2"] });
  const t = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 9, minutes));
  const attempt = (id: string, minutes: number, answers: [Question, unknown, boolean][]) => ({
    id,
    assignmentId: "as1",
    assignmentTitle: "Week 1",
    status: "finished",
    score: 100,
    questionCount: answers.length,
    startedAt: t(minutes),
    finishedAt: t(minutes + 5),
    answers: answers.map(([question, response, correct], position) => ({
      position,
      question,
      response,
      correct,
      credit: correct ? 1 : 0,
      at: t(minutes + position + 1),
    })),
  });

  it("puts the key beside every answer and follows each misconception to its latest answer", () => {
    const history = buildStudentHistory(
      [
        attempt("at2", 30, [[mc, "a", true]]),
        attempt("at1", 0, [
          [mc, "b", false],
          [timeline, ["e2", "e1", "e3"], false],
          [mc, null, false],
        ]),
      ],
      (about) => (about === "e2" ? "The protests" : undefined),
    );
    expect(history.assignments).toHaveLength(1);
    const [first, second] = history.assignments[0]!.attempts;
    expect(first!.id).toBe("at1");
    expect(first!.answers.map((x) => [x.given, x.key])).toEqual([
      ["Bread", "LPG"],
      ["Protests → Price rise → Resignation", "Price rise → Protests → Resignation"],
      [NO_ANSWER, "LPG"],
    ]);
    expect(first!.answers[1]!.swapped).toEqual(["Protests before Price rise"]);
    expect(second!.answers[0]!.correct).toBe(true);
    expect(history.misconceptions.map((m) => [m.label, m.state, m.wrongBeliefs])).toEqual([
      ["The protests", "open", ["Protests before Price rise"]],
      ["What rose in price?", "fixed", ["Bread", NO_ANSWER]],
    ]);
    const csv = studentHistoryCsv(history).split("\r\n");
    expect(csv[1]).toBe(
      "Week 1,2026-03-01T09:00:00.000Z,finished,100,1,What rose in price?,multiple choice,Bread,LPG,no,0,",
    );
  });
});
