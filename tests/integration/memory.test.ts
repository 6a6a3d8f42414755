// The memory model (docs/decisions/015): every graded answer updates the player's FSRS
// cards — a fact per multiple-choice answer, every event pair on a timeline's card — in
// the answer's transaction, on each database. The expected schedule is computed here with
// ts-fsrs itself from the same answers and clocks.
import { expect, it } from "vitest";
import { createEmptyCard, fsrs, Rating, type Card } from "ts-fsrs";
import { at, type AppContext } from "@/lib/server/context";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { findPlayer } from "@/lib/server/play/player";
import { startPractice } from "@/lib/server/play/start-attempt";
import { reviewsOf } from "@/lib/play/memory";
import { questionSchema, type Question } from "@/lib/quiz/question";
import { loadTopic } from "@/lib/content/load-topic";
import { buildPartialOrder } from "@/lib/quiz/partial-order";
import { describeEachDatabase } from "../helpers/test-databases";

const TOPIC = "kazakhstan-2022";
const t0 = new Date("2026-03-02T09:00:00Z");
const DAY = 86_400_000;
const reference = fsrs({ enable_fuzz: false });

type Review = { item: string; rating: Rating.Again | Rating.Good; at: Date };

async function newPlayer(ctx: AppContext, nickname: string) {
  const started = await startPractice(ctx, { nickname, player: null, topic: TOPIC });
  const player = (await findPlayer(ctx, started.newCookie))!;
  return { player, attemptId: started.attemptId };
}

async function questionsOf(ctx: AppContext, attemptId: string): Promise<Question[]> {
  const rows = await ctx.db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
  return rows.map((r) => questionSchema.parse(JSON.parse(r.question)));
}

/** What `respond` answers, as the memory model should rate it. */
function expectedReviews(q: Question, response: unknown, when: Date): Review[] {
  if (q.type === "multiple-choice")
    return [{ item: q.about[0]!, rating: response === q.answer ? Rating.Good : Rating.Again, at: when }];
  const order = (response as string[] | null) ?? [...q.answer].reverse();
  // The stored key holds the attempt's opaque item ids; `about` names the events, in the key's order.
  const event = new Map(q.answer.map((id, k) => [id, q.about[k]!]));
  const reviews: Review[] = [];
  for (let i = 0; i < q.answer.length; i++)
    for (let j = i + 1; j < q.answer.length; j++) {
      const inOrder = order.indexOf(q.answer[i]!) < order.indexOf(q.answer[j]!);
      const item = `${event.get(q.answer[i]!)}>${event.get(q.answer[j]!)}`;
      reviews.push({ item, rating: inOrder ? Rating.Good : Rating.Again, at: when });
    }
  return reviews;
}

/** Plays every question of the attempt from `start`, one every 20 s, answering with `respond`. */
async function playThrough(
  ctx: AppContext,
  attemptId: string,
  playerId: string,
  start: Date,
  respond: (q: Question, position: number) => unknown,
): Promise<Review[]> {
  const reviews: Review[] = [];
  const questions = await questionsOf(ctx, attemptId);
  for (const [position, q] of questions.entries()) {
    const served = new Date(start.getTime() + position * 20_000);
    const answered = new Date(served.getTime() + 5_000);
    await serveCurrentQuestion(at(ctx, served), attemptId, playerId);
    const response = respond(q, position);
    await submitAnswer(at(ctx, answered), { attemptId, playerId, position, response });
    reviews.push(...expectedReviews(q, response, answered));
  }
  return reviews;
}

/** ts-fsrs's card after these reviews of one item, in order. */
function replay(reviews: Review[]): Card {
  let card = createEmptyCard(reviews[0]!.at);
  for (const r of reviews) card = reference.next(card, r.at, r.rating).card;
  return card;
}

async function cards(ctx: AppContext, playerId: string) {
  const rows = await ctx.db.memory.findMany({ where: { playerId, topic: TOPIC } });
  return new Map(rows.map((r) => [r.item, r]));
}

function expectFollowsFsrs(stored: Awaited<ReturnType<typeof cards>>, reviews: Review[]) {
  const byItem = new Map<string, Review[]>();
  for (const r of reviews) byItem.set(r.item, [...(byItem.get(r.item) ?? []), r]);
  expect([...stored.keys()].sort()).toEqual([...byItem.keys()].sort());
  // Keys are the topic's own ids (a fact, or two events in the order the report gives), never per-attempt ids.
  const topic = loadTopic(TOPIC);
  const order = buildPartialOrder(
    topic.events.map((e) => e.id),
    topic.order,
  );
  for (const item of stored.keys()) {
    if (!item.includes(">")) expect(topic.facts.map((f) => f.id)).toContain(item);
    else expect(order.before(...(item.split(">") as [string, string])), item).toBe(true);
  }
  for (const [item, its] of byItem) {
    const want = replay(its);
    const row = stored.get(item)!;
    expect({ item, due: row.due.toISOString(), state: row.state, reps: row.reps, lapses: row.lapses }).toEqual({
      item,
      due: want.due.toISOString(),
      state: want.state,
      reps: want.reps,
      lapses: want.lapses,
    });
    expect(row.stability).toBeCloseTo(want.stability, 9);
    expect(row.difficulty).toBeCloseTo(want.difficulty, 9);
    expect(row.scheduledDays).toBe(want.scheduled_days);
    expect(row.learningSteps).toBe(want.learning_steps);
    expect(row.lastReview.toISOString()).toBe(its[its.length - 1]!.at.toISOString());
    expect(row.lastRating).toBe(its[its.length - 1]!.rating);
    expect(row.kind).toBe(item.includes(">") ? "pair" : "fact");
  }
}

