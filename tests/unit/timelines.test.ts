// The timeline generator's rules, as properties over many made-up packs (the generator
// holds no topic knowledge, so any pack must come out by the rules) and over the real one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrderEdge, Theme, TopicEvent } from "@/lib/content/schema";
import { buildBank } from "@/lib/quiz/bank";
import {
  assignPrompts,
  BACKGROUND_SHARE,
  EVENT_COVERAGE,
  enumeratePaths,
  selectTimelineChains,
  themeFits,
  TimelineContentError,
  TIMELINE_MAX,
  TIMELINE_MIN,
} from "@/lib/quiz/timelines";
import { topic } from "../helpers/topic";

type Pack = { events: TopicEvent[]; edges: OrderEdge[] };

/** A made-up pack: events in a fixed order (so edges never cycle), some background, some dated. */
const packs: fc.Arbitrary<Pack> = fc
  .record({
    n: fc.integer({ min: 3, max: 14 }),
    background: fc.integer({ min: 0, max: 4 }),
    density: fc.double({ min: 0.1, max: 0.6, noNaN: true }),
    seed: fc.integer(),
  })
  .map(({ n, background, density, seed }) => {
    let state = seed >>> 0;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const events: TopicEvent[] = Array.from({ length: n }, (_, i) => {
      const era = i < Math.min(background, n - 1) ? "background" : "crisis";
      const day = 1 + Math.floor(random() * 3);
      return {
        id: `e${i}`,
        label: `Event ${i}`,
        description: `Event ${i}.`,
        paragraphs: [1],
        evidence: "some words here",
        strand: era === "background" ? "causes" : "course",
        certainty: "reported",
        cues: [`event ${i}`],
        place: random() < 0.5 ? "Town" : undefined,
        when:
          era === "crisis" && random() < 0.5
            ? { precision: "day", era, date: `2022-01-0${day}`, label: `Day ${day}` }
            : { precision: "unknown", era, label: "Undated" },
      } satisfies TopicEvent;
    });
    const edges: OrderEdge[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (random() < density)
          edges.push({ before: `e${i}`, after: `e${j}`, basis: "text", paragraphs: [1], why: `e${i} then e${j}.` });
    return { events, edges };
  });

const RUNS = { numRuns: 150 };
const isBackground = (pack: Pack, id: string) => pack.events.find((e) => e.id === id)!.when.era === "background";
const onChains = (chains: string[][], id: string) => chains.filter((c) => c.includes(id)).length;

describe("choosing timeline chains, over made-up packs", () => {
  it("makes every timeline a path of the pack's own edges, 3 to 6 events long, each set of events once", () => {
    fc.assert(
      fc.property(packs, (pack) => {
        const chains = selectTimelineChains(pack.events, pack.edges);
        for (const chain of chains) {
          expect(chain.length).toBeGreaterThanOrEqual(TIMELINE_MIN);
          expect(chain.length).toBeLessThanOrEqual(TIMELINE_MAX);
          for (let i = 0; i + 1 < chain.length; i++)
            expect(pack.edges.some((e) => e.before === chain[i] && e.after === chain[i + 1])).toBe(true);
        }
        const sets = chains.map((c) => [...c].sort().join());
        expect(new Set(sets).size).toBe(sets.length);
      }),
      RUNS,
    );
  });

  it("puts at most one background event on a timeline, and one on at most a third of them", () => {
    fc.assert(
      fc.property(packs, (pack) => {
        const chains = selectTimelineChains(pack.events, pack.edges);
        const withBackground = chains.filter((c) => c.some((id) => isBackground(pack, id)));
        for (const c of chains) expect(c.filter((id) => isBackground(pack, id)).length).toBeLessThanOrEqual(1);
        expect(withBackground.length).toBeLessThanOrEqual(BACKGROUND_SHARE * chains.length);
      }),
      RUNS,
    );
  });

  // The coverage pass stops only when every chain within the crisis that would still add
  // something is a near-copy of a chosen one (all its events on it, or all of one on it).
  const nearCopy = (chain: string[], chosen: string[][]) =>
    chosen.some((d) => chain.filter((id) => d.includes(id)).length === Math.min(chain.length, d.length));
  const crisisCandidates = (pack: Pack) =>
    enumeratePaths(
      pack.events.map((e) => e.id),
      pack.edges,
      TIMELINE_MIN,
      TIMELINE_MAX,
    ).filter((c) => !c.some((id) => isBackground(pack, id)));

  it("puts every crisis event on two timelines, unless every chain left that holds it is a near-copy", () => {
    fc.assert(
      fc.property(packs, (pack) => {
        const chains = selectTimelineChains(pack.events, pack.edges);
        const candidates = crisisCandidates(pack);
        for (const e of pack.events.filter((x) => x.when.era === "crisis")) {
          const holding = candidates.filter((c) => c.includes(e.id));
          if (holding.length > 0) expect(onChains(chains, e.id), e.id).toBeGreaterThanOrEqual(1);
          if (onChains(chains, e.id) < EVENT_COVERAGE)
            for (const c of holding) expect(nearCopy(c, chains), `${e.id}: ${c.join(">")}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("teaches every edge between crisis events, unless every chain left that holds it is a near-copy", () => {
    fc.assert(
      fc.property(packs, (pack) => {
        const chains = selectTimelineChains(pack.events, pack.edges);
        const taught = new Set(chains.flatMap((c) => c.slice(1).map((to, i) => `${c[i]}>${to}`)));
        for (const c of crisisCandidates(pack)) {
          const untaught = c.slice(1).some((to, i) => !taught.has(`${c[i]}>${to}`));
          if (untaught) expect(nearCopy(c, chains), c.join(">")).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe("prompts", () => {
  const ev = (id: string, when: TopicEvent["when"], place?: string) => ({ id, when, place });
  const day = (date: string) => ({ precision: "day" as const, era: "crisis" as const, date, label: date });
  const undated = { precision: "unknown" as const, era: "crisis" as const, label: "undated" };
  const old = { precision: "span" as const, era: "background" as const, label: "long ago" };
  const themes: Theme[] = [
    { id: "town", match: { era: "crisis", place: "Town" }, prompts: ["In Town: order these."] },
    { id: "days", match: { dates: { from: "2022-01-05", to: "2022-01-06" } }, prompts: ["5 and 6 January: order."] },
    { id: "mixed", match: { background: "one" }, prompts: ["Old and new: order."] },
    { id: "any", match: { era: "crisis" }, prompts: ["A.", "B.", "C.", "D.", "E."] },
  ];

  it.each([
    ["all dated within the days", [ev("a", day("2022-01-05")), ev("b", day("2022-01-06"))], "days", true],
    ["one undated", [ev("a", day("2022-01-05")), ev("b", undated)], "days", false],
    ["one outside the days", [ev("a", day("2022-01-04")), ev("b", day("2022-01-06"))], "days", false],
    ["all in the place", [ev("a", undated, "Town"), ev("b", undated, "Town")], "town", true],
    ["one elsewhere", [ev("a", undated, "Town"), ev("b", undated)], "town", false],
    ["one background event", [ev("a", old), ev("b", undated)], "mixed", true],
    ["a background event in a crisis theme", [ev("a", old), ev("b", undated)], "any", false],
  ])("a chain with %s fits %s: %s", (_label, chain, themeId, fits) => {
    expect(
      themeFits(
        themes.find((t) => t.id === themeId)!,
        chain,
      ),
    ).toBe(fits);
  });

  it("spreads prompts so that none is on more than a fifth of the chains, when the themes allow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), (n) => {
        const chains = Array.from({ length: n }, (_, i) => [ev(`a${i}`, undated), ev(`b${i}`, undated)]);
        const prompts = assignPrompts(chains, themes);
        const uses = new Map<string, number>();
        for (const p of prompts) uses.set(p, (uses.get(p) ?? 0) + 1);
        expect(Math.max(...uses.values())).toBeLessThanOrEqual(Math.ceil(n / 5));
      }),
    );
  });

  it("refuses a chain no theme fits, naming it", () => {
    expect(() => assignPrompts([[ev("x", old), ev("y", old)]], themes)).toThrow(TimelineContentError);
    expect(() => assignPrompts([[ev("x", old), ev("y", old)]], themes)).toThrow(/x → y/);
  });
});

describe("the kazakhstan-2022 timelines", () => {
  const { timelines } = buildBank(topic, 1);
  const byId = new Map(topic.events.map((e) => [e.id, e]));
  const background = (ids: readonly string[]) => ids.filter((id) => byId.get(id)!.when.era === "background").length;

  it("hold at most one background event each, and most lie wholly within the crisis", () => {
    expect(timelines.every((q) => background(q.answer) <= 1)).toBe(true);
    expect(timelines.filter((q) => background(q.answer) === 0).length / timelines.length).toBeGreaterThanOrEqual(
      1 - BACKGROUND_SHARE,
    );
  });

  it(`put every crisis event on at least ${EVENT_COVERAGE} timelines`, () => {
    const short = topic.events
      .filter((e) => e.when.era === "crisis")
      .filter((e) => timelines.filter((q) => q.answer.includes(e.id)).length < EVENT_COVERAGE)
      .map((e) => e.id);
    expect(short).toEqual([]);
  });

  it("teach every order edge between two crisis events", () => {
    const taught = new Set(timelines.flatMap((q) => q.answer.slice(1).map((to, i) => `${q.answer[i]}>${to}`)));
    const untaught = topic.order
      .filter((e) => byId.get(e.before)!.when.era === "crisis" && byId.get(e.after)!.when.era === "crisis")
      .map((e) => `${e.before}>${e.after}`)
      .filter((s) => !taught.has(s));
    expect(untaught).toEqual([]);
  });

  it("use no prompt on more than a fifth of the timelines", () => {
    const uses = new Map<string, number>();
    for (const q of timelines) uses.set(q.prompt, (uses.get(q.prompt) ?? 0) + 1);
    expect(Math.max(...uses.values())).toBeLessThanOrEqual(timelines.length / 5);
  });

  it("take each prompt from a theme every event on the card fits", () => {
    for (const q of timelines) {
      const chain = q.answer.map((id) => byId.get(id)!);
      const themes = topic.themes.filter((t) => t.prompts.includes(q.prompt));
      expect(
        themes.some((t) => themeFits(t, chain)),
        `${q.id}: "${q.prompt}"`,
      ).toBe(true);
    }
  });

  it("explain each timeline naming only the events on its card", () => {
    const named = (text: string, id: string) =>
      byId
        .get(id)!
        .cues.some((cue) => new RegExp(`\\b${cue.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(text));
    for (const q of timelines) {
      const offCard = topic.events.filter((e) => !q.answer.includes(e.id));
      // The labels of the shown events open each step; the reasons must not name anything else.
      let reasons = q.explanation;
      for (let i = 0; i + 1 < q.items.length; i++) {
        const [a, b] = [q.answer[i]!, q.answer[i + 1]!].map((id) => byId.get(id)!.label);
        reasons = reasons.replace(`${a} → ${b}:`, "");
      }
      expect(
        offCard.filter((e) => named(reasons, e.id)).map((e) => e.id),
        q.id,
      ).toEqual([]);
    }
  });
});
