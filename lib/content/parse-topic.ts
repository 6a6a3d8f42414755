// Turns the raw JSON of a topic pack into a validated Topic. Pure: the files are
// read elsewhere (load-topic.ts), so tests can feed broken packs directly.
import type { z } from "zod";
import {
  causesSchema,
  distractorKindsSchema,
  eventSchema,
  factSchema,
  orderEdgeSchema,
  themesSchema,
  topicSchema,
  type Causes,
  type DistractorKinds,
  type Fact,
  type OrderEdge,
  type ParagraphRef,
  type Theme,
  type TopicEvent,
} from "./schema";

export type TopicMeta = z.infer<typeof topicSchema>;

export interface Topic {
  meta: TopicMeta;
  events: TopicEvent[];
  order: OrderEdge[];
  facts: Fact[];
  kinds: DistractorKinds;
  causes: Causes;
  themes: Theme[];
}

export interface RawTopicFiles {
  topic: unknown;
  events: unknown;
  order: unknown;
  facts: unknown;
  distractors: unknown;
  causes: unknown;
  themes: unknown;
}

export class TopicContentError extends Error {
  constructor(
    readonly topicId: string,
    readonly problems: string[],
  ) {
    super(`Topic pack "${topicId}" is invalid:\n- ${problems.join("\n- ")}`);
    this.name = "TopicContentError";
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") + ": " : ""}${i.message}`).join("; ");
}

/** Parse an array file item by item so each message names the item it is about. */
function parseItems<T>(file: string, noun: string, raw: unknown, schema: z.ZodType<T>, problems: string[]): T[] {
  if (!Array.isArray(raw)) {
    problems.push(`${file}: expected a list of ${noun}s`);
    return [];
  }
  const items: T[] = [];
  raw.forEach((item, index) => {
    const result = schema.safeParse(item);
    const name =
      typeof (item as { id?: unknown })?.id === "string" ? `"${(item as { id: string }).id}"` : `#${index + 1}`;
    if (result.success) items.push(result.data);
    else problems.push(`${file}: ${noun} ${name}: ${describeIssues(result.error)}`);
  });
  return items;
}

function parseOne<T>(file: string, raw: unknown, schema: z.ZodType<T>, problems: string[]): T | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  problems.push(`${file}: ${describeIssues(result.error)}`);
  return undefined;
}

export function parseTopic(topicId: string, raw: RawTopicFiles): Topic {
  const problems: string[] = [];
  const meta = parseOne("topic.json", raw.topic, topicSchema, problems);
  const events = parseItems("events.json", "event", raw.events, eventSchema, problems);
  const order = parseItems("order.json", "edge", raw.order, orderEdgeSchema, problems);
  const facts = parseItems("facts.json", "fact", raw.facts, factSchema, problems);
  const kinds = parseOne("distractors.json", raw.distractors, distractorKindsSchema, problems);
  const causes = parseOne("causes.json", raw.causes, causesSchema, problems);
  const themes = parseOne("themes.json", raw.themes, themesSchema, problems);
  if (!meta || !kinds || !causes || !themes || problems.length) throw new TopicContentError(topicId, problems);

  if (meta.id !== topicId) problems.push(`topic.json: id "${meta.id}" does not match folder "${topicId}"`);
  const inRange = (p: ParagraphRef) => p === "caption" || p <= meta.source.paragraphCount;
  const checkRefs = (where: string, refs: ParagraphRef[]) => {
    for (const p of refs)
      if (!inRange(p))
        problems.push(`${where}: cites paragraph ${p}, beyond the article's ${meta.source.paragraphCount}`);
  };

  /** Quotes behind a multi-paragraph item: one for each paragraph it cites, and none for any other. */
  const checkEvidence = (where: string, refs: ParagraphRef[], evidence: { paragraph: ParagraphRef }[]) => {
    for (const { paragraph } of evidence)
      if (!refs.includes(paragraph)) problems.push(`${where}: quotes paragraph ${paragraph}, which it does not cite`);
    for (const p of refs)
      if (evidence.filter((e) => e.paragraph === p).length !== 1)
        problems.push(`${where}: needs one quote from paragraph ${p}, which it cites`);
  };
  for (const c of meta.source.caveats) checkEvidence(`topic.json: caveat "${c.id}"`, c.paragraphs, c.evidence);

  /** The ids of `items`, each reported once more when it is defined twice. */
  const idsOf = (where: (id: string) => string, items: { id: string }[]) => {
    const ids = new Set<string>();
    for (const { id } of items) {
      if (ids.has(id)) problems.push(`${where(id)}: defined twice`);
      ids.add(id);
    }
    return ids;
  };
  const eventIds = idsOf((id) => `events.json: event "${id}"`, events);
  for (const e of events) checkRefs(`events.json: event "${e.id}"`, e.paragraphs);
  for (const edge of order) {
    const where = `order.json: edge "${edge.before}" -> "${edge.after}"`;
    if (!eventIds.has(edge.before)) problems.push(`${where}: unknown event "${edge.before}"`);
    if (!eventIds.has(edge.after)) problems.push(`${where}: unknown event "${edge.after}"`);
    if (edge.before === edge.after) problems.push(`${where}: an event cannot precede itself`);
    checkRefs(where, edge.paragraphs);
  }
  idsOf((id) => `facts.json: fact "${id}"`, facts);
  for (const f of facts) {
    const where = `facts.json: fact "${f.id}"`;
    checkRefs(where, f.paragraphs);
    checkEvidence(where, f.paragraphs, f.evidence);
    if (!kinds[f.kind]) problems.push(`${where}: kind "${f.kind}" is not declared in distractors.json`);
    if (f.certainty === "unverified") problems.push(`${where}: unverified claims may not be keyed as facts`);
    for (const e of f.events) if (!eventIds.has(e)) problems.push(`${where}: unknown event "${e}"`);
  }
  const nodeIds = new Set(causes.nodes.map((n) => n.id));
  const factIds = new Set(facts.map((f) => f.id));
  for (const n of causes.nodes) {
    checkRefs(`causes.json: node "${n.id}"`, n.paragraphs);
    checkEvidence(`causes.json: node "${n.id}"`, n.paragraphs, n.evidence);
    for (const t of n.teaches)
      if (!factIds.has(t) && !eventIds.has(t)) problems.push(`causes.json: node "${n.id}" teaches unknown "${t}"`);
  }
  for (const l of causes.links) {
    const where = `causes.json: link "${l.from}" -> "${l.to}"`;
    if (!nodeIds.has(l.from) || !nodeIds.has(l.to)) problems.push(`${where}: unknown node`);
    checkRefs(where, l.paragraphs);
  }
  idsOf((id) => `themes.json: theme "${id}"`, themes);
  for (const t of themes) {
    const where = `themes.json: theme "${t.id}"`;
    for (const e of t.match.events ?? []) if (!eventIds.has(e)) problems.push(`${where}: unknown event "${e}"`);
    if (t.match.dates && t.match.dates.from > t.match.dates.to) problems.push(`${where}: its dates run backwards`);
  }
  for (const c of meta.source.caveats) checkRefs(`topic.json: caveat "${c.id}"`, c.paragraphs);

  if (problems.length) throw new TopicContentError(topicId, problems);
  return { meta, events, order, facts, kinds, causes, themes };
}
