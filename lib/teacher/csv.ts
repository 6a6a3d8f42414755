// CSV exports of a report (csv-stringify). Text that a spreadsheet would run as
// a formula (starting with = + - @, or a tab / carriage return) gets a leading
// apostrophe, so a nickname like `=HYPERLINK(...)` stays text (OWASP "CSV injection").
import { stringify } from "csv-stringify/sync";
import type { Report } from "./report";
import type { StudentHistory } from "./student-history";

export function neutraliseCell(value: string | number | boolean | null): string | number {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  // A byte-order mark makes Excel read UTF-8 (nicknames and place names with accents).
  return "\uFEFF" + stringify([header, ...rows.map((r) => r.map(neutraliseCell))], { record_delimiter: "\r\n" });
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));

export function studentsCsv(report: Report): string {
  return toCsv(
    ["Nickname", "Best score", "Accuracy (%)", "Time (s)", "Attempts", "Finished", "Hidden from leaderboard"],
    report.students.map((s) => [
      s.nickname,
      s.bestScore,
      percent(s.accuracy),
      seconds(s.timeMs),
      s.attempts,
      s.finished,
      s.hidden,
    ]),
  );
}

export function questionsCsv(report: Report): string {
  return toCsv(
    [
      "Question",
      "Kind",
      "Answered",
      "Correct (%)",
      "Most chosen wrong option",
      "Chosen by",
      "Most swapped pairs",
      "No answer",
      "Article paragraphs",
    ],
    report.questions.map((q) => [
      q.prompt,
      q.type === "timeline" ? "timeline" : "multiple choice",
      q.answered,
      percent(q.shareCorrect),
      q.mostChosenWrong?.text ?? null,
      q.mostChosenWrong?.count ?? null,
      q.mostSwapped.map((p) => `${p.placedFirst} before ${p.placedSecond} (${p.count})`).join("; ") || null,
      q.noAnswer,
      q.sources.map((p) => (p === "caption" ? "caption" : `P${p}`)).join(" "),
    ]),
  );
}

/** One student's history: a row per answer, with the attempt it belongs to and the key beside it. */
export function studentHistoryCsv(history: Pick<StudentHistory, "assignments">): string {
  return toCsv(
    [
      "Assignment",
      "Attempt started (UTC)",
      "Attempt status",
      "Attempt score",
      "Question number",
      "Question",
      "Kind",
      "Answer given",
      "Key",
      "Correct",
      "Credit (%)",
      "Pairs in the wrong order",
    ],
    history.assignments.flatMap((a) =>
      a.attempts.flatMap((t) =>
        t.answers.map((x) => [
          a.title,
          t.startedAt.toISOString(),
          t.status === "finished" ? "finished" : "in progress",
          t.score,
          x.position + 1,
          x.prompt,
          x.type === "timeline" ? "timeline" : "multiple choice",
          x.given,
          x.key,
          x.correct,
          percent(x.credit),
          x.swapped.join("; ") || null,
        ]),
      ),
    ),
  );
}
