// POST /api/join { code, nickname } — joins an assigned quiz by its code (or resumes it).
import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { currentPlayer, handler, readJson, withPlayerCookie } from "@/lib/server/http";
import { joinAssignment } from "@/lib/server/play/start-attempt";

const body = z.object({ code: z.string().max(32), nickname: z.string().max(100) });

export const POST = handler(async (request) => {
  const { code, nickname } = await readJson(request, body);
  const joined = await joinAssignment(db, { code, nickname, player: await currentPlayer(request) });
  return withPlayerCookie(NextResponse.json({ attemptId: joined.attemptId, resumed: joined.resumed }, { status: joined.resumed ? 200 : 201 }), request, joined.newCookie);
});
