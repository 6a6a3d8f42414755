// Where an attempt stands when its page opens, reloads or comes back: a reload never skips a
// verdict, and the next question's clock starts only when the player asks for it.
import { expect, it } from "vitest";
import { at, type AppContext } from "@/lib/server/context";
import { findPlayer } from "@/lib/server/play/player";
import { getResumePoint, serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { startPractice } from "@/lib/server/play/start-attempt";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { questionSchema } from "@/lib/quiz/question";
import { describeEachDatabase } from "../helpers/test-databases";

const t0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

async function practice(ctx: AppContext) {
  const started = await startPractice(ctx, { nickname: "Steppe Fox", player: null, topic: "kazakhstan-2022" });
  const player = await findPlayer(ctx, started.newCookie);
  const attemptId = started.attemptId;
  const playerId = player!.id;
  const key = async (position: number) => {
    const row = await ctx.db.attemptQuestion.findUniqueOrThrow({
      where: { attemptId_position: { attemptId, position } },
    });
    return questionSchema.parse(JSON.parse(row.question)).answer;
  };
  const resume = (ms: number, startFirst = false) =>
    getResumePoint(at(ctx, later(ms)), attemptId, playerId, { startFirst });
  const servedAt = async (position: number) =>
    (await ctx.db.attemptQuestion.findUniqueOrThrow({ where: { attemptId_position: { attemptId, position } } }))
      .servedAt;
  return { attemptId, playerId, key, resume, servedAt };
}

describeEachDatabase("resuming an attempt", (current) => {
  it("serves the first question only when asked to start, and then resumes it with its clock", async () => {
    const { resume, servedAt } = await practice(current());
    expect(await resume(0)).toEqual({ kind: "not-started" });
    expect(await servedAt(0)).toBeNull();
    const first = await resume(1_000, true);
    expect(first).toMatchObject({ kind: "question", served: { position: 0, servedAt: later(1_000).toISOString() } });
    // Coming back later shows the same question on the same clock.
    expect(await resume(9_000)).toMatchObject({ kind: "question", served: { servedAt: later(1_000).toISOString() } });
  });

  it("after an answer, shows its verdict and starts no clock until the next question is asked for", async () => {
    const ctx = current();
    const { attemptId, playerId, key, resume, servedAt } = await practice(ctx);
    await serveCurrentQuestion(at(ctx, t0), attemptId, playerId);
    const answer = await key(0);
    await submitAnswer(at(ctx, later(5_000)), { attemptId, playerId, position: 0, response: answer });

    const point = await resume(30_000, true);
    expect(point).toMatchObject({ kind: "feedback", served: { position: 0 }, response: answer });
    if (point.kind !== "feedback") throw new Error("expected the verdict");
    expect(point.feedback).toMatchObject({ position: 0, correct: true, repeated: true, late: false });
    expect(point.feedback.points).toBeGreaterThan(0);
    expect(point.feedback.score).toBe(point.feedback.points);
    expect(await servedAt(1)).toBeNull();

    await serveCurrentQuestion(at(ctx, later(40_000)), attemptId, playerId);
    expect(await resume(41_000)).toMatchObject({ kind: "question", served: { position: 1 } });
  });

  it("calls a missing answer time's up, even when it arrived before the server's grace period ended", async () => {
    const ctx = current();
    const { attemptId, playerId } = await practice(ctx);
    await serveCurrentQuestion(at(ctx, t0), attemptId, playerId);
    const feedback = await submitAnswer(at(ctx, later(59_500)), { attemptId, playerId, position: 0, response: null });
    expect(feedback).toMatchObject({ late: true, points: 0, correct: false });
  });
});
