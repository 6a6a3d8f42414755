// Class rosters on each database: adding students, claiming a name with its code
// (wrong codes rate-limited), a new code signing every device out, attempts counted
// per student across nicknames and devices, and extra time applied by the server.
import { expect, it } from "vitest";
import { at, type AppContext } from "@/lib/server/context";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { findPlayer, type PlayerCookie } from "@/lib/server/play/player";
import { claimAndJoin, rosterForJoin } from "@/lib/server/play/roster-join";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { createAssignment, setAssignmentArchived } from "@/lib/server/teacher/assignments";
import { createClass, deleteClass, listClasses, setClassArchived } from "@/lib/server/teacher/classes";
import { assignmentProgress } from "@/lib/server/teacher/progress";
import { assignmentReport } from "@/lib/server/teacher/reports";
import { studentReport } from "@/lib/server/teacher/student-report";
import { addStudents, listStudents, resetStudentCode, setExtraTime } from "@/lib/server/teacher/students";
import { ASSIGNMENT_FORM_DEFAULTS } from "@/lib/teacher/assignment-form";
import { studentHistoryCsv } from "@/lib/teacher/csv";
import { NO_ANSWER } from "@/lib/teacher/student-history";
import { fromAddress } from "../helpers/addresses";
import { describeEachDatabase, rejection } from "../helpers/test-databases";
import { signedUp } from "../helpers/accounts";

let counter = 0;
const from = (ip: string) => new Headers(fromAddress(ip));

async function rosterClass(ctx: AppContext, settings: Record<string, string> = {}) {
  const n = ++counter;
  const t = await signedUp(
    ctx,
    { name: "Ms Roster", email: `roster${n}-${Date.now()}@school.test`, password: "correct horse battery" },
    from(`10.9.${n}.1`),
  );
  const klass = await createClass(ctx, t.teacher.id, { name: `9A ${n}` });
  await addStudents(ctx, t.teacher.id, klass.id, { names: "Dana Abenova\n  Arman   Seitkali \n\nZhanar" });
  const assignment = await createAssignment(ctx, t.teacher.id, klass.id, {
    ...ASSIGNMENT_FORM_DEFAULTS,
    title: "Roster quiz",
    count: "3",
    attemptsAllowed: "1",
    ...settings,
  });
  const students = await listStudents(ctx, t.teacher.id, klass.id);
  const byName = (name: string) => students.find((s) => s.name === name)!;
  /** `student` claims their name for the roster quiz from `ip`, with their own code unless another is typed. */
  const claim = (ctx: AppContext, ip: string, student: { id: string; code: string }, studentCode = student.code) =>
    claimAndJoin(ctx, from(ip), { code: assignment.code, studentId: student.id, studentCode });
  return { ownerId: t.teacher.id, classId: klass.id, assignment, students, byName, claim };
}

async function finish(ctx: AppContext, attemptId: string, playerId: string) {
  for (let position = 0; ; position++) {
    const served = await serveCurrentQuestion(ctx, attemptId, playerId).catch(() => null);
    if (!served) return;
    await submitAnswer(ctx, { attemptId, playerId, position, response: null });
  }
}

