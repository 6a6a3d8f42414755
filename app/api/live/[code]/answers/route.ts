// POST /api/live/:code/answers { position, response } — an answer to the open question,
// graded and scored by the server on the game's clock; the reply only says it is locked in.
import { z } from "zod";
import { handler, readJson } from "@/lib/server/http";
import { submitLiveAnswer } from "@/lib/server/live/games";
import { playerCookie } from "@/lib/server/play/current-player";

const body = z.object({
  position: z.number().int().min(0).max(49),
  response: z.union([z.string().max(32), z.array(z.string().max(64)).max(6)]),
});

export const POST = handler<{ code: string }>(async (ctx, request, params) => {
  const { position, response } = await readJson(request, body);
  const result = await submitLiveAnswer(ctx, { code: params.code, cookie: playerCookie(request), position, response });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
