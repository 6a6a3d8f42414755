// GET /api/leaderboards/:code — the live board of an assignment (polled by the page).
import { NextResponse } from "next/server";
import { normaliseJoinCode } from "@/lib/play/join-code";
import { handler } from "@/lib/server/http";
import { guardedAssignmentLeaderboard } from "@/lib/server/play/leaderboards";

export const GET = handler<{ code: string }>(async (ctx, request, params) => {
  const board = await guardedAssignmentLeaderboard(ctx, request.headers, normaliseJoinCode(params.code));
  return NextResponse.json(board, { headers: { "cache-control": "no-store" } });
});
