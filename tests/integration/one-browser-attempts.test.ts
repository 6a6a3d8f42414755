// One browser, one class quiz: a new nickname typed after Back neither starts a second attempt nor gets
// round the attempts allowed.
import { expect, it } from "vitest";
import { at } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { joinAssignment, openAttemptIn } from "@/lib/server/play/join-assignment";
import { findPlayer } from "@/lib/server/play/player";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { questionSchema } from "@/lib/quiz/question";
import { describeEachDatabase, rejection } from "../helpers/test-databases";

const t0 = new Date("2026-03-02T09:00:00Z");
let n = 0;
const code = () => `MRT${["347", "349", "374"][n++ % 3]}`;

describeEachDatabase("one browser in a class quiz", (current) => {
  async function joined(attemptsAllowed: 1 | null) {
    const c = code();
    await insertAssignment(current(), { code: c, settings: { count: 1, kinds: ["multiple-choice"], attemptsAllowed } });
    const first = await joinAssignment(at(current(), t0), { code: c, nickname: "Meruert", player: null });
    const player = (await findPlayer(current(), first.newCookie))!;
    return { c, first, player };
  }

  it("resumes the quiz in progress whatever nickname the browser types", async () => {
    const { db } = current();
    const { c, first, player } = await joined(1);
    // The join page offers it first: "Continue your quiz as Meruert".
    const assignment = await db.assignment.findUniqueOrThrow({ where: { code: c } });
    expect(await openAttemptIn(current(), assignment.id, player)).toEqual({
      attemptId: first.attemptId,
      nickname: "Meruert",
    });
    expect(await openAttemptIn(current(), assignment.id, null)).toBeNull();
    const again = await joinAssignment(at(current(), t0), { code: c, nickname: "Meruert2", player });
    expect(again).toEqual({ attemptId: first.attemptId, newCookie: null, resumed: true });
    expect(await db.attempt.count({ where: { assignment: { code: c } } })).toBe(1);
    expect(await db.player.count({ where: { nickname: "Meruert2" } })).toBe(0);
  });

  it("refuses a browser that has used its attempts under any nickname, and another browser is still welcome", async () => {
    const { db } = current();
    const { c, first, player } = await joined(1);
    await serveCurrentQuestion(at(current(), t0), first.attemptId, player.id);
    const row = await db.attemptQuestion.findFirstOrThrow({ where: { attemptId: first.attemptId } });
    const q = questionSchema.parse(JSON.parse(row.question));
    await submitAnswer(at(current(), t0), {
      attemptId: first.attemptId,
      playerId: player.id,
      position: 0,
      response: q.answer,
    });
    const before = await db.player.count();
    const error = await rejection(joinAssignment(at(current(), t0), { code: c, nickname: "Meruert2", player }));
    expect(error.status).toBe(409);
    expect(error.message).toBe("You have already played this quiz (1 attempt).");
    expect(await db.player.count()).toBe(before);
    expect(await db.attempt.count({ where: { assignment: { code: c } } })).toBe(1);
    // A classmate on another device (no player cookie) joins as usual.
    const other = await joinAssignment(at(current(), t0), { code: c, nickname: "Dana", player: null });
    expect(other.resumed).toBe(false);
  });

  it("lets a finished browser start again under a new name when attempts are unlimited", async () => {
    const { c, first, player } = await joined(null);
    await current().db.attempt.update({ where: { id: first.attemptId }, data: { status: "finished" } });
    const again = await joinAssignment(at(current(), t0), { code: c, nickname: "Meruert2", player });
    expect(again.resumed).toBe(false);
    expect(again.attemptId).not.toBe(first.attemptId);
  });
});
