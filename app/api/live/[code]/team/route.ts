// POST /api/live/:code/team { playerId, team } — the host puts a player in another team (in the lobby).
import { z } from "zod";
import { handler, readJson } from "@/lib/server/http";
import { setLivePlayerTeam } from "@/lib/server/live/games";
import { liveHost } from "@/lib/server/live/viewer";

const body = z.object({ playerId: z.string().max(64), team: z.number().int().min(0).max(5) });

export const POST = handler<{ code: string }>(async (ctx, request, params) => {
  const input = await readJson(request, body);
  const game = await liveHost(ctx, request, params.code);
  const moved = await setLivePlayerTeam(ctx, game.ownerId!, game.code, input);
  return Response.json(moved, { headers: { "cache-control": "no-store" } });
});
