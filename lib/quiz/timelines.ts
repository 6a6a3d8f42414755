// Timeline questions: which chains of events the bank asks about, which prompt each
// gets, and how each is explained. Generic: everything about a topic (its events,
// order edges, themes and prompts) comes from the topic pack.
//
// The rules, each tested as a property over many packs and seeds:
// - a timeline is a path of the pack's own order edges, so every step of its key is a
//   relation the source states, and its explanation names only events on the card;
// - at most one background event per timeline, and at most a third of the timelines
//   hold one (the rest lie wholly within the crisis, where ordering is not trivial);
// - every crisis event is on at least two timelines (where the edges allow it), and
//   every edge the source gives between crisis events is taught by one;
// - a prompt comes from a theme whose conditions every event on the card meets, and
//   prompts are spread as evenly as the themes allow.
import type { OrderEdge, Theme, TopicEvent } from "../content/schema";
import { cite } from "./citation";

export const TIMELINE_MIN = 3;
export const TIMELINE_MAX = 6;
/** Each crisis event should be on this many timelines. */
export const EVENT_COVERAGE = 2;
/** At most this share of timelines may hold a background event. */
export const BACKGROUND_SHARE = 1 / 3;

export class TimelineContentError extends Error {}

type ChainEvent = Pick<TopicEvent, "id" | "when">;
type ThemeEvent = Pick<TopicEvent, "id" | "when" | "place">;
type Edge = Pick<OrderEdge, "before" | "after">;

const isBackground = (e: ChainEvent) => e.when.era === "background";

/** Every path of `min`..`max` events along the edges (each step one edge), in order. */
export function enumeratePaths(ids: readonly string[], edges: readonly Edge[], min: number, max: number): string[][] {
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    const out = next.get(e.before);
    if (out && !out.includes(e.after)) out.push(e.after);
  }
  const paths: string[][] = [];
  const walk = (path: string[]) => {
    if (path.length >= min) paths.push(path.slice());
    if (path.length === max) return;
    for (const id of next.get(path[path.length - 1]!) ?? []) {
      if (path.includes(id)) continue; // only a cyclic pack could loop; parsing rejects those elsewhere
      path.push(id);
      walk(path);
      path.pop();
    }
  };
  for (const id of ids) walk([id]);
  return paths;
}

/** Lexicographic comparison of two rank vectors. */
function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

const shared = (a: readonly string[], b: readonly string[]) => a.filter((id) => b.includes(id)).length;
const steps = (chain: readonly string[]) => chain.slice(1).map((to, i) => `${chain[i]}>${to}`);
/** Every ordered pair a chain holds (what a timeline's pairwise grading checks). */
const pairs = (chain: readonly string[]) => chain.flatMap((a, i) => chain.slice(i + 1).map((b) => `${a}>${b}`));

/**
 * The chains the bank asks about, chosen greedily in two passes.
 *
 * Coverage: short chains first (the fewest events that still make an ordering question),
 * each adding a crisis event seen on fewer than two timelines or an edge no timeline
 * teaches yet; a chain may share all but one event with a chosen one. Events that few
 * chains reach count most, so hub events are not used up on easy cards.
 *
 * Depth: longer chains, each teaching at least two ordered pairs of crisis events no chosen chain holds,
 * and differing by at least two events from every chosen chain of its length.
 *
 * Throughout, a chain with a background event is taken only while such chains stay within
 * BACKGROUND_SHARE of the bank.
 */
