// A teacher's assignments: one with its settings, a new one with a fresh join code,
// closing and reopening. Every query names the owner in its `where`.
import "server-only";
import { randomInt } from "node:crypto";
import { AppError, invalidForm, notFoundOrNotYours, requireId } from "@/lib/app-error";
import { DEFAULT_TOPIC, isTopicId, loadTopic } from "@/lib/content/load-topic";
import type { Assignment } from "@/lib/play/assignment";
import { generateJoinCode } from "@/lib/play/join-code";
import { parseAssignmentSettings, type AssignmentSettings } from "@/lib/play/settings";
import { generateQuiz, QuizSizeError } from "@/lib/quiz/quiz";
import { parseAssignmentForm } from "@/lib/teacher/assignment-form";
import type { AppContext } from "../context";
import type { Prisma } from "../generated/sqlite/client";
import { hiddenQuestionIds } from "./question-bank";

const CODE_TRIES = 20;

export interface AssignmentSummary extends Assignment {
  createdAt: Date;
  archivedAt: Date | null;
  classId: string;
  className: string;
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
} satisfies Prisma.AssignmentSelect;

export function summariseAssignment(
  row: Prisma.AssignmentGetPayload<{ select: typeof assignmentSelect }>,
): AssignmentSummary {
  const { classroom, ...rest } = row;
  return {
    ...rest,
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

/** The bank, minus the questions this teacher hid, must hold enough questions of the chosen kinds. */
export async function ensureQuizFits(
  ctx: AppContext,
  ownerId: string,
  topic: string,
  settings: Pick<AssignmentSettings, "count" | "kinds">,
) {
  if (!isTopicId(topic)) throw new AppError(400, "invalid", `Unknown topic "${topic}".`);
  try {
    generateQuiz(loadTopic(topic), {
      seed: 1,
      count: settings.count,
      kinds: settings.kinds,
      exclude: await hiddenQuestionIds(ctx, ownerId, topic),
    });
  } catch (error) {
    if (!(error instanceof QuizSizeError)) throw error;
    const available = /only (\d+)/.exec(error.message)?.[1];
    const kinds =
      settings.kinds.length === 2 ? "" : settings.kinds[0] === "timeline" ? " timeline" : " multiple-choice";
    throw invalidForm({
      count: `Only ${available ?? "a few"}${kinds} questions fit these settings (a quiz asks about each fact once, timelines share at most one event, and questions you hid are left out): ask for at most ${available ?? "fewer"}.`,
    });
  }
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
  const form = parseAssignmentForm(raw, ctx.clock.now());
  if (!form.ok) throw invalidForm(form.fieldErrors);
  const { title, settings, opensAt, dueAt } = form.value;
  await ensureQuizFits(ctx, ownerId, topic, settings);

  return insertWithFreshCode(
    ctx,
    { title, topic, settings: JSON.stringify(settings), opensAt, dueAt, ownerId, classId },
    options.random,
  );
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

/** Reopens a closed assignment. If its due time has passed, the due time is cleared (the code works again until closed). */
export async function reopenAssignment(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
): Promise<{ dueCleared: boolean }> {
  requireId(assignmentId, "assignment");
  const row = await ctx.db.assignment.findFirst({ where: { id: assignmentId, ownerId }, select: { dueAt: true } });
  if (!row) throw notFoundOrNotYours("assignment");
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
