// A teacher's assignments: one with its settings, a new one with a fresh join code,
// closing and reopening. Every query names the owner in its `where`.
import "server-only";
import { randomInt } from "node:crypto";
import { AppError, invalidForm, notFoundOrNotYours, requireId } from "@/lib/app-error";
import { DEFAULT_TOPIC, isTopicId, loadTopic } from "@/lib/content/load-topic";
import type { Assignment } from "@/lib/play/assignment";
import { generateJoinCode } from "@/lib/play/join-code";
import { parseAssignmentSettings, type AssignmentSettings } from "@/lib/play/settings";
import type { QuestionKind } from "@/lib/quiz/question";
import { quizCapacity } from "@/lib/quiz/quiz";
import {
  attemptsRaised,
  LOCKED_ONCE_STARTED,
  lockedMessage,
  parseAssignmentForm,
  settingsFormValues,
  tooManyQuestionsMessage,
} from "@/lib/teacher/assignment-form";
import { formFields } from "@/lib/teacher/forms";
import type { AppContext } from "../context";
import type { Prisma } from "../generated/sqlite/client";
import { hiddenQuestionIds } from "./question-bank";
import { getTeacherTimeZone } from "./time-zone";

const CODE_TRIES = 20;

export interface AssignmentSummary extends Assignment {
  createdAt: Date;
  archivedAt: Date | null;
  classId: string;
  className: string;
  /** A live game's (hosted from the live pages; not edited or duplicated as an assignment). */
  isLive: boolean;
}

export const assignmentSelect = {
  id: true,
  code: true,
  title: true,
  topic: true,
  settings: true,
  opensAt: true,
  dueAt: true,
  closedAt: true,
  archivedAt: true,
  createdAt: true,
  classId: true,
  classroom: { select: { name: true } },
  live: { select: { id: true } },
} satisfies Prisma.AssignmentSelect;

export function summariseAssignment(
  row: Prisma.AssignmentGetPayload<{ select: typeof assignmentSelect }>,
): AssignmentSummary {
  const { classroom, live, ...rest } = row;
  return {
    ...rest,
    isLive: live !== null,
    settings: parseAssignmentSettings(row.settings),
    classId: row.classId ?? "",
    className: classroom?.name ?? "",
  };
}

export async function getAssignment(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
): Promise<AssignmentSummary> {
  requireId(assignmentId, "assignment");
  const row = await ctx.db.assignment.findFirst({ where: { id: assignmentId, ownerId }, select: assignmentSelect });
  if (!row) throw notFoundOrNotYours("assignment");
  return summariseAssignment(row);
}

/** How many questions of given kinds a quiz on `topic` can ask, without the questions this teacher hid. */
async function capacityFor(ctx: AppContext, ownerId: string, topic: string) {
  if (!isTopicId(topic)) throw new AppError(400, "invalid", `Unknown topic "${topic}".`);
  const [content, hidden] = [loadTopic(topic), await hiddenQuestionIds(ctx, ownerId, topic)];
  return (kinds: readonly QuestionKind[], wanted?: number) => quizCapacity(content, kinds, { exclude: hidden, wanted });
}

/** The most questions of these kinds this teacher's quiz on `topic` can ask (the form explains the timeline cap). */
export async function questionCapacity(
  ctx: AppContext,
  ownerId: string,
  topic: string,
  kinds: readonly QuestionKind[],
): Promise<number> {
  return (await capacityFor(ctx, ownerId, topic))(kinds);
}

/** An assignment to edit, and whether a student has started it (which fixes some settings). */
export async function getAssignmentForEdit(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
): Promise<{ assignment: AssignmentSummary; started: boolean }> {
  const assignment = await getAssignment(ctx, ownerId, assignmentId);
  if (assignment.isLive) throw notFoundOrNotYours("assignment");
  return { assignment, started: await hasStarted(ctx.db, assignment.id) };
}

/** The bank, minus the questions this teacher hid, must hold enough questions of the chosen kinds. */
export async function ensureQuizFits(
  ctx: AppContext,
  ownerId: string,
  topic: string,
  settings: Pick<AssignmentSettings, "count" | "kinds">,
) {
  const most = (await capacityFor(ctx, ownerId, topic))(settings.kinds, settings.count);
  if (settings.count > most) throw invalidForm({ count: tooManyQuestionsMessage(settings.kinds, most) });
}

