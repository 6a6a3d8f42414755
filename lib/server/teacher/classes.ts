// A teacher's classes, assignments and moderation. Every query names the owner
// in its `where`: another teacher's ids find nothing (404), never someone's data.
import "server-only";
import { randomInt } from "node:crypto";
import { loadTopic, isTopicId } from "@/lib/content/load-topic";
import { parseAssignmentSettings, type AssignmentSettings } from "@/lib/play/settings";
import { generateJoinCode } from "@/lib/play/join-code";
import { generateQuiz, QuizSizeError } from "@/lib/quiz/quiz";
import { parseAssignmentForm } from "@/lib/teacher/assignment-form";
import { classNameSchema, parseForm } from "@/lib/teacher/forms";
import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { hiddenQuestionIds } from "../play/start-attempt";
import { invalidForm, notFound, requireId, TeacherError } from "./errors";

export const DEFAULT_TOPIC = "kazakhstan-2022";
const CODE_TRIES = 20;

export interface ClassSummary {
  id: string;
  name: string;
  createdAt: Date;
  assignmentCount: number;
}

export async function listClasses(db: Db, ownerId: string): Promise<ClassSummary[]> {
  const rows = await db.classroom.findMany({
    where: { ownerId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, _count: { select: { assignments: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, assignmentCount: r._count.assignments }));
}

export async function createClass(
  db: Db,
  ownerId: string,
  raw: FormData | Record<string, unknown>,
): Promise<{ id: string }> {
  const parsed = parseForm(classNameSchema, raw);
  if (!parsed.ok) throw invalidForm(parsed.fieldErrors);
  return db.classroom.create({ data: { ownerId, name: parsed.data.name }, select: { id: true } });
}

export interface AssignmentSummary {
  id: string;
  code: string;
  title: string;
  topic: string;
  settings: AssignmentSettings;
  opensAt: Date | null;
  dueAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  classId: string;
  className: string;
}

export function assignmentState(
  a: Pick<AssignmentSummary, "opensAt" | "dueAt" | "closedAt">,
  now = new Date(),
): "closed" | "past_due" | "scheduled" | "open" {
  if (a.closedAt && a.closedAt <= now) return "closed";
  if (a.dueAt && a.dueAt <= now) return "past_due";
  if (a.opensAt && a.opensAt > now) return "scheduled";
  return "open";
}

const assignmentSelect = {
  id: true,
  code: true,
  title: true,
  topic: true,
  settings: true,
  opensAt: true,
  dueAt: true,
  closedAt: true,
  createdAt: true,
  classId: true,
  classroom: { select: { name: true } },
} satisfies Prisma.AssignmentSelect;

function summarise(row: Prisma.AssignmentGetPayload<{ select: typeof assignmentSelect }>): AssignmentSummary {
  const { classroom, ...rest } = row;
  return {
    ...rest,
    settings: parseAssignmentSettings(row.settings),
    classId: row.classId ?? "",
    className: classroom?.name ?? "",
  };
}

async function playerCounts(db: Db, assignmentIds: string[]): Promise<Map<string, number>> {
  if (assignmentIds.length === 0) return new Map();
  const groups = await db.attempt.groupBy({
    by: ["assignmentId", "playerId"],
    where: { assignmentId: { in: assignmentIds } },
  });
  const counts = new Map<string, number>();
  for (const g of groups) if (g.assignmentId) counts.set(g.assignmentId, (counts.get(g.assignmentId) ?? 0) + 1);
  return counts;
}

export async function getClass(db: Db, ownerId: string, classId: string) {
  requireId(classId, "class");
  const row = await db.classroom.findFirst({
    where: { id: classId, ownerId },
    select: { id: true, name: true, createdAt: true },
  });
  if (!row) throw notFound("class");
  const assignments = await db.assignment.findMany({
    where: { ownerId, classId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: assignmentSelect,
  });
  // How many students joined each: shown in the class's list only.
  const counts = await playerCounts(
    db,
    assignments.map((a) => a.id),
  );
  return { ...row, assignments: assignments.map((a) => ({ ...summarise(a), players: counts.get(a.id) ?? 0 })) };
}

export async function getAssignment(db: Db, ownerId: string, assignmentId: string): Promise<AssignmentSummary> {
  requireId(assignmentId, "assignment");
  const row = await db.assignment.findFirst({ where: { id: assignmentId, ownerId }, select: assignmentSelect });
  if (!row) throw notFound("assignment");
  return summarise(row);
}

/** Creates an assignment in one of the teacher's classes, with a fresh join code. */
export async function createAssignment(
  db: Db,
  ownerId: string,
  classId: string,
  raw: FormData | Record<string, unknown>,
  options: { now?: Date; random?: (max: number) => number; topic?: string } = {},
): Promise<{ id: string; code: string }> {
  const now = options.now ?? new Date();
  const topic = options.topic ?? DEFAULT_TOPIC;
  requireId(classId, "class");
  const owned = await db.classroom.findFirst({ where: { id: classId, ownerId }, select: { id: true } });
  if (!owned) throw notFound("class");
  const form = parseAssignmentForm(raw, now);
  if (!form.ok) throw invalidForm(form.fieldErrors);
  const { title, settings, opensAt, dueAt } = form.value;
  if (!isTopicId(topic)) throw new TeacherError(400, "invalid", `Unknown topic "${topic}".`);

  // The bank, minus the questions this teacher hid, must hold enough questions of the chosen kinds.
  try {
    generateQuiz(loadTopic(topic), {
      seed: 1,
      count: settings.count,
      kinds: settings.kinds,
      exclude: await hiddenQuestionIds(db, ownerId, topic),
    });
  } catch (error) {
    if (error instanceof QuizSizeError) {
      const available = /only (\d+)/.exec(error.message)?.[1];
      const kinds =
        settings.kinds.length === 2 ? "" : settings.kinds[0] === "timeline" ? " timeline" : " multiple-choice";
      throw invalidForm({
        count: `Only ${available ?? "a few"}${kinds} questions fit these settings (a quiz asks about each fact once, timelines share at most one event, and questions you hid are left out): ask for at most ${available ?? "fewer"}.`,
      });
    }
    throw error;
  }

  const random = options.random ?? randomInt;
  for (let attempt = 0; attempt < CODE_TRIES; attempt++) {
    const code = generateJoinCode(random);
    // Codes are never reused (not even after an assignment closes), so an old link never opens someone else's quiz.
    const clash = await db.assignment.findUnique({ where: { code }, select: { id: true } });
    if (clash) continue;
    try {
      return await db.assignment.create({
        data: { code, title, topic, settings: JSON.stringify(settings), opensAt, dueAt, ownerId, classId },
        select: { id: true, code: true },
      });
    } catch (error) {
      // Another request took the same code between the check and the insert: draw again.
      if ((error as { code?: string }).code === "P2002") continue;
      throw error;
    }
  }
  throw new TeacherError(503, "no_code", "Could not find a free join code: try again.");
}

export async function closeAssignment(db: Db, ownerId: string, assignmentId: string, now = new Date()): Promise<void> {
  requireId(assignmentId, "assignment");
  const { count } = await db.assignment.updateMany({ where: { id: assignmentId, ownerId }, data: { closedAt: now } });
  if (count === 0) throw notFound("assignment");
}

/** Reopens a closed assignment. If its due time has passed, the due time is cleared (the code works again until closed). */
export async function reopenAssignment(
  db: Db,
  ownerId: string,
  assignmentId: string,
  now = new Date(),
): Promise<{ dueCleared: boolean }> {
  requireId(assignmentId, "assignment");
  const row = await db.assignment.findFirst({ where: { id: assignmentId, ownerId }, select: { dueAt: true } });
  if (!row) throw notFound("assignment");
  const dueCleared = !!row.dueAt && row.dueAt <= now;
  await db.assignment.updateMany({
    where: { id: assignmentId, ownerId },
    data: { closedAt: null, ...(dueCleared ? { dueAt: null } : {}) },
  });
  return { dueCleared };
}

export interface RosterEntry {
  playerId: string;
  nickname: string;
  attempts: number;
  hidden: boolean;
  removed: boolean;
}

export async function listPlayers(db: Db, ownerId: string, assignmentId: string): Promise<RosterEntry[]> {
  requireId(assignmentId, "assignment");
  const owned = await db.assignment.findFirst({ where: { id: assignmentId, ownerId }, select: { id: true } });
  if (!owned) throw notFound("assignment");
  const [attempts, moderation] = await Promise.all([
    db.attempt.findMany({
      where: { assignmentId, assignment: { ownerId } },
      select: { playerId: true, player: { select: { nickname: true } } },
    }),
    db.assignmentPlayer.findMany({ where: { assignmentId, assignment: { ownerId } } }),
  ]);
  const flags = new Map(moderation.map((m) => [m.playerId, m]));
  const roster = new Map<string, RosterEntry>();
  for (const a of attempts) {
    const entry = roster.get(a.playerId) ?? {
      playerId: a.playerId,
      nickname: a.player.nickname,
      attempts: 0,
      hidden: flags.get(a.playerId)?.hidden ?? false,
      removed: flags.get(a.playerId)?.removed ?? false,
    };
    entry.attempts++;
    roster.set(a.playerId, entry);
  }
  return [...roster.values()].sort(
    (a, b) => a.nickname.localeCompare(b.nickname) || a.playerId.localeCompare(b.playerId),
  );
}

async function requirePlayerIn(db: Db, ownerId: string, assignmentId: string, playerId: unknown): Promise<string> {
  requireId(assignmentId, "assignment");
  const id = requireId(playerId, "player");
  const played = await db.attempt.findFirst({
    where: { assignmentId, playerId: id, assignment: { ownerId } },
    select: { id: true },
  });
  if (!played) throw notFound("player");
  return id;
}

/** Hides a player from the assignment's leaderboard (or shows them again). */
export async function setPlayerHidden(
  db: Db,
  ownerId: string,
  assignmentId: string,
  playerId: unknown,
  hidden: boolean,
): Promise<void> {
  const id = await requirePlayerIn(db, ownerId, assignmentId, playerId);
  await db.assignmentPlayer.upsert({
    where: { assignmentId_playerId: { assignmentId, playerId: id } },
    create: { assignmentId, playerId: id, hidden },
    update: { hidden },
  });
}

/**
 * Removes a player: their quiz in progress stops, they cannot join again from
 * this browser, and they leave the leaderboard. `removed: false` lets them back.
 */
export async function setPlayerRemoved(
  db: Db,
  ownerId: string,
  assignmentId: string,
  playerId: unknown,
  removed: boolean,
): Promise<void> {
  const id = await requirePlayerIn(db, ownerId, assignmentId, playerId);
  await db.$transaction([
    db.assignmentPlayer.upsert({
      where: { assignmentId_playerId: { assignmentId, playerId: id } },
      create: { assignmentId, playerId: id, removed },
      update: { removed },
    }),
    db.attempt.updateMany({
      where: { assignmentId, playerId: id, assignment: { ownerId }, status: removed ? "in_progress" : "removed" },
      data: { status: removed ? "removed" : "in_progress" },
    }),
  ]);
}
