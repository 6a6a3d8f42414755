// Joining an assigned quiz by its code: the assignment must be open now, the
// nickname free in it, and the player within the attempts allowed; the same
// browser resumes its quiz in progress whatever name it types.
import "server-only";
import { randomInt } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { assignmentState, type Assignment } from "@/lib/play/assignment";
import { explainBadJoinCode, normaliseJoinCode } from "@/lib/play/join-code";
import { parseAssignmentSettings } from "@/lib/play/settings";
import { nameSkeleton } from "@/lib/name-skeleton";
import { QuizSizeError } from "@/lib/quiz/quiz";
import { deriveSeed } from "@/lib/quiz/random";
import type { AppContext } from "../context";
import { withExtraTime } from "@/lib/teacher/class-roster";
import { hiddenQuestionIds } from "../teacher/question-bank";
import type { Player } from "./player";
import {
  createAttempt,
  nicknameTaken,
  playerFor,
  requireNickname,
  type StartInput,
  type StartResult,
} from "./start-attempt";

export interface AssignmentForJoin extends Assignment {
  ownerId: string | null;
  classId: string | null;
}

const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The assignment a code opens, or a clear reason why it cannot be joined now. */
export async function findJoinableAssignment(ctx: AppContext, rawCode: unknown): Promise<AssignmentForJoin> {
  const code = normaliseJoinCode(rawCode);
  if (!code)
    throw new AppError(400, "bad_code", explainBadJoinCode(typeof rawCode === "string" ? rawCode.slice(0, 32) : ""));
  const found = await ctx.db.assignment.findUnique({
    where: { code },
    include: { classroom: { select: { archivedAt: true } }, live: { select: { id: true } } },
  });
  if (!found) throw new AppError(404, "unknown_code", `No quiz uses the code ${code}. Check it with your teacher.`);
  const { classroom, live, ...row } = found;
  // A live game's code is joined on the live game's page, where the teacher paces it.
  if (live)
    throw new AppError(409, "live_game", `${code} is a live game: join it at /live/${code}.`, {
      details: { live: `/live/${code}` },
    });
  if (row.archivedAt || classroom?.archivedAt)
    throw new AppError(410, "closed", `“${row.title}” has been closed by your teacher.`);
  switch (assignmentState(row, ctx.clock.now())) {
    case "closed":
      throw new AppError(410, "closed", `“${row.title}” has been closed by your teacher.`);
    case "past_due":
      throw new AppError(
        410,
        "past_due",
        `“${row.title}” was due ${utcMinute(row.dueAt!)} and can no longer be joined.`,
      );
    case "scheduled":
      throw new AppError(403, "not_open", `“${row.title}” opens ${utcMinute(row.opensAt!)}.`);
    case "open":
      return { ...row, settings: parseAssignmentSettings(row.settings) };
  }
}

/** The quiz this browser's player has in progress in the assignment, to offer on the join page. */
export async function openAttemptIn(
  ctx: AppContext,
  assignmentId: string,
  player: Player | null,
): Promise<{ attemptId: string; nickname: string } | null> {
  if (!player) return null;
  const open = await ctx.db.attempt.findFirst({
    where: { assignmentId, playerId: player.id, status: "in_progress" },
    select: { id: true },
  });
  return open ? { attemptId: open.id, nickname: player.nickname } : null;
}

/**
 * In a class with a roster, the student the request's player is (null when the class
 * has no roster); a player who is not on it yet must pick their name and type their code.
 */
async function rosterStudent(
  ctx: AppContext,
  assignment: AssignmentForJoin,
  player: Player | null,
): Promise<{ extraTime: number } | null> {
  if (!assignment.classId) return null;
  const [anyone, mine] = await Promise.all([
    ctx.db.student.findFirst({ where: { classId: assignment.classId }, select: { id: true } }),
    player
      ? ctx.db.student.findFirst({
          where: { classId: assignment.classId, playerId: player.id },
          select: { extraTime: true },
        })
      : null,
  ]);
  if (!anyone) return null;
  if (!mine)
    throw new AppError(
      403,
      "roster_required",
      "This class has a list of names: pick yours and type your personal code from your teacher.",
    );
  return mine;
}

/**
 * Records the player's name in the assignment. The unique index on the skeleton is the judge when two
 * look-alike names race (on any instance, either database): the loser is refused, and a player made
 * for this join alone is removed again.
 */
