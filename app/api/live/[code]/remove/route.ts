// POST /api/live/:code/remove { playerId } — the host removes a name: the seat goes, and
// that browser cannot join again.
import { z } from "zod";
import { handler, readJson } from "@/lib/server/http";
import { removeLivePlayer } from "@/lib/server/live/games";
import { liveHost } from "@/lib/server/live/viewer";

const body = z.object({ playerId: z.string().max(64) });

export const POST = handler<{ code: string }>(async (ctx, request, params) => {
  const { playerId } = await readJson(request, body);
  const game = await liveHost(ctx, request, params.code);
  await removeLivePlayer(ctx, game.ownerId!, game.code, playerId);
  return Response.json({ removed: true }, { headers: { "cache-control": "no-store" } });
});
