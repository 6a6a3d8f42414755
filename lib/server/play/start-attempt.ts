// Starting a quiz: a practice quiz from the home page, or an assignment joined by
// code. The questions (with their keys) are fixed and stored when the attempt
// starts, so a refresh or a lost connection resumes the very same quiz.
import "server-only";
import { randomInt } from "node:crypto";
import { loadTopic, isTopicId } from "@/lib/content/load-topic";
import { checkNickname } from "@/lib/play/nickname";
import { PRACTICE_RULES, parseAssignmentSettings, type AssignmentSettings, type QuizRules } from "@/lib/play/settings";
import { normaliseJoinCode } from "@/lib/play/join-code";
import { questionSchema } from "@/lib/quiz/question";
import { generateQuiz } from "@/lib/quiz/quiz";
import { deriveSeed } from "@/lib/quiz/random";
import type { Db } from "../db";
import { PlayError } from "./errors";
import { hashSecret, newPlayerSecret, type PlayerCookie } from "./player";

export interface StartResult {
  attemptId: string;
  /** Set when a new player was created: the caller stores it in the cookie. */
  newCookie: PlayerCookie | null;
  resumed: boolean;
}

interface StartInput {
  nickname: unknown;
  /** The player the request's cookie proves, if any. */
  player: { id: string; nickname: string } | null;
  prefer?: string[];
  now?: Date;
}

/** The nickname as it will be shown, or a 422 with a friendly message and a suggestion. */
function requireNickname(raw: unknown): string {
  const check = checkNickname(raw);
  if (!check.ok) throw new PlayError(422, "nickname_rejected", check.message, { suggestion: check.suggestion });
  return check.nickname;
}

/** The cookie's player when the name is the same; otherwise a new player (and a cookie to set). */
async function playerFor(
  db: Db,
  nickname: string,
  current: StartInput["player"],
): Promise<{ playerId: string; newCookie: PlayerCookie | null }> {
  if (current && current.nickname === nickname) return { playerId: current.id, newCookie: null };
  const secret = newPlayerSecret();
  const player = await db.player.create({ data: { nickname, secretHash: hashSecret(secret) }, select: { id: true } });
  return { playerId: player.id, newCookie: { playerId: player.id, secret } };
}

async function createAttempt(
  db: Db,
  data: {
    playerId: string;
    topic: string;
    mode: "practice" | "assigned";
    assignmentId?: string;
    rules: QuizRules;
    seed: number;
    prefer?: string[];
    exclude?: string[];
  },
): Promise<string> {
  if (!isTopicId(data.topic)) throw new PlayError(404, "unknown_topic", `Unknown topic "${data.topic}".`);
  const questions = generateQuiz(loadTopic(data.topic), {
    seed: data.seed,
    count: data.rules.count,
    kinds: data.rules.kinds,
    prefer: data.prefer,
    exclude: data.exclude,
  });
  const attempt = await db.attempt.create({
    data: {
      playerId: data.playerId,
      topic: data.topic,
      mode: data.mode,
      assignmentId: data.assignmentId,
      seed: data.seed,
      settings: JSON.stringify(data.rules),
      questionCount: questions.length,
      questions: {
        // Validated on the way in, so the hot path can read them back without a second check.
        create: questions.map((q, position) => ({
          position,
          questionId: q.id,
          question: JSON.stringify(questionSchema.parse(q)),
        })),
      },
    },
    select: { id: true },
  });
  return attempt.id;
}

export async function startPractice(db: Db, input: StartInput & { topic: string }): Promise<StartResult> {
  const { playerId, newCookie } = await playerFor(db, requireNickname(input.nickname), input.player);
  const attemptId = await createAttempt(db, {
    playerId,
    topic: input.topic,
    mode: "practice",
    rules: PRACTICE_RULES,
    seed: randomInt(2 ** 31),
    prefer: input.prefer,
  });
  return { attemptId, newCookie, resumed: false };
}

export interface AssignmentForJoin {
  id: string;
  code: string;
  title: string;
  topic: string;
  settings: AssignmentSettings;
  opensAt: Date | null;
  dueAt: Date | null;
  closedAt: Date | null;
  ownerId: string | null;
}