async function claimName(
  ctx: AppContext,
  claim: { assignmentId: string; playerId: string; nickname: string; skeleton: string; created: boolean },
): Promise<void> {
  const { assignmentId, playerId, skeleton } = claim;
  try {
    await ctx.db.assignmentName.create({ data: { assignmentId, playerId, skeleton } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    // The same player's parallel join claimed it first: theirs already.
    const held = await ctx.db.assignmentName.findUnique({
      where: { assignmentId_playerId: { assignmentId, playerId } },
      select: { playerId: true },
    });
    if (held) return;
    const holder = await ctx.db.assignmentName.findFirst({
      where: { assignmentId, skeleton },
      select: { player: { select: { nickname: true } } },
    });
    if (claim.created) await ctx.db.player.delete({ where: { id: playerId } }).catch(() => undefined);
    throw nicknameTaken("quiz", claim.nickname, holder?.player.nickname ?? "");
  }
}

export async function joinAssignment(ctx: AppContext, input: StartInput & { code: unknown }): Promise<StartResult> {
  const { db } = ctx;
  const assignment = await findJoinableAssignment(ctx, input.code);
  const student = await rosterStudent(ctx, assignment, input.player);
  // On a roster the student plays under their name (their player); elsewhere the nickname they type.
  const nickname = student ? input.player!.nickname : requireNickname(input.nickname);
  if (input.player) {
    const moderation = await db.assignmentPlayer.findUnique({
      where: { assignmentId_playerId: { assignmentId: assignment.id, playerId: input.player.id } },
      select: { removed: true },
    });
    if (moderation?.removed)
      throw new AppError(403, "removed", `Your teacher has removed you from “${assignment.title}”.`);
  }

  // The same browser resumes its quiz in progress whatever name it types now (Back to the join form and
  // a new name is not a second attempt); a browser that has used its attempts is refused under any name.
  // Clearing cookies gets round this: a class that needs it has a roster.
  if (input.player) {
    const open = await db.attempt.findFirst({
      where: { assignmentId: assignment.id, playerId: input.player.id, status: "in_progress" },
      select: { id: true },
    });
    if (open) return { attemptId: open.id, newCookie: null, resumed: true };
    const allowed = assignment.settings.attemptsAllowed;
    if (allowed !== null && input.player.nickname !== nickname) {
      const used = await db.attempt.count({ where: { assignmentId: assignment.id, playerId: input.player.id } });
      if (used >= allowed)
        throw new AppError(
          409,
          "no_attempts_left",
          `You have already played this quiz (${allowed} attempt${allowed > 1 ? "s" : ""}).`,
        );
    }
  }
  const samePlayer = input.player && input.player.nickname === nickname ? input.player : null;
  // The name must not look like another player's in the assignment (by skeleton: "Аlice" with a
  // Cyrillic А is "Alice"), whoever this browser is (a name taken first in practice does not make it
  // this player's in the class). A player who holds a name here already plays on under it.
  const skeleton = nameSkeleton(nickname);
  const [holder, held] = await Promise.all([
    db.assignmentName.findFirst({
      where: { assignmentId: assignment.id, skeleton },
      select: { playerId: true, player: { select: { nickname: true } } },
    }),
    samePlayer
      ? db.assignmentName.findUnique({
          where: { assignmentId_playerId: { assignmentId: assignment.id, playerId: samePlayer.id } },
          select: { playerId: true },
        })
      : null,
  ]);
  if (holder && !held) throw nicknameTaken("quiz", nickname, holder.player.nickname);

  await input.beforeCreate?.();
  const { playerId, newCookie } = await playerFor(ctx, nickname, input.player);
  const claimed = !held;
  if (claimed)
    await claimName(ctx, { assignmentId: assignment.id, playerId, nickname, skeleton, created: !!newCookie });
  const allowed = assignment.settings.attemptsAllowed;
  if (allowed !== null) {
    const used = await db.attempt.count({ where: { assignmentId: assignment.id, playerId } });
    if (used >= allowed)
      throw new AppError(
        409,
        "no_attempts_left",
        `You have used all ${allowed} attempt${allowed > 1 ? "s" : ""} at “${assignment.title}”.`,
      );
  }
  // Seeds are stored as 32-bit signed integers (PostgreSQL "integer"): keep them in 0..2^31-1.
  const seed = assignment.settings.sameQuestions ? deriveSeed(0, assignment.id) >>> 1 : randomInt(2 ** 31);
  const rules = student
    ? {
        ...assignment.settings,
        timeLimitSeconds: withExtraTime(assignment.settings.timeLimitSeconds, student.extraTime),
      }
    : assignment.settings;
  // The teacher may have hidden so many questions since the assignment was made that it cannot be
  // filled: a 409 the student can pass on, not a 500.
  const attemptId = await createAttempt(ctx, {
    playerId,
    topic: assignment.topic,
    mode: "assigned",
    assignmentId: assignment.id,
    // The rules are stored with the attempt: the countdown and the scoring both read this limit.
    rules,
    seed,
    prefer: input.prefer,
    // Questions the teacher hid from their assignments never appear.
    exclude: assignment.ownerId ? await hiddenQuestionIds(ctx, assignment.ownerId, assignment.topic) : [],
  }).catch(async (error: unknown) => {
    // Nothing started: the name is free again.
    if (claimed)
      await db.assignmentName
        .delete({ where: { assignmentId_playerId: { assignmentId: assignment.id, playerId } } })
        .catch(() => undefined);
    if (error instanceof QuizSizeError)
      throw new AppError(
        409,
        "too_few_questions",
        `“${assignment.title}” cannot start: your teacher has hidden too many of its questions. Tell your teacher, who can show some again or ask for fewer.`,
      );
    throw error;
  });
  return { attemptId, newCookie, resumed: false };
}
