"use client";
// The causes as a diagram: an SVG of boxes and arrows, grievances at the top and the
// response at the bottom. Every node is a button: Tab reaches them in order, arrow keys
// follow the arrows (↓ to an effect, ↑ to a cause, ← → along a stage), Enter or a tap
// shows the node's description, what it leads to and comes from, and its citation.
// The same content is also a plain list below (folded), which links point into.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Causes } from "@/lib/content/schema";
import type { Mastery } from "@/lib/play/mastery";
import { CAUSE_STAGES, layoutCauseMap, MAP_MARGIN, type CauseLayout } from "@/lib/study/cause-layout";
import { ParagraphBadge, paragraphQuotes, type SourceMeta } from "../paragraph-badge";
import { MasteryBadge } from "./mastery-badge";
import { StudyItem } from "./study-item";

type Node = Causes["nodes"][number];

/** What a class has got of a cause (the teacher's view): the box is tinted, the note said and shown. */
export type CauseMarks = Record<string, { mastery: Mastery; note: string }>;
const MARK_FILL: Record<Mastery, string> = { known: "#d1fae5", shaky: "#fde68a", new: "#ffffff" };

function Diagram({
  layout,
  causes,
  selected,
  onSelect,
  className,
  marks,
}: {
  layout: CauseLayout;
  causes: Causes;
  selected: string;
  /** `show`: a tap or Enter asks to read the description; `follow`: an arrow key moved along the map. */
  onSelect: (id: string, how: "show" | "follow") => void;
  className: string;
  marks?: CauseMarks;
}) {
  const refs = useRef(new Map<string, SVGGElement>());
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const label = new Map(causes.nodes.map((n) => [n.id, n.label]));
  const related = new Set(
    causes.links.filter((l) => l.from === selected || l.to === selected).flatMap((l) => [l.from, l.to]),
  );

  const move = (id: string, key: string): string | undefined => {
    const here = byId.get(id)!;
    if (key === "ArrowDown") return causes.links.find((l) => l.from === id)?.to;
    if (key === "ArrowUp") return causes.links.find((l) => l.to === id)?.from;
    const stage = layout.nodes.filter((n) => n.stage === here.stage);
    const i = stage.findIndex((n) => n.id === id);
    if (key === "ArrowRight") return stage[i + 1]?.id;
    if (key === "ArrowLeft") return stage[i - 1]?.id;
    return undefined;
  };

  return (
    <svg
      viewBox={`${-MAP_MARGIN} -4 ${layout.width + 2 * MAP_MARGIN} ${layout.height + 8}`}
      className={className}
      role="group"
      aria-label="Cause-and-effect map: arrow keys follow the arrows, Enter shows a cause's details"
    >
      <defs>
        <marker
          id={`arrow-${layout.width}`}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#4a5866" />
        </marker>
      </defs>
      {layout.stages.map((s, i) => (
        <text
          key={s.title}
          x={0}
          y={s.y}
          className="fill-muted text-[12px] font-semibold uppercase tracking-wide"
          aria-hidden="true"
        >
          {i + 1}. {s.title}
        </text>
      ))}
      <g aria-hidden="true">
        {layout.edges.map((e) => {
          const lit = e.from === selected || e.to === selected;
          return (
            <path
              key={`${e.from}-${e.to}`}
              d={e.d}
              fill="none"
              stroke={lit ? "#0d5c63" : "#4a5866"}
              strokeOpacity={lit ? 1 : 0.55}
              strokeWidth={lit ? 2.5 : 1.5}
              strokeLinejoin="round"
              markerEnd={`url(#arrow-${layout.width})`}
            />
          );
        })}
      </g>
      {layout.nodes.map((n) => {
        const isSelected = n.id === selected;
        const leadsTo = causes.links.filter((l) => l.from === n.id).map((l) => label.get(l.to));
        return (
          <g
            key={n.id}
            ref={(el) => {
              if (el) refs.current.set(n.id, el);
              else refs.current.delete(n.id);
            }}
            role="button"
            tabIndex={0}
            aria-pressed={isSelected}
            aria-label={`${label.get(n.id)}${marks?.[n.id] ? `. ${marks[n.id]!.note}` : ""}${leadsTo.length ? `. Leads to: ${leadsTo.join("; ")}` : ""}`}
            className="cursor-pointer outline-none [&:focus-visible>rect.ring]:stroke-sun"
            onClick={() => onSelect(n.id, "show")}
            onKeyDown={(event) => {
              if (event.key === "Enter" || event.key === " ") {
                event.preventDefault();
                onSelect(n.id, "show");
                return;
              }
              const next = move(n.id, event.key);
              if (event.key.startsWith("Arrow")) event.preventDefault();
              if (next) {
                // The focused box stays in view (and clear of the sticky header) as the arrows move on.
                const target = refs.current.get(next);
                target?.focus({ preventScroll: true });
                target?.scrollIntoView({ block: "nearest", behavior: smooth() });
                onSelect(next, "follow");
              }
            }}
          >
            <rect
              className="ring"
              x={n.x - 4}
              y={n.y - 4}
              width={n.width + 8}
              height={n.height + 8}
              rx={14}
              fill="none"
              stroke="transparent"
              strokeWidth={3}
            />
            <rect
              x={n.x}
              y={n.y}
              width={n.width}
              height={n.height}
              rx={10}
              fill={
                isSelected
                  ? "#08434a"
                  : marks?.[n.id]
                    ? MARK_FILL[marks[n.id]!.mastery]
                    : related.has(n.id)
                      ? "#e6f0f0"
                      : "#ffffff"
              }
              stroke={isSelected ? "#08434a" : "#0d5c63"}
              strokeOpacity={isSelected ? 1 : 0.35}
              strokeWidth={1.5}
            />
            <text
              x={n.x + n.width / 2}
              y={n.y + 10 + 13}
              textAnchor="middle"
              className={`text-[13px] font-semibold ${isSelected ? "fill-white" : "fill-ink"}`}
            >
              {n.lines.map((line, i) => (
                <tspan key={line} x={n.x + n.width / 2} dy={i === 0 ? 0 : 17}>
                  {i < n.lines.length - 1 ? `${line} ` : line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const smooth = (): ScrollBehavior =>
  typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";

export function CauseMap({ causes, source, marks }: { causes: Causes; source: SourceMeta; marks?: CauseMarks }) {
  const phone = useMemo(() => layoutCauseMap(causes, { width: 340, columns: 2 }), [causes]);
  const wide = useMemo(() => layoutCauseMap(causes, { width: 680, columns: 3 }), [causes]);
  const first = causes.nodes.find((n) => n.group === "trigger") ?? causes.nodes[0]!;
  const [selected, setSelected] = useState(first.id);
  const node = causes.nodes.find((n) => n.id === selected) as Node;
  const label = new Map(causes.nodes.map((n) => [n.id, n.label]));
  const from = causes.links.filter((l) => l.to === node.id);
  const to = causes.links.filter((l) => l.from === node.id);
  const panel = useRef<HTMLDivElement>(null);
  const [reveal, setReveal] = useState(0);
  // A tap or Enter shows the description: beside the map on a wide screen (sticky, so in view),
  // below it otherwise — brought into view then, so it never waits off-screen.
  useEffect(() => {
    if (reveal) panel.current?.scrollIntoView({ block: "nearest", behavior: smooth() });
  }, [reveal]);
  const select = (id: string, how: "show" | "follow") => {
    setSelected(id);
    if (how === "show") setReveal((n) => n + 1);
  };
  // One map, laid out for a phone and for a wide screen; CSS shows the one that fits.
  const map = { causes, selected, onSelect: select, marks };

  return (
    <div className="space-y-4 lg:grid lg:grid-cols-[minmax(0,1fr)_17rem] lg:items-start lg:gap-6 lg:space-y-0">
      <div>
        <Diagram layout={phone} className="w-full sm:hidden" {...map} />
        <Diagram layout={wide} className="mx-auto hidden w-full max-w-3xl sm:block" {...map} />
      </div>
      <div
        ref={panel}
        aria-live="polite"
        data-cause-detail
        className="scroll-mb-4 rounded-2xl bg-white p-4 ring-1 ring-black/5 lg:sticky lg:top-20"
      >
        <p className="text-xs font-semibold uppercase tracking-wide text-muted">
          {CAUSE_STAGES.find(([g]) => g === node.group)?.[1]}
        </p>
        <p className="flex items-start justify-between gap-3">
          <span className="text-lg font-bold text-steppe-dark">{node.label}</span>
          <ParagraphBadge
            id={`map-${node.id}`}
            refs={node.paragraphs}
            quotes={paragraphQuotes(node.evidence)}
            source={source}
          />
        </p>
        {marks?.[node.id] && (
          <p className="my-1 flex items-center gap-2 text-sm font-semibold">
            <MasteryBadge mastery={marks[node.id]!.mastery} /> {marks[node.id]!.note}
          </p>
        )}
        <p>{node.description}</p>
        {node.certainty === "hedged" && <p className="text-sm text-muted">The report hedges this (“believed”).</p>}
        {(from.length > 0 || to.length > 0) && (
          <ul className="mt-2 space-y-1 text-sm">
            {from.map((l) => (
              <li key={`f-${l.from}`}>
                <span className="font-semibold">From</span> {label.get(l.from)}{" "}
                <span className="text-muted">({l.label})</span>
              </li>
            ))}
            {to.map((l) => (
              <li key={`t-${l.to}`}>
                <span className="font-semibold">Leads to</span> {label.get(l.to)}{" "}
                <span className="text-muted">({l.label})</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** Every cause as a plain list, with its links and citation: the map's text alternative and link target. */
export function CauseList({ causes, source }: { causes: Causes; source: SourceMeta }) {
  const label = new Map(causes.nodes.map((n) => [n.id, n.label]));
  return (
    <ol className="space-y-2">
      {causes.nodes.map((node) => (
        <StudyItem
          key={node.id}
          id={`cause-${node.id}`}
          title={node.label}
          className="p-3"
          badge={
            <ParagraphBadge
              id={`list-${node.id}`}
              refs={node.paragraphs}
              quotes={paragraphQuotes(node.evidence)}
              source={source}
            />
          }
        >
          <p className="text-sm">{node.description}</p>
          {causes.links
            .filter((l) => l.from === node.id)
            .map((l) => (
              <p key={l.to} className="text-sm">
                <span aria-hidden="true">→ </span>
                <span className="sr-only">Leads to: </span>
                {label.get(l.to)} <span className="text-muted">({l.label})</span>
              </p>
            ))}
        </StudyItem>
      ))}
    </ol>
  );
}
