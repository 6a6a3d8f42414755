// Practice leaderboards for the topic: this week and all time.
import type { Metadata } from "next";
import { LiveLeaderboard } from "@/components/leaderboard/live-leaderboard";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { appContext } from "@/lib/server/context";
import { playerFromPageCookies } from "@/lib/server/play/current-player";
import { practiceLeaderboard } from "@/lib/server/play/leaderboards";

export const metadata: Metadata = { title: "Leaderboard — Fact Trail" };
export const dynamic = "force-dynamic";

export default async function LeaderboardPage() {
  const ctx = appContext();
  const [week, all, player] = await Promise.all([
    practiceLeaderboard(ctx, DEFAULT_TOPIC, "week"),
    practiceLeaderboard(ctx, DEFAULT_TOPIC, "all"),
    playerFromPageCookies(ctx),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Practice leaderboard</h1>
      <p className="text-muted">
        Each player’s best practice quiz counts; on a tie, whoever finished first ranks higher.
      </p>
      <div className="grid gap-8 lg:grid-cols-2">
        {(
          [
            ["week", "This week", week],
            ["all", "All time", all],
          ] as const
        ).map(([period, title, board]) => (
          <section key={period} aria-labelledby={`${period}-title`} className="space-y-3">
            <h2 id={`${period}-title`} className="text-xl font-bold">
              {title}
            </h2>
            <LiveLeaderboard
              url={`/api/leaderboards/practice?period=${period}`}
              initial={board}
              highlightPlayerId={player?.id}
            />
          </section>
        ))}
      </div>
    </div>
  );
}
