// GET /api/leaderboards/:code — the live board of an assignment (polled by the page).
import { NextResponse } from "next/server";
import { normaliseJoinCode } from "@/lib/play/join-code";
import { db } from "@/lib/server/db";
import { handler } from "@/lib/server/http";
import { PlayError } from "@/lib/server/play/errors";
import { guardCodeLookup } from "@/lib/server/play/guards";
import { assignmentLeaderboard } from "@/lib/server/play/leaderboards";
import { appLimiters } from "@/lib/server/rate-limit";

export const GET = handler(async (request, { params }: { params: Promise<{ code: string }> }) => {
  const raw = (await params).code;
  const board = await guardCodeLookup(appLimiters(), request.headers, async () => {
    const code = normaliseJoinCode(raw);
    if (!code) throw new PlayError(404, "unknown_code", "No quiz uses that code.");
    return assignmentLeaderboard(db, code);
  });
  return NextResponse.json(board, { headers: { "cache-control": "no-store" } });
});
