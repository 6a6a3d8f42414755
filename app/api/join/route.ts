// POST /api/join { code, nickname } — joins an assigned quiz by its code (or resumes it).
import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { currentPlayer, handler, readJson, withPlayerCookie } from "@/lib/server/http";
import { guardCodeLookup, guardNewPlayers } from "@/lib/server/play/guards";
import { joinAssignment } from "@/lib/server/play/start-attempt";
import { appLimiters } from "@/lib/server/rate-limit";

const body = z.object({ code: z.string().max(32), nickname: z.string().max(100) });

export const POST = handler(async (request) => {
  const { code, nickname } = await readJson(request, body);
  const player = await currentPlayer(request);
  const limiters = appLimiters();
  const joined = await guardCodeLookup(limiters, request.headers, () =>
    guardNewPlayers(limiters, request.headers, () => joinAssignment(db, { code, nickname, player })),
  );
  return withPlayerCookie(
    NextResponse.json({ attemptId: joined.attemptId, resumed: joined.resumed }, { status: joined.resumed ? 200 : 201 }),
    request,
    joined.newCookie,
  );
});
