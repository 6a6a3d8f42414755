// Issue 13's play-side findings, on each database: what a hostile student can and cannot
// do with the play API (ids that map to answers, answers after the due time or closing,
// attempts without limit, unjoinable assignments, nickname checks, removed players).
import { NextRequest } from "next/server";
import { expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { loadTopic } from "@/lib/content/load-topic";
import type { ServedQuestion } from "@/lib/play/attempt-view";
import { questionSchema, type Question } from "@/lib/quiz/question";
import { at, setAppContext, type AppContext } from "@/lib/server/context";
import type { Db } from "@/lib/server/db";
import { insertAssignment } from "@/lib/server/fixtures";
import { sweepAbandonedPractice } from "@/lib/server/play/cleanup";
import { guardNewAttempts } from "@/lib/server/play/guards";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { findPlayer } from "@/lib/server/play/player";
import { startPractice } from "@/lib/server/play/start-attempt";
import { createLimiters, limitTable } from "@/lib/server/rate-limit";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { fromAddress } from "../helpers/addresses";
import { describeEachDatabase } from "../helpers/test-databases";

const t0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const topic = loadTopic("kazakhstan-2022");

/** The stored key of a question (the browser never sees it; tests read it from the database). */
async function keyOf(db: Db, attemptId: string, position: number): Promise<Question> {
  const row = await db.attemptQuestion.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position } } });
  return questionSchema.parse(JSON.parse(row.question));
}

async function expectAppError(promise: Promise<unknown>, status: number, code: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ status, code });
  expect((error as AppError).message).toMatch(message);
}

/** Every id the browser receives with a served question. */
const servedIds = (s: ServedQuestion) => [
  s.question.id,
  ...(s.question.type === "multiple-choice" ? s.question.options : s.question.items).map((o) => o.id),
];

/**
 * The bot of issue 13, finding 1: it reads the study view (facts by id with their answers,
 * events by id in order) and maps a served question to its answer through the ids alone.
 * Returns null when the ids give nothing away.
 */
