// POST /api/live/:code/join { nickname } — joins a live game, or rejoins it (same browser: same seat and score).
import { NextResponse } from "next/server";
import { z } from "zod";
import { handler, readJson } from "@/lib/server/http";
import { joinLiveGame } from "@/lib/server/live/games";
import { playerFromRequest, withPlayerCookie } from "@/lib/server/play/current-player";
import { guardCodeLookup, guardNewPlayers } from "@/lib/server/play/guards";

const body = z.object({ nickname: z.string().max(100) });

export const POST = handler<{ code: string }>(async (ctx, request, params) => {
  const { nickname } = await readJson(request, body);
  const player = await playerFromRequest(ctx, request);
  const seat = await guardCodeLookup(ctx, request.headers, () =>
    guardNewPlayers(ctx, request.headers, () => joinLiveGame(ctx, { code: params.code, nickname, player })),
  );
  return withPlayerCookie(
    NextResponse.json(
      { code: seat.code, nickname: seat.nickname, rejoined: seat.rejoined },
      { status: seat.rejoined ? 200 : 201 },
    ),
    request,
    seat.newCookie,
  );
});
