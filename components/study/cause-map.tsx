// The causes as a small cause-and-effect map: four stages, each node listing what it leads to.
import type { Causes } from "@/lib/content/schema";
import { ParagraphBadge } from "../paragraph-badge";

const STAGES = [
  ["long-standing", "Long-standing grievances"],
  ["trigger", "The spark"],
  ["crisis", "The crisis"],
  ["response", "The response"],
] as const;

export function CauseMap({ causes }: { causes: Causes }) {
  const label = new Map(causes.nodes.map((n) => [n.id, n.label]));
  return (
    <ol className="grid gap-4 lg:grid-cols-4" aria-label="Cause and effect, from grievances to the response">
      {STAGES.map(([group, title], index) => (
        <li key={group} className="space-y-3">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">
            {index + 1}. {title}
          </h3>
          <ul className="space-y-3">
            {causes.nodes
              .filter((n) => n.group === group)
              .map((node) => {
                const leadsTo = causes.links.filter((l) => l.from === node.id);
                return (
                  <li
                    key={node.id}
                    id={`cause-${node.id}`}
                    className="scroll-mt-24 rounded-xl bg-white p-3 ring-1 ring-black/5 target:ring-4 target:ring-sun"
                  >
                    <p className="font-semibold">{node.label}</p>
                    <p className="text-sm">{node.description}</p>
                    {leadsTo.length > 0 && (
                      <ul className="mt-2 space-y-1 text-sm">
                        {leadsTo.map((link) => (
                          <li key={link.to}>
                            <span aria-hidden="true">→ </span>
                            <span className="sr-only">Leads to: </span>
                            <a href={`#cause-${link.to}`} className="text-steppe-dark underline underline-offset-2">
                              {label.get(link.to)}
                            </a>{" "}
                            <span className="text-muted">({link.label})</span>
                          </li>
                        ))}
                      </ul>
                    )}
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer font-semibold text-steppe-dark">Source</summary>
                      <p className="mt-1">
                        <ParagraphBadge refs={node.paragraphs} />
                        {node.certainty === "hedged" && (
                          <span className="ml-2">The report hedges this (“believed”).</span>
                        )}
                      </p>
                    </details>
                  </li>
                );
              })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
