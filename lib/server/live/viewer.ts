// Who is watching a live game: its host (the teacher who owns it, signed in: the host's
// controls and the projector view) or a player (the cookie's player, seated in the game).
import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/app-error";
import type { AppContext } from "../context";
import { playerFromRequest } from "../play/current-player";
import { currentTeacher } from "../teacher/accounts";
import { findLiveGame, removedFromGame, seatOf, wasRemoved, type LiveGame } from "./games";
import type { Role } from "./hub";

export interface Viewer {
  game: LiveGame;
  role: Role;
  playerId: string | null;
}

export async function liveViewer(ctx: AppContext, request: NextRequest, code: string): Promise<Viewer> {
  const game = await findLiveGame(ctx, code);
  if (request.nextUrl.searchParams.get("as") === "host") {
    const teacher = await currentTeacher(ctx, request.headers);
    if (!teacher || teacher.id !== game.ownerId)
      throw new AppError(403, "not_host", "Only the teacher who hosts this game can open its host view.");
    return { game, role: "host", playerId: null };
  }
  const player = await playerFromRequest(ctx, request);
  const seat = player ? await seatOf(ctx, game.id, player.id) : null;
  if (!seat) {
    if (player && (await wasRemoved(ctx, game, player.id))) throw removedFromGame();
    throw new AppError(403, "not_in_game", "Join the game first.");
  }
  return { game, role: "player", playerId: seat.playerId };
}

/** The host of the game behind a request (for the host's moves), or a 403. */
export async function liveHost(ctx: AppContext, request: NextRequest, code: string): Promise<LiveGame> {
  const game = await findLiveGame(ctx, code);
  const teacher = await currentTeacher(ctx, request.headers);
  if (!teacher || teacher.id !== game.ownerId)
    throw new AppError(403, "not_host", "Only the teacher who hosts this game can run it.");
  return game;
}
