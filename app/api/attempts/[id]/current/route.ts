// POST /api/attempts/:id/current — serves the current question (without its key) and starts its clock once.
// GET — where the attempt stands (the running question, or the last verdict still to read), starting nothing.
import { NextResponse } from "next/server";
import { attemptIdOrThrow, handler } from "@/lib/server/http";
import { playerFromRequest } from "@/lib/server/play/current-player";
import { getResumePoint, serveCurrentQuestion } from "@/lib/server/play/serve-question";

export const GET = handler<{ id: string }>(async (ctx, request, params) => {
  const attemptId = attemptIdOrThrow(params.id);
  const player = await playerFromRequest(ctx, request);
  return NextResponse.json(await getResumePoint(ctx, attemptId, player?.id ?? null, { startFirst: false }), {
    headers: { "cache-control": "no-store" },
  });
});

export const POST = handler<{ id: string }>(async (ctx, request, params) => {
  const attemptId = attemptIdOrThrow(params.id);
  const player = await playerFromRequest(ctx, request);
  return NextResponse.json(await serveCurrentQuestion(ctx, attemptId, player?.id ?? null), {
    headers: { "cache-control": "no-store" },
  });
});
