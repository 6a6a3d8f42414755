// POST /api/attempts/:id/current — serves the current question (without its key) and starts its clock once.
import { NextResponse } from "next/server";
import { attemptIdOrThrow, handler } from "@/lib/server/http";
import { playerFromRequest } from "@/lib/server/play/current-player";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";

export const POST = handler<{ id: string }>(async (ctx, request, params) => {
  const attemptId = attemptIdOrThrow(params.id);
  const player = await playerFromRequest(ctx, request);
  return NextResponse.json(await serveCurrentQuestion(ctx, attemptId, player?.id ?? null), {
    headers: { "cache-control": "no-store" },
  });
});