/** Creates an assignment in one of the teacher's classes, with a fresh join code. */
export async function createAssignment(
  ctx: AppContext,
  ownerId: string,
  classId: string,
  raw: FormData | Record<string, unknown>,
  options: { random?: (max: number) => number; topic?: string } = {},
): Promise<{ id: string; code: string }> {
  const { db } = ctx;
  const topic = options.topic ?? DEFAULT_TOPIC;
  requireId(classId, "class");
  const owned = await db.classroom.findFirst({ where: { id: classId, ownerId }, select: { id: true } });
  if (!owned) throw notFoundOrNotYours("class");
  const form = parseAssignmentForm(raw, ctx.clock.now(), {
    timeZone: await getTeacherTimeZone(ctx, ownerId),
    capacity: await capacityFor(ctx, ownerId, topic),
  });
  if (!form.ok) throw invalidForm(form.fieldErrors);
  const { title, settings, opensAt, dueAt } = form.value;

  return insertWithFreshCode(
    ctx,
    { title, topic, settings: JSON.stringify(settings), opensAt, dueAt, ownerId, classId },
    options.random,
  );
}

/** Has any student started this assignment? Then what their answers were marked by is fixed. */
async function hasStarted(db: AppContext["db"], assignmentId: string): Promise<boolean> {
  return (await db.attempt.count({ where: { assignmentId } })) > 0;
}

/**
 * Edits an assignment (not a live game's) with the create form's one schema. Before anyone starts, everything
 * may change. Once someone has, only what does not change the meaning of an answer already given: the title,
 * the times, the leaderboard and more attempts (LOCKED_ONCE_STARTED says what is fixed, and why). Every
 * mistake comes back at once as a 400; a bad edit changes nothing.
 */
export async function updateAssignment(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
  raw: FormData | Record<string, unknown>,
): Promise<{ id: string }> {
  const { db } = ctx;
  requireId(assignmentId, "assignment");
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, ownerId, live: null },
    select: { id: true, topic: true, settings: true, dueAt: true },
  });
  if (!row) throw notFoundOrNotYours("assignment");
  const stored = parseAssignmentSettings(row.settings);
  const storedFields = settingsFormValues(stored);
  const started = await hasStarted(db, row.id);
  const fields = formFields(raw);
  const errors: Record<string, string> = {};
  if (started) {
    // Locked inputs are disabled in the form (a browser sends nothing for them): they keep their stored values.
    for (const name of LOCKED_ONCE_STARTED) {
      const sent = fields[name];
      const comparable = name !== "timeLimitSeconds" || storedFields.timed === "on";
      if (sent !== undefined && comparable && sent.trim() !== storedFields[name]) errors[name] = lockedMessage;
      fields[name] = storedFields[name]!;
    }
  }
  const form = parseAssignmentForm(fields, ctx.clock.now(), {
    timeZone: await getTeacherTimeZone(ctx, ownerId),
    capacity: started ? undefined : await capacityFor(ctx, ownerId, row.topic),
    storedDueAt: row.dueAt,
  });
  if (!form.ok) Object.assign(errors, form.fieldErrors, errors);
  if (form.ok && started && !attemptsRaised(stored.attemptsAllowed, form.value.settings.attemptsAllowed))
    errors.attemptsAllowed =
      "Students have started: attempts can only go up (1, then 3, then unlimited), so nobody loses a go they were promised.";
  if (!form.ok || Object.keys(errors).length > 0) throw invalidForm(errors);

  const { title, settings, opensAt, dueAt } = form.value;
  const changesLocked = LOCKED_ONCE_STARTED.some((name) => settingsFormValues(settings)[name] !== storedFields[name]);
  await db.$transaction(async (tx) => {
    // A student who started while the teacher was editing: the questions they have must stay theirs.
    if (changesLocked && (await hasStarted(tx as AppContext["db"], row.id)))
      throw new AppError(409, "started", lockedMessage, {
        fieldErrors: { count: "A student started while you were editing: reload to see what can still change." },
      });
    await tx.assignment.updateMany({
      where: { id: row.id, ownerId },
      data: { title, settings: JSON.stringify(settings), opensAt, dueAt },
    });
  });
  return { id: row.id };
}

