"use client";
// After a timeline answer: the cards as the player placed them, then moving into the
// order the report establishes. Each card says where it belongs and where it was put,
// misplaced cards are marked, and each swapped pair is named on its cards.
import { LazyMotion } from "framer-motion";
import { useEffect, useState } from "react";
import { ordinal } from "@/lib/play/verdict";
import { m, useReducedMotion } from "../motion";

const loadLayoutFeatures = () => import("../motion-max-features").then((mod) => mod.default);

export interface TimelineRevealProps {
  items: readonly { id: string; text: string }[];
  /** The player's order (item ids), or null when no order was locked in. */
  placed: readonly string[] | null;
  /** The order the report establishes (item ids). */
  answer: readonly string[];
  /** The swapped pairs, as the server reported them (by label). */
  swapped: readonly { placedFirst: string; placedSecond: string }[];
}

export function TimelineReveal({ items, placed, answer, swapped }: TimelineRevealProps) {
  const reduce = useReducedMotion();
  const [settled, setSettled] = useState(!placed);
  useEffect(() => {
    if (!placed || settled) return;
    const timer = setTimeout(() => setSettled(true), reduce ? 0 : 700);
    return () => clearTimeout(timer);
  }, [placed, settled, reduce]);

  const text = new Map(items.map((i) => [i.id, i.text]));
  const byText = new Map(items.map((i) => [i.text, i.id]));
  const keyPosition = new Map(answer.map((id, i) => [id, i]));
  const placedPosition = new Map((placed ?? []).map((id, i) => [id, i]));
  const partners = new Map<string, string[]>();
  for (const pair of swapped) {
    const a = byText.get(pair.placedFirst);
    const b = byText.get(pair.placedSecond);
    if (!a || !b) continue;
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }
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
            const belongs = keyPosition.get(id)!;
            const was = placedPosition.get(id);
            const misplaced = was !== undefined && was !== belongs;
            const swappedWith = (partners.get(id) ?? []).map((p) => keyPosition.get(p)! + 1).sort((x, y) => x - y);
            return (
              <m.li
                key={id}
                layout={reduce ? false : "position"}
                transition={{ type: "spring", stiffness: 260, damping: 28 }}
                data-misplaced={misplaced || undefined}
                className={`flex items-start gap-3 rounded-2xl border-2 bg-white p-3 ${
                  placed === null ? "border-steppe/25" : misplaced ? "border-ember" : "border-green-700"
                }`}
              >
                <span
                  aria-hidden="true"
                  className={`grid h-9 w-9 shrink-0 place-items-center rounded-full font-bold ${
                    placed === null ? "bg-sun/30" : misplaced ? "bg-ember text-white" : "bg-green-700 text-white"
                  }`}
                >
                  {belongs + 1}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold text-ink">
                    <span className="sr-only">{ordinal(belongs + 1)}: </span>
                    {text.get(id)}
                  </span>
                  {was !== undefined && (
                    <span className={`block text-sm font-semibold ${misplaced ? "text-ember" : "text-green-800"}`}>
                      {misplaced ? `You put it ${ordinal(was + 1)}` : "Right place"}
                      {swappedWith.length > 0 && ` · swapped with ${swappedWith.map((n) => `#${n}`).join(", ")}`}
                    </span>
                  )}
                </span>
                {was !== undefined && (
                  <span
                    aria-hidden="true"
                    className={`text-xl font-bold ${misplaced ? "text-ember" : "text-green-800"}`}
                  >
                    {misplaced ? "✗" : "✓"}
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
