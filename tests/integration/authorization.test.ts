// Authorization: every teacher page, server action and route, tried as an
// anonymous visitor, as a student (a player cookie, no account) and as another
// teacher, must refuse and change nothing of the owner's data. The lists of
// pages and actions are read from the app itself, so a new one without a case
// here fails this test.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { AppError } from "@/lib/app-error";
import { setAppContext, type AppContext } from "@/lib/server/context";
import { hostLiveGame } from "@/lib/server/live/games";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { formatPlayerCookie, PLAYER_COOKIE } from "@/lib/server/play/player";
import { createAssignment } from "@/lib/server/teacher/assignments";
import { createClass } from "@/lib/server/teacher/classes";
import { reviewBank, setQuestionHidden } from "@/lib/server/teacher/question-bank";
import { addStudents, listStudents } from "@/lib/server/teacher/students";
import { ASSIGNMENT_FORM_DEFAULTS } from "@/lib/teacher/assignment-form";
import { SHORT_GAME } from "../helpers/live-games";
import { describeEachDatabase } from "../helpers/test-databases";
import { fromAddress } from "../helpers/addresses";
import { signedUp } from "../helpers/accounts";

// ---- The request a page or action sees: next/headers, redirects and 404s, as plain values. ----
const request = vi.hoisted(() => ({ headers: new Headers() }));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
class NotFound extends Error {}
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, getAll: () => [] }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  notFound: () => {
    throw new NotFound();
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const root = path.resolve(import.meta.dirname, "../..");

function pageFiles(dir = path.join(root, "app/teacher")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pageFiles(full);
    return name === "page.tsx" || name === "route.ts" ? [path.relative(root, full)] : [];
  });
}

/** Pages anyone may see (they hold no teacher data). */
const PUBLIC_PAGES = new Set(
  ["sign-in", "sign-up", "forgot-password", "reset-password", "verify-email"].map((p) => `app/teacher/${p}/page.tsx`),
);
/** Actions anyone may call: they act only on the caller's own session, or on what a mailed link's token names. */
const PUBLIC_ACTIONS = new Set([
  "signInAction",
  "signUpAction",
  "signOutAction",
  "forgotPasswordAction",
  "resetPasswordAction",
  "verifyEmailAction",
  "resendConfirmationAction",
]);
/** Actions that take no owner's id: any teacher may call them, on their own data only. */
const OWN_SCOPE_ACTIONS = new Set(["createClassAction", "setQuestionHiddenAction", "setTimeZoneAction"]);

interface Owner {
  cookie: string;
  teacherId: string;
  classId: string;
  assignmentId: string;
  playerId: string;
  questionId: string;
  rosterClassId: string;
  studentId: string;
  liveCode: string;
}

type Who = "anonymous" | "student" | "other teacher";

