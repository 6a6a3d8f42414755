// Teacher accounts, classes, assignments, join codes, moderation, hidden
// questions and reports, on each database.
import { expect, it, vi } from "vitest";
import { AppError } from "@/lib/app-error";
import { at, type AppContext } from "@/lib/server/context";
import type { Db } from "@/lib/server/db";
import { findJoinableAssignment, joinAssignment } from "@/lib/server/play/join-assignment";
import { assignmentLeaderboard } from "@/lib/server/play/leaderboards";
import { findPlayer } from "@/lib/server/play/player";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { createLimiters, limitTable } from "@/lib/server/rate-limit";
import { currentTeacher, signIn, signOut, signUp } from "@/lib/server/teacher/accounts";
import { closeAssignment, createAssignment, getAssignment, reopenAssignment } from "@/lib/server/teacher/assignments";
import { createClass } from "@/lib/server/teacher/classes";
import { listPlayers, setPlayerHidden, setPlayerRemoved } from "@/lib/server/teacher/moderation";
import { reviewBank, setQuestionHidden } from "@/lib/server/teacher/question-bank";
import { assignmentReport } from "@/lib/server/teacher/reports";
import { questionSchema, type Question } from "@/lib/quiz/question";
import { ASSIGNMENT_FORM_DEFAULTS } from "@/lib/teacher/assignment-form";
import { questionsCsv, studentsCsv } from "@/lib/teacher/csv";
import { describeEachDatabase, rejection } from "../helpers/test-databases";
import { cookieHeader, from, signedUp } from "../helpers/accounts";

let emailCounter = 0;
const newEmail = () => `teacher${++emailCounter}-${Date.now()}@school.test`;

async function teacher(ctx: AppContext, name = "Ms Aigerim") {
  const email = newEmail();
  const out = await signedUp(ctx, { name, email, password: "correct horse battery" }, from(`10.0.0.${emailCounter}`));
  return { ...out.teacher, cookie: cookieHeader(out.setCookies), email };
}

const form = (overrides: Record<string, string | undefined> = {}) => ({
  ...ASSIGNMENT_FORM_DEFAULTS,
  title: "Week 3 quiz",
  count: "4",
  ...overrides,
});

async function keyOf(db: Db, attemptId: string, position: number): Promise<Question> {
  const row = await db.attemptQuestion.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position } } });
  return questionSchema.parse(JSON.parse(row.question));
}