describeEachDatabase("class rosters", (current) => {
  it("adds pasted and uploaded names with private 4-character codes, and refuses every bad name at once", async () => {
    const ctx = current();
    const r = await rosterClass(ctx);
    expect(r.students.map((s) => s.name)).toEqual(["Arman Seitkali", "Dana Abenova", "Zhanar"]);
    for (const s of r.students) expect(s.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY3479]{4}$/);
    // Stored sealed: the code is not in the row.
    const row = await ctx.db.student.findUniqueOrThrow({ where: { id: r.byName("Zhanar").id } });
    expect(row.codeCipher).not.toContain(r.byName("Zhanar").code);

    const csv = new File(['"First name","Last name"\nAlua,Nurlan\n"Ilyas","Omarov"\n'], "class.csv", {
      type: "text/csv",
    });
    const upload = new FormData();
    upload.set("names", "");
    upload.set("file", csv);
    await addStudents(ctx, r.ownerId, r.classId, upload);
    expect((await listStudents(ctx, r.ownerId, r.classId)).map((s) => s.name)).toContain("Ilyas Omarov");

    const bad = await rejection(
      addStudents(ctx, r.ownerId, r.classId, { names: `zhanar\nNew One\nNew One\n${"x".repeat(41)}` }),
    );
    expect(bad.fieldErrors.names).toMatch(/Zhanar is already on the roster/i);
    expect(bad.fieldErrors.names).toMatch(/New One is in the list twice/);
    expect(bad.fieldErrors.names).toMatch(/longer than 40/);
    expect(await ctx.db.student.count({ where: { classId: r.classId } })).toBe(5);
  });

  it("lists names without codes for joining; a roster class refuses a typed nickname", async () => {
    const ctx = current();
    const r = await rosterClass(ctx);
    const roster = await rosterForJoin(ctx, r.classId, null);
    expect(roster?.names.map((n) => n.name)).toEqual(["Arman Seitkali", "Dana Abenova", "Zhanar"]);
    expect(JSON.stringify(roster)).not.toContain(r.byName("Zhanar").code);
    const refused = await rejection(
      joinAssignment(ctx, { code: r.assignment.code, nickname: "Zhanar2", player: null }),
    );
    expect(refused).toMatchObject({ status: 403, code: "roster_required" });
  });

  it("claims a name with the right code only; wrong codes are limited per student", async () => {
    const ctx = current();
    const r = await rosterClass(ctx);
    const dana = r.byName("Dana Abenova");
    const wrongCode = dana.code === "AAAA" ? "CCCC" : "AAAA";
    const wrong = await rejection(r.claim(ctx, "10.20.0.1", dana, wrongCode));
    expect(wrong).toMatchObject({ status: 401, code: "wrong_code" });
    expect(wrong.message).toMatch(/not Dana Abenova’s code/);
    // Another class's student id is not on this roster.
    const other = await rosterClass(ctx);
    const stranger = other.byName("Zhanar");
    expect(await rejection(r.claim(ctx, "10.20.0.1", stranger))).toMatchObject({ status: 404 });

    // Lower case and a dash are fine.
    const typed = `${dana.code.slice(0, 2).toLowerCase()}-${dana.code.slice(2)}`;
    const joined = await r.claim(ctx, "10.20.0.1", dana, typed);
    const player = await findPlayer(ctx, joined.newCookie);
    expect(player?.nickname).toBe("Dana Abenova");
    expect(await rosterForJoin(ctx, r.classId, player)).toMatchObject({ me: { id: dana.id } });

    // Guessing Arman's code: four more wrong tries from different addresses, then 429 even with the right code.
    const arman = r.byName("Arman Seitkali");
    const notArman = arman.code === "AAAA" ? "CCCC" : "AAAA";
    for (let i = 0; i < 5; i++) await rejection(r.claim(ctx, `10.30.0.${i}`, arman, notArman));
    const limited = await rejection(r.claim(ctx, "10.31.0.1", arman));
    expect(limited).toMatchObject({ status: 429, code: "rate_limited" });
    expect(limited.message).toMatch(/wrong codes for Arman Seitkali/);
    expect(await ctx.db.attempt.count({ where: { player: { student: { id: arman.id } } } })).toBe(0);
  });

  it("counts attempts per student across devices and nicknames: one attempt means one", async () => {
    const ctx = current();
    const r = await rosterClass(ctx);
    const zhanar = r.byName("Zhanar");
    const claim = (ip: string) => r.claim(ctx, ip, zhanar);
    const phone = await claim("10.40.0.1");
    expect(phone.resumed).toBe(false);
    // A second device: the same player, the same quiz in progress.
    const laptop = await claim("10.40.0.2");
    expect(laptop).toMatchObject({ attemptId: phone.attemptId, resumed: true });
    expect(laptop.newCookie!.playerId).toBe(phone.newCookie!.playerId);
    // Both devices stay signed in.
    const onPhone = (await findPlayer(ctx, phone.newCookie))!;
    expect(await findPlayer(ctx, laptop.newCookie)).toEqual(onPhone);

    await finish(ctx, phone.attemptId, onPhone.id);
    // "Continue as Zhanar" on either device, or claiming again, or a new nickname: no second go.
    for (const again of [
      joinAssignment(ctx, { code: r.assignment.code, nickname: "", player: onPhone }),
      joinAssignment(ctx, { code: r.assignment.code, nickname: "Zhanar2", player: onPhone }),
      claim("10.40.0.3"),
    ])
      expect(await rejection(again)).toMatchObject({ status: 409, code: "no_attempts_left" });
    expect(
      await rejection(joinAssignment(ctx, { code: r.assignment.code, nickname: "Zhanar2", player: null })),
    ).toMatchObject({
      code: "roster_required",
    });
    expect(await ctx.db.attempt.count({ where: { assignmentId: r.assignment.id } })).toBe(1);
    // The report shows the student once, under their name.
    const report = await assignmentReport(ctx, r.ownerId, r.assignment.id);
    expect(report.students.map((s) => s.nickname)).toEqual(["Zhanar"]);
    // Their own page: the attempt, every answer with its key, and what they missed.
    const history = await studentReport(ctx, r.ownerId, zhanar.id);
    expect(history.assignments).toHaveLength(1);
    expect(history.assignments[0]!.attempts[0]!.answers).toHaveLength(3);
    for (const x of history.assignments[0]!.attempts[0]!.answers) {
      expect(x.given).toBe(NO_ANSWER);
      expect(x.key.length).toBeGreaterThan(0);
    }
    expect(history.misconceptions.length).toBeGreaterThanOrEqual(3);
    expect(history.misconceptions.every((m) => m.state === "open")).toBe(true);
    const csv = studentHistoryCsv(history).split("\r\n");
    expect(csv[0]).toMatch(/^\uFEFFAssignment,Attempt started \(UTC\),/);
    expect(csv.filter(Boolean)).toHaveLength(4);
    const other = await rosterClass(ctx);
    expect(await rejection(studentReport(ctx, other.ownerId, zhanar.id))).toMatchObject({ status: 404 });
  });

  it("a new code signs every device out and only the new code works", async () => {
    const ctx = current();
    const r = await rosterClass(ctx, { attemptsAllowed: "unlimited" });
    const arman = r.byName("Arman Seitkali");
    const joined = await r.claim(ctx, "10.50.0.1", arman);
    expect(await findPlayer(ctx, joined.newCookie)).not.toBeNull();
    await resetStudentCode(ctx, r.ownerId, arman.id);
    const renewed = (await listStudents(ctx, r.ownerId, r.classId)).find((s) => s.id === arman.id)!;
    expect(await findPlayer(ctx, joined.newCookie)).toBeNull();
    if (renewed.code !== arman.code)
      expect(await rejection(r.claim(ctx, "10.50.0.2", arman))).toMatchObject({ code: "wrong_code" });
    const back = await r.claim(ctx, "10.50.0.2", arman, renewed.code);
    // The quiz in progress is the student's, not the device's: it resumes.
    expect(back).toMatchObject({ attemptId: joined.attemptId, resumed: true });
    // Another teacher cannot reset it.
    const other = await rosterClass(ctx);
    expect(await rejection(resetStudentCode(ctx, other.ownerId, arman.id))).toMatchObject({ status: 404 });
  });

  it("gives a student extra time: their countdown and the server's late check use the longer limit", async () => {
    const ctx = current();
    const r = await rosterClass(ctx, { timeLimitSeconds: "20", attemptsAllowed: "unlimited" });
    const [dana, zhanar] = [r.byName("Dana Abenova"), r.byName("Zhanar")];
    await setExtraTime(ctx, r.ownerId, dana.id, "1.5");
    expect(await rejection(setExtraTime(ctx, r.ownerId, dana.id, "10"))).toMatchObject({ status: 400 });

    const t0 = new Date("2026-03-01T09:00:00Z");
    const play = async (s: typeof dana) => {
      const joined = await r.claim(at(ctx, t0), "10.60.0.1", s);
      const player = (await findPlayer(ctx, joined.newCookie as PlayerCookie))!;
      const served = await serveCurrentQuestion(at(ctx, t0), joined.attemptId, player.id);
      // 25 s after serving: inside 30 s (20 × 1.5 + nothing), outside 20 s + the 1 s allowance.
      const stored = await ctx.db.attemptQuestion.findUniqueOrThrow({
        where: { attemptId_position: { attemptId: joined.attemptId, position: 0 } },
      });
      const feedback = await submitAnswer(at(ctx, new Date(t0.getTime() + 25_000)), {
        attemptId: joined.attemptId,
        playerId: player.id,
        position: 0,
        // The key itself: only the clock decides whether it counts.
        response: (JSON.parse(stored.question) as { answer: string | string[] }).answer,
      });
      return { served, feedback };
    };
    const slow = await play(dana);
    expect(Date.parse(slow.served.deadline!) - t0.getTime()).toBe(30_000);
    expect(slow.feedback).toMatchObject({ late: false, correct: true });
    const usual = await play(zhanar);
    expect(Date.parse(usual.served.deadline!) - t0.getTime()).toBe(20_000);
    expect(usual.feedback).toMatchObject({ late: true, correct: false, points: 0 });
  });

  it("follows joins and progress live, and archiving stops joins but keeps the report", async () => {
    const ctx = current();
    const r = await rosterClass(ctx, { attemptsAllowed: "unlimited" });
    expect((await assignmentProgress(ctx, r.ownerId, r.assignment.id)).joined).toBe(0);
    const dana = r.byName("Dana Abenova");
    const joined = await r.claim(ctx, "10.70.0.1", dana);
    const player = (await findPlayer(ctx, joined.newCookie))!;
    await serveCurrentQuestion(ctx, joined.attemptId, player.id);
    await submitAnswer(ctx, { attemptId: joined.attemptId, playerId: player.id, position: 0, response: null });
    const live = await assignmentProgress(ctx, r.ownerId, r.assignment.id);
    expect(live).toMatchObject({ joined: 1, playing: 1, finished: 0 });
    expect(live.students[0]).toMatchObject({ nickname: "Dana Abenova", onQuestion: 2, questionCount: 3 });
    const other = await rosterClass(ctx);
    expect(await rejection(assignmentProgress(ctx, other.ownerId, r.assignment.id))).toMatchObject({ status: 404 });

    await setAssignmentArchived(ctx, r.ownerId, r.assignment.id, true);
    expect(await rejection(joinAssignment(ctx, { code: r.assignment.code, nickname: "", player }))).toMatchObject({
      status: 410,
    });
    expect((await assignmentReport(ctx, r.ownerId, r.assignment.id)).students).toHaveLength(1);
    await setAssignmentArchived(ctx, r.ownerId, r.assignment.id, false);
    await setClassArchived(ctx, r.ownerId, r.classId, true);
    expect(await rejection(joinAssignment(ctx, { code: r.assignment.code, nickname: "", player }))).toMatchObject({
      status: 410,
    });
    expect((await listClasses(ctx, r.ownerId)).find((c) => c.id === r.classId)?.archivedAt).toBeInstanceOf(Date);
    expect(await rejection(deleteClass(ctx, other.ownerId, r.classId))).toMatchObject({ status: 404 });
    await deleteClass(ctx, r.ownerId, r.classId);
    expect(await ctx.db.attempt.count({ where: { assignmentId: r.assignment.id } })).toBe(0);
    expect(await ctx.db.student.count({ where: { classId: r.classId } })).toBe(0);
  });
});