describeEachDatabase("authorization of every teacher page, action and route", (current) => {
  let owner: Owner;
  let studentCookie: string;
  let otherCookie: string;

  /** Everything of the owner's that an intruder could change. */
  async function ownerSnapshot(data: AppContext) {
    const { db } = data;
    const where = { ownerId: owner.teacherId };
    return JSON.stringify([
      await db.classroom.findMany({ where, orderBy: { id: "asc" } }),
      await db.assignment.findMany({ where, orderBy: { id: "asc" } }),
      await db.hiddenQuestion.findMany({ where, orderBy: { questionId: "asc" } }),
      await db.assignmentPlayer.findMany({ where: { assignment: where }, orderBy: { playerId: "asc" } }),
      await db.attempt.findMany({
        where: { assignment: where },
        select: { id: true, status: true, score: true },
        orderBy: { id: "asc" },
      }),
      await db.liveGame.findMany({ where: { assignment: where }, orderBy: { id: "asc" } }),
      await db.session.count({ where: { userId: owner.teacherId } }),
      await db.student.findMany({ where: { classroom: where }, orderBy: { id: "asc" } }),
    ]);
  }

  beforeAll(async () => {
    const data = current();
    const provider = data.config.database.provider;
    // The app's pages, actions and routes use this test database.
    setAppContext(data);

    const cookieOf = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");
    const a = await signedUp(
      data,
      { name: "Owner", email: `owner-${provider}@school.test`, password: "owner password 1" },
      new Headers(fromAddress("10.9.0.1")),
    );
    const b = await signedUp(
      data,
      { name: "Other", email: `other-${provider}@school.test`, password: "other password 1" },
      new Headers(fromAddress("10.9.0.2")),
    );
    const klass = await createClass(data, a.teacher.id, { name: "Owner's class" });
    const assignment = await createAssignment(data, a.teacher.id, klass.id, {
      ...ASSIGNMENT_FORM_DEFAULTS,
      title: "Owner's quiz",
      count: "3",
    });
    const joined = await joinAssignment(data, { code: assignment.code, nickname: "Student One", player: null });
    const rosterClass = await createClass(data, a.teacher.id, { name: "Owner's roster class" });
    await addStudents(data, a.teacher.id, rosterClass.id, { names: "Roster Student" });
    const [student] = await listStudents(data, a.teacher.id, rosterClass.id);
    const questionId = (await reviewBank(data, a.teacher.id, "kazakhstan-2022"))[0]!.question.id;
    await setQuestionHidden(data, a.teacher.id, "kazakhstan-2022", questionId, true);
    owner = {
      cookie: cookieOf(a.setCookies),
      teacherId: a.teacher.id,
      classId: klass.id,
      assignmentId: assignment.id,
      playerId: joined.newCookie!.playerId,
      questionId,
      rosterClassId: rosterClass.id,
      studentId: student!.id,
      liveCode: (await hostLiveGame(data, a.teacher.id, klass.id, SHORT_GAME)).code,
    };
    studentCookie = `${PLAYER_COOKIE}=${formatPlayerCookie(joined.newCookie!)}`;
    otherCookie = cookieOf(b.setCookies);
  });

  afterAll(() => setAppContext(undefined));

  function actAs(who: Who | "owner") {
    const cookie = { anonymous: "", student: studentCookie, "other teacher": otherCookie, owner: owner.cookie }[who];
    request.headers = new Headers({
      host: "localhost:3000",
      ...fromAddress("10.9.9.9"),
      ...(cookie ? { cookie } : {}),
    });
    return request.headers;
  }

  /** The form each action would receive, aimed at the owner's things. */
  function formFor(action: string): FormData {
    const form = new FormData();
    const set = (fields: Record<string, string>) => Object.entries(fields).forEach(([k, v]) => form.set(k, v));
    switch (action) {
      case "createClassAction":
        set({ name: "Intruder class" });
        break;
      case "createAssignmentAction":
        set({ ...ASSIGNMENT_FORM_DEFAULTS, title: "Intruder quiz", classId: owner.classId });
        break;
      case "closeAssignmentAction":
      case "reopenAssignmentAction":
        set({ assignmentId: owner.assignmentId });
        break;
      case "setPlayerHiddenAction":
        set({ assignmentId: owner.assignmentId, playerId: owner.playerId, hidden: "true" });
        break;
      case "setPlayerRemovedAction":
        set({ assignmentId: owner.assignmentId, playerId: owner.playerId, removed: "true" });
        break;
      case "setQuestionHiddenAction":
        set({ topic: "kazakhstan-2022", questionId: owner.questionId, hidden: "false" });
        break;
      case "addStudentsAction":
        set({ classId: owner.rosterClassId, names: "Intruder" });
        break;
      case "resetStudentCodeAction":
        set({ studentId: owner.studentId });
        break;
      case "setAssignmentArchivedAction":
        set({ assignmentId: owner.assignmentId, archived: "true" });
        break;
      case "setClassArchivedAction":
      case "deleteClassAction":
        set({ classId: owner.classId, archived: "true" });
        break;
      case "setExtraTimeAction":
        set({ studentId: owner.studentId, extraTime: "2" });
        break;
      case "updateAssignmentAction":
        set({ ...ASSIGNMENT_FORM_DEFAULTS, title: "Intruder quiz", assignmentId: owner.assignmentId });
        break;
      case "duplicateAssignmentAction":
        set({ assignmentId: owner.assignmentId, classId: owner.rosterClassId });
        break;
      case "renameClassAction":
        set({ classId: owner.classId, name: "Intruder class" });
        break;
      case "setTimeZoneAction":
        set({ timeZone: "Asia/Almaty" });
        break;
      case "hostLiveAction":
        set({ classId: owner.classId, count: "3", kinds: "both", timeLimitSeconds: "20", teams: "0" });
        break;
      default:
        throw new Error(`No authorization case for the action "${action}": add one to this test.`);
    }
    return form;
  }

  function paramsFor(file: string): Record<string, string> {
    const params: Record<string, string> = {};
    if (file.includes("[classId]")) params.classId = owner.classId;
    if (file.includes("[assignmentId]")) params.assignmentId = owner.assignmentId;
    if (file.includes("[table]")) params.table = "students";
    if (file.includes("[studentId]")) params.studentId = owner.studentId;
    if (file.includes("[code]")) params.code = owner.liveCode;
    return params;
  }

  /** A refusal: sent to sign in (no teacher), or "not found" (someone else's). */
  function expectRefusal(who: Who, outcome: unknown) {
    if (who === "other teacher") {
      const notFound =
        outcome instanceof NotFound ||
        (outcome instanceof AppError && outcome.status === 404) ||
        (typeof outcome === "object" &&
          outcome !== null &&
          "status" in outcome &&
          (outcome as { status: unknown }).status === "error" &&
          /not yours/.test(String((outcome as { message?: string }).message)));
      expect(notFound, `expected "not found", got ${String(outcome)}`).toBe(true);
    } else {
      expect(outcome).toBeInstanceOf(Redirect);
      expect((outcome as Redirect).url).toMatch(/^\/teacher\/sign-in/);
    }
  }

  async function outcomeOf(run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (error) {
      return error;
    }
  }

  const protectedPages = () => pageFiles().filter((f) => f.endsWith("page.tsx") && !PUBLIC_PAGES.has(f));

  it("finds the teacher pages, routes and actions it must check", async () => {
    const actions = await import("@/app/teacher/actions");
    expect(protectedPages().length).toBeGreaterThanOrEqual(4);
    expect(pageFiles().filter((f) => f.endsWith("route.ts")).length).toBeGreaterThanOrEqual(1);
    const names = Object.keys(actions).filter((n) => !PUBLIC_ACTIONS.has(n));
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) expect(() => formFor(name)).not.toThrow();
  });

  it("lets the owner open every page (so the refusals below are not an artefact)", async () => {
    actAs("owner");
    for (const file of protectedPages()) {
      const page = (await import(/* @vite-ignore */ path.join(root, file))) as {
        default: (p: unknown) => Promise<unknown>;
      };
      const outcome = await outcomeOf(() =>
        page.default({ params: Promise.resolve(paramsFor(file)), searchParams: Promise.resolve({}) }),
      );
      expect(outcome, file).not.toBeInstanceOf(Error);
    }
  });

  for (const who of ["anonymous", "student", "other teacher"] as const) {
    it(`refuses every teacher page to ${who === "anonymous" ? "an anonymous visitor" : `a${who === "other teacher" ? "nother teacher" : " student"}`}`, async () => {
      const before = await ownerSnapshot(current());
      for (const file of protectedPages()) {
        actAs(who);
        const page = (await import(/* @vite-ignore */ path.join(root, file))) as {
          default: (p: unknown) => Promise<unknown>;
        };
        const outcome = await outcomeOf(() =>
          page.default({ params: Promise.resolve(paramsFor(file)), searchParams: Promise.resolve({}) }),
        );
        // The class list and question bank are the teacher's own: another teacher sees their own, not the owner's.
        if (who === "other teacher" && !file.includes("[")) {
          expect(outcome, file).not.toBeInstanceOf(Error);
          continue;
        }
        expectRefusal(who, outcome);
      }
      expect(await ownerSnapshot(current())).toBe(before);
    });

    it(`refuses every teacher action to ${who === "anonymous" ? "an anonymous visitor" : `a${who === "other teacher" ? "nother teacher" : " student"}`} and changes nothing of the owner's`, async () => {
      const actions = (await import("@/app/teacher/actions")) as unknown as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      const before = await ownerSnapshot(current());
      for (const [name, action] of Object.entries(actions)) {
        if (PUBLIC_ACTIONS.has(name)) continue;
        actAs(who);
        const form = formFor(name);
        const outcome = await outcomeOf(() => (action.length >= 2 ? action({ status: "idle" }, form) : action(form)));
        if (OWN_SCOPE_ACTIONS.has(name) && who === "other teacher") {
          // Allowed: it acts on the other teacher's own things (a new class of theirs; their own hidden list).
          // The snapshot below shows the owner's data did not change.
          expect(outcome === undefined || outcome instanceof Redirect, `${name}: ${String(outcome)}`).toBe(true);
          continue;
        }
        expectRefusal(who, outcome);
      }
      expect(await ownerSnapshot(current())).toBe(before);
    });

    it(`refuses the CSV export to ${who}`, async () => {
      const { GET } = await import("@/app/teacher/assignments/[assignmentId]/csv/[table]/route");
      for (const table of ["students", "questions"]) {
        const headers = actAs(who);
        const response = await GET(
          new NextRequest(`http://localhost:3000/teacher/assignments/${owner.assignmentId}/csv/${table}`, { headers }),
          {
            params: Promise.resolve({ assignmentId: owner.assignmentId, table }),
          },
        );
        expect(response.status).toBe(who === "other teacher" ? 404 : 401);
        expect(await response.text()).not.toContain("Student One");
      }
    });
  }

  it("serves a roster student's history CSV to the class's teacher only", async () => {
    const { GET } = await import("@/app/teacher/students/[studentId]/csv/route");
    const statuses: Record<string, number> = {};
    for (const who of ["anonymous", "student", "other teacher", "owner"] as const) {
      const headers = actAs(who);
      const response = await GET(new NextRequest(`http://localhost:3000/x`, { headers }), {
        params: Promise.resolve({ studentId: owner.studentId }),
      });
      statuses[who] = response.status;
    }
    expect(statuses).toEqual({ anonymous: 401, student: 401, "other teacher": 404, owner: 200 });
  });

  it("serves the owner the CSV (the route is not simply closed)", async () => {
    const { GET } = await import("@/app/teacher/assignments/[assignmentId]/csv/[table]/route");
    const headers = actAs("owner");
    const response = await GET(new NextRequest(`http://localhost:3000/x`, { headers }), {
      params: Promise.resolve({ assignmentId: owner.assignmentId, table: "students" }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Student One");
  });
});
