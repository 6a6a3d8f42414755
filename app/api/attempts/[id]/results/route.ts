// GET /api/attempts/:id/results — score, accuracy and the review of every question, once finished.
import { NextResponse } from "next/server";
import { data } from "@/lib/server/db";
import { attemptIdOrThrow, currentPlayer, handler } from "@/lib/server/http";
import { getResults } from "@/lib/server/play/attempt";

export const GET = handler(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const id = attemptIdOrThrow((await params).id);
  const player = await currentPlayer(request);
  return NextResponse.json(await getResults(data, id, player?.id ?? null), {
    headers: { "cache-control": "no-store" },
  });
});
