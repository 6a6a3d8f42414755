// The study view's model of the course of events: background, then each dated day,
// then what the report leaves undated — and, inside each group, only the orderings
// the report establishes. Nothing is forced into a line the source does not draw.
import type { Topic } from "../content/parse-topic";
import type { OrderEdge, TopicEvent } from "../content/schema";
import { buildPartialOrder } from "../quiz/partial-order";

export interface StudyEvent {
  event: TopicEvent;
  /** Direct relations from the order edges, with their reasons. */
  after: { id: string; label: string; edge: OrderEdge }[];
  before: { id: string; label: string; edge: OrderEdge }[];
}

export interface StudyGroup {
  id: string;
  title: string;
  /** True when every pair in the group is ordered by the report (shown as a line). */
  ordered: boolean;
  events: StudyEvent[];
  /**
   * The orderings the report gives inside the group, direct ones only (not those that follow
   * from two others), as "A → B" labels.
   */
  knownOrder: string[];
  /**
   * When the report's order inside an unordered group runs in steps — every event of a step
   * before every event of the next — the steps, earliest first (a step of several events is
   * a cluster the report leaves unordered). Null when it does not, or the group is a line.
   */
  steps: StudyEvent[][] | null;
}

export function buildStudyTimeline(topic: Topic): StudyGroup[] {
  const order = buildPartialOrder(
    topic.events.map((e) => e.id),
    topic.order,
  );
  const byId = new Map(topic.events.map((e) => [e.id, e]));
  const rank = new Map(order.ids.map((id, i) => [id, i]));
  const study = (event: TopicEvent): StudyEvent => ({
    event,
    after: topic.order
      .filter((e) => e.after === event.id)
      .map((edge) => ({ id: edge.before, label: byId.get(edge.before)!.label, edge })),
    before: topic.order
      .filter((e) => e.before === event.id)
      .map((edge) => ({ id: edge.after, label: byId.get(edge.after)!.label, edge })),
  });
  const group = (id: string, title: string, events: TopicEvent[]): StudyGroup => {
    const sorted = [...events].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
    const before = (a: TopicEvent, b: TopicEvent) => a !== b && order.before(a.id, b.id);
    let count = 0;
    const direct: [TopicEvent, TopicEvent][] = [];
    for (const a of sorted)
      for (const b of sorted) {
        if (!before(a, b)) continue;
        count++;
        if (!sorted.some((c) => before(a, c) && before(c, b))) direct.push([a, b]);
      }
    const ordered = count === (sorted.length * (sorted.length - 1)) / 2;
    // Layers by the longest run of events before each one; they are steps when each layer
    // wholly precedes the next.
    const depth = new Map<string, number>();
    for (const e of sorted)
      depth.set(e.id, Math.max(-1, ...sorted.filter((p) => before(p, e)).map((p) => depth.get(p.id)!)) + 1);
    const layers: TopicEvent[][] = [];
    for (const e of sorted) (layers[depth.get(e.id)!] ??= []).push(e);
    const stepped =
      !ordered &&
      layers.length > 1 &&
      layers.every((layer, i) => i === 0 || layers[i - 1]!.every((a) => layer.every((b) => before(a, b))));
    return {
      id,
      title,
      ordered,
      events: sorted.map(study),
      knownOrder: direct.map(([a, b]) => `${a.label} → ${b.label}`),
      steps: stepped ? layers.map((layer) => layer.map(study)) : null,
    };
  };

  const groups: StudyGroup[] = [
    group(
      "background",
      "Background: the decades before",
      topic.events.filter((e) => e.when.era === "background"),
    ),
  ];
  const crisis = topic.events.filter((e) => e.when.era === "crisis");
  const dates = [...new Set(crisis.flatMap((e) => ("date" in e.when ? [e.when.date] : [])))].sort();
  const undated = crisis.filter((e) => !("date" in e.when));
  groups.push(group("before-dated", "January 2022: undated in the report", undated));
  for (const date of dates) {
    const day = crisis.filter((e) => "date" in e.when && e.when.date === date);
    groups.push(group(`day-${date}`, date, day));
  }
  return groups.filter((g) => g.events.length > 0);
}
