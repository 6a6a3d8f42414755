// Mastery: what the memory model says a player knows (lib/play/memory.ts), per fact and
// per event, for the study view; and the same over a class, for the teacher's pages.
import type { Topic } from "../content/parse-topic";
import { pairEvents, retrievability, type MemoryState } from "./memory";

export type Mastery = "known" | "shaky" | "new";

/** Below this chance of recall an item counts as shaky, even if the last answer was right. */
export const SHAKY_BELOW = 0.8;

/** Known: last answered right and still likely recalled; shaky: missed last time or fading; new: never asked. */
export function masteryOf(card: MemoryState | undefined, now: Date): Mastery {
  if (!card) return "new";
  return card.lastRating === 3 && retrievability(card, now) >= SHAKY_BELOW ? "known" : "shaky";
}

/** An event from its pairs: new if none was asked, shaky if any is, else known. */
function combine(levels: Mastery[]): Mastery {
  const asked = levels.filter((l) => l !== "new");
  if (asked.length === 0) return "new";
  return asked.includes("shaky") ? "shaky" : "known";
}

export interface StudyMastery {
  facts: Record<string, Mastery>;
  events: Record<string, Mastery>;
  counts: Record<Mastery, number>;
}

/** One player's mastery of every fact and event of a topic (an event: the pairs it is in). */
export function studyMastery(topic: Topic, cards: ReadonlyMap<string, MemoryState>, now: Date): StudyMastery {
  const facts: Record<string, Mastery> = {};
  for (const f of topic.facts) facts[f.id] = masteryOf(cards.get(f.id), now);
  const byEvent = new Map<string, Mastery[]>(topic.events.map((e) => [e.id, []]));
  for (const card of cards.values()) {
    if (card.kind !== "pair") continue;
    const level = masteryOf(card, now);
    for (const id of pairEvents(card.item)) byEvent.get(id)?.push(level);
  }
  const events: Record<string, Mastery> = {};
  for (const [id, levels] of byEvent) events[id] = combine(levels);
  const counts: Record<Mastery, number> = { known: 0, shaky: 0, new: 0 };
  for (const level of [...Object.values(facts), ...Object.values(events)]) counts[level]++;
  return { facts, events, counts };
}

/** One student's mastery: the study view's, each cause of the map, and the event pairs not yet got. */
export interface StudentMastery extends StudyMastery {
  causes: Record<string, Mastery>;
  /** Pairs last swapped or fading, weakest first, as "earlier → later" event ids. */
  shakyPairs: { earlier: string; later: string }[];
}

export function studentMastery(topic: Topic, cards: ReadonlyMap<string, MemoryState>, now: Date): StudentMastery {
  const study = studyMastery(topic, cards, now);
  const causes: Record<string, Mastery> = {};
  for (const node of topic.causes.nodes)
    causes[node.id] = combine(node.teaches.map((id) => study.facts[id] ?? study.events[id] ?? "new"));
  const shakyPairs = [...cards.values()]
    .filter((c) => c.kind === "pair" && masteryOf(c, now) === "shaky")
    .sort((a, b) => retrievability(a, now) - retrievability(b, now))
    .map((c) => {
      const [earlier, later] = pairEvents(c.item);
      return { earlier, later };
    });
  return { ...study, causes, shakyPairs };
}

export interface ClassCause {
  id: string;
  /** Students who know it, are shaky on it, have not met it yet. */
  known: number;
  shaky: number;
  fresh: number;
  /** Got (two thirds of those who met it know it), not got, or not met by anyone. */
  status: Mastery;
}

export interface ClassPair {
  earlier: string;
  later: string;
  /** Students who swapped it last time or are forgetting it, and who know it. */
  shaky: number;
  known: number;
}

export interface ClassMastery {
  students: number;
  causes: ClassCause[];
  /** The pairs some student has not got, most students first. */
  pairs: ClassPair[];
}

/** A class's mastery from each student's cards: per cause of the map, and the event pairs it has not got. */
export function classMastery(
  topic: Topic,
  students: ReadonlyMap<string, ReadonlyMap<string, MemoryState>>,
  now: Date,
): ClassMastery {
  const each = [...students.values()].map((cards) => studentMastery(topic, cards, now));
  const causes = topic.causes.nodes.map((node): ClassCause => {
    const levels = each.map((s) => s.causes[node.id]!);
    const known = levels.filter((l) => l === "known").length;
    const shaky = levels.filter((l) => l === "shaky").length;
    const met = known + shaky;
    const status: Mastery = met === 0 ? "new" : known * 3 >= met * 2 ? "known" : "shaky";
    return { id: node.id, known, shaky, fresh: levels.length - met, status };
  });
  const pairs = new Map<string, ClassPair>();
  for (const cards of students.values())
    for (const card of cards.values()) {
      if (card.kind !== "pair") continue;
      const [earlier, later] = pairEvents(card.item);
      const row = pairs.get(card.item) ?? { earlier, later, shaky: 0, known: 0 };
      if (masteryOf(card, now) === "known") row.known++;
      else row.shaky++;
      pairs.set(card.item, row);
    }
  return {
    students: students.size,
    causes,
    pairs: [...pairs.values()]
      .filter((p) => p.shaky > 0)
      .sort(
        (a, b) =>
          b.shaky - a.shaky || a.known - b.known || `${a.earlier}>${a.later}`.localeCompare(`${b.earlier}>${b.later}`),
      ),
  };
}
