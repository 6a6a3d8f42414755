// POST /api/live/:code/moves { move, version? } — the host moves the game on (next, skip,
// pause, resume, end, lock, unlock, show/hide the leaderboard). `version` is the state the
// host's screen saw: a double press moves the game once.
import { z } from "zod";
import { HOST_MOVES } from "@/lib/live/game";
import { handler, readJson } from "@/lib/server/http";
import { moveLiveGame } from "@/lib/server/live/games";
import { liveHost } from "@/lib/server/live/viewer";

const body = z.object({ move: z.enum(HOST_MOVES), version: z.number().int().min(0).optional() });

export const POST = handler<{ code: string }>(async (ctx, request, params) => {
  const { move, version } = await readJson(request, body);
  const game = await liveHost(ctx, request, params.code);
  const moved = await moveLiveGame(ctx, { gameId: game.id, move, ownerId: game.ownerId!, expectedVersion: version });
  return Response.json(
    { phase: moved.state.phase, version: moved.state.version },
    { headers: { "cache-control": "no-store" } },
  );
});