describeEachDatabase("teacher accounts", (current) => {
  it("signs up, keeps a session in an http-only cookie, signs out", async () => {
    const ctx = current();
    const email = newEmail();
    const out = await signedUp(
      ctx,
      { name: "Mr Daniyar", email: ` ${email.toUpperCase()} `, password: "a long enough secret" },
      from("10.1.0.1"),
    );
    expect(out.teacher.email).toBe(email);
    const session = out.setCookies.find((c) => c.startsWith("fact-trail.session_token="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const cookie = cookieHeader(out.setCookies);
    expect(await currentTeacher(ctx, from("10.1.0.1", cookie))).toMatchObject({ id: out.teacher.id, email });
    // The password is stored only as the library's hash.
    const account = await current().db.account.findFirstOrThrow({ where: { userId: out.teacher.id } });
    expect(account.password).not.toContain("a long enough secret");
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);

    await signOut(ctx, from("10.1.0.1", cookie));
    expect(await currentTeacher(ctx, from("10.1.0.1", cookie))).toBeNull();
  });

  it("rejects bad sign-up input field by field, and a second account with the same email", async () => {
    const ctx = current();
    const bad = await rejection(signUp(ctx, { name: "", email: "not-an-email", password: "short" }, from("10.1.0.2")));
    expect(bad.fieldErrors).toEqual({
      name: "Enter your name.",
      email: "Enter an email address like name@school.org.",
      password: "Use at least 10 characters for your password.",
    });
    const email = newEmail();
    await signUp(ctx, { name: "A", email, password: "0123456789a" }, from("10.1.0.2"));
    const twice = await rejection(signUp(ctx, { name: "B", email, password: "0123456789b" }, from("10.1.0.2")));
    expect(twice.fieldErrors.email).toMatch(/already exists/);
    expect(await current().db.user.count({ where: { email } })).toBe(1);
  });

  it("signs in with the right password only", async () => {
    const ctx = current();
    const t = await teacher(ctx);
    const wrong = await rejection(signIn(ctx, { email: t.email, password: "wrong password!" }, from("10.1.0.3")));
    expect(wrong.status).toBe(401);
    const ok = await signIn(ctx, { email: t.email, password: "correct horse battery" }, from("10.1.0.3"));
    expect(await currentTeacher(ctx, from("10.1.0.3", cookieHeader(ok.setCookies)))).toMatchObject({ id: t.id });
  });

  it("limits failed sign-ins per account (from any address), even before checking a right password", async () => {
    const ctx = current();
    const t = await teacher(ctx);
    for (let i = 0; i < limitTable(ctx.config).signInFailuresPerAccount.points; i++) {
      const e = await rejection(signIn(ctx, { email: t.email, password: `guess number ${i}` }, from(`10.2.${i}.1`)));
      expect(e.status).toBe(401);
    }
    const blocked = await rejection(
      signIn(ctx, { email: t.email, password: "correct horse battery" }, from("10.2.99.1")),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.message).toMatch(/Too many failed sign-in attempts for this account\. Try again in 1[45] minutes\./);
    // Another teacher is not affected.
    const other = await teacher(ctx);
    await expect(
      signIn(ctx, { email: other.email, password: "correct horse battery" }, from("10.2.99.1")),
    ).resolves.toBeTruthy();
  });

  /** The context with better-auth's password check counted. */
  function countingChecks(ctx: AppContext): { ctx: AppContext; checked: () => number } {
    let checked = 0;
    const api = ctx.auth.api;
    const signInEmail = Object.assign((...args: Parameters<typeof api.signInEmail>) => {
      checked++;
      return api.signInEmail(...args);
    }, api.signInEmail) as typeof api.signInEmail;
    return { ctx: { ...ctx, auth: { ...ctx.auth, api: { ...api, signInEmail } } }, checked: () => checked };
  }

  it("counts a sign-in before checking the password: 50 parallel guesses check at most the limit, none answers 500", async () => {
    const data = current();
    const t = await teacher(data);
    const { ctx, checked } = countingChecks(data);
    const limit = limitTable(ctx.config).signInFailuresPerAccount.points;
    const burst = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        signIn(ctx, { email: t.email, password: `parallel guess ${i}` }, from(`10.5.${i}.1`)),
      ),
    );
    const statuses = burst.map((r) => (r.status === "rejected" && r.reason instanceof AppError ? r.reason.status : r));
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(checked()).toBeLessThanOrEqual(limit);
    expect(statuses.filter((s) => s === 401)).toHaveLength(checked());
    // The limit is spent: the right password does not get in either (nor is it checked).
    const late = await rejection(signIn(ctx, { email: t.email, password: "correct horse battery" }, from("10.5.99.1")));
    expect(late.status).toBe(429);
    expect(checked()).toBeLessThanOrEqual(limit);
  });

  it("a right password inside a burst of guesses signs in only if it was among the few checked", async () => {
    const data = current();
    const t = await teacher(data);
    const { ctx, checked } = countingChecks(data);
    const limit = limitTable(ctx.config).signInFailuresPerAccount.points;
    const passwords = Array.from({ length: 50 }, (_, i) => (i === 37 ? "correct horse battery" : `guess ${i}`));
    const burst = await Promise.allSettled(
      passwords.map((password, i) => signIn(ctx, { email: t.email, password }, from(`10.6.${i}.1`))),
    );
    expect(checked()).toBeLessThanOrEqual(limit);
    const right = burst[37]!;
    const wrongChecked = burst.filter((r) => r.status === "rejected" && (r.reason as AppError).status === 401).length;
    if (right.status === "rejected") {
      expect((right.reason as AppError).status).toBe(429);
      expect(wrongChecked).toBe(checked());
    } else {
      expect(wrongChecked).toBe(checked() - 1);
    }
    for (const r of burst) if (r.status === "rejected") expect([401, 429]).toContain((r.reason as AppError).status);
  });

  it("deletes ended counters by itself, so the table does not keep a row per address forever", async () => {
    const data = current();
    const ended = new Date(Date.now() - 60_000);
    await data.db.rateLimiterFlexible.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({ key: `codeMissesPerIp:10.78.0.${i}`, points: 3, expire: ended })),
    });
    // A process purges on its first counted use and then every PURGE_EVERY_MS (0 here: every use).
    const limiters = createLimiters(data.db, limitTable(data.config), 0);
    await limiters.consume("codeMissesPerIp", "10.78.1.1");
    await vi.waitFor(async () =>
      expect(
        await data.db.rateLimiterFlexible.count({ where: { key: { startsWith: "codeMissesPerIp:10.78.0." } } }),
      ).toBe(0),
    );
    expect(await limiters.peek("codeMissesPerIp", "10.78.1.1")).toMatchObject({ consumed: 1 });
    await data.db.rateLimiterFlexible.create({ data: { key: "signUpPerIp:10.78.2.1", points: 1, expire: ended } });
    expect(await limiters.purgeExpired()).toBe(1);
  });

  it("a stranger who spends an account's failure limit does not lock its owner out of a browser they signed in from", async () => {
    const ctx = current();
    const t = await teacher(ctx);
    // The owner's browser: the cookies from an earlier sign-in (session and known device).
    const earlier = await signIn(ctx, { email: t.email, password: "correct horse battery" }, from("10.7.0.1"));
    const device = cookieHeader(earlier.setCookies.filter((c) => c.startsWith("fact-trail.device=")));
    expect(device).toMatch(/^fact-trail\.device=[\w-]+\.[\w-]+$/);
    const limit = limitTable(ctx.config).signInFailuresPerAccount.points;
    for (let i = 0; i < limit; i++)
      await rejection(signIn(ctx, { email: t.email, password: `stranger ${i}` }, from(`10.7.${i + 1}.1`)));
    // A browser the owner never used is locked out for now, even with the right password.
    expect(
      (await rejection(signIn(ctx, { email: t.email, password: "correct horse battery" }, from("10.7.9.1")))).status,
    ).toBe(429);
    // The owner's own browser still gets in.
    const owner = await signIn(ctx, { email: t.email, password: "correct horse battery" }, from("10.7.9.1", device));
    expect(owner.teacher.id).toBe(t.id);
    // A forged or another account's device cookie counts as no cookie.
    const other = await teacher(ctx);
    const otherDevice = cookieHeader(
      (
        await signIn(ctx, { email: other.email, password: "correct horse battery" }, from("10.7.10.1"))
      ).setCookies.filter((c) => c.startsWith("fact-trail.device=")),
    );
    for (const cookie of [otherDevice, device.replace(/\.[\w-]+$/, ".AAAA"), "fact-trail.device=x.y"])
      expect(
        (await rejection(signIn(ctx, { email: t.email, password: "correct horse battery" }, from("10.7.9.2", cookie))))
          .status,
      ).toBe(429);
    // Someone holding the owner's browser still has only the limit's guesses there.
    for (let i = 0; i < limit; i++)
      expect(
        (await rejection(signIn(ctx, { email: t.email, password: `thief ${i}` }, from("10.7.11.1", device)))).status,
      ).toBe(401);
    expect(
      (await rejection(signIn(ctx, { email: t.email, password: "correct horse battery" }, from("10.7.11.1", device))))
        .status,
    ).toBe(429);
  });

  it("limits sign-up attempts per email address, from any address", async () => {
    const ctx = current();
    const email = newEmail();
    await signUp(ctx, { name: "First", email, password: "0123456789" }, from("10.4.0.1"));
    for (let i = 2; i <= limitTable(ctx.config).signUpPerAccount.points; i++) {
      const e = await rejection(signUp(ctx, { name: "Again", email, password: "0123456789" }, from(`10.4.${i}.1`)));
      expect(e.status).toBe(409);
    }
    const blocked = await rejection(signUp(ctx, { name: "Again", email, password: "0123456789" }, from("10.4.99.1")));
    expect(blocked.status).toBe(429);
    expect(blocked.message).toMatch(/Too many sign-up attempts for this email address/);
  });

  it("limits sign-in attempts per address and sign-ups per address, in the shared database", async () => {
    const data = current();
    const small = {
      ...limitTable(data.config),
      signInPerIp: { points: 3, duration: 60 },
      signUpPerIp: { points: 2, duration: 60 },
    };
    const ctx: AppContext = { ...data, limiters: createLimiters(data.db, small) };
    // A second "instance" (its own limiter objects) sees the same counters.
    const otherInstance: AppContext = { ...data, limiters: createLimiters(data.db, small) };
    for (let i = 0; i < 3; i++)
      await rejection(signIn(i % 2 ? ctx : otherInstance, { email: newEmail(), password: "x" }, from("10.3.0.1")));
    const blocked = await rejection(signIn(ctx, { email: newEmail(), password: "x" }, from("10.3.0.1")));
    expect(blocked.status).toBe(429);
    await signUp(ctx, { name: "A", email: newEmail(), password: "0123456789" }, from("10.3.0.2"));
    await signUp(otherInstance, { name: "B", email: newEmail(), password: "0123456789" }, from("10.3.0.2"));
    const users = await data.db.user.count();
    const third = await rejection(
      signUp(ctx, { name: "C", email: newEmail(), password: "0123456789" }, from("10.3.0.2")),
    );
    expect(third.status).toBe(429);
    expect(await data.db.user.count()).toBe(users);
  });
});

