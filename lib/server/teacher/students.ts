// A class's roster: the students' names and personal codes, extra time, a new code.
// Each student is one player (lib/server/play/player.ts), whichever device they play
// on, so their attempts, best scores and reports follow them. Every query names the
// owner in its `where`; codes are stored sealed (lib/server/secret-box.ts) and shown
// only to the class's teacher.
import "server-only";
import { randomInt } from "node:crypto";
import { AppError, invalidForm, notFoundOrNotYours, requireId } from "@/lib/app-error";
import { nameSkeleton } from "@/lib/name-skeleton";
import {
  checkRosterNames,
  EXTRA_TIME_CHOICES,
  generateStudentCode,
  namesFromCsv,
  namesFromText,
  type RosterStudent,
} from "@/lib/teacher/class-roster";
import type { AppContext } from "../context";
import { open, seal } from "../secret-box";

const CODE_PURPOSE = "student-code";
/** An uploaded roster file larger than this is refused (a class list is a few kilobytes). */
const MAX_UPLOAD_BYTES = 200_000;

export const sealCode = (ctx: AppContext, code: string) => seal(ctx.config.auth.secret, CODE_PURPOSE, code);
export const openCode = (ctx: AppContext, sealed: string) => open(ctx.config.auth.secret, CODE_PURPOSE, sealed);

async function ownedClass(ctx: AppContext, ownerId: string, classId: string) {
  requireId(classId, "class");
  const row = await ctx.db.classroom.findFirst({ where: { id: classId, ownerId }, select: { id: true } });
  if (!row) throw notFoundOrNotYours("class");
  return row;
}

/** The roster with each student's code (for the class's teacher only), in name order. */
export async function listStudents(ctx: AppContext, ownerId: string, classId: string): Promise<RosterStudent[]> {
  await ownedClass(ctx, ownerId, classId);
  const rows = await ctx.db.student.findMany({
    where: { classId, classroom: { ownerId } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, codeCipher: true, extraTime: true },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    // A code sealed under another BETTER_AUTH_SECRET cannot be read: the teacher resets it.
    code: openCode(ctx, r.codeCipher) ?? "",
    extraTime: r.extraTime,
  }));
}

/** The names a form sends: the pasted list (`names`) and an uploaded CSV (`file`), together. */
async function namesFromForm(raw: FormData | Record<string, unknown>): Promise<string[]> {
  const get = (key: string) => (raw instanceof FormData ? raw.get(key) : raw[key]);
  const text = get("names");
  const file = get("file");
  const names = typeof text === "string" ? namesFromText(text.slice(0, MAX_UPLOAD_BYTES)) : [];
  if (file instanceof Blob && file.size > 0) {
    if (file.size > MAX_UPLOAD_BYTES)
      throw invalidForm({ file: "That file is too large for a class list (200 kB at most)." });
    try {
      names.push(...namesFromCsv(await file.text()));
    } catch {
      throw invalidForm({ file: "That file could not be read as CSV: save it from your spreadsheet as “CSV UTF-8”." });
    }
  }
  return names;
}

/** Adds students to a class's roster, each with a fresh personal code. */
export async function addStudents(
  ctx: AppContext,
  ownerId: string,
  classId: string,
  raw: FormData | Record<string, unknown>,
  random: (max: number) => number = randomInt,
): Promise<{ added: number }> {
  await ownedClass(ctx, ownerId, classId);
  const existing = await ctx.db.student.findMany({ where: { classId }, select: { name: true } });
  const checked = checkRosterNames(
    await namesFromForm(raw),
    existing.map((s) => s.name),
  );
  if (!checked.ok) throw invalidForm({ names: checked.problems.join(" ") });
  try {
    await ctx.db.$transaction(
      checked.names.map((name) =>
        ctx.db.student.create({
          data: {
            name,
            nameSkeleton: nameSkeleton(name),
            classroom: { connect: { id: classId } },
            codeCipher: sealCode(ctx, generateStudentCode(random)),
            player: { create: { nickname: name } },
          },
        }),
      ),
    );
  } catch (error) {
    // Another request added one of these names meanwhile.
    if ((error as { code?: string }).code === "P2002")
      throw invalidForm({ names: "One of these names was added meanwhile: reload the page and try again." });
    throw error;
  }
  return { added: checked.names.length };
}

async function ownedStudent(ctx: AppContext, ownerId: string, studentId: string) {
  requireId(studentId, "student");
  const row = await ctx.db.student.findFirst({
    where: { id: studentId, classroom: { ownerId } },
    select: { id: true, classId: true, playerId: true },
  });
  if (!row) throw notFoundOrNotYours("student");
  return row;
}

/** A new personal code; every device the student used is signed out (the old code may have leaked). */
export async function resetStudentCode(
  ctx: AppContext,
  ownerId: string,
  studentId: string,
  random: (max: number) => number = randomInt,
): Promise<{ classId: string }> {
  const student = await ownedStudent(ctx, ownerId, studentId);
  await ctx.db.$transaction([
    ctx.db.student.update({
      where: { id: student.id },
      data: { codeCipher: sealCode(ctx, generateStudentCode(random)) },
    }),
    ctx.db.player.update({ where: { id: student.playerId }, data: { secretHash: "" } }),
  ]);
  return { classId: student.classId };
}

/** Extra time for a student: a multiplier on every time limit from their next attempt on. */
export async function setExtraTime(
  ctx: AppContext,
  ownerId: string,
  studentId: string,
  raw: unknown,
): Promise<{ classId: string }> {
  const student = await ownedStudent(ctx, ownerId, studentId);
  const value = Number(raw);
  if (!(EXTRA_TIME_CHOICES as readonly number[]).includes(value))
    throw new AppError(400, "invalid", `Extra time is one of ${EXTRA_TIME_CHOICES.map((c) => `×${c}`).join(", ")}.`, {
      details: { classId: student.classId },
    });
  await ctx.db.student.update({ where: { id: student.id }, data: { extraTime: value } });
  return { classId: student.classId };
}
