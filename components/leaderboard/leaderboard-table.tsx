// A leaderboard as a table. Nicknames are rendered as text (React escapes them), never as HTML.
import { formatScore } from "@/lib/format-score";
import type { LeaderboardEntry } from "@/lib/play/leaderboard";

type Row = Pick<
  LeaderboardEntry,
  "rank" | "nickname" | "score" | "correctCount" | "questionCount" | "attemptId" | "playerId"
>;

/** Column headings and their classes: "Fully right" is left out on narrow screens. */
const COLUMNS = [
  ["Rank", "px-4 py-2"],
  ["Player", "px-4 py-2"],
  ["Score", "px-4 py-2 text-right"],
  ["Fully right", "hidden px-4 py-2 text-right sm:table-cell"],
] as const;

export function LeaderboardTable({
  caption,
  entries,
  highlightPlayerId,
}: {
  caption: string;
  entries: readonly Row[];
  highlightPlayerId?: string | null;
}) {
  if (entries.length === 0) {
    return (
      <p className="rounded-2xl bg-white p-6 text-muted ring-1 ring-black/5">
        No finished quizzes yet. Be the first on the board!
      </p>
    );
  }
  return (
    <table className="w-full overflow-hidden rounded-2xl bg-white text-left ring-1 ring-black/5">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-steppe-dark text-white">
        <tr>
          {COLUMNS.map(([label, className]) => (
            <th key={label} scope="col" className={className}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const mine = highlightPlayerId === entry.playerId;
          return (
            <tr
              key={entry.attemptId}
              className={`border-t border-black/5 ${mine ? "bg-sun/25 font-bold" : ""}`}
              aria-current={mine ? "true" : undefined}
            >
              <td className="px-4 py-2">{entry.rank}</td>
              <td className="px-4 py-2">
                {entry.nickname}
                {mine && <span className="ml-1 text-sm text-steppe-dark"> (you)</span>}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{formatScore(entry.score)}</td>
              <td className="hidden px-4 py-2 text-right tabular-nums sm:table-cell">
                {entry.correctCount}/{entry.questionCount}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
