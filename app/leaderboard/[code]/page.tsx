// The live leaderboard of an assigned quiz.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveLeaderboard } from "@/components/leaderboard/live-leaderboard";
import { normaliseJoinCode } from "@/lib/play/join-code";
import { headers } from "next/headers";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { playerFromPageCookies } from "@/lib/server/play/current-player";
import { guardedAssignmentLeaderboard } from "@/lib/server/play/leaderboards";

export const metadata: Metadata = { title: "Class leaderboard — Fact Trail" };
export const dynamic = "force-dynamic";

export default async function AssignmentLeaderboardPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normaliseJoinCode((await params).code);
  if (!code) notFound();
  const ctx = appContext();
  const requestHeaders = new Headers(await headers());
  // A code that opens nothing counts against the address (guessing); a blocked address gets the error page.
  const board = await orNotFoundPage(guardedAssignmentLeaderboard(ctx, requestHeaders, code));
  const player = await playerFromPageCookies(ctx);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Code {code}</p>
        <h1 className="text-3xl font-extrabold text-steppe-dark">{board.title}: leaderboard</h1>
        <p className="text-muted">Each player’s best attempt counts; on a tie, whoever finished first ranks higher.</p>
      </div>
      <LiveLeaderboard url={`/api/leaderboards/${code}`} initial={board} highlightPlayerId={player?.id} podium />
    </div>
  );
}
