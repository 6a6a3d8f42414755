// "Play again": a new attempt for the same player and the same quiz (practice, or
// the same assignment within its attempt limit), asking first about what they missed;
// after a Learn quiz, the next Learn quiz.
import "server-only";
import { AppError, quizNotFound } from "@/lib/app-error";
import type { AppContext } from "../context";
import { joinAssignment } from "./join-assignment";
import { startLearn } from "./learn";
import type { Player } from "./player";
import { startPractice, type StartResult } from "./start-attempt";

export async function playAgain(
  ctx: AppContext,
  input: { attemptId: string; player: Player | null; beforeCreate?: () => Promise<void> },
): Promise<StartResult> {
  if (!input.player) throw quizNotFound();
  const previous = await ctx.db.attempt.findFirst({
    where: { id: input.attemptId, playerId: input.player.id },
    select: { id: true, topic: true, mode: true, status: true, assignment: { select: { code: true } } },
  });
  if (!previous) throw quizNotFound();
  if (previous.status !== "finished")
    throw new AppError(409, "not_finished", "Finish this quiz before starting another.");
  // Learn mode picks from the memory model, which this attempt's answers have just updated.
  if (previous.mode === "learn")
    return startLearn(ctx, { nickname: input.player.nickname, player: input.player, topic: previous.topic });
  const missed = await ctx.db.attemptQuestion.findMany({
    where: { attemptId: previous.id, OR: [{ answer: null }, { answer: { correct: false } }] },
    select: { question: true },
  });
  const prefer = [...new Set(missed.flatMap((m) => (JSON.parse(m.question) as { about: string[] }).about))];
  const start = { nickname: input.player.nickname, player: input.player, prefer, beforeCreate: input.beforeCreate };
  return previous.assignment
    ? joinAssignment(ctx, { ...start, code: previous.assignment.code })
    : startPractice(ctx, { ...start, topic: previous.topic });
}