function botAnswer(s: ServedQuestion): string | string[] | null {
  const q = s.question;
  if (q.type === "multiple-choice") {
    const factId = /^mc:(.+):\d+$/.exec(q.id)?.[1];
    const fact = topic.facts.find((f) => f.id === factId || q.id.includes(f.id));
    if (!fact) return null;
    const answers = [fact.answer, ...fact.stems.flatMap((stem) => (stem.answer ? [stem.answer] : []))];
    return q.options.find((o) => answers.includes(o.text))?.id ?? null;
  }
  const order = topic.events.map((e) => e.id);
  if (!q.items.every((i) => order.includes(i.id))) return null;
  return q.items.map((i) => i.id).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

let codes = 0;
/** A fresh join code per test (codes are unique in a database). */
const nextCode = () => {
  const alphabet = "ACDEFGHJKMNPQRTUVWXY3479";
  const n = codes++;
  return `HP${alphabet[Math.floor(n / 24) % 24]}${alphabet[n % 24]}AA`;
};

describeEachDatabase("a hostile student", (current) => {
  it("cannot map a served question to its answer through ids: they are random per attempt, and grading still works", async () => {
    const { db } = current();
    const code = nextCode();
    // The same questions for everyone (the default): the bank ids are the same in both attempts.
    await insertAssignment(current(), { code, settings: { count: 8, timeLimitSeconds: null } });
    const a = await joinAssignment(at(current(), t0), { code, nickname: "Ana", player: null });
    const b = await joinAssignment(at(current(), t0), { code, nickname: "Ben", player: null });
    const studyIds = [...topic.facts.map((f) => f.id), ...topic.events.map((e) => e.id)];
    const kinds = new Set<string>();
    const idsOf = { [a.attemptId]: [] as string[], [b.attemptId]: [] as string[] };
    for (const { attemptId, newCookie } of [a, b]) {
      const playerId = newCookie!.playerId;
      for (let position = 0; position < 8; position++) {
        const served = await serveCurrentQuestion(at(current(), later(position)), attemptId, playerId);
        kinds.add(served.question.type);
        idsOf[attemptId]!.push(...servedIds(served));
        // Nothing served names a fact or an event, or cites the paragraphs the study view lists by fact.
        expect(botAnswer(served)).toBeNull();
        expect(served.question).not.toHaveProperty("sources");
        for (const id of servedIds(served)) for (const studyId of studyIds) expect(id).not.toContain(studyId);
        expect(JSON.stringify(served)).not.toMatch(/"(mc|tl):/);
        // An option id must fit the answers route's limit (16 characters).
        for (const id of servedIds(served)) expect(id.length).toBeLessThanOrEqual(16);
        // The server still grades: the stored key is in this attempt's ids.
        const key = await keyOf(db, attemptId, position);
        const feedback = await submitAnswer(at(current(), later(position + 1)), {
          attemptId,
          playerId,
          position,
          response: key.answer,
        });
        expect(feedback).toMatchObject({ correct: true, credit: 1 });
        for (const id of [feedback.answer].flat()) expect(servedIds(served).slice(1)).toContain(id);
      }
    }
    // The same questions (by the bank's id) with other ids in the other attempt.
    const bankIds = async (attemptId: string) =>
      (await db.attemptQuestion.findMany({ where: { attemptId } })).map((q) => q.questionId).sort();
    expect(await bankIds(a.attemptId)).toEqual(await bankIds(b.attemptId));
    for (const id of idsOf[a.attemptId]!) expect(idsOf[b.attemptId]).not.toContain(id);
    expect(kinds).toEqual(new Set(["timeline", "multiple-choice"]));
  });

  it("is served the same ids on a reload (the browser keeps a timeline's arrangement by them)", async () => {
    const code = nextCode();
    await insertAssignment(current(), { code, settings: { count: 3, kinds: ["timeline"] } });
    const a = await joinAssignment(at(current(), t0), { code, nickname: "Cem", player: null });
    const first = await serveCurrentQuestion(at(current(), t0), a.attemptId, a.newCookie!.playerId);
    const again = await serveCurrentQuestion(at(current(), later(5000)), a.attemptId, a.newCookie!.playerId);
    expect(servedIds(again)).toEqual(servedIds(first));
  });
});

describeEachDatabase("answers after the due time or after closing", (current) => {
  /** An untimed assignment due 10 s after t0, joined and its first question served at t0. */
  async function joinedBeforeDue(nickname: string) {
    const code = nextCode();
    const assignment = await insertAssignment(current(), {
      code,
      dueAt: later(10_000),
      settings: { count: 3, kinds: ["multiple-choice"], timeLimitSeconds: null },
    });
    const joined = await joinAssignment(at(current(), t0), { code, nickname, player: null });
    const playerId = joined.newCookie!.playerId;
    const { attemptId } = joined;
    const answer = async (position: number, ms: number) =>
      submitAnswer(at(current(), later(ms)), {
        attemptId,
        playerId,
        position,
        response: (await keyOf(current().db, attemptId, position)).answer,
      });
    const serve = (ms: number) => serveCurrentQuestion(at(current(), later(ms)), attemptId, playerId);
    return { assignment, attemptId, playerId, answer, serve };
  }

  it("lets a quiz begun before the due time finish, but nothing scores after it", async () => {
    const { db } = current();
    const { attemptId, answer, serve } = await joinedBeforeDue("Dana");
    expect(await serve(0)).toMatchObject({
      pastDue: false,
      attempt: { assignment: { dueAt: later(10_000).toISOString() } },
    });
    expect(await answer(0, 5000)).toMatchObject({ correct: true, points: 1000, pastDue: false });
    // 3 s after the due time: graded, said so, and worth nothing.
    expect(await serve(13_000)).toMatchObject({ position: 1, pastDue: true });
    expect(await answer(1, 13_000)).toMatchObject({
      correct: true,
      points: 0,
      streakBonus: 0,
      pastDue: true,
      score: 1000,
    });
    await serve(14_000);
    const last = await answer(2, 14_000);
    expect(last).toMatchObject({ points: 0, finished: true, score: 1000 });
    expect(await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      status: "finished",
      score: 1000,
      correctCount: 3,
    });
    // A repeated submit still returns the first result.
    expect(await answer(1, 20_000)).toMatchObject({ points: 0, pastDue: true, repeated: true });
  });

  it("takes no answer and serves no question once the teacher has closed the assignment", async () => {
    const { db } = current();
    const { assignment, attemptId, answer, serve } = await joinedBeforeDue("Emil");
    await serve(0);
    await db.assignment.update({ where: { id: assignment.id }, data: { closedAt: later(2000) } });
    await expectAppError(answer(0, 3000), 409, "closed", /closed .*answers are no longer taken/);
    await expectAppError(serve(3000), 409, "closed", /closed/);
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
    expect(await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      score: 0,
      answeredCount: 0,
    });
  });
});