export function selectTimelineChains(events: readonly ChainEvent[], edges: readonly Edge[]): string[][] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const background = (chain: readonly string[]) => chain.filter((id) => isBackground(byId.get(id)!)).length;
  const candidates = enumeratePaths(
    events.map((e) => e.id),
    edges,
    TIMELINE_MIN,
    TIMELINE_MAX,
  ).filter((chain) => background(chain) <= 1);

  const coverage = new Map<string, number>();
  const taughtSteps = new Set<string>();
  const taughtPairs = new Set<string>();
  const chosen: string[][] = [];
  let withBackground = 0;
  const onChains = new Map<string, number>();
  for (const chain of candidates) for (const id of chain) onChains.set(id, (onChains.get(id) ?? 0) + 1);

  const short = (id: string) => !isBackground(byId.get(id)!) && (coverage.get(id) ?? 0) < EVENT_COVERAGE;
  const coverageGain = (chain: readonly string[]) => {
    let g = 0;
    for (const id of chain) {
      if (isBackground(byId.get(id)!)) g -= 2;
      else if (short(id)) g += 2 + Math.ceil(8 / onChains.get(id)!);
      else g -= 1;
    }
    for (const step of steps(chain)) if (!taughtSteps.has(step)) g += 2;
    return g;
  };
  // A background event sorts trivially against the crisis, so only pairs within the crisis count as new.
  const newPairs = (chain: readonly string[]) =>
    pairs(chain.filter((id) => !isBackground(byId.get(id)!))).filter((p) => !taughtPairs.has(p)).length;
  const backgroundFits = (chain: readonly string[]) =>
    !background(chain) || withBackground + 1 <= BACKGROUND_SHARE * (chosen.length + 1);
  const take = (chain: string[]) => {
    chosen.push(chain);
    if (background(chain)) withBackground++;
    for (const id of chain) coverage.set(id, (coverage.get(id) ?? 0) + 1);
    for (const step of steps(chain)) taughtSteps.add(step);
    for (const pair of pairs(chain)) taughtPairs.add(pair);
  };
  /** Repeatedly takes the best-ranked eligible candidate; a rank of undefined means "not now". */
  const greedy = (pool: readonly string[][], rank: (chain: string[]) => number[] | undefined) => {
    const remaining = new Set(pool);
    for (;;) {
      let best: { chain: string[]; rank: number[] } | undefined;
      for (const chain of remaining) {
        if (chosen.includes(chain) || !backgroundFits(chain)) continue;
        const r = rank(chain);
        if (r && (!best || compareRanks(r, best.rank) > 0)) best = { chain, rank: r };
      }
      if (!best) return;
      remaining.delete(best.chain);
      take(best.chain);
    }
  };

  const covers = (chain: readonly string[]) => chain.some(short) || steps(chain).some((step) => !taughtSteps.has(step));
  const notNearCopy = (chain: readonly string[]) =>
    chosen.every((other) => shared(chain, other) < Math.min(chain.length, other.length));
  const coverageRank = (chain: string[]) =>
    covers(chain) && notNearCopy(chain) ? [coverageGain(chain), -background(chain), -chain.length] : undefined;
  greedy(
    candidates.filter((c) => c.length === TIMELINE_MIN),
    coverageRank,
  );
  greedy(candidates, coverageRank);

  greedy(
    candidates.filter((c) => c.length > TIMELINE_MIN),
    (chain) => {
      const fresh = newPairs(chain);
      const varied = chosen
        .filter((other) => other.length === chain.length)
        .every((other) => shared(chain, other) <= chain.length - 2);
      return fresh >= 1 && varied ? [-background(chain), fresh, coverageGain(chain)] : undefined;
    },
  );
  return chosen;
}

// ------------------------------------------------------------------ prompts

/** True when every event of the chain meets every condition of the theme. */
export function themeFits(theme: Theme, chain: readonly ThemeEvent[]): boolean {
  const m = theme.match;
  const bg = chain.filter(isBackground).length;
  if (m.era === "crisis" && bg > 0) return false;
  if (m.background === "none" && bg !== 0) return false;
  if (m.background === "one" && bg !== 1) return false;
  if (m.place !== undefined && !chain.every((e) => e.place === m.place)) return false;
  if (m.dates) {
    const { from, to } = m.dates;
    if (!chain.every((e) => "date" in e.when && e.when.date >= from && e.when.date <= to)) return false;
  }
  if (m.events && !chain.every((e) => m.events!.includes(e.id))) return false;
  return true;
}

/**
 * One prompt per chain, from the themes that fit it: the least-used prompt so far,
 * and on a tie the one listed first (themes are listed from the most specific).
 */
export function assignPrompts(chains: readonly (readonly ThemeEvent[])[], themes: readonly Theme[]): string[] {
  const used = new Map<string, number>();
  return chains.map((chain) => {
    const eligible = themes.filter((t) => themeFits(t, chain)).flatMap((t) => t.prompts);
    if (eligible.length === 0) {
      throw new TimelineContentError(`no theme fits the timeline ${chain.map((e) => e.id).join(" → ")}`);
    }
    let prompt = eligible[0]!;
    for (const p of eligible) if ((used.get(p) ?? 0) < (used.get(prompt) ?? 0)) prompt = p;
    used.set(prompt, (used.get(prompt) ?? 0) + 1);
    return prompt;
  });
}

// ------------------------------------------------------------- explanation

/** The edge behind each step of a chain (a chain is a path of edges, so each exists). */
export function chainEdges(chain: readonly string[], edges: readonly OrderEdge[]): OrderEdge[] {
  return chain.slice(1).map((to, i) => {
    const edge = edges.find((e) => e.before === chain[i] && e.after === to);
    if (!edge) throw new TimelineContentError(`no edge ${chain[i]} -> ${to}`);
    return edge;
  });
}

/** "A → B: why (P…)" for each step: each reason names only the two events it joins. */
export function explainChain(chain: readonly TopicEvent[], edges: readonly OrderEdge[]): string {
  return chainEdges(
    chain.map((e) => e.id),
    edges,
  )
    .map((edge, i) => `${chain[i]!.label} → ${chain[i + 1]!.label}: ${edge.why} (${cite(edge.paragraphs)})`)
    .join(" ");
}