describeEachDatabase("classes, assignments and join codes", (current) => {
  it("creates a class and an assignment with a 6-character code that students can join", async () => {
    const data = current();
    const t = await teacher(data);
    const klass = await createClass(data, t.id, { name: "  10B History " });
    expect((await data.db.classroom.findUniqueOrThrow({ where: { id: klass.id } })).name).toBe("10B History");
    const created = await createAssignment(
      data,
      t.id,
      klass.id,
      form({ kinds: "multiple-choice", attemptsAllowed: "3", timed: undefined, leaderboard: "top10" }),
    );
    expect(created.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY3479]{6}$/);
    const a = await getAssignment(data, t.id, created.id);
    expect(a.settings).toEqual({
      count: 4,
      kinds: ["multiple-choice"],
      timeLimitSeconds: null,
      speedBonus: false,
      streakBonus: true,
      attemptsAllowed: 3,
      sameQuestions: true,
      leaderboard: "top10",
    });
    const joined = await joinAssignment(data, {
      code: created.code.toLowerCase(),
      nickname: "Snow Leopard",
      player: null,
    });
    const attempt = await data.db.attempt.findUniqueOrThrow({ where: { id: joined.attemptId } });
    expect(attempt.questionCount).toBe(4);
    expect(JSON.parse(attempt.settings)).toMatchObject({
      count: 4,
      kinds: ["multiple-choice"],
      timeLimitSeconds: null,
    });
  });

  it("draws another code when the first one is taken", async () => {
    const data = current();
    const t = await teacher(data);
    const klass = await createClass(data, t.id, { name: "11A" });
    // A random source that first repeats the same code, then moves on.
    const sequence = (start: number) => {
      let n = 0;
      return (max: number) => (Math.floor(n++ / 6) === 0 ? start : start + Math.floor((n - 1) / 6)) % max;
    };
    const first = await createAssignment(data, t.id, klass.id, form(), { random: sequence(0) });
    const second = await createAssignment(data, t.id, klass.id, form(), { random: sequence(0) });
    expect(first.code).toBe("AAAAAA");
    expect(second.code).not.toBe(first.code);
    expect(await data.db.assignment.count({ where: { code: { in: [first.code, second.code] } } })).toBe(2);
  });

  it("refuses an invalid form with a message per field and creates nothing", async () => {
    const data = current();
    const t = await teacher(data);
    const klass = await createClass(data, t.id, { name: "11B" });
    const before = await data.db.assignment.count();
    const e = await rejection(
      createAssignment(data, t.id, klass.id, form({ title: "", count: "0", timeLimitSeconds: "3" })),
    );
    // Every mistake at once: the time limit too, not on a later submit.
    expect(e.fieldErrors).toEqual({
      title: "Give the assignment a title.",
      count: "Ask at least 1 question.",
      timeLimitSeconds: "Allow between 5 and 600 seconds per question.",
    });
    const tooMany = await rejection(createAssignment(data, t.id, klass.id, form({ count: "50", kinds: "timeline" })));
    expect(tooMany.fieldErrors.count).toMatch(
      /^Ask at most \d+ questions with timelines only: no two timelines in a quiz may share more than one event/,
    );
    // Over the form's own cap too: the chosen kinds' limit, in one message (not "at most 50" for timelines only).
    const wayTooMany = await rejection(
      createAssignment(data, t.id, klass.id, form({ count: "99", kinds: "timeline" })),
    );
    expect(wayTooMany.fieldErrors.count).toBe(tooMany.fieldErrors.count);
    const bothTooMany = await rejection(createAssignment(data, t.id, klass.id, form({ count: "99", kinds: "both" })));
    expect(bothTooMany.fieldErrors.count).toBe("Ask at most 50 questions.");
    expect(await data.db.assignment.count()).toBe(before);
  });

  it("stops joins when closed, lets them again when reopened, and expires the code at the due time", async () => {
    const data = current();
    const t = await teacher(data);
    const klass = await createClass(data, t.id, { name: "9C" });
    const now = new Date();
    const dueSoon = new Date(now.getTime() + 60 * 60_000);
    const local = dueSoon.toISOString().slice(0, 16);
    const oneSecondLater = at(data, new Date(now.getTime() + 1000));
    const a = await createAssignment(at(data, now), t.id, klass.id, form({ dueAt: local }));
    await closeAssignment(at(data, now), t.id, a.id);
    await expect(findJoinableAssignment(oneSecondLater, a.code)).rejects.toThrow(/closed by your teacher/);
    await reopenAssignment(at(data, now), t.id, a.id);
    await expect(findJoinableAssignment(oneSecondLater, a.code)).resolves.toMatchObject({
      id: a.id,
    });
    const afterDue = new Date(dueSoon.getTime() + 60_000);
    const expired = await findJoinableAssignment(at(data, afterDue), a.code).then(
      () => null,
      (e: unknown) => e,
    );
    expect(expired).toBeInstanceOf(AppError);
    expect((expired as AppError).code).toBe("past_due");
  });

  it("keeps hidden questions out of the teacher's assignments, and brings them back when unhidden", async () => {
    const data = current();
    const t = await teacher(data);
    const klass = await createClass(data, t.id, { name: "Hidden" });
    const bank = await reviewBank(data, t.id, "kazakhstan-2022");
    const mcQuestions = bank.filter((b) => b.question.type === "multiple-choice").map((b) => b.question);
    const mc = mcQuestions.map((q) => q.id);
    // Hide all multiple-choice questions but five on different facts: every quiz of 5 must be exactly those five.
    const keep: string[] = [];
    const facts = new Set<string>();
    for (const q of mcQuestions) {
      if (keep.length < 5 && !q.about.some((f) => facts.has(f))) {
        keep.push(q.id);
        q.about.forEach((f) => facts.add(f));
      }
    }
    const unhideLater = mc.find(
      (id) => !keep.includes(id) && !mcQuestions.find((q) => q.id === id)!.about.some((f) => facts.has(f)),
    )!;
    for (const id of mc.filter((id) => !keep.includes(id)))
      await setQuestionHidden(data, t.id, "kazakhstan-2022", id, true);
    expect((await reviewBank(data, t.id, "kazakhstan-2022")).filter((b) => b.hidden)).toHaveLength(mc.length - 5);
    const a = await createAssignment(
      data,
      t.id,
      klass.id,
      form({ count: "5", kinds: "multiple-choice", questionOrder: "shuffled" }),
    );
    for (const nickname of ["Ann", "Bek", "Cai"]) {
      const joined = await joinAssignment(data, { code: a.code, nickname, player: null });
      const ids = (await data.db.attemptQuestion.findMany({ where: { attemptId: joined.attemptId } })).map(
        (q) => q.questionId,
      );
      expect(ids.sort()).toEqual([...keep].sort());
    }
    const tooFew = await rejection(
      createAssignment(data, t.id, klass.id, form({ count: "6", kinds: "multiple-choice" })),
    );
    expect(tooFew.fieldErrors.count).toBeTruthy();
    await setQuestionHidden(data, t.id, "kazakhstan-2022", unhideLater, false);
    await expect(
      createAssignment(data, t.id, klass.id, form({ count: "6", kinds: "multiple-choice" })),
    ).resolves.toBeTruthy();
    // Another teacher's assignments are unaffected by these hidden questions.
    const other = await teacher(data);
    const otherClass = await createClass(data, other.id, { name: "Other" });
    await expect(
      createAssignment(data, other.id, otherClass.id, form({ count: "20", kinds: "multiple-choice" })),
    ).resolves.toBeTruthy();
    await expect(setQuestionHidden(data, t.id, "kazakhstan-2022", "no-such-question", true)).rejects.toThrow(
      /No such question/,
    );
  });
});

