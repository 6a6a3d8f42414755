// POST /api/attempts/:id/answers { position, response } — grades and scores one answer.
// Any score, time or correctness the client sends is ignored: only these two fields are read.
import { NextResponse } from "next/server";
import { z } from "zod";
import { data } from "@/lib/server/db";
import { attemptIdOrThrow, currentPlayer, handler, readJson } from "@/lib/server/http";
import { submitAnswer } from "@/lib/server/play/attempt";

const body = z.object({
  position: z.number().int().min(0).max(49),
  /** An option id, the event ids in order, or null when time ran out. */
  response: z.union([z.string().max(16), z.array(z.string().max(64)).max(6), z.null()]),
});

export const POST = handler(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const id = attemptIdOrThrow((await params).id);
  const { position, response } = await readJson(request, body);
  const player = await currentPlayer(request);
  return NextResponse.json(await submitAnswer(data, { attemptId: id, playerId: player?.id ?? null, position, response }), {
    headers: { "cache-control": "no-store" },
  });
});
