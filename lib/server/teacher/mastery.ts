// The memory model for teachers: a class's mastery of an assignment's topic (per cause of the
// map, and the event pairs it has not got), and one student's. Every query names the owner.
import "server-only";
import { DEFAULT_TOPIC, isTopicId, loadTopic } from "@/lib/content/load-topic";
import { classMastery, studentMastery, type ClassMastery, type StudentMastery } from "@/lib/play/mastery";
import type { MemoryKind, MemoryState } from "@/lib/play/memory";
import type { AppContext } from "../context";
import { notFoundOrNotYours, requireId } from "@/lib/app-error";

type Row = Omit<MemoryState, "kind"> & { kind: string; playerId: string };

function byPlayer(rows: Row[]): Map<string, Map<string, MemoryState>> {
  const out = new Map<string, Map<string, MemoryState>>();
  for (const { playerId, ...card } of rows) {
    const cards = out.get(playerId) ?? new Map<string, MemoryState>();
    cards.set(card.item, { ...card, kind: card.kind as MemoryKind });
    out.set(playerId, cards);
  }
  return out;
}

/** The class's mastery of the assignment's topic: every player who played it (removed players left out). */
export async function assignmentMastery(ctx: AppContext, ownerId: string, assignmentId: string): Promise<ClassMastery> {
  requireId(assignmentId, "assignment");
  const assignment = await ctx.db.assignment.findFirst({
    where: { id: assignmentId, ownerId },
    select: { topic: true },
  });
  if (!assignment || !isTopicId(assignment.topic)) throw notFoundOrNotYours("assignment");
  const [attempts, removed] = await Promise.all([
    ctx.db.attempt.findMany({ where: { assignmentId }, select: { playerId: true }, distinct: ["playerId"] }),
    ctx.db.assignmentPlayer.findMany({ where: { assignmentId, removed: true }, select: { playerId: true } }),
  ]);
  const out = new Set(removed.map((r) => r.playerId));
  const players = attempts.map((a) => a.playerId).filter((id) => !out.has(id));
  const rows = await ctx.db.memory.findMany({ where: { playerId: { in: players }, topic: assignment.topic } });
  const students = byPlayer(rows);
  for (const id of players) if (!students.has(id)) students.set(id, new Map());
  return classMastery(loadTopic(assignment.topic), students, ctx.clock.now());
}

/**
 * One student's mastery of an assignment's topic, for the teacher who owns the assignment
 * (404 when the player never played it, or the assignment is someone else's).
 */
export async function studentMasteryInAssignment(
  ctx: AppContext,
  ownerId: string,
  assignmentId: string,
  playerId: string,
): Promise<StudentMastery> {
  requireId(assignmentId, "assignment");
  requireId(playerId, "student");
  const played = await ctx.db.attempt.findFirst({
    where: { assignmentId, playerId, assignment: { ownerId } },
    select: { topic: true },
  });
  if (!played || !isTopicId(played.topic)) throw notFoundOrNotYours("student");
  const rows = await ctx.db.memory.findMany({ where: { playerId, topic: played.topic } });
  return studentMastery(loadTopic(played.topic), byPlayer(rows).get(playerId) ?? new Map(), ctx.clock.now());
}

/** A roster student's mastery (the per-student page): the owner's student only, else 404. */
export async function rosterStudentMastery(
  ctx: AppContext,
  ownerId: string,
  studentId: string,
  topic: string = DEFAULT_TOPIC,
): Promise<StudentMastery> {
  requireId(studentId, "student");
  const student = await ctx.db.student.findFirst({
    where: { id: studentId, classroom: { ownerId } },
    select: { playerId: true },
  });
  if (!student || !isTopicId(topic)) throw notFoundOrNotYours("student");
  const rows = await ctx.db.memory.findMany({ where: { playerId: student.playerId, topic } });
  return studentMastery(loadTopic(topic), byPlayer(rows).get(student.playerId) ?? new Map(), ctx.clock.now());
}
