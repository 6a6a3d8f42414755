// Serving, answering, scoring, resuming and refusing bad requests, on each database.
import { expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { at, type AppContext } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { getResults } from "@/lib/server/play/attempt-results";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { playAgain } from "@/lib/server/play/play-again";
import { getAttemptSummary } from "@/lib/server/play/read-attempt";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { findPlayer, parsePlayerCookie, formatPlayerCookie } from "@/lib/server/play/player";
import { startPractice } from "@/lib/server/play/start-attempt";
import { questionSchema, type Question } from "@/lib/quiz/question";
import type { Db } from "@/lib/server/db";
import { describeEachDatabase } from "../helpers/test-databases";

const t0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

async function practice(ctx: AppContext, nickname = "Steppe Fox") {
  const started = await startPractice(ctx, { nickname, player: null, topic: "kazakhstan-2022" });
  const player = await findPlayer(ctx, started.newCookie);
  return { attemptId: started.attemptId, player: player!, playerId: player!.id, cookie: started.newCookie! };
}

/**
 * A practice quiz whose first question was served at t0, that question with its key,
 * and `answer`: the player's answer to a question, reaching the server `ms` after t0.
 */
async function servedPractice(ctx: AppContext, nickname?: string) {
  const started = await practice(ctx, nickname);
  const { attemptId, playerId } = started;
  await serveCurrentQuestion(at(ctx, t0), attemptId, playerId);
  const answer = (position: number, response: unknown, ms: number) =>
    submitAnswer(at(ctx, later(ms)), { attemptId, playerId, position, response });
  return { ...started, q: await keyOf(ctx.db, attemptId, 0), answer };
}

/** The stored key of a served question (the browser never sees it; tests read it from the database). */
async function keyOf(db: Db, attemptId: string, position: number): Promise<Question> {
  const row = await db.attemptQuestion.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position } } });
  return questionSchema.parse(JSON.parse(row.question));
}

const rightAnswer = (q: Question) => q.answer;
const wrongAnswer = (q: Question) =>
  q.type === "timeline" ? [...q.answer].reverse() : q.options.find((o) => o.id !== q.answer)!.id;

async function expectAppError(promise: Promise<unknown>, status: number, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  expect((error as AppError).message).toMatch(message);
}

