// Learn mode's picking (pure): due first, weakest first, new mixed in, each with its reason.
import { describe, expect, it } from "vitest";
import { Rating } from "ts-fsrs";
import { loadTopic } from "@/lib/content/load-topic";
import { generateLearnQuiz } from "@/lib/play/learn";
import { reasonText } from "@/lib/play/learn-reason";
import { retrievability, reviewMemory, type MemoryState } from "@/lib/play/memory";

const topic = loadTopic("kazakhstan-2022");
const t0 = new Date("2026-03-02T09:00:00Z");
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

/** A fact card reviewed Good twice (graduated), the second time at `second`. */
function known(fact: string, second: Date): MemoryState {
  const review = [{ item: fact, kind: "fact" as const, rating: Rating.Good as const }];
  const first = reviewMemory(new Map(), review, new Date(second.getTime() - 15 * 60_000))[0]!;
  return reviewMemory(new Map([[fact, first]]), review, second)[0]!;
}

describe("generateLearnQuiz", () => {
  const facts = topic.facts.map((f) => f.id);
  // Six facts learnt at different times: all due 60 days on, the oldest the weakest.
  const cards = new Map(facts.slice(0, 6).map((f, i) => [f, known(f, days(i * 5))]));
  const now = days(60);

  it("puts due items first, weakest (least likely recalled) first, with new ones spread among them", () => {
    const quiz = generateLearnQuiz(topic, cards, now, { seed: 7, count: 10 });
    expect(quiz).toHaveLength(10);
    const due = quiz.filter((q) => q.reason.kind === "due");
    expect(due.map((q) => q.about[0])).toEqual(facts.slice(0, 6));
    const recall = due.map((q) => retrievability(cards.get(q.about[0]!)!, now));
    expect([...recall].sort((a, b) => a - b)).toEqual(recall);
    const kinds = quiz.map((q) => q.reason.kind);
    expect(kinds.filter((k) => k === "new")).toHaveLength(4);
    expect(kinds[0]).toBe("due");
    expect(kinds.slice(0, 5)).toContain("new"); // mixed in, not all at the end
    expect(new Set(quiz.filter((q) => q.type === "multiple-choice").map((q) => q.about[0])).size).toBe(
      quiz.filter((q) => q.type === "multiple-choice").length,
    );
  });

  it("keeps a third for new items even when more is due, and refreshes the weakest when nothing else is left", () => {
    const many = new Map(facts.map((f, i) => [f, known(f, days(i % 10))]));
    const quiz = generateLearnQuiz(topic, many, days(90), { seed: 3, count: 10 });
    expect(quiz.filter((q) => q.reason.kind === "new")).toHaveLength(3);
    // Nothing due yet (just reviewed), nothing new among the facts: multiple choice refreshes.
    const fresh = new Map(facts.map((f) => [f, known(f, t0)]));
    const mcOnly = generateLearnQuiz(topic, fresh, new Date(t0.getTime() + 60_000), { seed: 3, count: 10 }).filter(
      (q) => q.type === "multiple-choice",
    );
    expect(mcOnly.length).toBeGreaterThan(0);
    expect(mcOnly.every((q) => q.reason.kind === "refresh")).toBe(true);
  });

  it("brings a miss back in the next round (learn-ahead), but not what was right", () => {
    const [missed, right] = facts;
    const miss = reviewMemory(new Map(), [{ item: missed!, kind: "fact", rating: Rating.Again }], t0)[0]!;
    const hit = reviewMemory(new Map(), [{ item: right!, kind: "fact", rating: Rating.Good }], t0)[0]!;
    const cards = new Map([
      [missed!, miss],
      [right!, hit],
    ]);
    // Half a minute on: FSRS has the miss due in a minute, the right answer in ten.
    const quiz = generateLearnQuiz(topic, cards, new Date(t0.getTime() + 30_000), { seed: 1, count: 10 });
    expect(quiz[0]!.about).toEqual([missed]);
    expect(quiz[0]!.reason).toEqual({ kind: "missed" });
    expect(quiz.find((q) => q.about[0] === right)?.reason.kind ?? "absent").not.toBe("due");
  });

  it("says why in words, without giving an order away", () => {
    expect(reasonText({ kind: "swapped", events: ["Almaty airport seized", "Government resigns"] })).toBe(
      "You swapped “Almaty airport seized” and “Government resigns” last time",
    );
    expect(reasonText({ kind: "due" })).toBe("Due for review");
    expect(reasonText({ kind: "new" })).toBe("New");
  });
});
