// POST /api/practice { nickname } — starts a solo practice quiz; sets the player cookie.
import { NextResponse } from "next/server";
import { z } from "zod";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { handler, readJson } from "@/lib/server/http";
import { playerFromRequest, withPlayerCookie } from "@/lib/server/play/current-player";
import { guardNewPlayers } from "@/lib/server/play/guards";
import { startPractice } from "@/lib/server/play/start-attempt";

const body = z.object({ nickname: z.string().max(100) });

export const POST = handler(async (ctx, request) => {
  const { nickname } = await readJson(request, body);
  const player = await playerFromRequest(ctx, request);
  const started = await guardNewPlayers(ctx, request.headers, () =>
    startPractice(ctx, { nickname, player, topic: DEFAULT_TOPIC }),
  );
  return withPlayerCookie(
    NextResponse.json({ attemptId: started.attemptId }, { status: 201 }),
    request,
    started.newCookie,
  );
});
