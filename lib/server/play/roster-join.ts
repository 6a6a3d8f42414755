// Joining a roster class: the student picks their name and types their personal
// code once per device. The device then plays as the student's player (one player per
// student, a cookie per device), so attempts and reports follow the student.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { normaliseStudentCode, STUDENT_CODE_LENGTH } from "@/lib/teacher/class-roster";
import type { AppContext } from "../context";
import { clientIp, consume, ensureNotBlocked, reset } from "../rate-limit";
import { openCode } from "../teacher/students";
import { findJoinableAssignment, joinAssignment } from "./join-assignment";
import { newPlayerSecret, withDeviceSecret, type Player } from "./player";
import type { StartResult } from "./start-attempt";

/** A name on the roster as the join page lists it (no codes, ever). */
export interface RosterName {
  id: string;
  name: string;
}

/** The names a student picks from when joining, and which one this device is already (if any). */
export async function rosterForJoin(
  ctx: AppContext,
  classId: string | null,
  player: Player | null,
): Promise<{ names: RosterName[]; me: RosterName | null } | null> {
  if (!classId) return null;
  const rows = await ctx.db.student.findMany({
    where: { classId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, playerId: true },
  });
  if (rows.length === 0) return null;
  const me = player ? rows.find((r) => r.playerId === player.id) : undefined;
  return { names: rows.map(({ id, name }) => ({ id, name })), me: me ? { id: me.id, name: me.name } : null };
}

const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Claims a name on the roster with its code, then joins (or resumes) the quiz as that
 * student. Wrong codes count per student and per address (429 once spent); the right
 * one clears the student's count and signs this device in as the student.
 */
export async function claimAndJoin(
  ctx: AppContext,
  headers: Headers,
  input: { code: unknown; studentId: unknown; studentCode: unknown; beforeCreate?: () => Promise<void> },
): Promise<StartResult> {
  const assignment = await findJoinableAssignment(ctx, input.code);
  const student =
    typeof input.studentId === "string" && assignment.classId
      ? await ctx.db.student.findFirst({
          where: { id: input.studentId.slice(0, 64), classId: assignment.classId },
          select: { id: true, name: true, codeCipher: true, player: { select: { id: true, secretHash: true } } },
        })
      : null;
  if (!student) throw new AppError(404, "no_such_student", "That name is not on this class’s list: pick yours again.");

  const ip = clientIp(headers, ctx.config.trustedProxyHops);
  const what = "wrong codes";
  await ensureNotBlocked(ctx.limiters, "studentCodeMissesPerStudent", student.id, `${what} for ${student.name}`);
  await ensureNotBlocked(ctx.limiters, "studentCodeMissesPerIp", ip, `${what} from this network`);
  const typed = normaliseStudentCode(input.studentCode);
  const expected = openCode(ctx, student.codeCipher);
  if (!typed || !expected || !sameCode(typed, expected)) {
    await consume(ctx.limiters, "studentCodeMissesPerStudent", student.id, `${what} for ${student.name}`);
    await consume(ctx.limiters, "studentCodeMissesPerIp", ip, `${what} from this network`);
    throw new AppError(
      401,
      "wrong_code",
      `That is not ${student.name}’s code. Personal codes have ${STUDENT_CODE_LENGTH} characters: check your card, or ask your teacher.`,
    );
  }
  await reset(ctx.limiters, "studentCodeMissesPerStudent", student.id);

  // This device joins the student's devices (a cookie of its own; the others stay signed in).
  const secret = newPlayerSecret();
  await ctx.db.player.update({
    where: { id: student.player.id },
    data: { secretHash: withDeviceSecret(student.player.secretHash, secret) },
  });
  const joined = await joinAssignment(ctx, {
    code: assignment.code,
    nickname: student.name,
    player: { id: student.player.id, nickname: student.name },
    beforeCreate: input.beforeCreate,
  });
  return { ...joined, newCookie: { playerId: student.player.id, secret } };
}
