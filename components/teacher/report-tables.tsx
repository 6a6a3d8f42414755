// The report's two tables: per student and per question. Nicknames and all
// text are rendered as text (React escapes them); numbers carry their unit.
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

export function StudentsTable({ students }: { students: Report["students"] }) {
  if (students.length === 0) return <p>No student has joined yet. Share the code or the link above.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">Students (best attempt counts)</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              Nickname
            </th>
            <th scope="col" className={th}>
              Best score
            </th>
            <th scope="col" className={th}>
              Accuracy
            </th>
            <th scope="col" className={th}>
              Time
            </th>
            <th scope="col" className={th}>
              Attempts
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}

export function QuestionsTable({ questions }: { questions: Report["questions"] }) {
  if (questions.length === 0) return <p>No answers yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">Questions, hardest first</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              #
            </th>
            <th scope="col" className={th}>
              Question
            </th>
            <th scope="col" className={th}>
              Right
            </th>
            <th scope="col" className={th}>
              Where students went wrong
            </th>
            <th scope="col" className={th}>
              Source
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
