// How a locked-in timeline is marked after the verdict, card by card. Pure and table-tested.
//
// A card is marked out of place (✗) only when it really is: the fewest cards whose moving
// puts the rest in the report's order (the cards outside a longest run already in order).
// The other cards are right where they belong (✓), or in the right order but shifted by a
// card out of place. Every pair in the wrong order is named once, on a card out of place,
// as "You placed X before Y" — so the lines add up to the pairs the verdict counts.

export type MarkStatus = "right" | "shifted" | "misplaced";

export interface TimelineMark {
  id: string;
  /** 0-based place in the report's order. */
  belongs: number;
  /** 0-based place in the player's order. */
  placedAt: number;
  status: MarkStatus;
  /** The wrong pairs named on this card: [placed first, placed second] (ids). */
  wrongPairs: [string, string][];
}

export interface TimelineMarking {
  /** One mark per card, in the report's order. */
  marks: TimelineMark[];
  pairs: number;
  rightPairs: number;
}

/** Marks the player's order against the key (both lists of the same ids). */
export function markTimeline(placed: readonly string[], answer: readonly string[]): TimelineMarking {
  const n = answer.length;
  const belongs = new Map(answer.map((id, i) => [id, i]));
  const ranks = placed.map((id) => belongs.get(id)!);
  // The largest set of cards already in order; ties go to the set with more cards exactly in
  // place, then to the set keeping the earlier events (n ≤ 8: every subset is cheap to try).
  let keep = 0;
  let best = [-1, -1, -1];
  for (let set = 0; set < 1 << n; set++) {
    let last = -1;
    let ok = true;
    let size = 0;
    let exact = 0;
    let earliness = 0;
    for (let i = 0; i < n && ok; i++) {
      if (!(set & (1 << i))) continue;
      if (ranks[i]! < last) ok = false;
      last = ranks[i]!;
      size++;
      if (ranks[i] === i) exact++;
      earliness += 1 << (n - 1 - ranks[i]!);
    }
    if (!ok) continue;
    const score = [size, exact, earliness];
    if (
      score[0]! > best[0]! ||
      (score[0] === best[0] && (score[1]! > best[1]! || (score[1] === best[1] && score[2]! > best[2]!)))
    ) {
      best = score;
      keep = set;
    }
  }
  const misplaced = new Set(placed.filter((_, i) => !(keep & (1 << i))));
  const wrong = new Map<string, [string, string][]>(answer.map((id) => [id, []]));
  let rightPairs = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const first = placed[i]!;
      const second = placed[j]!;
      if (belongs.get(first)! < belongs.get(second)!) {
        rightPairs++;
        continue;
      }
      // Named on the first of the two placed that is out of place (one of them always is).
      const on = misplaced.has(first) ? first : second;
      wrong.get(on)!.push([first, second]);
    }
  const placedAt = new Map(placed.map((id, i) => [id, i]));
  return {
    marks: answer.map((id, i) => ({
      id,
      belongs: i,
      placedAt: placedAt.get(id)!,
      status: misplaced.has(id) ? "misplaced" : placedAt.get(id) === i ? "right" : "shifted",
      wrongPairs: wrong.get(id)!,
    })),
    pairs: (n * (n - 1)) / 2,
    rightPairs,
  };
}
