"use client";
// A score that ticks up to its new value. Screen readers get the final number once,
// never the in-between ones.
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
        {shown.toLocaleString("en-GB")}
      </span>
      <span className="sr-only">
        {prefix}
        {value}
      </span>
    </span>
  );
}
