// Fuzzing every route handler and every teacher server action with malformed
// input (fast-check): wrong types, missing fields, huge strings, unicode edge
// cases, negative and enormous numbers, unknown ids, other players' ids.
// Target: no 5xx, no unexpected exception, each refusal says what was wrong,
// and no stored data changes (rate-limit counters aside).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { AppError } from "@/lib/app-error";
import { setAppContext, type AppContext } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { formatPlayerCookie, hashSecret, PLAYER_COOKIE } from "@/lib/server/play/player";
import { createAssignment } from "@/lib/server/teacher/assignments";
import { createClass } from "@/lib/server/teacher/classes";
import { ASSIGNMENT_FORM_DEFAULTS } from "@/lib/teacher/form-state";
import { describeEachDatabase } from "../helpers/test-databases";
import { fromAddress } from "../helpers/addresses";
import { signedUp } from "../helpers/accounts";

const request = vi.hoisted(() => ({ headers: new Headers() }));
class Redirect extends Error {}
class NotFound extends Error {}
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, getAll: () => [] }),
}));
vi.mock("next/navigation", () => ({
  redirect: () => {
    throw new Redirect();
  },
  notFound: () => {
    throw new NotFound();
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const root = path.resolve(import.meta.dirname, "../..");
const RUNS = {
  sqlite: Number(process.env.FUZZ_RUNS) || 10_000,
  postgres: Number(process.env.FUZZ_RUNS_POSTGRES) || 2_000,
};

function routeFiles(dir = path.join(root, "app")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

// ---- Malformed values ----
const edgeStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\u202e",
  "\ud800",
  "🧨".repeat(40),
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "%00",
  "null",
  "NaN",
  "-0",
  "１２３",
  "ACD 347 ",
  "a".repeat(9000),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  edgeStrings,
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.integer(),
  fc.constantFrom(-1, -2_147_483_649, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5, 49.999),
);
/** Values no nickname rule accepts (so a fuzzed request never creates a player by luck). */
const badNickname = fc.oneof(
  fc.constantFrom("", " ", "x", "\u0000bad", "a".repeat(101), "🧨🧨🧨", "<b>hi</b>", "__proto__!", "!!!!"),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);
const badCode = fc.oneof(
  edgeStrings,
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constant(null),
  fc.constantFrom("OOOOOO", "ACDAC", "ACDACDA", "ZZZ479"),
);

describeEachDatabase("fuzzing the route handlers and server actions", (current) => {
  let victim: { attemptId: string; finishedAttemptId: string; code: string; cookie: string };
  let fuzzerCookie: string;
  let teacherCookie: string;
  let teacherClassId: string;
  let teacherAssignmentId: string;
  let handlers: { file: string; method: string; run: Handler }[];

  async function snapshot(data: AppContext): Promise<string> {
    const { db } = data;
    return JSON.stringify([
      await db.player.findMany({ orderBy: { id: "asc" } }),
      await db.assignment.findMany({ orderBy: { id: "asc" } }),
      await db.attempt.findMany({ orderBy: { id: "asc" } }),
      await db.attemptQuestion.findMany({ orderBy: { id: "asc" }, select: { id: true, servedAt: true } }),
      await db.answer.findMany({ orderBy: { id: "asc" } }),
      await db.assignmentPlayer.findMany({ orderBy: { playerId: "asc" } }),
      await db.classroom.findMany({ orderBy: { id: "asc" } }),
      await db.hiddenQuestion.findMany({ orderBy: { questionId: "asc" } }),
      await db.user.count(),
      await db.account.count(),
    ]);
  }

  beforeAll(async () => {
    const data = current();
    const provider = data.config.database.provider;
    // The app's routes and actions use this test database.
    setAppContext(data);

    await insertAssignment(data, { code: "FQX479", settings: { count: 3 } });
    const joined = await joinAssignment(data, { code: "FQX479", nickname: "Victim Vera", player: null });
    const again = await joinAssignment(data, { code: "FQX479", nickname: "Victim Vic", player: null });
    await data.db.attempt.update({
      where: { id: again.attemptId },
      data: { status: "finished", finishedAt: new Date() },
    });
    victim = {
      attemptId: joined.attemptId,
      finishedAttemptId: again.attemptId,
      code: "FQX479",
      cookie: `${PLAYER_COOKIE}=${formatPlayerCookie(joined.newCookie!)}`,
    };
    const fuzzer = await data.db.player.create({ data: { nickname: "Fuzzer", secretHash: hashSecret("fuzz-secret") } });
    fuzzerCookie = `${PLAYER_COOKIE}=${formatPlayerCookie({ playerId: fuzzer.id, secret: "fuzz-secret" })}`;
    const t = await signedUp(
      data,
      { name: "Fuzz Teacher", email: `fuzz-${provider}@school.test`, password: "fuzz teacher password" },
      new Headers(fromAddress("10.40.0.1")),
    );
    teacherCookie = t.setCookies.map((c) => c.split(";")[0]).join("; ");
    teacherClassId = (await createClass(data, t.teacher.id, { name: "Fuzz class" })).id;
    teacherAssignmentId = (
      await createAssignment(data, t.teacher.id, teacherClassId, {
        ...ASSIGNMENT_FORM_DEFAULTS,
        title: "Fuzz quiz",
        count: "3",
      })
    ).id;

    handlers = [];
    for (const file of routeFiles()) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof mod[method] === "function")
          handlers.push({ file: path.relative(root, file), method, run: mod[method] as Handler });
      }
    }
  });

  afterAll(() => setAppContext(undefined));

  it("finds every route handler", () => {
    expect(handlers.map((h) => `${h.method} ${h.file}`)).toEqual(
      expect.arrayContaining([
        "POST app/api/practice/route.ts",
        "POST app/api/join/route.ts",
        "POST app/api/attempts/[id]/answers/route.ts",
        "GET app/teacher/assignments/[assignmentId]/csv/[table]/route.ts",
      ]),
    );
    expect(handlers.length).toBeGreaterThanOrEqual(10);
  });

  it("looks CSV tables up as own keys only: __proto__, toString and friends are 404 for the owner too", async () => {
    const csv = handlers.find((h) => h.file.includes("csv"))!;
    for (const table of ["__proto__", "toString", "constructor", "hasOwnProperty", "valueOf", "students"]) {
      const req = new NextRequest(`http://localhost:3000/teacher/assignments/${teacherAssignmentId}/csv/${table}`, {
        headers: { cookie: teacherCookie, ...fromAddress("10.43.0.1") },
      });
      const response = await csv.run(req, { params: Promise.resolve({ assignmentId: teacherAssignmentId, table }) });
      if (table === "students") {
        expect(response.status).toBe(200);
        continue;
      }
      expect(response.status, table).toBe(404);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/two tables/);
    }
  });

  it("answers malformed requests to every route with a 4xx that says what was wrong, and changes nothing", async () => {
    const data = current();
    const before = await snapshot(data);
    const idParam = fc.oneof(
      fc.constant(victim.attemptId),
      fc.constant(victim.finishedAttemptId),
      fc.constant(teacherAssignmentId),
      edgeStrings,
      fc.string({ maxLength: 80 }),
    );
    const cookie = fc.constantFrom(
      "",
      fuzzerCookie,
      `${PLAYER_COOKIE}=garbage`,
      `${PLAYER_COOKIE}=${victim.attemptId}.x`,
      "fact-trail.session_token=forged.value",
    );
    const body = fc.oneof(
      fc.record({ position: junk, response: junk }, { requiredKeys: [] }),
      fc.record({ code: badCode, nickname: badNickname }, { requiredKeys: [] }),
      fc.record({ nickname: badNickname, score: junk, correct: junk, elapsedMs: junk }, { requiredKeys: [] }),
      junk.map((v) => JSON.stringify(v) ?? "null"),
      fc.constantFrom(
        "{",
        "not json",
        "",
        "\u0000",
        `{"position": 0, "response": ${"[".repeat(500)}}`,
        JSON.stringify({ pad: "x".repeat(9000) }),
      ),
    );
    const requestArb = fc.record({
      handler: fc.integer({ min: 0, max: handlers.length - 1 }),
      id: idParam,
      code: badCode,
      table: fc.oneof(fc.constantFrom("students", "questions", "secrets"), fc.string({ maxLength: 20 })),
      body,
      cookie,
      contentType: fc.constantFrom(
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "",
        "multipart/form-data",
      ),
      query: fc.oneof(
        fc.constant(""),
        fc.string({ maxLength: 40 }).map((q) => `?period=${encodeURIComponent(q)}`),
      ),
    });

    let checked = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const h = handlers[r.handler]!;
        const params: Record<string, string> = {
          id: String(r.id),
          code: String(r.code),
          assignmentId: String(r.id),
          table: String(r.table),
        };
        const text = typeof r.body === "string" ? r.body : JSON.stringify(r.body);
        const headers: Record<string, string> = { ...fromAddress("10.41.0.1") };
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.cookie) headers.cookie = r.cookie;
        const req = new NextRequest(`http://localhost:3000/fuzz${r.query}`, {
          method: h.method,
          headers,
          ...(h.method === "GET" ? {} : { body: text }),
        });
        const response = await h.run(req, { params: Promise.resolve(params) });
        checked++;
        expect(response.status, `${h.method} ${h.file}`).toBeLessThan(500);
        if (response.status >= 400) {
          const payload = (await response.json()) as { error?: { message?: unknown } };
          expect(typeof payload.error?.message, `${h.method} ${h.file} ${response.status}`).toBe("string");
          expect((payload.error!.message as string).length).toBeGreaterThan(10);
        } else {
          // Only reads may succeed for a fuzzer: a leaderboard, the ping, a CSV never (no teacher cookie).
          expect(
            h.method === "GET" || h.file.includes("ping"),
            `${h.method} ${h.file} answered ${response.status}`,
          ).toBe(true);
        }
      }),
      { numRuns: RUNS[data.config.database.provider], seed: 20261124 },
    );
    expect(checked).toBe(RUNS[data.config.database.provider]);
    expect(await snapshot(data)).toBe(before);
  });

  it("answers malformed calls to every teacher action with a redirect, a 404 or a form error, and changes nothing", async () => {
    const data = current();
    const actions = (await import("@/app/teacher/actions")) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    const names = Object.keys(actions).filter((n) => n !== "signOutAction");
    const before = await snapshot(data);
    const field = fc.oneof(
      junk.map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""))),
      edgeStrings,
    );
    const formArb = fc.dictionary(
      fc.constantFrom(
        "name",
        "email",
        "password",
        "title",
        "count",
        "kinds",
        "timed",
        "timeLimitSeconds",
        "attemptsAllowed",
        "questionOrder",
        "opensAt",
        "dueAt",
        "timeZone",
        "leaderboard",
        "classId",
        "assignmentId",
        "playerId",
        "questionId",
        "topic",
        "hidden",
        "removed",
        "next",
        "names",
        "studentId",
        "extraTime",
        "archived",
      ),
      field,
      { maxKeys: 8 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), formArb, fc.boolean(), async (name, fields, asTeacher) => {
        // Never a valid class name, title or credential by luck: those would (rightly) create rows.
        if (name === "createClassAction") fields.name = "";
        if (name === "createAssignmentAction") fields.title = "";
        if (name === "signUpAction" || name === "signInAction") fields.password = "short";
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.set(k, v);
        request.headers = new Headers({
          host: "localhost:3000",
          ...fromAddress("10.42.0.1"),
          ...(asTeacher ? { cookie: teacherCookie } : {}),
        });
        const action = actions[name]!;
        let outcome: unknown;
        try {
          outcome = await (action.length >= 2 ? action({ status: "idle" }, form) : action(form));
        } catch (error) {
          outcome = error;
        }
        const ok =
          outcome instanceof Redirect ||
          outcome instanceof NotFound ||
          (typeof outcome === "object" &&
            outcome !== null &&
            (outcome as { status?: string }).status === "error" &&
            String((outcome as { message?: string }).message).length > 10);
        expect(ok, `${name}: ${outcome instanceof Error ? outcome.stack : JSON.stringify(outcome)}`).toBe(true);
        expect(outcome).not.toBeInstanceOf(AppError);
      }),
      { numRuns: Math.min(2_000, RUNS[data.config.database.provider]), seed: 20261124 },
    );
    expect(await snapshot(data)).toBe(before);
  });
});
