// POST /api/attempts/:id/again — a new attempt of the same quiz, asking first about what was missed.
import { NextResponse } from "next/server";
import { attemptIdOrThrow, handler } from "@/lib/server/http";
import { playerFromRequest, withPlayerCookie } from "@/lib/server/play/current-player";
import { guardNewAttempts } from "@/lib/server/play/guards";
import { playAgain } from "@/lib/server/play/play-again";

export const POST = handler<{ id: string }>(async (ctx, request, params) => {
  const attemptId = attemptIdOrThrow(params.id);
  const player = await playerFromRequest(ctx, request);
  const again = await guardNewAttempts(ctx, request.headers, player, (beforeCreate) =>
    playAgain(ctx, { attemptId, player, beforeCreate }),
  );
  return withPlayerCookie(NextResponse.json({ attemptId: again.attemptId }, { status: 201 }), request, again.newCookie);
});