describeEachDatabase("playing a quiz", (current) => {
  it("starts a practice quiz of 10 mixed questions and serves the first without its key", async () => {
    const { db } = current();
    const { attemptId, playerId } = await practice(current());
    const served = await serveCurrentQuestion(at(current(), t0), attemptId, playerId);
    expect(served.position).toBe(0);
    expect(served.attempt.questionCount).toBe(10);
    expect(served.deadline).toBe(later(60_000).toISOString());
    expect(served.question).not.toHaveProperty("answer");
    expect(served.question).not.toHaveProperty("explanation");
    const kinds = new Set(
      (await db.attemptQuestion.findMany({ where: { attemptId } })).map(
        (r) => (JSON.parse(r.question) as Question).type,
      ),
    );
    expect(kinds).toEqual(new Set(["timeline", "multiple-choice"]));
  });

  it("keeps the clock of a served question when it is asked for again (refresh, second tab)", async () => {
    const { attemptId, playerId } = await practice(current());
    const first = await serveCurrentQuestion(at(current(), t0), attemptId, playerId);
    const again = await serveCurrentQuestion(at(current(), later(5000)), attemptId, playerId);
    expect(again.servedAt).toBe(first.servedAt);
    expect(again.question).toEqual(first.question);
  });

  it("grades on the server and scores by the server's clock, whatever the client claims", async () => {
    const { q, answer } = await servedPractice(current());
    const feedback = await answer(0, rightAnswer(q), 30_000);
    expect(feedback).toMatchObject({ correct: true, credit: 1, points: 750, score: 750, streak: 1, repeated: false });
    expect(feedback.answer).toEqual(q.answer);
    expect(feedback.explanation).toBe(q.explanation);
  });

  it("answers each question at most once: a repeated submit returns the first result and scores nothing", async () => {
    const { attemptId, playerId, q, answer } = await servedPractice(current());
    const first = await answer(0, rightAnswer(q), 1000);
    const second = await answer(0, wrongAnswer(q), 2000);
    expect(second).toEqual({ ...first, repeated: true });
    const attempt = await getAttemptSummary(current(), attemptId, playerId);
    expect(attempt).toMatchObject({ score: first.points, answeredCount: 1 });
  });

  it("scores concurrent duplicate submits once", async () => {
    const { db } = current();
    const { attemptId, playerId, q, answer } = await servedPractice(current());
    const results = await Promise.all(Array.from({ length: 5 }, () => answer(0, rightAnswer(q), 1000)));
    expect(new Set(results.map((r) => r.points)).size).toBe(1);
    expect(await db.answer.count({ where: { attemptId } })).toBe(1);
    expect((await getAttemptSummary(current(), attemptId, playerId)).score).toBe(results[0]!.points);
  });

  it("records an answer whose attempt changed after it was read by the attempt's stored streak, and only once", async () => {
    const { db, store } = current();
    const { attemptId, playerId } = await practice(current());
    await serveCurrentQuestion(at(current(), t0), attemptId, playerId);
    const question = await db.attemptQuestion.findUniqueOrThrow({
      where: { attemptId_position: { attemptId, position: 0 } },
    });
    await db.attempt.update({ where: { id: attemptId }, data: { streak: 4 } }); // since the answer's read (streak 0)
    const answer = {
      attemptId,
      attemptQuestionId: question.id,
      response: '"a"',
      credit: 1,
      elapsedMs: 1000,
      createdAt: later(1000),
    };
    const score = (streakBefore: number) => ({
      correct: true,
      points: 1000 + streakBefore,
      streakAfter: streakBefore + 1,
      detail: "{}",
    });
    const recorded = await store.recordAnswer({ ...answer, seen: { streak: 0, answeredCount: 0 } }, score);
    expect(recorded).toMatchObject({ outcome: "recorded", attempt: { score: 1004, streak: 5 } });
    // Sent again, read after the first was stored: a duplicate, whatever was read.
    expect((await store.recordAnswer({ ...answer, seen: { streak: 5, answeredCount: 1 } }, score)).outcome).toBe(
      "duplicate",
    );
    expect((await store.recordAnswer(answer, score)).outcome).toBe("duplicate");
    expect(await db.answer.count({ where: { attemptId } })).toBe(1);
    expect(await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      score: 1004,
      streak: 5,
      answeredCount: 1,
    });
    await db.attempt.update({ where: { id: attemptId }, data: { status: "finished" } });
    const next = await db.attemptQuestion.findUniqueOrThrow({
      where: { attemptId_position: { attemptId, position: 1 } },
    });
    const late = { ...answer, attemptQuestionId: next.id, seen: { streak: 5, answeredCount: 1 } };
    expect((await store.recordAnswer(late, score)).outcome).toBe("finished");
    expect(await db.answer.count({ where: { attemptId } })).toBe(1);
  });

  it("gives a late answer 0 points and breaks the streak", async () => {
    const { q, answer } = await servedPractice(current());
    const feedback = await answer(0, rightAnswer(q), 62_000);
    expect(feedback).toMatchObject({ late: true, points: 0, correct: false, streak: 0 });
  });

  it("plays a whole quiz: streak bonus, partial timeline credit, finish, results and resume", async () => {
    const { db } = current();
    const { attemptId, playerId } = await practice(current());
    let expectedScore = 0;
    for (let position = 0; position < 10; position++) {
      const served = await serveCurrentQuestion(at(current(), later(position * 10_000)), attemptId, playerId);
      expect(served.position).toBe(position);
      const q = await keyOf(db, attemptId, position);
      const response = position === 3 ? wrongAnswer(q) : rightAnswer(q);
      const feedback = await submitAnswer(at(current(), later(position * 10_000)), {
        attemptId,
        playerId,
        position,
        response,
      });
      expectedScore += feedback.points;
      expect(feedback.score).toBe(expectedScore);
      if (position === 1) expect(feedback.streakBonus).toBe(100);
      if (position === 3) expect(feedback.streak).toBe(0);
      if (position === 3 && q.type === "timeline") expect(feedback.swapped.length).toBeGreaterThan(0);
    }
    await expectAppError(serveCurrentQuestion(at(current(), later(200_000)), attemptId, playerId), 409, /finished/);
    const results = await getResults(current(), attemptId, playerId);
    expect(results.attempt).toMatchObject({ status: "finished", score: expectedScore, correctCount: 9 });
    expect(results.review).toHaveLength(10);
    expect(results.revisit.map((r) => r.id)).toEqual(results.review[3]!.question.about);
    // Each named as the study view names it (a fact's short label), never by a question's stem.
    expect(results.revisit.every((r) => r.label.length > 3 && !r.label.endsWith("?"))).toBe(true);
  });

  it("takes a timed-out question (no answer) as 0 points and moves on", async () => {
    const { attemptId, playerId, answer } = await servedPractice(current());
    const feedback = await answer(0, null, 61_000);
    expect(feedback).toMatchObject({ correct: false, credit: 0, points: 0, swapped: [] });
    expect((await serveCurrentQuestion(at(current(), later(62_000)), attemptId, playerId)).position).toBe(1);
  });

  it("resumes after a lost connection: the attempt, its score and the current question survive", async () => {
    const { attemptId, playerId, q, answer } = await servedPractice(current());
    const answered = await answer(0, rightAnswer(q), 1000);
    // A fresh request, as after a reload: nothing in memory, only the cookie and the id.
    const resumed = await serveCurrentQuestion(at(current(), later(60_000)), attemptId, playerId);
    expect(resumed.position).toBe(1);
    expect(resumed.attempt.score).toBe(answered.score);
  });

  it("takes an answer from the browser's cookie only when its secret matches the player's", async () => {
    const { db } = current();
    const { attemptId, playerId, cookie } = await practice(current());
    const other = await practice(current(), "Other Player");
    await serveCurrentQuestion(at(current(), t0), attemptId, playerId);
    const q = await keyOf(db, attemptId, 0);
    const answer = { attemptId, position: 0, response: rightAnswer(q) };
    const oneSecondIn = at(current(), later(1000));
    await expectAppError(
      submitAnswer(oneSecondIn, { ...answer, cookie: { playerId, secret: "x".repeat(32) } }),
      404,
      /not yours/,
    );
    await expectAppError(
      submitAnswer(oneSecondIn, { ...answer, cookie: { playerId, secret: other.cookie.secret } }),
      404,
      /not yours/,
    );
    await expectAppError(submitAnswer(oneSecondIn, { ...answer, cookie: other.cookie }), 404, /not yours/);
    await expectAppError(submitAnswer(oneSecondIn, { ...answer, cookie: null }), 404, /not yours/);
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
    const feedback = await submitAnswer(oneSecondIn, { ...answer, cookie });
    expect(feedback).toMatchObject({ correct: true, repeated: false, position: 0 });
    expect(await db.answer.count({ where: { attemptId } })).toBe(1);
  });

  it("refuses bad requests with a clear error and changes nothing", async () => {
    const { db } = current();
    const { attemptId, playerId } = await practice(current());
    const other = await practice(current(), "Other Player");
    await serveCurrentQuestion(at(current(), t0), attemptId, playerId);
    const q = await keyOf(db, attemptId, 0);
    await expectAppError(
      submitAnswer(at(current(), t0), { attemptId, playerId, position: 1, response: "a" }),
      409,
      /not been asked yet/,
    );
    await expectAppError(
      submitAnswer(at(current(), t0), { attemptId, playerId, position: 42, response: "a" }),
      404,
      /no question 43/,
    );
    await expectAppError(
      submitAnswer(at(current(), t0), {
        attemptId,
        playerId,
        position: 0,
        response: q.type === "timeline" ? ["x"] : "z",
      }),
      400,
      /exactly once|not one of/,
    );
    await expectAppError(
      submitAnswer(at(current(), t0), { attemptId: "nope", playerId, position: 0, response: "a" }),
      404,
      /No such quiz/,
    );
    await expectAppError(
      submitAnswer(at(current(), t0), { attemptId, playerId: other.playerId, position: 0, response: rightAnswer(q) }),
      404,
      /not yours/,
    );
    await expectAppError(serveCurrentQuestion(at(current(), t0), attemptId, null), 404, /No such quiz/);
    expect(await db.answer.count({ where: { attemptId } })).toBe(0);
    expect((await getAttemptSummary(current(), attemptId, playerId)).score).toBe(0);
    await expectAppError(getResults(current(), attemptId, playerId), 409, /last question/);
  });

  it("proves the player by the cookie's secret, not its id alone", async () => {
    const started = await startPractice(current(), {
      nickname: "Cookie Owner",
      player: null,
      topic: "kazakhstan-2022",
    });
    const cookie = formatPlayerCookie(started.newCookie!);
    expect(await findPlayer(current(), parsePlayerCookie(cookie))).toMatchObject({ nickname: "Cookie Owner" });
    const forged = parsePlayerCookie(`${started.newCookie!.playerId}.${"x".repeat(32)}`);
    expect(await findPlayer(current(), forged)).toBeNull();
  });

  it("refuses a rejected nickname with a suggestion, creating nothing", async () => {
    const { db } = current();
    const before = await db.player.count();
    const error = await startPractice(current(), {
      nickname: "shithead",
      player: null,
      topic: "kazakhstan-2022",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, details: { suggestion: expect.any(String) } });
    expect(await db.player.count()).toBe(before);
  });

  it("plays again, asking first about what was missed", async () => {
    const { db } = current();
    const { attemptId, player, playerId } = await practice(current());
    const missed: string[] = [];
    for (let position = 0; position < 10; position++) {
      await serveCurrentQuestion(at(current(), later(position)), attemptId, playerId);
      const q = await keyOf(db, attemptId, position);
      if (q.type === "multiple-choice" && missed.length < 2) {
        missed.push(...q.about);
        await submitAnswer(at(current(), later(position)), { attemptId, playerId, position, response: wrongAnswer(q) });
      } else
        await submitAnswer(at(current(), later(position)), { attemptId, playerId, position, response: rightAnswer(q) });
    }
    const again = await playAgain(current(), { attemptId, player });
    const about = (await db.attemptQuestion.findMany({ where: { attemptId: again.attemptId } })).flatMap(
      (r) => (JSON.parse(r.question) as Question).about,
    );
    expect(about).toEqual(expect.arrayContaining(missed));
  });
});

