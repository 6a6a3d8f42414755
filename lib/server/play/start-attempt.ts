// Starting a quiz. The questions (with their keys) are fixed and stored when the
// attempt starts, so a refresh or a lost connection resumes the very same quiz.
// Here: a practice quiz from the home page, and the steps every start shares
// (the nickname, the player, the stored attempt); joining by code is join-assignment.ts.
import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { isTopicId, loadTopic } from "@/lib/content/load-topic";
import { checkNickname } from "@/lib/play/nickname";
import { withOpaqueIds } from "@/lib/play/opaque-ids";
import { PRACTICE_RULES, type QuizRules } from "@/lib/play/settings";
import { questionSchema, type Question } from "@/lib/quiz/question";
import { generateQuiz } from "@/lib/quiz/quiz";
import type { AppContext } from "../context";
import { sweepAbandonedPracticeNowAndThen } from "./cleanup";
import { hashSecret, newPlayerSecret, type Player, type PlayerCookie } from "./player";

export interface StartResult {
  attemptId: string;
  /** Set when a new player was created: the caller stores it in the cookie. */
  newCookie: PlayerCookie | null;
  resumed: boolean;
}

export interface StartInput {
  nickname: unknown;
  /** The player the request's cookie proves, if any. */
  player: Player | null;
  /** Facts and events to ask about first ("play again" after a miss). */
  prefer?: string[];
  /**
   * Called once a new attempt (not a resumed one) is about to be made, before anything is
   * written: the rate limit on new attempts counts here (guardNewAttempts), and may refuse.
   */
  beforeCreate?: () => Promise<void>;
}

/** The nickname as it will be shown, or a 422 with a friendly message and a suggestion. */
export function requireNickname(raw: unknown): string {
  const check = checkNickname(raw);
  if (!check.ok)
    throw new AppError(422, "nickname_rejected", check.message, { details: { suggestion: check.suggestion } });
  return check.nickname;
}

/**
 * The nickname a solo start plays under: the one typed, or, left empty by a browser that has a player
 * (a returning player on the home page), that player's own.
 */
export function soloNickname(raw: unknown, player: Player | null): string {
  if (player && (raw === undefined || (typeof raw === "string" && raw.trim() === ""))) return player.nickname;
  return requireNickname(raw);
}

/**
 * 409: `nickname` is, or looks like (the same skeleton: lib/name-skeleton.ts), the name of another
 * player (`theirs`) in the quiz or live game; with a free name to suggest.
 */
export function nicknameTaken(place: "quiz" | "game", nickname: string, theirs: string): AppError {
  return new AppError(
    409,
    "nickname_taken",
    theirs === nickname
      ? `Someone in this ${place} is already called ${nickname}. Pick another name.`
      : "That name looks like one already taken — pick another.",
    { details: { suggestion: `${nickname.slice(0, 17)} ${randomInt(10, 99)}` } },
  );
}

/** The cookie's player when the name is the same; otherwise a new player (and a cookie to set). */
export async function playerFor(
  ctx: AppContext,
  nickname: string,
  current: Player | null,
): Promise<{ playerId: string; newCookie: PlayerCookie | null }> {
  if (current && current.nickname === nickname) return { playerId: current.id, newCookie: null };
  const secret = newPlayerSecret();
  const player = await ctx.db.player.create({
    data: { nickname, secretHash: hashSecret(secret) },
    select: { id: true },
  });
  return { playerId: player.id, newCookie: { playerId: player.id, secret } };
}

/**
 * 72 random bits in 12 url-safe characters: not guessable, fine in an HTML id, and with its
 * one-letter prefix within the 16 characters the answers route takes for an option id.
 */
const opaqueToken = () => randomBytes(9).toString("base64url");

/** A question ready to store: validated, with random ids of its own, and the bank's id beside it. */
export interface DrawnQuestion {
  bankId: string;
  question: Question;
}

