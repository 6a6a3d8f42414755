// The memory model's pure parts: which items an answer rates, and FSRS's next cards.
import { describe, expect, it } from "vitest";
import { createEmptyCard, fsrs, Rating, State } from "ts-fsrs";
import { pairEvents, pairItem, retrievability, reviewMemory, reviewsOf, type MemoryState } from "@/lib/play/memory";
import { loadTopic } from "@/lib/content/load-topic";
import { withOpaqueIds } from "@/lib/play/opaque-ids";
import { draftBank } from "@/lib/quiz/bank";
import { choiceAbout, timelineOf } from "../helpers/questions";

const timeline = timelineOf({ a: "A", b: "B", c: "C" });
const choice = choiceAbout("fact-one", { k: "k", x: "x", y: "y", z: "z" }, "k");
const t0 = new Date("2026-03-02T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

describe("reviewsOf", () => {
  it("rates a multiple-choice answer's fact: right = Good, wrong or no answer = Again", () => {
    expect(reviewsOf(choice, "k")).toEqual([{ item: "fact-one", kind: "fact", rating: Rating.Good }]);
    expect(reviewsOf(choice, "x")).toEqual([{ item: "fact-one", kind: "fact", rating: Rating.Again }]);
    expect(reviewsOf(choice, null)[0]!.rating).toBe(Rating.Again);
  });

  it("rates every pair on a timeline's card: in order = Good, swapped = Again", () => {
    expect(reviewsOf(timeline, ["b", "a", "c"])).toEqual([
      { item: "a>b", kind: "pair", rating: Rating.Again },
      { item: "a>c", kind: "pair", rating: Rating.Good },
      { item: "b>c", kind: "pair", rating: Rating.Good },
    ]);
    expect(reviewsOf(timeline, null).map((r) => r.rating)).toEqual([Rating.Again, Rating.Again, Rating.Again]);
    // As stored in an attempt: opaque item ids; the pairs are still the events' (`about`, in the key's order).
    const opaque = withOpaqueIds(
      timeline,
      (() => {
        let n = 0;
        return () => `x${++n}`;
      })(),
    );
    const [first, second, third] = opaque.answer as string[];
    expect(reviewsOf(opaque, [second, first, third]).map((r) => `${r.item}:${r.rating}`)).toEqual([
      `a>b:${Rating.Again}`,
      `a>c:${Rating.Good}`,
      `b>c:${Rating.Good}`,
    ]);
  });

  it("relies on every bank timeline listing its events in the key's order", () => {
    const { timelines } = draftBank(loadTopic("kazakhstan-2022"));
    expect(timelines.length).toBeGreaterThan(10);
    for (const t of timelines) expect(t.about).toEqual(t.answer);
    expect(pairEvents(pairItem("a", "b"))).toEqual(["a", "b"]);
  });
});

describe("reviewMemory", () => {
  const reference = fsrs({ enable_fuzz: false });
  const review = (prior: MemoryState | undefined, rating: Rating.Again | Rating.Good, now: Date) =>
    reviewMemory(new Map(prior ? [["a>b", prior]] : []), [{ item: "a>b", kind: "pair", rating }], now)[0]!;

  it("gives a new item FSRS's first card, and a known one FSRS's next", () => {
    const first = review(undefined, Rating.Good, t0);
    const want = reference.next(createEmptyCard(t0), t0, Rating.Good).card;
    expect(first).toMatchObject({
      due: want.due,
      stability: want.stability,
      reps: 1,
      state: want.state,
      lastReview: t0,
    });
    const second = review(first, Rating.Good, minutes(15));
    const want2 = reference.next(want, minutes(15), Rating.Good).card;
    expect(second.due).toEqual(want2.due);
    expect(second.state).toBe(State.Review);
    expect(second.stability).toBeCloseTo(want2.stability, 12);
  });

  it("brings a missed item back sooner than a known one, review after review", () => {
    let missed = review(undefined, Rating.Again, t0);
    let known = review(undefined, Rating.Good, t0);
    expect(missed.due < known.due).toBe(true);
    for (const [i, when] of [minutes(15), days(3), days(12)].entries()) {
      missed = review(missed, Rating.Good, when);
      known = review(known, Rating.Good, when);
      expect(missed.due.getTime(), `review ${i + 2}`).toBeLessThanOrEqual(known.due.getTime());
    }
    expect(known.due.getTime()).toBeGreaterThan(days(12).getTime() + 86_400_000);
  });

  it("reads how likely recall is now: lower the longer since the review", () => {
    const known = review(review(undefined, Rating.Good, t0), Rating.Good, minutes(15));
    expect(retrievability(known, days(1))).toBeGreaterThan(retrievability(known, days(30)));
    expect(retrievability(known, days(30))).toBeLessThan(0.9);
  });
});
