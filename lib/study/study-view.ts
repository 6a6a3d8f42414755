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
  /** Orderings the report gives inside the group, as "A → B" labels. */
  knownOrder: string[];
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
    const pairs: [TopicEvent, TopicEvent][] = [];
    for (const a of sorted) for (const b of sorted) if (a !== b && order.before(a.id, b.id)) pairs.push([a, b]);
    const total = (sorted.length * (sorted.length - 1)) / 2;
    return {
      id,
      title,
      ordered: pairs.length === total,
      events: sorted.map(study),
      knownOrder: pairs.map(([a, b]) => `${a.label} → ${b.label}`),
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