export function drawQuestion(q: Question): DrawnQuestion {
  return { bankId: q.id, question: withOpaqueIds(questionSchema.parse(q), opaqueToken) };
}

export async function createAttempt(
  ctx: AppContext,
  attempt: {
    playerId: string;
    topic: string;
    mode: "practice" | "assigned" | "live" | "learn";
    assignmentId?: string;
    rules: QuizRules;
    seed: number;
    prefer?: string[];
    exclude?: string[];
    /**
     * The questions, already drawn and given their opaque ids (a live game's: every
     * player gets the same ids, so one broadcast serves them all), with their bank ids.
     */
    drawn?: DrawnQuestion[];
  },
): Promise<string> {
  if (!isTopicId(attempt.topic)) throw new AppError(404, "unknown_topic", `Unknown topic "${attempt.topic}".`);
  const questions =
    attempt.drawn ??
    generateQuiz(loadTopic(attempt.topic), {
      seed: attempt.seed,
      count: attempt.rules.count,
      kinds: attempt.rules.kinds,
      prefer: attempt.prefer,
      exclude: attempt.exclude,
    }).map(drawQuestion);
  const created = await ctx.db.attempt.create({
    data: {
      playerId: attempt.playerId,
      topic: attempt.topic,
      mode: attempt.mode,
      assignmentId: attempt.assignmentId,
      seed: attempt.seed,
      settings: JSON.stringify(attempt.rules),
      questionCount: questions.length,
      questions: {
        // Validated on the way in, so the hot path can read them back without a second check.
        // Stored (and so served and graded) with random ids of this attempt's own (opaque-ids.ts);
        // the bank's id stays in questionId.
        create: questions.map((q, position) => ({
          position,
          questionId: q.bankId,
          question: JSON.stringify(q.question),
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * The quiz of this mode and topic that the same browser, under the same name, has in
 * progress: resumed rather than started again (null when there is none).
 */
export async function resumeOwnQuiz(
  ctx: AppContext,
  player: Player | null,
  nickname: string,
  mode: "practice" | "learn",
  topic: string,
): Promise<StartResult | null> {
  if (!player || player.nickname !== nickname) return null;
  const open = await ctx.db.attempt.findFirst({
    where: { playerId: player.id, mode, topic, status: "in_progress" },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  return open ? { attemptId: open.id, newCookie: null, resumed: true } : null;
}

/**
 * A practice quiz: the player's practice of the topic still in progress if there is one
 * (a second "Play now", a script posting in a loop: one attempt, not hundreds), else a new one.
 */
export async function startPractice(ctx: AppContext, input: StartInput & { topic: string }): Promise<StartResult> {
  const nickname = soloNickname(input.nickname, input.player);
  await sweepAbandonedPracticeNowAndThen(ctx);
  const start = async (): Promise<StartResult> => {
    const open = await resumeOwnQuiz(ctx, input.player, nickname, "practice", input.topic);
    if (open) return open;
    await input.beforeCreate?.();
    const { playerId, newCookie } = await playerFor(ctx, nickname, input.player);
    const attemptId = await createAttempt(ctx, {
      playerId,
      topic: input.topic,
      mode: "practice",
      rules: PRACTICE_RULES,
      seed: randomInt(2 ** 31),
      prefer: input.prefer,
    });
    return { attemptId, newCookie, resumed: false };
  };
  // One browser's starts in a burst, one after another (in this process): the first makes the
  // attempt, the others find it in progress and resume it.
  return input.player ? onePerPlayer(input.player.id, start) : start();
}

const startsInFlight = new Map<string, Promise<unknown>>();

/** Runs `run` after any earlier call with the same key has settled. */
async function onePerPlayer<T>(key: string, run: () => Promise<T>): Promise<T> {
  const mine = (startsInFlight.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
  startsInFlight.set(key, mine);
  try {
    return await mine;
  } finally {
    if (startsInFlight.get(key) === mine) startsInFlight.delete(key);
  }
}
