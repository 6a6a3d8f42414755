"use client";
// The assignment page's live dashboard: polls the progress route every few seconds
// (paused while the tab is hidden) and shows who joined, which question each student
// is on, their score, and who finished — no reload. A polite live region announces
// new joins and finishes. With `showScores` off (the projector view) only names and
// progress are shown.
import { useEffect, useRef, useState } from "react";
import type { LiveProgress } from "@/lib/teacher/live-progress";
import { ColumnHeads } from "./column-heads";

const POLL_MS = 3000;

export function LiveDashboard({
  url,
  initial,
  showScores = true,
}: {
  url: string;
  initial: LiveProgress;
  showScores?: boolean;
}) {
  const [progress, setProgress] = useState(initial);
  const [stale, setStale] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef(initial);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(url, { cache: "no-store" });
          if (!response.ok) throw new Error(String(response.status));
          const next = (await response.json()) as LiveProgress;
          const before = previous.current;
          const news = [
            next.joined > before.joined ? `${next.joined - before.joined} joined` : "",
            next.finished > before.finished ? `${next.finished - before.finished} finished` : "",
          ].filter(Boolean);
          if (news.length) setAnnouncement(`${news.join(", ")}. ${next.joined} in all.`);
          previous.current = next;
          setProgress(next);
          setStale(false);
        } catch {
          setStale(true);
        }
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url]);

  return (
    <div className="space-y-3">
      <p className="text-lg">
        <strong>{progress.joined}</strong> joined · <strong>{progress.playing}</strong> playing ·{" "}
        <strong>{progress.finished}</strong> finished
        <span className="ml-2 text-sm text-muted">
          {stale ? "Connection lost: retrying…" : "Updates by itself every 3 seconds."}
        </span>
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {progress.students.length === 0 ? (
        <p>No one has joined yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Students in this assignment, live</caption>
            <ColumnHeads
              columns={[
                "Student",
                "Progress",
                ...(showScores
                  ? [
                      { label: "Score", className: "p-2 text-right" },
                      { label: "Best", className: "p-2 text-right" },
                    ]
                  : []),
              ]}
            />
            <tbody>
              {progress.students.map((s) => (
                <tr key={s.playerId} className="border-b border-black/5">
                  <th scope="row" className="p-2 font-semibold">
                    {s.nickname}
                  </th>
                  <td className="p-2">
                    {s.finished ? "Finished" : `Question ${s.onQuestion} of ${s.questionCount}`}
                    {s.attempts > 1 ? ` · attempt ${s.attempts}` : ""}
                  </td>
                  {showScores && (
                    <>
                      <td className="p-2 text-right tabular-nums">{s.score}</td>
                      <td className="p-2 text-right tabular-nums">{s.bestScore ?? "—"}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
