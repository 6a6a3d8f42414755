// The course of the unrest as a visual timeline: groups in time order; inside a group,
// a line where the report orders every pair, a line of steps where its order runs in steps
// (a step of several events a dashed box on the line), and a dashed "order not given"
// cluster, its known pairs marked on the cards ("After …"), where it does neither. Each event shows its date and how precise the report is about it as
// badges; its description, quoted words and orderings are one tap away.
import type { StudyGroup } from "@/lib/study/study-view";
import type { TopicEvent } from "@/lib/content/schema";
import { formatLongDate } from "@/lib/format-date";
import type { Mastery } from "@/lib/play/mastery";
import { formatParagraphs, ParagraphBadge, type SourceMeta } from "../paragraph-badge";
import { MasteryBadge } from "./mastery-badge";

/** Per event id, what the player knows of its order (for a player the study view knows). */
type Marks = Record<string, Mastery> | undefined;

function groupTitle(group: StudyGroup): string {
  return group.id.startsWith("day-") ? formatLongDate(group.title) : group.title;
}

const PRECISION: Record<TopicEvent["when"]["precision"], string> = {
  day: "day known",
  "part-of-day": "time of day",
  span: "approximate",
  unknown: "not dated",
};

/** "Wed 5 Jan" for a dated event, else the era. */
function dateBadge(event: TopicEvent): string {
  if ("date" in event.when)
    return formatLongDate(event.when.date).replace(/^(\w{3})\w* (\d+) (\w{3})\w* \d{4}$/, "$1 $2 $3");
  return event.when.era === "background" ? "before 2022" : "Jan 2022";
}

function precisionBadge(event: TopicEvent): string {
  return event.when.precision === "part-of-day" ? event.when.part : PRECISION[event.when.precision];
}

type Item = StudyGroup["events"][number];

function EventItem({
  item,
  source,
  line,
  comesAfter = [],
  marks,
}: {
  item: Item;
  source: SourceMeta;
  line: boolean;
  marks?: Marks;
  /** Events of the same cluster the report puts before this one: shown on the card as "After …". */
  comesAfter?: string[];
}) {
  const { event, after, before } = item;
  return (
    <li
      id={`event-${event.id}`}
      className={`relative scroll-mt-24 rounded-xl bg-white p-3 ring-1 ring-black/5 target:ring-4 target:ring-sun data-target:ring-4 data-target:ring-sun ${line ? "ml-5" : ""}`}
    >
      {line && (
        <span
          aria-hidden="true"
          className="absolute -left-[1.6rem] top-4 h-3.5 w-3.5 rounded-full border-2 border-white bg-steppe"
        />
      )}
      <p className="flex flex-wrap items-center gap-1.5 text-xs font-bold uppercase tracking-wide">
        <span className="rounded-full bg-steppe px-2 py-0.5 text-white">{dateBadge(event)}</span>
        <span className="rounded-full border border-steppe/30 px-2 py-0.5 text-steppe-dark">
          {precisionBadge(event)}
        </span>
        {event.certainty !== "reported" && (
          <span className="rounded-full bg-sun/30 px-2 py-0.5 text-ink">{event.certainty}</span>
        )}
      </p>
      <p className="mt-1 flex items-start justify-between gap-2">
        <span className="font-semibold">{event.label}</span>
        <span className="flex shrink-0 items-center gap-1.5">
          {marks?.[event.id] && <MasteryBadge mastery={marks[event.id]!} />}
          <ParagraphBadge
            id={`event-${event.id}`}
            refs={event.paragraphs}
            quotes={[event.evidence]}
            source={source}
            tabbable={false}
          />
        </span>
      </p>
      {comesAfter.map((label) => (
        <p key={label} className="mt-1 text-sm font-semibold text-steppe-dark">
          <span aria-hidden="true">↳ </span>After “{label}”
        </p>
      ))}
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-steppe-dark">
          Source and ordering
        </summary>
        <div className="space-y-2 pb-1">
          <p>{event.description}</p>
          <p className="text-muted">When: {event.when.label}</p>
          <p>
            The report’s words ({formatParagraphs(event.paragraphs)}): <q className="italic">{event.evidence}</q>
          </p>
          {after.map((r) => (
            <p key={`a-${r.id}`}>
              After “{r.label}”: {r.edge.why}
            </p>
          ))}
          {before.map((r) => (
            <p key={`b-${r.id}`}>
              Before “{r.label}”: {r.edge.why}
            </p>
          ))}
        </div>
      </details>
    </li>
  );
}

