// POST /api/live/:code/join { nickname } | { rejoinCode } — joins a live game, or rejoins it with the
// same seat and score: the same browser by its cookie, another device by the code the first one shows.
import { NextResponse } from "next/server";
import { z } from "zod";
import { handler, readJson } from "@/lib/server/http";
import { joinLiveGame } from "@/lib/server/live/games";
import { playerFromRequest, withPlayerCookie } from "@/lib/server/play/current-player";
import { guardCodeLookup, guardNewPlayers } from "@/lib/server/play/guards";

// A nickname (a newcomer, or this browser's own seat), or the rejoin code another device of the player shows.
const body = z.union([z.object({ nickname: z.string().max(100) }), z.object({ rejoinCode: z.string().max(20) })]);

export const POST = handler<{ code: string }>(async (ctx, request, params) => {
  const input = await readJson(request, body);
  const player = await playerFromRequest(ctx, request);
  const seat = await guardCodeLookup(ctx, request.headers, () =>
    guardNewPlayers(ctx, request.headers, () =>
      joinLiveGame(ctx, {
        code: params.code,
        nickname: "nickname" in input ? input.nickname : undefined,
        rejoinCode: "rejoinCode" in input ? input.rejoinCode : undefined,
        player,
      }),
    ),
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