describeEachDatabase("starting quizzes without end", (current) => {
  it("resumes the practice quiz in progress: starts from one browser, in a row or at once, make one attempt", async () => {
    const ctx = current();
    setAppContext(ctx);
    try {
      const { POST } = await import("@/app/api/practice/route");
      const post = (cookie?: string) =>
        POST(
          new NextRequest("http://localhost:3000/api/practice", {
            method: "POST",
            body: JSON.stringify({ nickname: "Loop Bot" }),
            headers: { "content-type": "application/json", ...fromAddress("10.50.0.1"), ...(cookie ? { cookie } : {}) },
          }),
          {} as never,
        );
      const first = await post();
      expect(first.status).toBe(201);
      const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
      const { attemptId } = (await first.json()) as { attemptId: string };
      const before = { attempts: await ctx.db.attempt.count(), questions: await ctx.db.attemptQuestion.count() };
      for (let i = 0; i < 30; i++) {
        const response = await post(cookie);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ attemptId, resumed: true });
      }
      expect(await ctx.db.attempt.count()).toBe(before.attempts);
      expect(await ctx.db.attemptQuestion.count()).toBe(before.questions);
      // Once it is finished, a burst of starts at once makes one new attempt; the others resume it.
      await ctx.db.attempt.update({ where: { id: attemptId }, data: { status: "finished", finishedAt: t0 } });
      const burst = await Promise.all(Array.from({ length: 10 }, () => post(cookie)));
      const bodies = (await Promise.all(burst.map((r) => r.json()))) as { attemptId: string; resumed: boolean }[];
      expect(new Set(bodies.map((b) => b.attemptId)).size).toBe(1);
      expect(bodies.filter((b) => !b.resumed)).toHaveLength(1);
      expect(await ctx.db.attempt.count()).toBe(before.attempts + 1);
    } finally {
      setAppContext(undefined);
    }
  });

  it("limits new attempts per player and per address; a resumed one does not count", async () => {
    const ctx: AppContext = {
      ...current(),
      limiters: createLimiters(current().db, {
        ...limitTable(current().config),
        newAttemptsPerPlayer: { points: 2, duration: 600 },
        newAttemptsPerIp: { points: 4, duration: 600 },
      }),
    };
    const start = (ip: string, nickname: string, player: { id: string; nickname: string } | null) =>
      guardNewAttempts(ctx, new Headers(fromAddress(ip)), player, (beforeCreate) =>
        startPractice(ctx, { nickname, player, topic: "kazakhstan-2022", beforeCreate }),
      );
    const finish = (attemptId: string) =>
      ctx.db.attempt.update({ where: { id: attemptId }, data: { status: "finished", finishedAt: t0 } });
    // One player, from several addresses: two new quizzes, then 429; resuming is never refused.
    const first = await start("10.51.0.1", "Quick Quinn", null);
    const player = (await findPlayer(ctx, first.newCookie))!;
    await finish(first.attemptId);
    const second = await start("10.51.0.2", "Quick Quinn", player);
    await finish(second.attemptId);
    const third = await start("10.51.0.3", "Quick Quinn", player);
    expect([second.resumed, third.resumed]).toEqual([false, false]);
    for (const ip of ["10.51.0.4", "10.51.0.5", "10.51.0.6"])
      expect(await start(ip, "Quick Quinn", player)).toMatchObject({ attemptId: third.attemptId, resumed: true });
    await finish(third.attemptId);
    const before = await ctx.db.attempt.count();
    await expect(start("10.51.0.7", "Quick Quinn", player)).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/^Too many new quizzes started from this browser\. Try again in 10 minutes\.$/),
    });
    expect(await ctx.db.attempt.count()).toBe(before);
    // One address, many new players: four quizzes, then 429 for the fifth; another address is unaffected.
    for (const n of [1, 2, 3, 4]) await start("10.52.0.1", `Crowd ${n}`, null);
    await expect(start("10.52.0.1", "Crowd Five", null)).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/new quizzes started from this network/),
    });
    await expect(start("10.52.0.2", "Crowd Five", null)).resolves.toMatchObject({ resumed: false });
  });

  it("sweeps practice quizzes left unfinished for a day, and nothing else", async () => {
    const { db } = current();
    const code = nextCode();
    await insertAssignment(current(), { code });
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    const started = async (nickname: string) =>
      (await startPractice(current(), { nickname, player: null, topic: "kazakhstan-2022" })).attemptId;
    const abandoned = await started("Gone Away");
    const fresh = await started("Still Here");
    const finishedOld = await started("Done Long Ago");
    const assignedOld = (await joinAssignment(current(), { code, nickname: "Class Kid", player: null })).attemptId;
    await db.attempt.updateMany({
      where: { id: { in: [abandoned, finishedOld, assignedOld] } },
      data: { startedAt: dayAgo },
    });
    await db.attempt.update({ where: { id: finishedOld }, data: { status: "finished", finishedAt: dayAgo } });
    expect(await sweepAbandonedPractice(current())).toBeGreaterThanOrEqual(1);
    const left = new Set((await db.attempt.findMany({ select: { id: true } })).map((a) => a.id));
    expect(left.has(abandoned)).toBe(false);
    expect(await db.attemptQuestion.count({ where: { attemptId: abandoned } })).toBe(0);
    for (const kept of [fresh, finishedOld, assignedOld]) expect(left.has(kept)).toBe(true);
  });
});

