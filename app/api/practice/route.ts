// POST /api/practice { nickname, learn? } — starts a solo practice quiz, or with `learn: true` a Learn
// round (what is due, weakest first, new items mixed in); resumes the one in progress (200
// instead of 201); sets the player cookie for a new player.
import { NextResponse } from "next/server";
import { z } from "zod";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { handler, readJson } from "@/lib/server/http";
import { playerFromRequest, withPlayerCookie } from "@/lib/server/play/current-player";
import { guardNewAttempts, guardNewPlayers } from "@/lib/server/play/guards";
import { startLearn } from "@/lib/server/play/learn";
import { startPractice } from "@/lib/server/play/start-attempt";

const body = z.object({ nickname: z.string().max(100), learn: z.boolean().optional() });

export const POST = handler(async (ctx, request) => {
  const { nickname, learn } = await readJson(request, body);
  const player = await playerFromRequest(ctx, request);
  const started = await guardNewAttempts(ctx, request.headers, player, (beforeCreate) =>
    guardNewPlayers(ctx, request.headers, () =>
      (learn ? startLearn : startPractice)(ctx, { nickname, player, topic: DEFAULT_TOPIC, beforeCreate }),
    ),
  );
  return withPlayerCookie(
    NextResponse.json(
      { attemptId: started.attemptId, resumed: started.resumed },
      { status: started.resumed ? 200 : 201 },
    ),
    request,
    started.newCookie,
  );
});