/** Events the report leaves unordered among themselves, in a dashed box. */
function Cluster({
  items,
  source,
  title,
  comesAfter,
  marks,
}: {
  items: Item[];
  source: SourceMeta;
  title: string;
  comesAfter?: (item: Item) => string[];
  marks?: Marks;
}) {
  return (
    <div className="rounded-2xl border-2 border-dashed border-steppe/40 p-2">
      <p className="px-1 pb-2 text-xs font-bold uppercase tracking-wide text-steppe-dark">
        <span aria-hidden="true">⇅ </span>
        {title}
      </p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {items.map((item) => (
          <EventItem
            key={item.event.id}
            item={item}
            source={source}
            line={false}
            comesAfter={comesAfter?.(item)}
            marks={marks}
          />
        ))}
      </ul>
    </div>
  );
}

function Group({ group, source, marks }: { group: StudyGroup; source: SourceMeta; marks?: Marks }) {
  const ids = new Set(group.events.map((e) => e.event.id));
  if (group.ordered)
    return (
      <>
        <p className="mt-0.5 text-sm text-muted">The report orders these, earliest first.</p>
        <ol className="mt-3 space-y-3 border-l-4 border-sun pl-0 [margin-left:0.4rem]">
          {group.events.map((item) => (
            <EventItem key={item.event.id} item={item} source={source} line marks={marks} />
          ))}
        </ol>
      </>
    );
  if (group.steps)
    // The order the report gives runs in steps: a line, a step of several events a dashed box on it.
    return (
      <>
        <p className="mt-0.5 text-sm text-muted">
          The report orders these in steps, earliest first; inside a dashed box it gives no order.
        </p>
        <ol className="mt-3 space-y-3 border-l-4 border-sun pl-0 [margin-left:0.4rem]">
          {group.steps.map((step) =>
            step.length === 1 ? (
              <EventItem key={step[0]!.event.id} item={step[0]!} source={source} line marks={marks} />
            ) : (
              <li key={step[0]!.event.id} className="relative ml-5">
                <span
                  aria-hidden="true"
                  className="absolute -left-[1.6rem] top-3 h-3.5 w-3.5 rounded-full border-2 border-white bg-steppe"
                />
                <Cluster items={step} source={source} title="Then, in an order not given" marks={marks} />
              </li>
            ),
          )}
        </ol>
      </>
    );
  return (
    <>
      <p className="mt-0.5 text-sm text-muted">
        {group.knownOrder.length
          ? "The report does not order all of these."
          : "The report does not say in which order these happened."}
      </p>
      {group.knownOrder.length > 0 && (
        <div className="mt-2 text-sm">
          <p className="font-semibold text-steppe-dark">What it does establish:</p>
          <ul className="space-y-1">
            {group.knownOrder.map((pair) => (
              <li key={pair}>{pair}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-3">
        <Cluster
          items={group.events}
          source={source}
          title="Order not given"
          comesAfter={(item) => item.after.filter((r) => ids.has(r.id)).map((r) => r.label)}
          marks={marks}
        />
      </div>
    </>
  );
}

export function StudyTimeline({
  groups,
  source,
  mastery,
}: {
  groups: StudyGroup[];
  source: SourceMeta;
  /** Per event id, what the player knows of its order (for a player the page knows). */
  mastery?: Marks;
}) {
  return (
    <ol className="space-y-6">
      {groups.map((group) => (
        <li key={group.id} aria-labelledby={`${group.id}-title`}>
          <h3 id={`${group.id}-title`} className="text-xl font-bold text-steppe-dark">
            {groupTitle(group)}
          </h3>
          <Group group={group} source={source} marks={mastery} />
        </li>
      ))}
    </ol>
  );
}
