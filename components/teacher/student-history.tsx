// A roster student's history: misconceptions over time, then each assignment's
// attempts with every answer and the key beside it. Rendered on the server.
import type { StudentHistory } from "@/lib/teacher/student-history";
import type { ReactNode } from "react";
import { ColumnHeads, type Column } from "./column-heads";

/** A table that scrolls sideways on a phone: focusable (the arrows scroll it) and named; `children` are its rows. */
function ScrollingTable({
  label,
  caption,
  captionClassName,
  columns,
  children,
}: {
  label: string;
  caption: ReactNode;
  captionClassName: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full text-left text-sm">
        <caption className={captionClassName}>{caption}</caption>
        <ColumnHeads columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function StudentHistoryView({
  history,
  formatTime,
}: {
  history: StudentHistory;
  formatTime: (d: Date) => string;
}) {
  if (history.assignments.length === 0) return <p>No attempts yet.</p>;
  return (
    <div className="space-y-8">
      <section aria-labelledby="misconceptions" className="space-y-3">
        <h2 id="misconceptions" className="text-xl font-bold">
          Misconceptions over time
        </h2>
        {history.misconceptions.length === 0 ? (
          <p>Nothing missed so far.</p>
        ) : (
          <ScrollingTable
            label="Misconceptions table"
            caption="Facts and events answered wrong at least once, still-open first"
            captionClassName="sr-only"
            columns={["About", "What they believed instead", "Answers, oldest first", "Now"]}
          >
            {history.misconceptions.map((m) => (
              <tr key={m.about} className="border-b border-black/5 align-top">
                <th scope="row" className="p-2 font-semibold">
                  {m.label}
                </th>
                <td className="p-2">{m.wrongBeliefs.join(" · ") || "—"}</td>
                <td className="p-2">
                  {m.timeline.map((t, i) => (
                    <span key={i} className="mr-2 whitespace-nowrap">
                      {t.correct ? "✓ right" : "✗ wrong"} {formatTime(t.at)}
                      {i < m.timeline.length - 1 ? " →" : ""}
                    </span>
                  ))}
                </td>
                <td className={`p-2 font-semibold ${m.state === "open" ? "text-ember" : "text-steppe-dark"}`}>
                  {m.state === "open" ? "Still wrong" : "Fixed"}
                </td>
              </tr>
            ))}
          </ScrollingTable>
        )}
      </section>
      {history.assignments.map((a) => (
        <section key={a.assignmentId} aria-label={a.title} className="space-y-3">
          <h2 className="text-xl font-bold">{a.title}</h2>
          {a.attempts.map((t, n) => (
            <ScrollingTable
              key={t.id}
              label={`Attempt ${n + 1} answers`}
              caption={
                <>
                  Attempt {n + 1}: {formatTime(t.startedAt)} · {t.status === "finished" ? "finished" : "in progress"} ·{" "}
                  {t.score} points · {t.answers.filter((x) => x.correct).length} of {t.questionCount} right
                </>
              }
              captionClassName="p-2 text-left font-semibold"
              columns={["#", "Question", "Answer given", "Key", "Result"]}
            >
              {t.answers.map((x) => (
                <tr key={x.position} className="border-b border-black/5 align-top">
                  <td className="p-2">{x.position + 1}</td>
                  <td className="p-2">{x.prompt}</td>
                  <td className="p-2">
                    {x.given}
                    {x.swapped.length > 0 && (
                      <span className="block text-muted">Wrong order: {x.swapped.join("; ")}</span>
                    )}
                  </td>
                  <td className="p-2">{x.key}</td>
                  <td className={`p-2 font-semibold ${x.correct ? "text-steppe-dark" : "text-ember"}`}>
                    {x.correct ? "Right" : x.credit > 0 ? `Partly (${Math.round(x.credit * 100)}%)` : "Wrong"}
                  </td>
                </tr>
              ))}
            </ScrollingTable>
          ))}
        </section>
      ))}
    </div>
  );
}