describeEachDatabase("nicknames in a class", (current) => {
  it("compares a joining name with the assignment's other players, even when the browser took it in practice first", async () => {
    const code = nextCode();
    await insertAssignment(current(), { code, settings: { attemptsAllowed: null } });
    const alice = await joinAssignment(at(current(), t0), { code, nickname: "Alice", player: null });
    // Another browser plays practice as "Alice", then joins the class with the same name.
    const practice = await startPractice(current(), { nickname: "Alice", player: null, topic: "kazakhstan-2022" });
    const impostor = await findPlayer(current(), practice.newCookie);
    await expectAppError(
      joinAssignment(at(current(), t0), { code, nickname: "Alice", player: impostor }),
      409,
      "nickname_taken",
      /already called Alice/,
    );
    // The real Alice's browser still resumes, and may start again once finished.
    const real = await findPlayer(current(), alice.newCookie);
    expect(await joinAssignment(at(current(), t0), { code, nickname: "Alice", player: real })).toMatchObject({
      attemptId: alice.attemptId,
      resumed: true,
    });
    await current().db.attempt.update({ where: { id: alice.attemptId }, data: { status: "finished", finishedAt: t0 } });
    expect(await joinAssignment(at(current(), t0), { code, nickname: "Alice", player: real })).toMatchObject({
      resumed: false,
    });
  });
});
