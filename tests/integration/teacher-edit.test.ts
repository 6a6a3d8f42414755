// A teacher's housekeeping on each database: editing an assignment (everything before
// anyone starts; afterwards only what leaves answers given meaning the same), renaming a
// class, duplicating an assignment to a class, and times in the teacher's own zone.
import { expect, it } from "vitest";
import { at, type AppContext } from "@/lib/server/context";
import { hostLiveGame } from "@/lib/server/live/games";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { signIn } from "@/lib/server/teacher/accounts";
import { signedUp } from "../helpers/accounts";
import {
  createAssignment,
  duplicateAssignment,
  getAssignment,
  getAssignmentForEdit,
  updateAssignment,
} from "@/lib/server/teacher/assignments";
import { createClass, renameClass, setClassArchived } from "@/lib/server/teacher/classes";
import { getTeacherTimeZone, rememberBrowserTimeZone, setTeacherTimeZone } from "@/lib/server/teacher/time-zone";
import { ASSIGNMENT_FORM_DEFAULTS, assignmentFormValues } from "@/lib/teacher/assignment-form";
import { formatDateTimeInZone } from "@/lib/time-zone";
import { SHORT_GAME } from "../helpers/live-games";
import { describeEachDatabase, rejection } from "../helpers/test-databases";
import { fromAddress } from "../helpers/addresses";

let counter = 0;
const NOW = new Date("2026-03-01T00:00:00Z");

async function teacher(ctx: AppContext) {
  const n = ++counter;
  const email = `edit${n}-${Date.now()}@school.test`;
  const out = await signedUp(
    ctx,
    { name: `Teacher ${n}`, email, password: "correct horse battery" },
    new Headers(fromAddress(`10.7.0.${n}`)),
  );
  return { id: out.teacher.id, email };
}

const form = (overrides: Record<string, string> = {}) => ({
  ...ASSIGNMENT_FORM_DEFAULTS,
  title: "Week 3 quiz",
  count: "4",
  ...overrides,
});

/** Everything an edit could change, to show a refused one changed nothing. */
async function snapshot(ctx: AppContext, id: string) {
  return JSON.stringify(await ctx.db.assignment.findUniqueOrThrow({ where: { id } }));
}

describeEachDatabase("times in the teacher's time zone", (current) => {
  it("a teacher in Asia/Almaty types 09:00: stored 04:00Z, shown 09:00 (Asia/Almaty)", async () => {
    const ctx = at(current(), NOW);
    const t = await teacher(ctx);
    await setTeacherTimeZone(ctx, t.id, "Asia/Almaty");
    const klass = await createClass(ctx, t.id, { name: "10B" });
    const a = await createAssignment(
      ctx,
      t.id,
      klass.id,
      form({ opensAt: "2026-03-02T09:00", dueAt: "2026-03-02T10:30" }),
    );
    const row = await ctx.db.assignment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.opensAt?.toISOString()).toBe("2026-03-02T04:00:00.000Z");
    expect(row.dueAt?.toISOString()).toBe("2026-03-02T05:30:00.000Z");
    // Shown on the assignment page, and put back in the edit form, as the teacher typed them.
    const timeZone = await getTeacherTimeZone(ctx, t.id);
    expect(formatDateTimeInZone(row.opensAt!, timeZone)).toBe("2 Mar 2026, 09:00 (Asia/Almaty)");
    const { assignment } = await getAssignmentForEdit(ctx, t.id, a.id);
    expect(assignmentFormValues(assignment, timeZone)).toMatchObject({
      opensAt: "2026-03-02T09:00",
      dueAt: "2026-03-02T10:30",
    });
    // Saving the edit form unchanged keeps the same instants.
    await updateAssignment(ctx, t.id, a.id, { ...assignmentFormValues(assignment, timeZone), assignmentId: a.id });
    expect(await ctx.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      opensAt: row.opensAt,
      dueAt: row.dueAt,
    });
  });

  it("saves the browser's zone at sign-up, at sign-in only over the default, and refuses an unknown zone", async () => {
    const ctx = current();
    const t = await teacher(ctx);
    expect(await getTeacherTimeZone(ctx, t.id)).toBe("UTC");
    await rememberBrowserTimeZone(ctx, t.id, "Asia/Almaty", { replace: "only-default" });
    expect(await getTeacherTimeZone(ctx, t.id)).toBe("Asia/Almaty");
    // A laptop in another zone signing in does not undo the teacher's own choice.
    await rememberBrowserTimeZone(ctx, t.id, "Europe/Berlin", { replace: "only-default" });
    expect(await getTeacherTimeZone(ctx, t.id)).toBe("Asia/Almaty");
    await rememberBrowserTimeZone(ctx, t.id, "Not/A_Zone", { replace: "always" });
    expect(await getTeacherTimeZone(ctx, t.id)).toBe("Asia/Almaty");
    const bad = await rejection(setTeacherTimeZone(ctx, t.id, "Mars/Olympus"));
    expect(bad.status).toBe(400);
    expect(bad.fieldErrors).toEqual({ timeZone: "Choose a time zone from the list." });
    expect(await getTeacherTimeZone(ctx, t.id)).toBe("Asia/Almaty");
    // Signing in still works as before (the zone is the action's business, not the account's).
    await signIn(ctx, { email: t.email, password: "correct horse battery" }, new Headers(fromAddress("10.7.1.1")));
  });
});

