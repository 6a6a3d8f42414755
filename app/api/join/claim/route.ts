// POST /api/join/claim { code, studentId, studentCode } — joins a roster class's quiz as
// the student whose name was picked, once their personal code is right (sets the player cookie).
import { NextResponse } from "next/server";
import { z } from "zod";
import { handler, readJson } from "@/lib/server/http";
import { withPlayerCookie } from "@/lib/server/play/current-player";
import { guardCodeLookup, guardNewAttempts } from "@/lib/server/play/guards";
import { claimAndJoin } from "@/lib/server/play/roster-join";

const body = z.object({ code: z.string().max(32), studentId: z.string().max(64), studentCode: z.string().max(16) });

export const POST = handler(async (ctx, request) => {
  const input = await readJson(request, body);
  // New attempts count per address like any join (the student's player is known only once the code is right).
  const joined = await guardCodeLookup(ctx, request.headers, () =>
    guardNewAttempts(ctx, request.headers, null, (beforeCreate) =>
      claimAndJoin(ctx, request.headers, { ...input, beforeCreate }),
    ),
  );
  return withPlayerCookie(
    NextResponse.json({ attemptId: joined.attemptId, resumed: joined.resumed }, { status: joined.resumed ? 200 : 201 }),
    request,
    joined.newCookie,
  );
});
