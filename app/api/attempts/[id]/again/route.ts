// POST /api/attempts/:id/again — a new attempt of the same quiz, asking first about what was missed.
import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { attemptIdOrThrow, currentPlayer, handler, withPlayerCookie } from "@/lib/server/http";
import { playAgain } from "@/lib/server/play/start-attempt";

export const POST = handler(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const id = attemptIdOrThrow((await params).id);
  const again = await playAgain(db, { attemptId: id, player: await currentPlayer(request) });
  return withPlayerCookie(NextResponse.json({ attemptId: again.attemptId }, { status: 201 }), request, again.newCookie);
});