/** The assignment a code opens, or a clear reason why it cannot be joined now. */
export async function findJoinableAssignment(db: Db, rawCode: unknown, now = new Date()): Promise<AssignmentForJoin> {
  const code = normaliseJoinCode(rawCode);
  if (!code) throw new PlayError(400, "bad_code", "A join code is 6 letters and digits, like ACD 347.");
  const row = await db.assignment.findUnique({ where: { code } });
  if (!row) throw new PlayError(404, "unknown_code", `No quiz uses the code ${code}. Check it with your teacher.`);
  const assignment = { ...row, settings: parseAssignmentSettings(row.settings) };
  if (row.closedAt && row.closedAt <= now)
    throw new PlayError(410, "closed", `“${row.title}” has been closed by your teacher.`);
  if (row.dueAt && row.dueAt <= now)
    throw new PlayError(
      410,
      "past_due",
      `“${row.title}” was due ${row.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC and can no longer be joined.`,
    );
  if (row.opensAt && row.opensAt > now)
    throw new PlayError(
      403,
      "not_open",
      `“${row.title}” opens ${row.opensAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    );
  return assignment;
}

export async function joinAssignment(db: Db, input: StartInput & { code: unknown }): Promise<StartResult> {
  const now = input.now ?? new Date();
  const assignment = await findJoinableAssignment(db, input.code, now);
  const nickname = requireNickname(input.nickname);
  if (input.player) {
    const moderation = await db.assignmentPlayer.findUnique({
      where: { assignmentId_playerId: { assignmentId: assignment.id, playerId: input.player.id } },
      select: { removed: true },
    });
    if (moderation?.removed)
      throw new PlayError(403, "removed", `Your teacher has removed you from “${assignment.title}”.`);
  }

  // The same browser with the same name: resume the quiz in progress.
  if (input.player && input.player.nickname === nickname) {
    const open = await db.attempt.findFirst({
      where: { assignmentId: assignment.id, playerId: input.player.id, status: "in_progress" },
      select: { id: true },
    });
    if (open) return { attemptId: open.id, newCookie: null, resumed: true };
  } else {
    const taken = await db.attempt.findFirst({
      where: { assignmentId: assignment.id, player: { nickname } },
      select: { id: true },
    });
    if (taken) {
      throw new PlayError(
        409,
        "nickname_taken",
        `Someone in this quiz is already called ${nickname}. Pick another name.`,
        {
          suggestion: `${nickname.slice(0, 17)} ${randomInt(10, 99)}`,
        },
      );
    }
  }

  const { playerId, newCookie } = await playerFor(db, nickname, input.player);
  const allowed = assignment.settings.attemptsAllowed;
  if (allowed !== null) {
    const used = await db.attempt.count({ where: { assignmentId: assignment.id, playerId } });
    if (used >= allowed)
      throw new PlayError(
        409,
        "no_attempts_left",
        `You have used all ${allowed} attempt${allowed > 1 ? "s" : ""} at “${assignment.title}”.`,
      );
  }
  // Seeds are stored as 32-bit signed integers (PostgreSQL "integer"): keep them in 0..2^31-1.
  const seed = assignment.settings.sameQuestions ? deriveSeed(0, assignment.id) >>> 1 : randomInt(2 ** 31);
  const attemptId = await createAttempt(db, {
    playerId,
    topic: assignment.topic,
    mode: "assigned",
    assignmentId: assignment.id,
    rules: assignment.settings,
    seed,
    prefer: input.prefer,
    // Questions the teacher hid from their assignments never appear.
    exclude: assignment.ownerId ? await hiddenQuestionIds(db, assignment.ownerId, assignment.topic) : [],
  });
  return { attemptId, newCookie, resumed: false };
}

export async function hiddenQuestionIds(db: Db, ownerId: string, topic: string): Promise<string[]> {
  const rows = await db.hiddenQuestion.findMany({ where: { ownerId, topic }, select: { questionId: true } });
  return rows.map((r) => r.questionId);
}

/**
 * "Play again": a new attempt for the same player and the same quiz (practice, or
 * the same assignment within its attempt limit), asking first about what they missed.
 */
export async function playAgain(
  db: Db,
  input: { attemptId: string; player: { id: string; nickname: string } | null; now?: Date },
): Promise<StartResult> {
  if (!input.player) throw new PlayError(404, "not_found", "No such quiz, or it is not yours to play.");
  const previous = await db.attempt.findFirst({
    where: { id: input.attemptId, playerId: input.player.id },
    select: { id: true, topic: true, status: true, assignment: { select: { code: true } } },
  });
  if (!previous) throw new PlayError(404, "not_found", "No such quiz, or it is not yours to play.");
  if (previous.status !== "finished")
    throw new PlayError(409, "not_finished", "Finish this quiz before starting another.");
  const missed = await db.attemptQuestion.findMany({
    where: { attemptId: previous.id, OR: [{ answer: null }, { answer: { correct: false } }] },
    select: { question: true },
  });
  const prefer = [...new Set(missed.flatMap((m) => (JSON.parse(m.question) as { about: string[] }).about))];
  const start = { nickname: input.player.nickname, player: input.player, prefer, now: input.now };
  return previous.assignment
    ? joinAssignment(db, { ...start, code: previous.assignment.code })
    : startPractice(db, { ...start, topic: previous.topic });
}
