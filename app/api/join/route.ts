// POST /api/join { code, nickname } — joins an assigned quiz by its code (or resumes it).
import { NextResponse } from "next/server";
import { z } from "zod";
import { handler, readJson } from "@/lib/server/http";
import { playerFromRequest, withPlayerCookie } from "@/lib/server/play/current-player";
import { guardCodeLookup, guardNewAttempts, guardNewPlayers } from "@/lib/server/play/guards";
import { joinAssignment } from "@/lib/server/play/join-assignment";

const body = z.object({ code: z.string().max(32), nickname: z.string().max(100) });

export const POST = handler(async (ctx, request) => {
  const { code, nickname } = await readJson(request, body);
  const player = await playerFromRequest(ctx, request);
  const joined = await guardCodeLookup(ctx, request.headers, () =>
    guardNewAttempts(ctx, request.headers, player, (beforeCreate) =>
      guardNewPlayers(ctx, request.headers, () => joinAssignment(ctx, { code, nickname, player, beforeCreate })),
    ),
  );
  return withPlayerCookie(
    NextResponse.json({ attemptId: joined.attemptId, resumed: joined.resumed }, { status: joined.resumed ? 200 : 201 }),
    request,
    joined.newCookie,
  );
});
