// The class's mastery of the topic (the memory model, lib/play/mastery.ts): the cause map
// tinted by what the class has got, the causes as a table, and the event pairs the class
// has not got, most students first. No database access: the page passes what it read.
import type { Topic } from "@/lib/content/parse-topic";
import type { ClassMastery, Mastery, StudentMastery } from "@/lib/play/mastery";
import { CauseMap, type CauseMarks } from "../study/cause-map";
import { MasteryBadge, MasteryCounts } from "../study/mastery-badge";
import type { SourceMeta } from "../paragraph-badge";
import { ColumnHeads } from "./column-heads";

const STATUS: Record<Mastery, string> = {
  known: "The class has got this",
  shaky: "Not got yet",
  new: "Not met yet",
};

const students = (n: number) => `${n} student${n === 1 ? "" : "s"}`;

export function ClassMasteryView({
  mastery,
  topic,
  source,
  pairLimit = 10,
}: {
  mastery: ClassMastery;
  topic: Pick<Topic, "causes" | "events">;
  source: SourceMeta;
  pairLimit?: number;
}) {
  const causeLabel = new Map(topic.causes.nodes.map((n) => [n.id, n.label]));
  const eventLabel = new Map(topic.events.map((e) => [e.id, e.label]));
  const marks: CauseMarks = Object.fromEntries(
    mastery.causes.map((c) => [
      c.id,
      {
        mastery: c.status,
        note: `${STATUS[c.status]}: ${c.known} know it, ${c.shaky} shaky, ${c.fresh} not met`,
      },
    ]),
  );
  return (
    <section aria-labelledby="mastery" className="space-y-4">
      <h2 id="mastery" className="text-2xl font-bold">
        What the class has got
      </h2>
      <p className="max-w-3xl text-sm text-muted">
        From every answer of the {students(mastery.students)} in this assignment (their practice counts too): a cause is
        got when two thirds of those who met it know it — answered right last time and not yet fading. Shaky: missed or
        swapped last time, or likely forgotten by now.
      </p>
      {mastery.students === 0 ? (
        <p>No answers yet.</p>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <span className="flex items-center gap-1.5">
              <MasteryBadge mastery="known" /> got it
            </span>
            <span className="flex items-center gap-1.5">
              <MasteryBadge mastery="shaky" /> not got yet
            </span>
            <span className="flex items-center gap-1.5">
              <MasteryBadge mastery="new" /> not met yet
            </span>
          </p>
          <CauseMap causes={topic.causes} source={source} marks={marks} />
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="pb-2 text-left font-semibold">The causes, by what the class has got</caption>
              <ColumnHeads
                cellClassName="py-2 pr-3"
                columns={[
                  "Cause",
                  "Class",
                  { label: "Know it", className: "py-2 pr-3 text-right" },
                  { label: "Shaky", className: "py-2 pr-3 text-right" },
                  { label: "Not met", className: "py-2 pr-2 text-right" },
                ]}
              />
              <tbody>
                {[...mastery.causes]
                  .sort((a, b) => b.shaky - a.shaky)
                  .map((c) => (
                    <tr key={c.id} className="border-b border-black/5">
                      <th scope="row" className="py-2 pr-3 font-semibold">
                        {causeLabel.get(c.id)}
                      </th>
                      <td className="py-2 pr-3">
                        <MasteryBadge mastery={c.status} />
                      </td>
                      <td className="py-2 pr-3 text-right">{c.known}</td>
                      <td className="py-2 pr-3 text-right">{c.shaky}</td>
                      <td className="py-2 pr-2 text-right">{c.fresh}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <h3 className="text-lg font-bold">The course of events: pairs the class has not got</h3>
          {mastery.pairs.length === 0 ? (
            <p className="text-sm">No pair of events is shaky for anyone yet.</p>
          ) : (
            <ol className="list-decimal space-y-1 pl-6 text-sm">
              {mastery.pairs.slice(0, pairLimit).map((p) => (
                <li key={`${p.earlier}>${p.later}`}>
                  <span className="font-semibold">“{eventLabel.get(p.earlier)}”</span> before{" "}
                  <span className="font-semibold">“{eventLabel.get(p.later)}”</span>: {students(p.shaky)} swapped it or
                  are forgetting it; {p.known} know it
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

/** One student's mastery (the per-student page): counts, each cause, and the pairs of events not yet got. */
export function StudentMasteryView({
  mastery,
  topic,
  pairLimit = 10,
}: {
  mastery: StudentMastery;
  topic: Pick<Topic, "causes" | "events">;
  pairLimit?: number;
}) {
  const eventLabel = new Map(topic.events.map((e) => [e.id, e.label]));
  const { known, shaky, new: fresh } = mastery.counts;
  return (
    <section aria-labelledby="student-mastery" className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="student-mastery" className="text-xl font-bold">
        What they know
      </h2>
      <p className="text-sm text-muted">
        From every answer they gave (spaced-repetition memory: facts, and events by the order of their pairs).
      </p>
      <MasteryCounts counts={{ known, shaky, new: fresh }} />
      <ul className="grid gap-1 text-sm sm:grid-cols-2">
        {topic.causes.nodes.map((n) => (
          <li key={n.id} className="flex items-center justify-between gap-2">
            <span>{n.label}</span>
            <MasteryBadge mastery={mastery.causes[n.id] ?? "new"} />
          </li>
        ))}
      </ul>
      <h3 className="font-bold">Pairs of events not got yet</h3>
      {mastery.shakyPairs.length === 0 ? (
        <p className="text-sm">None.</p>
      ) : (
        <ol className="list-decimal space-y-1 pl-6 text-sm">
          {mastery.shakyPairs.slice(0, pairLimit).map((p) => (
            <li key={`${p.earlier}>${p.later}`}>
              “{eventLabel.get(p.earlier)}” before “{eventLabel.get(p.later)}”
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