describeEachDatabase("joining an assigned quiz by code", (current) => {
  let n = 0;
  const code = () =>
    `ACD${["347", "349", "374", "379", "394", "397", "437", "439", "473", "479", "493", "497"][n++ % 12]}`;

  it("plays the assignment's settings, the same questions for everyone when so set", async () => {
    const { db } = current();
    const c = code();
    await insertAssignment(current(), {
      code: c,
      settings: { count: 4, kinds: ["multiple-choice"], timeLimitSeconds: null },
    });
    const a = await joinAssignment(at(current(), t0), {
      code: c.toLowerCase().replace(/(...)/, "$1 "),
      nickname: "Ana",
      player: null,
    });
    const b = await joinAssignment(at(current(), t0), { code: c, nickname: "Ben", player: null });
    const ids = async (id: string) =>
      (await db.attemptQuestion.findMany({ where: { attemptId: id }, orderBy: { position: "asc" } })).map(
        (r) => r.questionId,
      );
    expect(await ids(a.attemptId)).toEqual(await ids(b.attemptId));
    const playerId = a.newCookie!.playerId;
    const served = await serveCurrentQuestion(at(current(), t0), a.attemptId, playerId);
    expect(served).toMatchObject({
      deadline: null,
      attempt: { questionCount: 4, mode: "assigned", assignment: { code: c } },
    });
    expect(served.question.type).toBe("multiple-choice");
  });

  it("resumes the same attempt when the same browser joins again with the same name", async () => {
    const c = code();
    await insertAssignment(current(), { code: c });
    const first = await joinAssignment(at(current(), t0), { code: c, nickname: "Cy", player: null });
    const player = await findPlayer(current(), first.newCookie);
    const again = await joinAssignment(at(current(), t0), { code: c, nickname: "Cy", player });
    expect(again).toMatchObject({ attemptId: first.attemptId, resumed: true });
  });

  it.each([
    ["an unknown code", {}, "XXXXXX", 404, /No quiz uses the code/],
    ["a malformed code", {}, "AB", 400, /never contains B\. Codes never use 0, O, 1, I, L, 5, S, 2, Z, 8 or B/],
    ["a closed assignment", { closedAt: new Date("2026-03-01T00:00:00Z") }, null, 410, /closed by your teacher/],
    ["an assignment past its due time", { dueAt: new Date("2026-03-01T00:00:00Z") }, null, 410, /was due/],
    ["an assignment not open yet", { opensAt: new Date("2026-03-03T00:00:00Z") }, null, 403, /opens/],
  ])("refuses %s with a clear message", async (_label, dates, override, status, message) => {
    const { db } = current();
    const c = code();
    await insertAssignment(current(), { code: c, ...dates });
    const before = await db.attempt.count();
    await expectAppError(
      joinAssignment(at(current(), t0), { code: override ?? c, nickname: "Dee", player: null }),
      status as number,
      message as RegExp,
    );
    expect(await db.attempt.count()).toBe(before);
  });

  it("refuses a nickname already taken in the assignment, and a player whose attempts are used up", async () => {
    const { db } = current();
    const c = code();
    await insertAssignment(current(), {
      code: c,
      settings: { count: 1, kinds: ["multiple-choice"], attemptsAllowed: 1 },
    });
    const first = await joinAssignment(at(current(), t0), { code: c, nickname: "Eve", player: null });
    await expectAppError(
      joinAssignment(at(current(), t0), { code: c, nickname: "Eve", player: null }),
      409,
      /already called Eve/,
    );
    const player = await findPlayer(current(), first.newCookie);
    await serveCurrentQuestion(at(current(), t0), first.attemptId, player!.id);
    const q = await keyOf(db, first.attemptId, 0);
    await submitAnswer(at(current(), t0), {
      attemptId: first.attemptId,
      playerId: player!.id,
      position: 0,
      response: rightAnswer(q),
    });
    await expectAppError(
      joinAssignment(at(current(), t0), { code: c, nickname: "Eve", player }),
      409,
      /used all 1 attempt/,
    );
  });
});
