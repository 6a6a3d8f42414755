// The live leaderboard of an assigned quiz.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveLeaderboard } from "@/components/leaderboard/live-leaderboard";
import { normaliseJoinCode } from "@/lib/play/join-code";
import { db } from "@/lib/server/db";
import { PlayError } from "@/lib/server/play/errors";
import { assignmentLeaderboard } from "@/lib/server/play/leaderboards";
import { playerFromCookies } from "@/lib/server/session";

export const metadata: Metadata = { title: "Class leaderboard — Fact Trail" };
export const dynamic = "force-dynamic";

export default async function AssignmentLeaderboardPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normaliseJoinCode((await params).code);
  if (!code) notFound();
  const board = await assignmentLeaderboard(db, code).catch((error: unknown) => {
    if (error instanceof PlayError && error.status === 404) notFound();
    throw error;
  });
  const player = await playerFromCookies();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Code {code}</p>
        <h1 className="text-3xl font-extrabold text-steppe-dark">{board.title}: leaderboard</h1>
        <p className="text-muted">Each player’s best attempt counts; on a tie, whoever finished first ranks higher.</p>
      </div>
      <LiveLeaderboard url={`/api/leaderboards/${code}`} initial={board} highlightPlayerId={player?.id} />
    </div>
  );
}
