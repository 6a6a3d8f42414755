// A teacher's classes: the list, a new class, and one class with its assignments.
// Every query names the owner in its `where`: another teacher's ids find nothing
// (404), never someone's data.
import "server-only";
import { invalidForm, notFoundOrNotYours, requireId } from "@/lib/app-error";
import { classNameSchema, parseForm } from "@/lib/teacher/forms";
import type { AppContext } from "../context";
import { assignmentSelect, summariseAssignment, type AssignmentSummary } from "./assignments";

export interface ClassSummary {
  id: string;
  name: string;
  createdAt: Date;
  archivedAt: Date | null;
  assignmentCount: number;
}

export async function listClasses(ctx: AppContext, ownerId: string): Promise<ClassSummary[]> {
  const rows = await ctx.db.classroom.findMany({
    where: { ownerId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, archivedAt: true, _count: { select: { assignments: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    archivedAt: r.archivedAt,
    assignmentCount: r._count.assignments,
  }));
}

export async function createClass(
  ctx: AppContext,
  ownerId: string,
  raw: FormData | Record<string, unknown>,
): Promise<{ id: string }> {
  const parsed = parseForm(classNameSchema, raw);
  if (!parsed.ok) throw invalidForm(parsed.fieldErrors);
  return ctx.db.classroom.create({ data: { ownerId, name: parsed.data.name }, select: { id: true } });
}

/** Renames one of the teacher's classes (the same rules as a new class's name); a bad name changes nothing. */
export async function renameClass(
  ctx: AppContext,
  ownerId: string,
  classId: string,
  raw: FormData | Record<string, unknown>,
): Promise<{ id: string }> {
  requireId(classId, "class");
  const parsed = parseForm(classNameSchema, raw);
  const owned = await ctx.db.classroom.findFirst({ where: { id: classId, ownerId }, select: { id: true } });
  if (!owned) throw notFoundOrNotYours("class");
  if (!parsed.ok) throw invalidForm(parsed.fieldErrors);
  await ctx.db.classroom.updateMany({ where: { id: classId, ownerId }, data: { name: parsed.data.name } });
  return { id: classId };
}

/** How many students joined each assignment (each player once, however many attempts). */
async function playerCounts(ctx: AppContext, assignmentIds: string[]): Promise<Map<string, number>> {
  if (assignmentIds.length === 0) return new Map();
  const groups = await ctx.db.attempt.groupBy({
    by: ["assignmentId", "playerId"],
    where: { assignmentId: { in: assignmentIds } },
  });
  const counts = new Map<string, number>();
  for (const g of groups) if (g.assignmentId) counts.set(g.assignmentId, (counts.get(g.assignmentId) ?? 0) + 1);
  return counts;
}

export interface ClassWithAssignments {
  id: string;
  name: string;
  createdAt: Date;
  archivedAt: Date | null;
  assignments: (AssignmentSummary & { players: number })[];
}

export async function getClass(ctx: AppContext, ownerId: string, classId: string): Promise<ClassWithAssignments> {
  requireId(classId, "class");
  const row = await ctx.db.classroom.findFirst({
    where: { id: classId, ownerId },
    select: { id: true, name: true, createdAt: true, archivedAt: true },
  });
  if (!row) throw notFoundOrNotYours("class");
  const assignments = await ctx.db.assignment.findMany({
    where: { ownerId, classId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: assignmentSelect,
  });
  // How many students joined each: shown in the class's list only.
  const counts = await playerCounts(
    ctx,
    assignments.map((a) => a.id),
  );
  return {
    ...row,
    assignments: assignments.map((a) => ({ ...summariseAssignment(a), players: counts.get(a.id) ?? 0 })),
  };
}

/** Archives a class (off the list; its reports kept, its assignments no longer joinable) or brings it back. */
export async function setClassArchived(
  ctx: AppContext,
  ownerId: string,
  classId: string,
  archived: boolean,
): Promise<void> {
  requireId(classId, "class");
  const { count } = await ctx.db.classroom.updateMany({
    where: { id: classId, ownerId },
    data: { archivedAt: archived ? ctx.clock.now() : null },
  });
  if (count === 0) throw notFoundOrNotYours("class");
}

/** Deletes a class with its assignments, their attempts and its roster (the form asked first). */
export async function deleteClass(ctx: AppContext, ownerId: string, classId: string): Promise<void> {
  requireId(classId, "class");
  const { count } = await ctx.db.classroom.deleteMany({ where: { id: classId, ownerId } });
  if (count === 0) throw notFoundOrNotYours("class");
}
