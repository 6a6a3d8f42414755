// Learn mode on each database: a quiz picked from the player's memory model — what is due,
// weakest first, new items mixed in — each question saying why; and the mastery the study
// view shows.
import { expect, it } from "vitest";
import { loadTopic } from "@/lib/content/load-topic";
import { studyMastery } from "@/lib/play/mastery";
import { at, type AppContext } from "@/lib/server/context";
import { memoryOf, startLearn } from "@/lib/server/play/learn";
import { playAgain } from "@/lib/server/play/play-again";
import { findPlayer, type Player } from "@/lib/server/play/player";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { startPractice } from "@/lib/server/play/start-attempt";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { questionSchema, type Question } from "@/lib/quiz/question";
import { describeEachDatabase } from "../helpers/test-databases";

const TOPIC = "kazakhstan-2022";
const t0 = new Date("2026-03-02T09:00:00Z");
const MINUTE = 60_000;
const DAY = 86_400_000;
const topic = loadTopic(TOPIC);
const label = new Map(topic.events.map((e) => [e.id, e.label]));

async function questionsOf(ctx: AppContext, attemptId: string): Promise<Question[]> {
  const rows = await ctx.db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
  return rows.map((r) => questionSchema.parse(JSON.parse(r.question)));
}

async function playThrough(
  ctx: AppContext,
  attemptId: string,
  playerId: string,
  start: Date,
  respond: (q: Question) => unknown,
) {
  for (const [position, q] of (await questionsOf(ctx, attemptId)).entries()) {
    const served = new Date(start.getTime() + position * 10_000);
    await serveCurrentQuestion(at(ctx, served), attemptId, playerId);
    await submitAnswer(at(ctx, new Date(served.getTime() + 3_000)), {
      attemptId,
      playerId,
      position,
      response: respond(q),
    });
  }
}

const wrong = (q: Question) => (q.type === "multiple-choice" ? q.options.find((o) => o.id !== q.answer)!.id : null);
/** Plays a practice quiz: every other multiple-choice question wrong, each timeline with its first two events swapped. */
async function practicedPlayer(ctx: AppContext, nickname: string) {
  const started = await startPractice(at(ctx, t0), { nickname, player: null, topic: TOPIC });
  const player = (await findPlayer(ctx, started.newCookie))! as Player;
  const practice = await questionsOf(ctx, started.attemptId);
  const missed: string[] = [];
  const right: string[] = [];
  await playThrough(ctx, started.attemptId, player.id, t0, (q) => {
    if (q.type === "timeline") return [q.answer[1], q.answer[0], ...q.answer.slice(2)];
    const fact = q.about[0]!;
    if (missed.length <= right.length) {
      missed.push(fact);
      return wrong(q);
    }
    right.push(fact);
    return q.answer;
  });
  const swappedPairs = practice.filter((q) => q.type === "timeline").map((q) => [q.about[0]!, q.about[1]!] as const);
  return { player, missed, right, swappedPairs, practice };
}

