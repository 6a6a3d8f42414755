// A live game on a player's device: the join form, or (seated) the player's screen.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { CannotJoin } from "@/components/play/cannot-join";
import { LiveJoinForm } from "@/components/live/live-join";
import { LivePlayer } from "@/components/live/live-player";
import { AppError } from "@/lib/app-error";
import { appContext } from "@/lib/server/context";
import { findLiveGame, REMOVED_MESSAGE, seatOf, wasRemoved } from "@/lib/server/live/games";
import { playerFromPageCookies } from "@/lib/server/play/current-player";
import { guardCodeLookup } from "@/lib/server/play/guards";

export const metadata: Metadata = { title: "Live game — Fact Trail" };
export const dynamic = "force-dynamic";

export default async function LiveGamePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const ctx = appContext();
  let game;
  try {
    // The same limit as the join API and /join/CODE: a code guesser gets no list of games through this page.
    const requestHeaders = new Headers(await headers());
    game = await guardCodeLookup(ctx, requestHeaders, () => findLiveGame(ctx, decodeURIComponent(code)));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <CannotJoin title="This game can’t be joined" message={error.message} />;
  }
  const player = await playerFromPageCookies(ctx);
  const seat = player ? await seatOf(ctx, game.id, player.id) : null;
  if (seat)
    return (
      <div className="mx-auto max-w-2xl">
        <LivePlayer code={game.code} nickname={seat.nickname} />
      </div>
    );
  if (player && (await wasRemoved(ctx, game, player.id)))
    return <CannotJoin title="You can’t rejoin this game" message={REMOVED_MESSAGE} />;
  const over = game.state.phase === "podium";
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Live game · code {game.code}</p>
        <h1 className="text-3xl font-extrabold text-steppe-dark">{game.title}</h1>
        <p className="mt-2 text-muted">
          {game.state.questionCount} questions · {game.settings.timeLimitSeconds} seconds each, on your teacher’s signal
        </p>
      </div>
      {over ? (
        <p role="alert" className="rounded-xl border border-ember/40 bg-white p-4 text-ember">
          This live game is over.
        </p>
      ) : game.state.locked ? (
        <p role="alert" className="rounded-xl border border-ember/40 bg-white p-4 text-ember">
          Your teacher has locked the lobby: no one new can join now.
        </p>
      ) : (
        <LiveJoinForm code={game.code} />
      )}
    </div>
  );
}
