// POST /api/attempts/:id/current — serves the current question (without its key) and starts its clock once.
import { NextResponse } from "next/server";
import { data } from "@/lib/server/db";
import { attemptIdOrThrow, currentPlayer, handler } from "@/lib/server/http";
import { serveCurrentQuestion } from "@/lib/server/play/attempt";

export const POST = handler(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const id = attemptIdOrThrow((await params).id);
  const player = await currentPlayer(request);
  return NextResponse.json(await serveCurrentQuestion(data, id, player?.id ?? null), {
    headers: { "cache-control": "no-store" },
  });
});
