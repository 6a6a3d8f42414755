// Learn mode and the memory model's reads: a practice quiz picked from what the player
// has due, is weakest at, and has not met yet (lib/play/learn.ts), and what the study view
// and the teacher's pages show of it. The memory is written by the play store with each
// answer (lib/server/play/store/); here it is only read, through Prisma.
import "server-only";
import { randomInt } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { isTopicId, loadTopic } from "@/lib/content/load-topic";
import { generateLearnQuiz } from "@/lib/play/learn";
import type { MemoryKind, MemoryState } from "@/lib/play/memory";
import { LEARN_RULES } from "@/lib/play/settings";
import type { AppContext } from "../context";
import {
  createAttempt,
  drawQuestion,
  playerFor,
  resumeOwnQuiz,
  soloNickname,
  type StartInput,
  type StartResult,
} from "./start-attempt";

/** The player's cards for a topic, by item. */
export async function memoryOf(ctx: AppContext, playerId: string, topic: string): Promise<Map<string, MemoryState>> {
  const rows = await ctx.db.memory.findMany({ where: { playerId, topic } });
  return new Map(rows.map((r) => [r.item, { ...r, kind: r.kind as MemoryKind }]));
}

export async function startLearn(ctx: AppContext, input: StartInput & { topic: string }): Promise<StartResult> {
  if (!isTopicId(input.topic)) throw new AppError(404, "unknown_topic", `Unknown topic "${input.topic}".`);
  // A returning player who leaves the nickname empty plays as themselves.
  const nickname = soloNickname(input.nickname, input.player);
  // As practice does: the same browser and name resume the Learn round in progress.
  const open = await resumeOwnQuiz(ctx, input.player, nickname, "learn", input.topic);
  if (open) return open;
  await input.beforeCreate?.();
  const { playerId, newCookie } = await playerFor(ctx, nickname, input.player);
  const seed = randomInt(2 ** 31);
  const questions = generateLearnQuiz(
    loadTopic(input.topic),
    await memoryOf(ctx, playerId, input.topic),
    ctx.clock.now(),
    { seed, count: LEARN_RULES.count },
  );
  const attemptId = await createAttempt(ctx, {
    playerId,
    topic: input.topic,
    mode: "learn",
    rules: LEARN_RULES,
    seed,
    drawn: questions.map(drawQuestion),
  });
  return { attemptId, newCookie, resumed: false };
}
