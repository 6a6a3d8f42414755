"use client";
// A leaderboard that refreshes itself by polling the server every few seconds: works
// behind any load balancer, with no connection held per viewer.
import { useEffect, useState } from "react";
import { Podium } from "../game/podium";
import { api, type Board } from "../play/api";
import { LeaderboardTable } from "./leaderboard-table";

type SerializedBoard = Omit<Board, "entries"> & {
  entries: (Board["entries"][number] & { finishedAt: string | Date })[];
};

export function LiveLeaderboard({
  url,
  initial,
  highlightPlayerId,
  intervalMs = 3000,
  podium = false,
}: {
  url: string;
  initial: SerializedBoard;
  highlightPlayerId?: string | null;
  intervalMs?: number;
  /** The top three on a podium above the table (a class board). */
  podium?: boolean;
}) {
  const [board, setBoard] = useState(initial);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    const controller = new AbortController();
    const tick = async () => {
      try {
        const next = await api<SerializedBoard>(url, { signal: controller.signal });
        if (!stop) {
          setBoard(next);
          setUpdatedAt(new Date().toLocaleTimeString());
        }
      } catch {
        // Keep showing the last board; the next tick tries again.
      }
    };
    const timer = setInterval(tick, intervalMs);
    return () => {
      stop = true;
      controller.abort();
      clearInterval(timer);
    };
  }, [url, intervalMs]);

  if (board.visibility === "hidden")
    return <p className="rounded-2xl bg-white p-6 ring-1 ring-black/5">Your teacher has hidden this leaderboard.</p>;
  return (
    <div className="space-y-2">
      {podium && board.entries.length > 0 && (
        <div className="rounded-2xl bg-white p-4 pt-6 ring-1 ring-black/5">
          <Podium
            label={`Top three of ${board.title}`}
            entries={board.entries.slice(0, 3).map((e) => ({
              rank: e.rank,
              name: e.nickname,
              score: e.score,
              you: e.playerId === highlightPlayerId,
            }))}
          />
        </div>
      )}
      <LeaderboardTable
        caption={`${board.title} leaderboard`}
        entries={board.entries}
        highlightPlayerId={highlightPlayerId}
      />
      <p className="text-sm text-muted">
        {board.visibility === "top10" ? "Top 10 only. " : ""}Updates every few seconds
        {updatedAt ? ` · last update ${updatedAt}` : ""}.
      </p>
    </div>
  );
}