describeEachDatabase("Learn mode", (current) => {
  it("resumes the Learn round the same browser and name have in progress, never their practice", async () => {
    const ctx = current();
    const practice = await startPractice(at(ctx, t0), { nickname: "Learner Back", player: null, topic: TOPIC });
    const player = (await findPlayer(ctx, practice.newCookie))!;
    const first = await startLearn(at(ctx, t0), { nickname: "Learner Back", player, topic: TOPIC });
    expect(first).toMatchObject({ newCookie: null, resumed: false });
    expect(first.attemptId).not.toBe(practice.attemptId);
    const again = await startLearn(at(ctx, t0), { nickname: "Learner Back", player, topic: TOPIC });
    expect(again).toEqual({ attemptId: first.attemptId, newCookie: null, resumed: true });
    // Another name on the same browser is another player, with a round of its own.
    expect(await startLearn(at(ctx, t0), { nickname: "Someone Else", player, topic: TOPIC })).toMatchObject({
      resumed: false,
    });
  });

  it("gives a player with no memory ten new questions, each saying so", async () => {
    const ctx = current();
    const started = await startLearn(at(ctx, t0), { nickname: "Learner New", player: null, topic: TOPIC });
    const attempt = await ctx.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(attempt.mode).toBe("learn");
    const questions = await questionsOf(ctx, started.attemptId);
    expect(questions).toHaveLength(10);
    expect(questions.every((q) => q.reason?.kind === "new")).toBe(true);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(["timeline", "multiple-choice"]));
  });

  it("asks what was missed or swapped first, says why, and mixes in new items", async () => {
    const ctx = current();
    const { player, missed, swappedPairs, practice } = await practicedPlayer(ctx, "Learner One");
    expect(missed.length).toBeGreaterThan(0);
    // Two minutes later: the misses (FSRS: again in 1 minute) are due; what was right (10 minutes) is not.
    const soon = new Date(t0.getTime() + 2 * MINUTE + 100_000);
    const started = await startLearn(at(ctx, soon), { nickname: "Learner One", player, topic: TOPIC });
    const questions = await questionsOf(ctx, started.attemptId);
    expect(questions).toHaveLength(10);
    const kinds = questions.map((q) => q.reason!.kind);
    // Every missed fact comes back, marked as missed; nothing answered right is due yet.
    for (const fact of missed) {
      const q = questions.find((x) => x.type === "multiple-choice" && x.about[0] === fact);
      expect(q?.reason, fact).toEqual({ kind: "missed" });
    }
    expect(kinds).not.toContain("due");
    // A timeline holding a swapped pair comes back and names the two events, alphabetically.
    const swappedBack = questions.filter((q) => q.reason?.kind === "swapped");
    expect(swappedBack.length).toBeGreaterThan(0);
    for (const q of swappedBack) {
      const events = (q.reason as { events: [string, string] }).events;
      expect([...events].sort((a, b) => a.localeCompare(b))).toEqual(events);
      const pair = swappedPairs.find(([a, b]) => [label.get(a), label.get(b)].sort().join("|") === events.join("|"));
      expect(pair, events.join(" / ")).toBeDefined();
      expect(q.about).toEqual(expect.arrayContaining([...pair!]));
    }
    // Due items before the first new one; about a third new.
    const firstNew = kinds.indexOf("new");
    expect(firstNew).toBeGreaterThan(0);
    expect(kinds.filter((k) => k === "new").length).toBeGreaterThanOrEqual(2);
    const askedBefore = new Set(practice.flatMap((q) => (q.type === "multiple-choice" ? q.about : [])));
    for (const q of questions.filter((x) => x.reason?.kind === "new" && x.type === "multiple-choice"))
      expect(askedBefore.has(q.about[0]!)).toBe(false);
  });

  it("a day later brings back what was right too, as due, and the study view's mastery follows", async () => {
    const ctx = current();
    const { player, missed, right } = await practicedPlayer(ctx, "Learner Two");
    const cards = await memoryOf(ctx, player.id, TOPIC);
    const now = new Date(t0.getTime() + 5 * MINUTE);
    const mastery = studyMastery(topic, cards, now);
    for (const fact of missed) expect(mastery.facts[fact], fact).toBe("shaky");
    for (const fact of right) expect(mastery.facts[fact], fact).toBe("known");
    const untouched = topic.facts.find((f) => !missed.includes(f.id) && !right.includes(f.id))!;
    expect(mastery.facts[untouched.id]).toBe("new");
    expect(mastery.counts.known + mastery.counts.shaky + mastery.counts.new).toBe(
      topic.facts.length + topic.events.length,
    );

    const later = new Date(t0.getTime() + DAY);
    const started = await startLearn(at(ctx, later), { nickname: "Learner Two", player, topic: TOPIC });
    const kinds = (await questionsOf(ctx, started.attemptId)).map((q) => q.reason!.kind);
    expect(kinds).toContain("due");
    expect(kinds).toContain("missed");
    // "Play again" after a Learn quiz is the next Learn quiz.
    await playThrough(ctx, started.attemptId, player.id, later, (q) => q.answer);
    const next = await playAgain(at(ctx, new Date(later.getTime() + 10 * MINUTE)), {
      attemptId: started.attemptId,
      player,
    });
    const attempt = await ctx.db.attempt.findUniqueOrThrow({ where: { id: next.attemptId } });
    expect(attempt.mode).toBe("learn");
  });

  it("starts Learn for a returning player who leaves the nickname empty, as that player", async () => {
    const ctx = current();
    const started = await startPractice(at(ctx, t0), { nickname: "Aigerim", player: null, topic: TOPIC });
    const player = (await findPlayer(ctx, started.newCookie))!;
    await ctx.db.attempt.update({ where: { id: started.attemptId }, data: { status: "finished" } });
    const learn = await startLearn(at(ctx, t0), { nickname: "  ", player, topic: TOPIC });
    expect(learn.newCookie).toBeNull();
    const attempt = await ctx.db.attempt.findUniqueOrThrow({ where: { id: learn.attemptId } });
    expect(attempt).toMatchObject({ mode: "learn", playerId: player.id });
    // Without a player the name is still required.
    await expect(startLearn(at(ctx, t0), { nickname: "", player: null, topic: TOPIC })).rejects.toMatchObject({
      status: 422,
    });
  });
});
