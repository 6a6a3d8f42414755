// GET /api/leaderboards/:code — the live board of an assignment (polled by the page).
import { NextResponse } from "next/server";
import { normaliseJoinCode } from "@/lib/play/join-code";
import { db } from "@/lib/server/db";
import { handler } from "@/lib/server/http";
import { PlayError } from "@/lib/server/play/errors";
import { assignmentLeaderboard } from "@/lib/server/play/leaderboards";

export const GET = handler(async (_request, { params }: { params: Promise<{ code: string }> }) => {
  const code = normaliseJoinCode((await params).code);
  if (!code) throw new PlayError(404, "unknown_code", "No quiz uses that code.");
  return NextResponse.json(await assignmentLeaderboard(db, code), { headers: { "cache-control": "no-store" } });
});
