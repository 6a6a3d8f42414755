// GET /api/leaderboards/:code — the live board of an assignment (polled by the page).
import { NextResponse } from "next/server";
import { AppError } from "@/lib/app-error";
import { normaliseJoinCode } from "@/lib/play/join-code";
import { handler } from "@/lib/server/http";
import { guardCodeLookup } from "@/lib/server/play/guards";
import { assignmentLeaderboard } from "@/lib/server/play/leaderboards";

export const GET = handler<{ code: string }>(async (ctx, request, params) => {
  const board = await guardCodeLookup(ctx, request.headers, async () => {
    const code = normaliseJoinCode(params.code);
    if (!code) throw new AppError(404, "unknown_code", "No quiz uses that code.");
    return assignmentLeaderboard(ctx, code);
  });
  return NextResponse.json(board, { headers: { "cache-control": "no-store" } });
});
