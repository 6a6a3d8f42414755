// GET /api/live/:code/state[?as=host] — the polling fallback of the event stream (for a
// proxy that strips streaming): the current view, the player's own line (or, for the host,
// the roster and the answered count). A question whose time is up closes here too.
import { handler } from "@/lib/server/http";
import { liveHub } from "@/lib/server/live/hub";
import { liveViewer } from "@/lib/server/live/viewer";

export const GET = handler<{ code: string }>(async (ctx, request, params) => {
  const viewer = await liveViewer(ctx, request, params.code);
  const look = await liveHub(ctx).look(viewer.game.id, viewer.role, viewer.playerId);
  // serverNow: the view may be the one cached when its phase began; this is the clock now.
  return Response.json(
    { ...look, serverNow: ctx.clock.now().toISOString() },
    { headers: { "cache-control": "no-store" } },
  );
});
