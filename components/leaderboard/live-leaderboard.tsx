"use client";
// A leaderboard that refreshes itself by polling the server every few seconds: works
// behind any load balancer, with no connection held per viewer.
import { useEffect, useState } from "react";
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
}: {
  url: string;
  initial: SerializedBoard;
  highlightPlayerId?: string | null;
  intervalMs?: number;
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
