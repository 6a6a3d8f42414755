// The report's two tables: per student and per question. Nicknames and all
// text are rendered as text (React escapes them); numbers carry their unit.
import type { ReactNode } from "react";
import type { Report } from "@/lib/teacher/report";
import { ParagraphBadge } from "../paragraph-badge";

const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
function duration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

const th = "border-b-2 border-black/20 px-2 py-1 text-left align-bottom";
const td = "border-b border-black/10 px-2 py-1 align-top";

/** A scrollable table with its caption and column headings; `children` are its rows. */
function ReportTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={th}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function StudentsTable({ students }: { students: Report["students"] }) {
  if (students.length === 0) return <p>No student has joined yet. Share the code or the link above.</p>;
  return (
    <ReportTable
      caption="Students (best attempt counts)"
      columns={["Nickname", "Best score", "Accuracy", "Time", "Attempts"]}
    >
      {students.map((s) => (
        <tr key={s.playerId}>
          <th scope="row" className={`${td} text-left font-semibold`}>
            {s.nickname}
            {s.hidden && <span className="ml-2 text-xs font-normal text-muted">(hidden from leaderboard)</span>}
          </th>
          <td className={td}>{s.bestScore ?? "in progress"}</td>
          <td className={td}>{pct(s.accuracy)}</td>
          <td className={td}>{duration(s.timeMs)}</td>
          <td className={td}>{s.attempts}</td>
        </tr>
      ))}
    </ReportTable>
  );
}

export function QuestionsTable({ questions }: { questions: Report["questions"] }) {
  if (questions.length === 0) return <p>No answers yet.</p>;
  return (
    <ReportTable
      caption="Questions, hardest first"
      columns={["#", "Question", "Right", "Where students went wrong", "Source"]}
    >
      {questions.map((q, i) => (
        <tr key={q.questionId}>
          <td className={td}>Q{i + 1}</td>
          <th scope="row" className={`${td} text-left font-normal`}>
            <span className="block text-xs uppercase text-muted">
              {q.type === "timeline" ? "Timeline" : "Multiple choice"}
            </span>
            {q.prompt}
          </th>
          <td className={td}>
            {pct(q.shareCorrect)} <span className="text-muted">of {q.answered}</span>
          </td>
          <td className={td}>
            {q.type === "multiple-choice" &&
              (q.mostChosenWrong ? (
                <>
                  Most chosen wrong answer: “{q.mostChosenWrong.text}” ({q.mostChosenWrong.count})
                </>
              ) : (
                "—"
              ))}
            {q.type === "timeline" &&
              (q.mostSwapped.length ? (
                <ul className="list-disc pl-4">
                  {q.mostSwapped.map((p) => (
                    <li key={`${p.placedFirst}>${p.placedSecond}`}>
                      Put “{p.placedFirst}” before “{p.placedSecond}” ({p.count})
                    </li>
                  ))}
                </ul>
              ) : (
                "—"
              ))}
            {q.noAnswer > 0 && <span className="block text-muted">No answer in time: {q.noAnswer}</span>}
          </td>
          <td className={td}>
            <ParagraphBadge refs={q.sources} />
          </td>
        </tr>
      ))}
    </ReportTable>
  );
}
