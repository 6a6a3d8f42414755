// The memory model: what one player remembers of each item of a topic, as an FSRS card
// (ts-fsrs, default parameters, no fuzz, so a schedule is a pure function of the answers
// and their times). An item is a fact id (multiple choice) or an ordered event pair
// "earlier>later" (timelines); see docs/decisions/006 and 015. Pure: the play store reads
// the prior cards, calls reviewMemory, and writes what it returns in the answer's transaction.
import { createEmptyCard, fsrs, Rating, State, type Card } from "ts-fsrs";
import type { Question } from "../quiz/question";

export type MemoryKind = "fact" | "pair";

/** One rating of one item: a right answer or a pair in order is Good; a miss, a swap or no answer is Again. */
export interface MemoryReview {
  item: string;
  kind: MemoryKind;
  rating: Rating.Again | Rating.Good;
}

/** One stored card (a row of the Memory table, without its player and topic). */
export interface MemoryState {
  item: string;
  kind: MemoryKind;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: State;
  lastReview: Date;
  lastRating: number;
}

/** What the store passes with an answer: whose memory, of which topic, and the ratings. */
export interface MemoryUpdate {
  playerId: string;
  topic: string;
  reviews: MemoryReview[];
}

export const scheduler = fsrs({ enable_fuzz: false });

export const pairItem = (earlier: string, later: string) => `${earlier}>${later}`;

/** The two events of a pair item, earlier first. */
export function pairEvents(item: string): [string, string] {
  const [earlier, later] = item.split(">");
  return [earlier!, later!];
}

/**
 * The ratings an answer gives. Multiple choice rates its fact; a timeline rates every pair
 * of events on the card (each pair the key orders): in order = Good, swapped = Again.
 * `response` has already been graded (valid for the question), or is null (time ran out:
 * nothing recalled, so every item is Again). Items are keyed by fact and event ids, never by
 * the question's own (opaque, per-attempt) option and item ids: a timeline's `about` lists
 * its events in the key's order, so `about[k]` is the event behind `answer[k]`.
 */
export function reviewsOf(question: Question, response: unknown): MemoryReview[] {
  if (question.type === "multiple-choice") {
    const rating = response === question.answer ? Rating.Good : Rating.Again;
    return question.about.map((item) => ({ item, kind: "fact" as const, rating }));
  }
  const key = question.answer;
  if (question.about.length !== key.length) throw new Error(`timeline ${question.id}: about does not match its key`);
  const events = question.about;
  const position = Array.isArray(response) ? new Map((response as string[]).map((id, i) => [id, i])) : null;
  const reviews: MemoryReview[] = [];
  for (let i = 0; i < key.length; i++)
    for (let j = i + 1; j < key.length; j++) {
      const inOrder = position !== null && position.get(key[i]!)! < position.get(key[j]!)!;
      reviews.push({
        item: pairItem(events[i]!, events[j]!),
        kind: "pair",
        rating: inOrder ? Rating.Good : Rating.Again,
      });
    }
  return reviews;
}

function toCard(s: MemoryState, now: Date): Card {
  return {
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    // Deprecated in ts-fsrs 5 (it works from last_review); kept consistent for the type.
    elapsed_days: Math.max(0, Math.floor((now.getTime() - s.lastReview.getTime()) / 86_400_000)),
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.lastReview,
  };
}

/** The new card of every reviewed item: FSRS's next state from its prior card (or a new one) at `now`. */
export function reviewMemory(
  prior: ReadonlyMap<string, MemoryState>,
  reviews: readonly MemoryReview[],
  now: Date,
): MemoryState[] {
  return reviews.map((r) => {
    const before = prior.get(r.item);
    const card = before ? toCard(before, now) : createEmptyCard(now);
    const next = scheduler.next(card, now, r.rating).card;
    return {
      item: r.item,
      kind: r.kind,
      due: next.due,
      stability: next.stability,
      difficulty: next.difficulty,
      scheduledDays: next.scheduled_days,
      learningSteps: next.learning_steps,
      reps: next.reps,
      lapses: next.lapses,
      state: next.state,
      lastReview: now,
      lastRating: r.rating,
    };
  });
}

/** The chance the player recalls the item at `now`, by FSRS's forgetting curve (0 for a card never reviewed). */
export function retrievability(s: MemoryState, now: Date): number {
  return scheduler.get_retrievability(toCard(s, now), now, false);
}
