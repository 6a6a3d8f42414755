// Learn mode: a practice quiz built from the player's memory model (lib/play/memory.ts).
// What is due comes first, weakest (least likely recalled now) first; new items are mixed
// in; each question says why it was picked. Pure: the server reads the cards and stores
// what this returns. See docs/decisions/015.
import type { Topic } from "../content/parse-topic";
import { draftBank, presentMultipleChoice, presentTimeline, type MultipleChoiceDraft } from "../quiz/bank";
import type { LearnReason, Question, TimelineQuestion } from "../quiz/question";
import { createRandom, deriveSeed, shuffle } from "../quiz/random";
import { pairItem, retrievability, type MemoryState } from "./memory";

export type { LearnReason };

/**
 * A miss comes back in the next round: FSRS schedules it again within minutes (its relearning
 * step), so, like Anki's learn-ahead limit, a missed item due within this window counts as due.
 * Items answered right wait for their own due time.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** Share of a Learn quiz kept for new items while any are left. */
export const NEW_SHARE = 0.3;

interface Candidate {
  draft: MultipleChoiceDraft | TimelineQuestion;
  reason: LearnReason;
  /** Lower comes first: the chance of recall now of its weakest due item (new items: 1). */
  weakness: number;
  group: "due" | "new" | "refresh";
}

function conflicts(q: Candidate["draft"], picked: readonly Candidate[]): boolean {
  return picked.some(({ draft }) => {
    if (draft.type !== q.type) return false;
    const shared = q.about.filter((id) => draft.about.includes(id)).length;
    return q.type === "multiple-choice" ? shared > 0 : shared > 1;
  });
}

function pairsOf(q: TimelineQuestion): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < q.answer.length; i++)
    for (let j = i + 1; j < q.answer.length; j++) pairs.push(pairItem(q.answer[i]!, q.answer[j]!));
  return pairs;
}

/**
 * The Learn quiz for a player: `count` questions, each with its reason. Due items first
 * (multiple choice for a fact, the timeline that holds the most of a pair's due company),
 * weakest first; about a third new items mixed in; refreshers of the weakest known items
 * when nothing else is left. Deterministic for a seed, cards and time.
 */
export function generateLearnQuiz(
  topic: Topic,
  cards: ReadonlyMap<string, MemoryState>,
  now: Date,
  settings: { seed: number; count: number },
): (Question & { reason: LearnReason })[] {
  const { seed, count } = settings;
  const random = createRandom(deriveSeed(seed, "learn"));
  const drafts = draftBank(topic);
  const label = new Map(topic.events.map((e) => [e.id, e.label]));
  const r = (card: MemoryState) => retrievability(card, now);
  const isDue = (card: MemoryState) =>
    card.due.getTime() <= now.getTime() + (card.lastRating === 3 ? 0 : LEARN_AHEAD_MS);

  const candidates: Candidate[] = [];
  // One stem per fact, picked by the seed.
  const byFact = new Map<string, MultipleChoiceDraft[]>();
  for (const d of drafts.multipleChoice) byFact.set(d.about[0]!, [...(byFact.get(d.about[0]!) ?? []), d]);
  for (const [fact, stems] of byFact) {
    const draft = stems[Math.floor(random() * stems.length)]!;
    const card = cards.get(fact);
    if (!card) candidates.push({ draft, reason: { kind: "new" }, weakness: 1, group: "new" });
    else if (isDue(card))
      candidates.push({
        draft,
        reason: card.lastRating === 3 ? { kind: "due" } : { kind: "missed" },
        weakness: r(card),
        group: "due",
      });
    else candidates.push({ draft, reason: { kind: "refresh" }, weakness: r(card), group: "refresh" });
  }
  for (const draft of drafts.timelines) {
    const held = pairsOf(draft).map((item) => ({ item, card: cards.get(item) }));
    const due = held.filter((p) => p.card && isDue(p.card)) as { item: string; card: MemoryState }[];
    if (due.length > 0) {
      const weakest = due.reduce((a, b) => (r(a.card) <= r(b.card) ? a : b));
      const swapped = due.filter((p) => p.card.lastRating !== 3).sort((a, b) => r(a.card) - r(b.card))[0];
      const reason: LearnReason = swapped
        ? {
            kind: "swapped",
            events: swapped.item
              .split(">")
              .map((id) => label.get(id)!)
              .sort((a, b) => a.localeCompare(b)) as [string, string],
          }
        : { kind: "due" };
      // More due pairs on one card teach more: a small tie-breaker below the weakest pair's recall.
      candidates.push({ draft, reason, weakness: r(weakest.card) - due.length * 0.001, group: "due" });
    } else if (held.every((p) => !p.card)) {
      candidates.push({ draft, reason: { kind: "new" }, weakness: 1, group: "new" });
    } else {
      const known = held.filter((p) => p.card).map((p) => r(p.card!));
      candidates.push({ draft, reason: { kind: "refresh" }, weakness: Math.min(...known), group: "refresh" });
    }
  }

  const shuffled = shuffle(candidates, random);
  const ofGroup = (group: Candidate["group"]) =>
    shuffled.filter((c) => c.group === group).sort((a, b) => a.weakness - b.weakness);
  const newOnes = ofGroup("new");
  // New items: timelines about a third of them, the rest multiple choice, interleaved by the shuffle.
  const newTimelines = newOnes.filter((c) => c.draft.type === "timeline");
  const newChoices = newOnes.filter((c) => c.draft.type === "multiple-choice");
  const newOrdered: Candidate[] = [];
  while (newTimelines.length + newChoices.length > 0) {
    const wantTimeline = newOrdered.filter((c) => c.draft.type === "timeline").length < (newOrdered.length + 1) / 3;
    const next = (wantTimeline ? newTimelines : newChoices).shift() ?? (newTimelines.shift() || newChoices.shift());
    newOrdered.push(next!);
  }

  const picked: Candidate[] = [];
  const take = (from: readonly Candidate[], limit: number) => {
    for (const c of from) {
      if (picked.length >= limit) return;
      if (!picked.includes(c) && !conflicts(c.draft, picked)) picked.push(c);
    }
  };
  const newRoom = newOrdered.length > 0 ? Math.max(1, Math.round(count * NEW_SHARE)) : 0;
  take(ofGroup("due"), count - newRoom);
  take(newOrdered, count);
  take(ofGroup("refresh"), count);

  // Due first, weakest first, with the new ones spread among them.
  const due = picked.filter((c) => c.group === "due");
  const rest = picked.filter((c) => c.group !== "due");
  const ordered: Candidate[] = [];
  const share = rest.length / picked.length;
  while (due.length + rest.length > 0) {
    // Due first; then each new item where the share of new ones so far falls below their share overall.
    const placedRest = ordered.filter((c) => c.group !== "due").length;
    const wantRest = ordered.length > 0 && placedRest < share * (ordered.length + 1) - 0.5;
    const next = (wantRest ? rest.shift() : due.shift()) ?? rest.shift() ?? due.shift();
    ordered.push(next!);
  }
  return ordered.map(({ draft, reason }) => ({
    ...(draft.type === "timeline"
      ? presentTimeline(draft, seed)
      : presentMultipleChoice(draft as MultipleChoiceDraft, seed)),
    reason,
  }));
}
