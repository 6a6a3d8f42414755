"use client";
// After a timeline answer: the cards as the player placed them, then moving into the
// order the report establishes. Each card says where it belongs and where it was put; only
// the cards really out of place are marked ✗ (lib/play/timeline-marks.ts), and each pair in
// the wrong order is named once, on one of them: "You placed X before Y".
import { LazyMotion } from "framer-motion";
import { useEffect, useState } from "react";
import { markTimeline } from "@/lib/play/timeline-marks";
import { ordinal } from "@/lib/play/verdict";
import { m, useReducedMotion } from "../motion";

const loadLayoutFeatures = () => import("../motion-max-features").then((mod) => mod.default);

export interface TimelineRevealProps {
  items: readonly { id: string; text: string }[];
  /** The player's order (item ids), or null when no order was locked in. */
  placed: readonly string[] | null;
  /** The order the report establishes (item ids). */
  answer: readonly string[];
}

const MARK = {
  right: { border: "border-green-700", badge: "bg-green-700 text-white", text: "text-green-800", sign: "✓" },
  shifted: { border: "border-green-700/50", badge: "bg-green-700/80 text-white", text: "text-green-800", sign: "✓" },
  misplaced: { border: "border-ember", badge: "bg-ember text-white", text: "text-ember", sign: "✗" },
} as const;

export function TimelineReveal({ items, placed, answer }: TimelineRevealProps) {
  const reduce = useReducedMotion();
  const [settled, setSettled] = useState(!placed);
  useEffect(() => {
    if (!placed || settled) return;
    const timer = setTimeout(() => setSettled(true), reduce ? 0 : 700);
    return () => clearTimeout(timer);
  }, [placed, settled, reduce]);

  const text = new Map(items.map((i) => [i.id, i.text]));
  const marks = new Map(placed ? markTimeline(placed, answer).marks.map((m) => [m.id, m]) : []);
  const order = settled || !placed ? answer : placed;

  return (
    <LazyMotion features={loadLayoutFeatures}>
      <div>
        <h3 className="text-lg font-bold text-ink">The order the report establishes</h3>
        <ol
          className="mt-2 space-y-2"
          aria-label="The order the report establishes, earliest first"
          data-settled={settled || undefined}
        >
          {order.map((id) => {
            const belongs = answer.indexOf(id);
            const mark = marks.get(id);
            const look = mark ? MARK[mark.status] : null;
            return (
              <m.li
                key={id}
                layout={reduce ? false : "position"}
                transition={{ type: "spring", stiffness: 260, damping: 28 }}
                data-misplaced={mark?.status === "misplaced" || undefined}
                className={`flex items-start gap-3 rounded-2xl border-2 bg-white p-3 ${look?.border ?? "border-steppe/25"}`}
              >
                <span
                  aria-hidden="true"
                  className={`grid h-9 w-9 shrink-0 place-items-center rounded-full font-bold ${look?.badge ?? "bg-sun/30"}`}
                >
                  {belongs + 1}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold text-ink">
                    <span className="sr-only">{ordinal(belongs + 1)}: </span>
                    {text.get(id)}
                  </span>
                  {mark && look && (
                    <span className={`block text-sm font-semibold ${look.text}`}>
                      {mark.status === "right"
                        ? "Right place"
                        : mark.status === "shifted"
                          ? `In order · you put it ${ordinal(mark.placedAt + 1)}`
                          : `Out of place · you put it ${ordinal(mark.placedAt + 1)}`}
                    </span>
                  )}
                  {mark?.wrongPairs.map(([first, second]) => (
                    <span key={`${first}|${second}`} className="block text-sm text-ink">
                      You placed “{text.get(first)}” before “{text.get(second)}”.
                    </span>
                  ))}
                </span>
                {look && (
                  <span aria-hidden="true" className={`text-xl font-bold ${look.text}`}>
                    {look.sign}
                  </span>
                )}
              </m.li>
            );
          })}
        </ol>
      </div>
    </LazyMotion>
  );
}
