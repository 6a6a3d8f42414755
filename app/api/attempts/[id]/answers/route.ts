// POST /api/attempts/:id/answers { position, response } — grades and scores one answer.
// Any score, time or correctness the client sends is ignored: only these two fields are read.
import { z } from "zod";
import { attemptIdOrThrow, handler, readJson } from "@/lib/server/http";
import { playerCookie } from "@/lib/server/play/current-player";
import { submitAnswer } from "@/lib/server/play/submit-answer";

const body = z.object({
  position: z.number().int().min(0).max(49),
  /** An option id, the event ids in order, or null when time ran out. */
  response: z.union([z.string().max(16), z.array(z.string().max(64)).max(6), z.null()]),
});

export const POST = handler<{ id: string }>(async (ctx, request, params) => {
  const attemptId = attemptIdOrThrow(params.id);
  const { position, response } = await readJson(request, body);
  // The cookie's secret is checked in the same read as the attempt (see submitAnswer).
  const feedback = await submitAnswer(ctx, { attemptId, cookie: playerCookie(request), position, response });
  return Response.json(feedback, { headers: { "cache-control": "no-store" } });
});