describeEachDatabase("moderation and reports", (current) => {
  async function playAll(data: AppContext, code: string, nickname: string, chooseWrong: (q: Question) => boolean) {
    const joined = await joinAssignment(data, { code, nickname, player: null });
    const player = (await findPlayer(data, joined.newCookie))!;
    const t0 = new Date();
    for (let position = 0; ; position++) {
      const served = await serveCurrentQuestion(at(data, t0), joined.attemptId, player.id).catch(() => null);
      if (!served) break;
      const key = await keyOf(data.db, joined.attemptId, position);
      const wrong = chooseWrong(key);
      const response =
        key.type === "timeline"
          ? wrong
            ? [key.answer[1], key.answer[0], ...key.answer.slice(2)]
            : key.answer
          : wrong
            ? key.options.find((o) => o.id !== key.answer)!.id
            : key.answer;
      await submitAnswer(at(data, new Date(t0.getTime() + 2000)), {
        attemptId: joined.attemptId,
        playerId: player.id,
        position,
        response,
      });
    }
    return { attemptId: joined.attemptId, player };
  }

  it("reports best scores, accuracy, the most chosen wrong option and the most swapped pair; exports both tables as CSV", async () => {
    const data = current();
    const t = await teacher(data);
    const klass = await createClass(data, t.id, { name: "Report" });
    const a = await createAssignment(data, t.id, klass.id, form({ count: "4" }));
    await playAll(data, a.code, "Wrong Way", () => true);
    await playAll(data, a.code, "Right Rider", () => false);
    await playAll(data, a.code, "Half Way", (q) => q.type === "timeline");

    const report = await assignmentReport(data, t.id, a.id);
    expect(report.students.map((s) => s.nickname)).toEqual(["Right Rider", "Half Way", "Wrong Way"]);
    expect(report.students[0]).toMatchObject({ accuracy: 1, attempts: 1, finished: true });
    expect(report.students[2]).toMatchObject({ accuracy: 0, finished: true });
    expect(report.students[2]!.bestScore!).toBeLessThan(report.students[1]!.bestScore!);
    expect(report.questions).toHaveLength(4);
    for (const q of report.questions) {
      expect(q.answered).toBe(3);
      if (q.type === "multiple-choice") {
        expect(q.shareCorrect).toBeCloseTo(2 / 3);
        expect(q.mostChosenWrong?.count).toBe(1);
      } else {
        expect(q.shareCorrect).toBeCloseTo(1 / 3);
        expect(q.mostSwapped[0]?.count).toBe(2);
      }
    }
    expect(report.distribution.reduce((s, b) => s + b.count, 0)).toBe(3);

    // Nicknames cannot start with a formula character (lib/play/nickname.ts); the cell rule is tested in tests/unit/teacher-report.test.ts.
    const students = studentsCsv(report).split("\r\n");
    expect(students[0]).toBe(
      "\uFEFFNickname,Best score,Accuracy (%),Time (s),Attempts,Finished,Hidden from leaderboard",
    );
    expect(students[1]).toMatch(/^Right Rider,\d+,100,\d+,1,yes,no$/);
    const questions = questionsCsv(report).split("\r\n");
    expect(questions[0]).toContain("Most swapped pairs");
    expect(questions.slice(1).some((line) => / before .*\(2\)/.test(line))).toBe(true);
  });

  it("neutralises formula cells in the CSV export, whatever reached the database", async () => {
    const data = current();
    const t = await teacher(data);
    const klass = await createClass(data, t.id, { name: "Formulas" });
    const a = await createAssignment(data, t.id, klass.id, form({ count: "3" }));
    const names = ['=HYPERLINK("http://evil.test","Click")', "+SUM(A1:A2)", "-2+3", "@cmd"];
    for (const [i, name] of names.entries()) {
      const { player } = await playAll(data, a.code, `Player ${i}`, () => false);
      // Today's nickname rules refuse these; older rows or a future rule change must still export safely.
      await data.db.player.update({ where: { id: player.id }, data: { nickname: name } });
    }
    const rows = studentsCsv(await assignmentReport(data, t.id, a.id))
      .split("\r\n")
      .slice(1, -1);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/^"?'[=+\-@]/);
    expect(rows.some((r) => r.startsWith(`"'=HYPERLINK(""http://evil.test"",""Click"")"`))).toBe(true);
  });

  it("hides a player from the leaderboard, removes one (their quiz stops, no rejoin), and lets them back", async () => {
    const data = current();
    const t = await teacher(data);
    const klass = await createClass(data, t.id, { name: "Moderation" });
    const a = await createAssignment(data, t.id, klass.id, form({ count: "3" }));
    const rude = await playAll(data, a.code, "Rude Name", () => false);
    await playAll(data, a.code, "Kind Name", () => true);
    const code = a.code;
    expect((await assignmentLeaderboard(data, code)).entries.map((e) => e.nickname)).toEqual([
      "Rude Name",
      "Kind Name",
    ]);

    await setPlayerHidden(data, t.id, a.id, rude.player.id, true);
    expect((await assignmentLeaderboard(data, code)).entries.map((e) => e.nickname)).toEqual(["Kind Name"]);
    expect((await assignmentReport(data, t.id, a.id)).students.find((s) => s.nickname === "Rude Name")?.hidden).toBe(
      true,
    );
    await setPlayerHidden(data, t.id, a.id, rude.player.id, false);
    expect((await assignmentLeaderboard(data, code)).entries).toHaveLength(2);

    // A player mid-quiz is removed: the quiz stops and they cannot join again from that browser.
    const joined = await joinAssignment(data, { code, nickname: "Mid Quiz", player: null });
    const mid = (await findPlayer(data, joined.newCookie))!;
    await serveCurrentQuestion(data, joined.attemptId, mid.id);
    await setPlayerRemoved(data, t.id, a.id, mid.id, true);
    await expect(serveCurrentQuestion(data, joined.attemptId, mid.id)).rejects.toThrow(/removed you/);
    await expect(
      submitAnswer(data, { attemptId: joined.attemptId, playerId: mid.id, position: 0, response: null }),
    ).rejects.toThrow(/removed you/);
    await expect(joinAssignment(data, { code, nickname: "Mid Quiz", player: mid })).rejects.toThrow(/removed you/);
    expect((await listPlayers(data, t.id, a.id)).find((p) => p.playerId === mid.id)).toMatchObject({
      removed: true,
    });
    expect((await assignmentReport(data, t.id, a.id)).students.map((s) => s.nickname)).not.toContain("Mid Quiz");
    await setPlayerRemoved(data, t.id, a.id, mid.id, false);
    await expect(serveCurrentQuestion(data, joined.attemptId, mid.id)).resolves.toMatchObject({ position: 0 });
  });
});