const right = (q: Question) => q.answer;
/** Multiple choice right; each timeline with its first two events swapped. */
const swapFirstPair = (q: Question) =>
  q.type === "timeline" ? [q.answer[1], q.answer[0], ...q.answer.slice(2)] : q.answer;

describeEachDatabase("the memory model", (current) => {
  it("rates each answer's fact or pairs, and the schedule follows FSRS over quizzes days apart", async () => {
    const ctx = current();
    const first = await newPlayer(ctx, "Memory One");
    const reviews = await playThrough(ctx, first.attemptId, first.player.id, t0, swapFirstPair);
    expectFollowsFsrs(await cards(ctx, first.player.id), reviews);

    // Two more quizzes, 1 and 4 days later, with a wrong answer now and then: every card
    // stays exactly what ts-fsrs computes from its whole history.
    for (const [n, day] of [1, 4].entries()) {
      const again = await startPractice(ctx, { nickname: "Memory One", player: first.player, topic: TOPIC });
      reviews.push(
        ...(await playThrough(ctx, again.attemptId, first.player.id, new Date(t0.getTime() + day * DAY), (q, i) =>
          (i + n) % 3 === 0 && q.type === "multiple-choice" ? q.options.find((o) => o.id !== q.answer)!.id : right(q),
        )),
      );
    }
    const stored = await cards(ctx, first.player.id);
    expectFollowsFsrs(stored, reviews);
    expect([...stored.values()].some((c) => c.reps >= 2)).toBe(true);
  });

  it("brings a swapped pair back sooner than a pair put in order", async () => {
    const ctx = current();
    const { player, attemptId } = await newPlayer(ctx, "Memory Two");
    const questions = await questionsOf(ctx, attemptId);
    const timeline = questions.find((q) => q.type === "timeline")!;
    await playThrough(ctx, attemptId, player.id, t0, swapFirstPair);
    const stored = await cards(ctx, player.id);
    const swapped = stored.get(`${timeline.about[0]}>${timeline.about[1]}`)!;
    const known = stored.get(`${timeline.about[1]}>${timeline.about[2]}`)!;
    expect(swapped.lastRating).toBe(Rating.Again);
    expect(known.lastRating).toBe(Rating.Good);
    expect(swapped.due.getTime()).toBeLessThan(known.due.getTime());
  });

  it("changes nothing on a repeated submit or a refused answer", async () => {
    const ctx = current();
    const { player, attemptId } = await newPlayer(ctx, "Memory Three");
    const [q] = await questionsOf(ctx, attemptId);
    await serveCurrentQuestion(at(ctx, t0), attemptId, player.id);
    const when = new Date(t0.getTime() + 4_000);
    await expect(
      submitAnswer(at(ctx, when), { attemptId, playerId: player.id, position: 0, response: "not-an-option" }),
    ).rejects.toThrow();
    expect((await cards(ctx, player.id)).size).toBe(0);
    await submitAnswer(at(ctx, when), { attemptId, playerId: player.id, position: 0, response: right(q!) });
    const once = await cards(ctx, player.id);
    await submitAnswer(at(ctx, new Date(when.getTime() + 60_000)), {
      attemptId,
      playerId: player.id,
      position: 0,
      response: right(q!),
    });
    const twice = await cards(ctx, player.id);
    expect([...twice.values()]).toEqual([...once.values()]);
    expect([...once.values()].every((c) => c.reps === 1)).toBe(true);
  });

  it("rates every item Again when time runs out", async () => {
    const ctx = current();
    const { player, attemptId } = await newPlayer(ctx, "Memory Four");
    const reviews = await playThrough(ctx, attemptId, player.id, t0, () => null);
    const stored = await cards(ctx, player.id);
    expectFollowsFsrs(stored, reviews);
    expect(stored.size).toBeGreaterThan(10);
    for (const row of stored.values()) expect(row.lastRating).toBe(Rating.Again);
  });

  it("records the cards on the locking path too (the attempt changed since it was read)", async () => {
    const ctx = current();
    const { player, attemptId } = await newPlayer(ctx, "Memory Five");
    const [q] = await questionsOf(ctx, attemptId);
    await serveCurrentQuestion(at(ctx, t0), attemptId, player.id);
    const row = await ctx.db.attemptQuestion.findUniqueOrThrow({
      where: { attemptId_position: { attemptId, position: 0 } },
    });
    const when = new Date(t0.getTime() + 3_000);
    const result = await ctx.store.recordAnswer(
      {
        attemptId,
        attemptQuestionId: row.id,
        response: JSON.stringify(q!.answer),
        credit: 1,
        elapsedMs: 3_000,
        createdAt: when,
        seen: { streak: 7, answeredCount: 5 },
        memory: { playerId: player.id, topic: TOPIC, reviews: reviewsOf(q!, q!.answer) },
      },
      () => ({ correct: true, points: 1000, streakAfter: 1, detail: "{}" }),
    );
    expect(result.outcome).toBe("recorded");
    expectFollowsFsrs(await cards(ctx, player.id), expectedReviews(q!, q!.answer, when));
  });

  it("reviews once when the same answer arrives twice at the same moment", async () => {
    const ctx = current();
    const { player, attemptId } = await newPlayer(ctx, "Memory Six");
    const [q] = await questionsOf(ctx, attemptId);
    await serveCurrentQuestion(at(ctx, t0), attemptId, player.id);
    const when = at(ctx, new Date(t0.getTime() + 2_000));
    const submit = () => submitAnswer(when, { attemptId, playerId: player.id, position: 0, response: right(q!) });
    const results = await Promise.all([submit(), submit(), submit()]);
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    const stored = await cards(ctx, player.id);
    expect(stored.size).toBeGreaterThan(0);
    for (const c of stored.values()) expect(c.reps).toBe(1);
  });
});
