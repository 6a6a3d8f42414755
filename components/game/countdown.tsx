"use client";
// The countdown: seconds left by the server's clock, as a ring that turns red for the
// last ten seconds and pulses for the last five. `useSecondsLeft` is the clock itself.
import { useEffect, useState } from "react";

/** Seconds left until `deadline` by the server's clock (`offsetMs` = server − browser). */
export function useSecondsLeft(deadline: string | null, offsetMs: number, stopped: boolean): number | null {
  // Null until the browser's first tick: a server-rendered page must not print a second the browser disagrees with.
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!deadline || stopped) return;
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(deadline) - (Date.now() + offsetMs)) / 1000)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadline, offsetMs, stopped]);
  return left;
}

export function CountdownRing({
  secondsLeft,
  limit,
  size = "md",
}: {
  secondsLeft: number;
  limit: number;
  /** "md" (48 px) for a phone's bar, "lg" (96 px) for a big screen. */
  size?: "md" | "lg";
}) {
  const radius = 26;
  const circumference = 2 * Math.PI * radius;
  const share = Math.max(0, Math.min(1, secondsLeft / limit));
  const urgent = secondsLeft <= 10;
  const last = secondsLeft <= 5 && secondsLeft > 0;
  const ring = { cx: 32, cy: 32, r: radius, fill: "none", stroke: "currentColor", strokeWidth: 7 };
  const box = size === "lg" ? "h-24 w-24 text-4xl" : "h-12 w-12 text-base";
  return (
    <div className={`relative shrink-0 ${box}`} role="timer" aria-label={`${secondsLeft} seconds left`}>
      <svg viewBox="0 0 64 64" className="h-full w-full -rotate-90" aria-hidden="true">
        <circle {...ring} className="text-steppe/15" />
        <circle
          {...ring}
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - share)}
          className={`transition-[stroke-dashoffset] duration-300 ${urgent ? "text-ember" : "text-steppe"}`}
        />
      </svg>
      <span
        aria-hidden="true"
        key={last ? secondsLeft : "steady"}
        className={`absolute inset-0 grid place-items-center font-extrabold tabular-nums ${urgent ? "text-ember" : "text-ink"} ${last ? "animate-[pulse-once_0.5s_ease-out]" : ""}`}
      >
        {secondsLeft}
      </span>
      <span className="sr-only" aria-live="polite">
        {secondsLeft === 10 ? "10 seconds left" : secondsLeft === 5 ? "5 seconds left" : ""}
      </span>
    </div>
  );
}
