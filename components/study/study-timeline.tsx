// The course of the unrest as an explorable timeline: groups in time order; inside
// a group, a line only where the report orders every pair, otherwise "order unknown".
import type { StudyGroup } from "@/lib/study/study-view";
import { formatLongDate } from "@/lib/format-date";
import { ParagraphBadge } from "../paragraph-badge";

function groupTitle(group: StudyGroup): string {
  return group.id.startsWith("day-") ? formatLongDate(group.title) : group.title;
}

export function StudyTimeline({ groups }: { groups: StudyGroup[] }) {
  return (
    <ol className="space-y-8">
      {groups.map((group) => (
        <li
          key={group.id}
          aria-labelledby={`${group.id}-title`}
          className="rounded-2xl bg-white p-5 ring-1 ring-black/5"
        >
          <h3 id={`${group.id}-title`} className="text-xl font-bold text-steppe-dark">
            {groupTitle(group)}
          </h3>
          <p className="mt-1 text-sm text-muted">
            {group.ordered
              ? "The report orders these, earliest first."
              : group.knownOrder.length
                ? `The report does not order all of these. It establishes only: ${group.knownOrder.join("; ")}.`
                : "The report does not say in which order these happened."}
          </p>
          <ul
            className={`mt-4 ${group.ordered ? "space-y-3 border-l-4 border-sun pl-4" : "grid gap-3 sm:grid-cols-2"}`}
          >
            {group.events.map(({ event, after, before }) => (
              <li
                key={event.id}
                id={`event-${event.id}`}
                className="scroll-mt-24 rounded-xl border border-steppe/15 p-3 target:ring-4 target:ring-sun"
              >
                <p className="text-xs font-semibold uppercase tracking-wide text-muted">{event.when.label}</p>
                <p className="font-semibold">{event.label}</p>
                <p className="text-sm">{event.description}</p>
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer font-semibold text-steppe-dark">Source and ordering</summary>
                  <div className="mt-2 space-y-2">
                    <p>
                      <ParagraphBadge refs={event.paragraphs} /> <q className="italic">{event.evidence}</q>
                    </p>
                    {after.map((r) => (
                      <p key={`a-${r.id}`}>
                        After “{r.label}”: {r.edge.why} <ParagraphBadge refs={r.edge.paragraphs} />
                      </p>
                    ))}
                    {before.map((r) => (
                      <p key={`b-${r.id}`}>
                        Before “{r.label}”: {r.edge.why} <ParagraphBadge refs={r.edge.paragraphs} />
                      </p>
                    ))}
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
