// GET /api/attempts/:id/results — score, accuracy and the review of every question, once finished.
import { NextResponse } from "next/server";
import { attemptIdOrThrow, handler } from "@/lib/server/http";
import { getResults } from "@/lib/server/play/attempt-results";
import { playerFromRequest } from "@/lib/server/play/current-player";

export const GET = handler<{ id: string }>(async (ctx, request, params) => {
  const attemptId = attemptIdOrThrow(params.id);
  const player = await playerFromRequest(ctx, request);
  return NextResponse.json(await getResults(ctx, attemptId, player?.id ?? null), {
    headers: { "cache-control": "no-store" },
  });
});
