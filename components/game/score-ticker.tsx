"use client";
// A score that ticks up to its new value. Screen readers get the final number once,
// never the in-between ones.
import { formatScore } from "@/lib/format-score";
import { useCountUp } from "./count-up";

export function ScoreTicker({
  value,
  from,
  prefix = "",
  className = "",
}: {
  value: number;
  /** Where the count starts the first time (default: no count on first render). */
  from?: number;
  prefix?: string;
  className?: string;
}) {
  const shown = useCountUp(value, { from });
  return (
    <span className={`tabular-nums ${className}`}>
      <span aria-hidden="true">
        {prefix}
        {formatScore(shown)}
      </span>
      <span className="sr-only">
        {prefix}
        {formatScore(value)}
      </span>
    </span>
  );
}
