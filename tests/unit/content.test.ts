// The fact base itself: cited, grounded in the article, in our own words, and
// ordered only where the article orders things.
import { describe, expect, it } from "vitest";
import { parseTopic, TopicContentError } from "@/lib/content/parse-topic";
import { copiedWindows, quoteIsInParagraphs } from "@/lib/content/source-text";
import { distractorCandidates } from "@/lib/quiz/bank";
import { buildPartialOrder } from "@/lib/quiz/partial-order";
import { fingerprint, rawTopic, topic, TOPIC_ID } from "../helpers/topic";

const order = buildPartialOrder(
  topic.events.map((e) => e.id),
  topic.order,
);
const inRange = (p: number | "caption") => p === "caption" || (p >= 1 && p <= 12);

describe("the kazakhstan-2022 fact base", () => {
  it("numbers the article's body as 12 paragraphs plus the caption", () => {
    expect(topic.meta.source.paragraphCount).toBe(12);
    expect(Object.keys(fingerprint.paragraphs).sort()).toEqual(
      [..."123456789".split(""), "10", "11", "12", "caption"].sort(),
    );
  });

  it("cites at least one paragraph, in range, for every event, edge, fact and cause", () => {
    const cited = [
      ...topic.events.map((e) => [`event ${e.id}`, e.paragraphs] as const),
      ...topic.order.map((e) => [`edge ${e.before}->${e.after}`, e.paragraphs] as const),
      ...topic.facts.map((f) => [`fact ${f.id}`, f.paragraphs] as const),
      ...topic.causes.nodes.map((n) => [`cause ${n.id}`, n.paragraphs] as const),
    ];
    for (const [name, refs] of cited) {
      expect(refs.length, name).toBeGreaterThan(0);
      expect(refs.every(inRange), name).toBe(true);
    }
  });

  it("quotes, as evidence, only words that stand in the paragraph cited", () => {
    const quotes = [
      ...topic.events.map((e) => ({ name: `event ${e.id}`, quote: e.evidence, refs: e.paragraphs })),
      ...[
        ...topic.facts.map((f) => [`fact ${f.id}`, f.evidence] as const),
        ...topic.causes.nodes.map((n) => [`cause ${n.id}`, n.evidence] as const),
        ...topic.meta.source.caveats.map((c) => [`caveat ${c.id}`, c.evidence] as const),
      ].flatMap(([name, evidence]) => evidence.map((e) => ({ name, quote: e.quote, refs: [e.paragraph] }))),
    ];
    const wrong = quotes
      .filter((q) => !quoteIsInParagraphs(q.quote, q.refs, fingerprint))
      .map((q) => `${q.name}: "${q.quote}"`);
    expect(wrong).toEqual([]);
  });

  it("can tell a misplaced quote from a real one (the check can fail)", () => {
    expect(quoteIsInParagraphs("the rising price of liquefied petroleum gas", [8], fingerprint)).toBe(true);
    expect(quoteIsInParagraphs("the rising price of liquefied petroleum gas", [3], fingerprint)).toBe(false);
    expect(quoteIsInParagraphs("the rising price of cheap diesel", [8], fingerprint)).toBe(false);
    // An ellipsis leaves words out; each part must still stand in the one paragraph cited.
    expect(quoteIsInParagraphs("The protests are the worst in Kazakhstan … in over a decade", [12], fingerprint)).toBe(
      true,
    );
    expect(quoteIsInParagraphs("The protests are the worst in Kazakhstan … in over a century", [12], fingerprint)).toBe(
      false,
    );
    expect(
      quoteIsInParagraphs("the rising price of liquefied petroleum gas … in over a decade", [8, 12], fingerprint),
    ).toBe(false);
  });

  it("quotes every fact, cause and caveat once from each paragraph it cites, and from no other", () => {
    const items = [
      ...topic.facts.map((f) => [`fact ${f.id}`, f.paragraphs, f.evidence] as const),
      ...topic.causes.nodes.map((n) => [`cause ${n.id}`, n.paragraphs, n.evidence] as const),
      ...topic.meta.source.caveats.map((c) => [`caveat ${c.id}`, c.paragraphs, c.evidence] as const),
    ];
    const wrong = items
      .filter(
        ([, refs, evidence]) =>
          evidence
            .map((e) => String(e.paragraph))
            .sort()
            .join() !== refs.map(String).sort().join(),
      )
      .map(([name]) => name);
    expect(wrong).toEqual([]);
  });

  it("is written in our own words: no eight-word run of the article appears in any text", () => {
    const texts: [string, string][] = [
      ...topic.meta.intro.map((t, i) => [`intro ${i}`, t] as [string, string]),
      [`tagline`, topic.meta.tagline],
      ...topic.meta.source.caveats.map((c) => [`caveat ${c.id}`, c.note] as [string, string]),
      ...topic.events.flatMap((e) => [[`event ${e.id}`, `${e.label}. ${e.description}`] as [string, string]]),
      ...topic.order.map((e) => [`edge ${e.before}->${e.after}`, e.why] as [string, string]),
      ...topic.facts.flatMap((f) => [
        [`fact ${f.id}`, `${f.label}. ${f.answer}. ${f.explanation}`] as [string, string],
        ...f.distractors.map((d) => [`fact ${f.id} distractor`, d] as [string, string]),
        ...f.stems.flatMap((s, i) => [
          [`fact ${f.id} stem ${i}`, s.prompt] as [string, string],
          ...[s.answer ?? "", ...(s.distractors ?? [])].map(
            (t) => [`fact ${f.id} stem ${i} option`, t] as [string, string],
          ),
        ]),
      ]),
      ...Object.entries(topic.kinds).flatMap(([kind, k]) =>
        k.pool.map((p) => [`kind ${kind}`, `${p.text}. ${p.note}`] as [string, string]),
      ),
      ...topic.causes.nodes.map((n) => [`cause ${n.id}`, `${n.label}. ${n.description}`] as [string, string]),
      ...topic.causes.links.map((l) => [`link ${l.from}->${l.to}`, l.label] as [string, string]),
      ...topic.themes.flatMap((t) => t.prompts.map((p) => [`theme ${t.id}`, p] as [string, string])),
    ];
    const copied = texts.flatMap(([name, text]) => copiedWindows(text, fingerprint).map((w) => `${name}: "${w}"`));
    expect(copied).toEqual([]);
    // and the check does catch a copied sentence
    expect(
      copiedWindows("Tokayev tried to head off further unrest by announcing the government's resignation", fingerprint),
    ).not.toEqual([]);
  });

  it("explains every order edge naming only the two events it joins", () => {
    const named = (text: string, cue: string) =>
      new RegExp(`\\b${cue.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(text);
    const stray = topic.order.flatMap((edge) =>
      topic.events
        .filter((e) => e.id !== edge.before && e.id !== edge.after)
        .filter((e) => e.cues.some((cue) => named(edge.why, cue)))
        .map((e) => `${edge.before}->${edge.after} names ${e.id}`),
    );
    expect(stray).toEqual([]);
  });

  it("names a place or a day in a timeline prompt only when its theme holds every event to it", () => {
    const places = new Set(topic.events.flatMap((e) => (e.place ? [e.place] : [])));
    const weekday = (date: string) =>
      new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
    for (const theme of topic.themes) {
      for (const prompt of theme.prompts) {
        for (const place of places)
          if (prompt.includes(place)) expect(theme.match.place, `${theme.id}: ${prompt}`).toBe(place);
        const days =
          /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|\b20\d\d\b|\b\d{1,2} \w+ 20\d\d)/;
        if (days.test(prompt)) {
          const range = theme.match.dates;
          expect(
            range,
            `${theme.id}: "${prompt}" names days, so its events must all be dated within them`,
          ).toBeDefined();
          for (
            let d = new Date(`${range!.from}T12:00:00Z`);
            d <= new Date(`${range!.to}T12:00:00Z`);
            d.setUTCDate(d.getUTCDate() + 1)
          ) {
            const iso = d.toISOString().slice(0, 10);
            const named = [weekday(iso), String(Number(iso.slice(8)))];
            expect(
              named.some((n) => prompt.includes(n)),
              `${theme.id}: "${prompt}" and ${iso}`,
            ).toBe(true);
          }
        }
      }
    }
  });

  it("orders every two events dated to different days, the earlier day first", () => {
    const dated = topic.events.flatMap((e) => ("date" in e.when ? [{ id: e.id, date: e.when.date }] : []));
    for (const a of dated) {
      for (const b of dated) {
        if (a.date < b.date)
          expect(order.before(a.id, b.id), `${a.id} (${a.date}) before ${b.id} (${b.date})`).toBe(true);
      }
    }
  });

  it("has no edge that runs against the days the article gives", () => {
    const dateOf = new Map(topic.events.flatMap((e) => ("date" in e.when ? [[e.id, e.when.date] as const] : [])));
    for (const edge of topic.order) {
      const [a, b] = [dateOf.get(edge.before), dateOf.get(edge.after)];
      if (a && b) expect(a <= b, `${edge.before} -> ${edge.after}`).toBe(true);
      if (edge.basis === "day-anchor")
        expect(a && b && a < b, `${edge.before} -> ${edge.after} is day-anchored`).toBe(true);
    }
  });

  it.each([
    ["state-of-emergency", "government-resigns", "the article never says which came first"],
    ["state-of-emergency", "appeal-for-help", "one sentence gives both, in no order"],
    ["police-car-burns", "government-resigns", "same day, no time for the photo"],
    ["troops-enter-square", "airport-secured", "both on Thursday, no relation given"],
    ["airport-seized", "government-resigns", "the seizure is undated"],
    ["fuel-price-rise", "nazarbayev-steps-down", "the price rise is undated"],
    ["protests-turn-riots", "government-resigns", "the article does not say when the protests became riots"],
    ["protests-continue", "troops-enter-square", "protests going on is no point in time"],
    ["statue-torn-down", "government-resigns", "the statue images are undated"],
    ["buildings-ablaze", "police-car-burns", "the fires are undated"],
    ["buildings-ablaze", "death-toll-reported", "the fires are undated"],
    ["russian-paratroopers", "death-toll-reported", "both on Thursday, no relation given"],
  ])("leaves %s and %s unordered (%s)", (a, b) => {
    expect(order.comparable(a, b)).toBe(false);
  });

  it.each([
    ["appeal-for-help", "russian-paratroopers", "P4: the help follows the call for it"],
    ["protests-begin", "protests-turn-riots", "P8: began as protests, has since turned into riots"],
    ["government-resigns", "protests-continue", "P9: the resignation, but protests continued"],
    ["airport-seized", "airport-secured", "P3: seized earlier, held by Thursday afternoon"],
    ["troops-enter-square", "square-quiet", "P5: earlier on Thursday, later the square was calm"],
  ])("orders %s before %s (%s)", (a, b) => {
    expect(order.before(a, b)).toBe(true);
  });

  it("offers every multiple-choice stem at least three checked distractors, so every question has four options", () => {
    const short = topic.facts.flatMap((f) =>
      f.stems.flatMap((_, i) => (distractorCandidates(f, i, topic).length < 3 ? [`${f.id} stem ${i}`] : [])),
    );
    expect(short).toEqual([]);
  });

  it.each([
    ["built up over", "P8: resentment over (about) three decades of rule, not built up over them"],
    ["other former Soviet states", "P12: former satellite states of the Soviet Union"],
    ["including 13", "P2: 13 members of the security forces had also died"],
    ["outside help", "P4: an appeal for help"],
    ["paratroopers arrive", "P1, P4: Russia sent paratroopers"],
    ["aimed largely", "P9: much of the anger appeared directed at him"],
    ["US dollars", "P11: dollars"],
    ["one week", "Thursday was the third day of protest in Almaty (P5)"],
    ["paratroopers in Almaty", "P1, P4: sent to Kazakhstan"],
  ])('says nowhere "%s" (%s)', (phrase) => {
    const everything = JSON.stringify([topic.meta, topic.events, topic.order, topic.facts, topic.causes, topic.themes]);
    expect(everything.toLowerCase().includes(phrase.toLowerCase())).toBe(false);
  });

  it("asks nothing about the report's photo, which the app never shows", () => {
    const prompts = topic.facts.flatMap((f) => f.stems.map((s) => s.prompt));
    expect(prompts.filter((p) => /photo|picture/i.test(p))).toEqual([]);
  });

  it("cites the independence event to the paragraph that gives it", () => {
    expect(topic.events.find((e) => e.id === "independence")!.paragraphs).toEqual([1]);
  });

  it("keeps background figures out of the causes strand", () => {
    const trivia = [
      "nazarbayev-age",
      "photo-subject",
      "photo-date",
      "troop-type",
      "former-soviet",
      "size-comparison",
      "population",
      "almaty-largest",
      "capital-nur-sultan",
      "largest-economy",
      "investment-amount",
      "investment-industries",
      "independence-ago",
    ];
    const asCauses = topic.facts.filter((f) => trivia.includes(f.id) && f.strand === "causes").map((f) => f.id);
    expect(asCauses).toEqual([]);
  });

  it("asks about the capital as it was at the time of the report, never with its name in the question", () => {
    const fact = topic.facts.find((f) => f.id === "capital-nur-sultan")!;
    for (const stem of fact.stems) {
      expect(stem.prompt).toMatch(/at the time of the report/i);
      expect(stem.prompt).not.toMatch(/Nursultan|Nur-Sultan/);
    }
  });

  it("words the caveats for the reader of the home page, not for the question writers", () => {
    const meta = topic.meta.source.caveats.filter((c) => /\bquestions?\b/i.test(c.note)).map((c) => c.id);
    expect(meta).toEqual([]);
  });

  it("never keys a question on an unverified claim, and records the article's caveats", () => {
    expect(topic.facts.every((f) => f.certainty !== "unverified")).toBe(true);
    const caveats = topic.meta.source.caveats.map((c) => c.id);
    expect(caveats).toEqual(expect.arrayContaining(["worst-unrest-conflict", "unverified-video"]));
  });
});

describe("loading a broken topic pack", () => {
  it("names the fact that lacks an answer", () => {
    const raw = rawTopic();
    delete (raw.facts as { id: string; answer?: string }[])[2]!.answer;
    expect(() => parseTopic(TOPIC_ID, raw)).toThrow(/fact "protests-turned-riots": answer/);
  });

  it("names the edge that refers to an event that does not exist", () => {
    const raw = rawTopic();
    (raw.order as { after: string }[])[0]!.after = "moon-landing";
    expect(() => parseTopic(TOPIC_ID, raw)).toThrow(
      /edge "nazarbayev-rule-begins" -> "moon-landing": unknown event "moon-landing"/,
    );
  });

  it("rejects a citation beyond the article's last paragraph", () => {
    const raw = rawTopic();
    (raw.events as { paragraphs: number[] }[])[0]!.paragraphs = [13];
    expect(() => parseTopic(TOPIC_ID, raw)).toThrow(/event "nazarbayev-rule-begins": cites paragraph 13/);
  });

  it("refuses a cause whose quotes do not match the paragraphs it cites", () => {
    const raw = rawTopic();
    const node = (raw.causes as { nodes: { paragraphs: number[]; evidence: { paragraph: number }[] }[] }).nodes[0]!;
    node.paragraphs = [7, 8, 9];
    node.evidence[0]!.paragraph = 3;
    const error = (() => {
      try {
        parseTopic(TOPIC_ID, raw);
      } catch (e) {
        return String(e);
      }
    })();
    expect(error).toMatch(/node "decades-of-rule": quotes paragraph 3, which it does not cite/);
    expect(error).toMatch(/node "decades-of-rule": needs one quote from paragraph 7/);
    expect(error).toMatch(/node "decades-of-rule": needs one quote from paragraph 9/);
  });

  it("refuses to key a fact on an unverified claim", () => {
    const raw = rawTopic();
    (raw.facts as { certainty?: string }[])[0]!.certainty = "unverified";
    expect(() => parseTopic(TOPIC_ID, raw)).toThrow(TopicContentError);
  });

  it.each([
    ["events", /events\.json: event "nazarbayev-rule-begins": defined twice/],
    ["facts", /facts\.json: fact "fuel-lpg": defined twice/],
    ["themes", /themes\.json: theme "[^"]+": defined twice/],
  ] as const)("names an id defined twice in %s", (file, message) => {
    const raw = rawTopic();
    const items = raw[file] as unknown[];
    items.push(structuredClone(items[0]));
    expect(() => parseTopic(TOPIC_ID, raw)).toThrow(message);
  });

  it("refuses a fact whose kind has no distractor pool", () => {
    const raw = rawTopic();
    (raw.facts as { kind: string }[])[0]!.kind = "planet";
    expect(() => parseTopic(TOPIC_ID, raw)).toThrow(/fact "fuel-lpg": kind "planet" is not declared/);
  });
});