describeEachDatabase("editing an assignment", (current) => {
  it("reports every mistake at once (create and edit alike) and changes nothing", async () => {
    const ctx = at(current(), NOW);
    const t = await teacher(ctx);
    const klass = await createClass(ctx, t.id, { name: "11A" });
    const before = await ctx.db.assignment.count();
    const wrong = form({
      title: "",
      kinds: "timeline",
      count: "20",
      timeLimitSeconds: "3",
      opensAt: "2026-03-05T09:00",
      dueAt: "2026-03-04T09:00",
    });
    const created = await rejection(createAssignment(ctx, t.id, klass.id, wrong));
    expect(created.status).toBe(400);
    expect(Object.keys(created.fieldErrors).sort()).toEqual(["count", "dueAt", "timeLimitSeconds", "title"]);
    expect(created.fieldErrors.count).toMatch(/^Ask at most \d+ questions with timelines only: no two timelines/);
    expect(await ctx.db.assignment.count()).toBe(before);

    const a = await createAssignment(ctx, t.id, klass.id, form());
    const was = await snapshot(ctx, a.id);
    const edited = await rejection(updateAssignment(ctx, t.id, a.id, wrong));
    expect(edited.fieldErrors).toEqual(created.fieldErrors);
    expect(await snapshot(ctx, a.id)).toBe(was);
  });

  it("before anyone starts, changes everything; the join code stays", async () => {
    const ctx = at(current(), NOW);
    const t = await teacher(ctx);
    const klass = await createClass(ctx, t.id, { name: "11B" });
    const a = await createAssignment(ctx, t.id, klass.id, form());
    await updateAssignment(
      ctx,
      t.id,
      a.id,
      form({
        title: "Week 3, longer",
        count: "6",
        kinds: "multiple-choice",
        timed: "",
        attemptsAllowed: "1",
        questionOrder: "shuffled",
        dueAt: "2026-03-09T15:00",
      }),
    );
    const after = await getAssignment(ctx, t.id, a.id);
    expect(after).toMatchObject({ code: a.code, title: "Week 3, longer", dueAt: new Date("2026-03-09T15:00:00Z") });
    expect(after.settings).toMatchObject({
      count: 6,
      kinds: ["multiple-choice"],
      timeLimitSeconds: null,
      speedBonus: false,
      attemptsAllowed: 1,
      sameQuestions: false,
    });
  });

  it("once a student has started, changes the title, times, leaderboard and more attempts, and refuses the rest", async () => {
    const ctx = at(current(), NOW);
    const t = await teacher(ctx);
    const klass = await createClass(ctx, t.id, { name: "11C" });
    const a = await createAssignment(ctx, t.id, klass.id, form({ attemptsAllowed: "3", timeLimitSeconds: "30" }));
    await joinAssignment(ctx, { code: a.code, nickname: "Early Bird", player: null });
    expect((await getAssignmentForEdit(ctx, t.id, a.id)).started).toBe(true);

    // What the browser sends: locked inputs are disabled, so they are missing.
    const allowed = {
      title: "Week 3 (moved)",
      attemptsAllowed: "unlimited",
      questionOrder: undefined,
      leaderboard: "hidden",
      opensAt: "",
      dueAt: "2026-03-08T12:00",
    };
    await updateAssignment(ctx, t.id, a.id, {
      assignmentId: a.id,
      ...Object.fromEntries(Object.entries(allowed).filter(([, v]) => v !== undefined)),
    });
    const after = await getAssignment(ctx, t.id, a.id);
    expect(after).toMatchObject({ title: "Week 3 (moved)", dueAt: new Date("2026-03-08T12:00:00Z") });
    expect(after.settings).toMatchObject({
      count: 4,
      timeLimitSeconds: 30,
      attemptsAllowed: null,
      leaderboard: "hidden",
    });

    // A tampered form (locked fields sent, attempts lowered, a title too long): every refusal at once, nothing changed.
    const was = await snapshot(ctx, a.id);
    const refused = await rejection(
      updateAssignment(
        ctx,
        t.id,
        a.id,
        form({ count: "9", timeLimitSeconds: "90", kinds: "timeline", attemptsAllowed: "1", title: "x".repeat(81) }),
      ),
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(["count", "kinds", "timeLimitSeconds", "title"]);
    expect(refused.fieldErrors.count).toMatch(/^Fixed now that students have started/);
    expect(await snapshot(ctx, a.id)).toBe(was);
    const fewer = await rejection(
      updateAssignment(ctx, t.id, a.id, { title: "Fewer goes", attemptsAllowed: "3", leaderboard: "full" }),
    );
    expect(fewer.fieldErrors).toEqual({ attemptsAllowed: expect.stringMatching(/attempts can only go up/) });
    expect(await snapshot(ctx, a.id)).toBe(was);
  });

  it("is not another teacher's to edit, nor a live game's", async () => {
    const ctx = at(current(), NOW);
    const [owner, other] = [await teacher(ctx), await teacher(ctx)];
    const klass = await createClass(ctx, owner.id, { name: "11D" });
    const a = await createAssignment(ctx, owner.id, klass.id, form());
    const was = await snapshot(ctx, a.id);
    expect((await rejection(updateAssignment(ctx, other.id, a.id, form({ title: "Mine now" })))).status).toBe(404);
    expect(await snapshot(ctx, a.id)).toBe(was);
    const live = await hostLiveGame(ctx, owner.id, klass.id, SHORT_GAME);
    const liveRow = await ctx.db.assignment.findUniqueOrThrow({ where: { code: live.code } });
    expect((await rejection(updateAssignment(ctx, owner.id, liveRow.id, form()))).status).toBe(404);
    expect((await rejection(duplicateAssignment(ctx, owner.id, liveRow.id, klass.id))).status).toBe(404);
  });
});

describeEachDatabase("renaming a class and duplicating an assignment", (current) => {
  it("renames a class by the new-class rules; a bad name or someone else's class changes nothing", async () => {
    const ctx = current();
    const [owner, other] = [await teacher(ctx), await teacher(ctx)];
    const klass = await createClass(ctx, owner.id, { name: "10B" });
    await renameClass(ctx, owner.id, klass.id, { name: "  10B   History " });
    expect((await ctx.db.classroom.findUniqueOrThrow({ where: { id: klass.id } })).name).toBe("10B History");
    const bad = await rejection(renameClass(ctx, owner.id, klass.id, { name: "" }));
    expect(bad.fieldErrors).toEqual({ name: "Give the class a name." });
    expect((await rejection(renameClass(ctx, other.id, klass.id, { name: "Taken" }))).status).toBe(404);
    expect((await ctx.db.classroom.findUniqueOrThrow({ where: { id: klass.id } })).name).toBe("10B History");
  });

  it("copies to another class: new code, same settings, no attempts; passed times left empty", async () => {
    const ctx = at(current(), NOW);
    const [owner, other] = [await teacher(ctx), await teacher(ctx)];
    const from = await createClass(ctx, owner.id, { name: "10A" });
    const to = await createClass(ctx, owner.id, { name: "10C" });
    const a = await createAssignment(
      ctx,
      owner.id,
      from.id,
      form({ attemptsAllowed: "1", leaderboard: "top10", opensAt: "2026-03-02T08:00", dueAt: "2026-03-20T08:00" }),
    );
    await joinAssignment(at(current(), new Date("2026-03-03T00:00:00Z")), {
      code: a.code,
      nickname: "First Student",
      player: null,
    });
    // A week later the opening time has passed; the due time has not.
    const later = at(current(), new Date("2026-03-09T00:00:00Z"));
    const copy = await duplicateAssignment(later, owner.id, a.id, to.id);
    const [source, made] = [await getAssignment(ctx, owner.id, a.id), await getAssignment(ctx, owner.id, copy.id)];
    expect(made.code).not.toBe(source.code);
    expect(made).toMatchObject({
      classId: to.id,
      title: source.title,
      settings: source.settings,
      opensAt: null,
      dueAt: source.dueAt,
    });
    expect(await ctx.db.attempt.count({ where: { assignmentId: copy.id } })).toBe(0);
    expect(await ctx.db.attempt.count({ where: { assignmentId: a.id } })).toBe(1);

    // Not to someone else's class, not someone else's assignment, not into an archived class.
    const count = await ctx.db.assignment.count();
    const theirs = await createClass(ctx, other.id, { name: "Theirs" });
    expect((await rejection(duplicateAssignment(ctx, owner.id, a.id, theirs.id))).status).toBe(404);
    expect((await rejection(duplicateAssignment(ctx, other.id, a.id, theirs.id))).status).toBe(404);
    await setClassArchived(ctx, owner.id, to.id, true);
    const archived = await rejection(duplicateAssignment(ctx, owner.id, a.id, to.id));
    expect(archived.fieldErrors.classId).toMatch(/archived/);
    expect(await ctx.db.assignment.count()).toBe(count);
  });
});