/**
 * A copy of an assignment in one of the teacher's classes (the same one or another): the same title, topic and
 * settings, a new join code, no attempts. Times still ahead are kept; ones that have passed are left empty.
 */
export async function duplicateAssignment(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
  targetClassId: string,
): Promise<{ id: string; code: string }> {
  const { db } = ctx;
  requireId(assignmentId, "assignment");
  requireId(targetClassId, "class");
  const source = await db.assignment.findFirst({
    where: { id: assignmentId, ownerId, live: null },
    select: { title: true, topic: true, settings: true, opensAt: true, dueAt: true },
  });
  if (!source) throw notFoundOrNotYours("assignment");
  const target = await db.classroom.findFirst({
    where: { id: targetClassId, ownerId },
    select: { id: true, archivedAt: true },
  });
  if (!target) throw notFoundOrNotYours("class");
  if (target.archivedAt)
    throw invalidForm({ classId: "That class is archived: unarchive it first, or choose another." });
  const settings = parseAssignmentSettings(source.settings);
  // The teacher may have hidden questions since: the copy must still fit the bank.
  await ensureQuizFits(ctx, ownerId, source.topic, settings);
  const now = ctx.clock.now();
  const ahead = (t: Date | null) => (t && t > now ? t : null);
  return insertWithFreshCode(ctx, {
    title: source.title,
    topic: source.topic,
    settings: JSON.stringify(settings),
    opensAt: ahead(source.opensAt),
    dueAt: ahead(source.dueAt),
    ownerId,
    classId: target.id,
  });
}

/** Inserts an assignment under a join code never used before (a live game is one too). */
export async function insertWithFreshCode(
  ctx: AppContext,
  data: Omit<Prisma.AssignmentUncheckedCreateInput, "code">,
  random: (max: number) => number = randomInt,
): Promise<{ id: string; code: string }> {
  const { db } = ctx;
  for (let attempt = 0; attempt < CODE_TRIES; attempt++) {
    const code = generateJoinCode(random);
    // Codes are never reused (not even after an assignment closes), so an old link never opens someone else's quiz.
    const clash = await db.assignment.findUnique({ where: { code }, select: { id: true } });
    if (clash) continue;
    try {
      return await db.assignment.create({ data: { ...data, code }, select: { id: true, code: true } });
    } catch (error) {
      // Another request took the same code between the check and the insert: draw again.
      if ((error as { code?: string }).code === "P2002") continue;
      throw error;
    }
  }
  throw new AppError(503, "no_code", "Could not find a free join code: try again.");
}

export async function closeAssignment(ctx: AppContext, ownerId: string, assignmentId: string): Promise<void> {
  requireId(assignmentId, "assignment");
  const { count } = await ctx.db.assignment.updateMany({
    where: { id: assignmentId, ownerId },
    data: { closedAt: ctx.clock.now() },
  });
  if (count === 0) throw notFoundOrNotYours("assignment");
}

/** Reopens a closed assignment (never a live game's). If its due time has passed, the due time is cleared (the code works again until closed). */
export async function reopenAssignment(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
): Promise<{ dueCleared: boolean }> {
  requireId(assignmentId, "assignment");
  const row = await ctx.db.assignment.findFirst({
    where: { id: assignmentId, ownerId },
    select: { dueAt: true, live: { select: { id: true } } },
  });
  if (!row) throw notFoundOrNotYours("assignment");
  // A live game is played once, at the teacher's pace: the podium closes its code for good.
  if (row.live) throw new AppError(409, "live_game", "A live game cannot be reopened: host a new one from the class.");
  const dueCleared = !!row.dueAt && row.dueAt <= ctx.clock.now();
  await ctx.db.assignment.updateMany({
    where: { id: assignmentId, ownerId },
    data: { closedAt: null, ...(dueCleared ? { dueAt: null } : {}) },
  });
  return { dueCleared };
}

/** Archives an assignment (off the class's list, report kept, code no longer joinable) or brings it back. */
export async function setAssignmentArchived(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
  archived: boolean,
): Promise<void> {
  requireId(assignmentId, "assignment");
  const { count } = await ctx.db.assignment.updateMany({
    where: { id: assignmentId, ownerId },
    data: { archivedAt: archived ? ctx.clock.now() : null },
  });
  if (count === 0) throw notFoundOrNotYours("assignment");
}
