// POST /api/practice { nickname } — starts a solo practice quiz; sets the player cookie.
import { NextResponse } from "next/server";
import { z } from "zod";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { db } from "@/lib/server/db";
import { currentPlayer, handler, readJson, withPlayerCookie } from "@/lib/server/http";
import { guardNewPlayers } from "@/lib/server/play/guards";
import { startPractice } from "@/lib/server/play/start-attempt";
import { appLimiters } from "@/lib/server/rate-limit";

const body = z.object({ nickname: z.string().max(100) });

export const POST = handler(async (request) => {
  const { nickname } = await readJson(request, body);
  const player = await currentPlayer(request);
  const started = await guardNewPlayers(appLimiters(), request.headers, () =>
    startPractice(db, { nickname, player, topic: DEFAULT_TOPIC }),
  );
  return withPlayerCookie(
    NextResponse.json({ attemptId: started.attemptId }, { status: 201 }),
    request,
    started.newCookie,
  );
});
