"use client";
// The quiz's progress bar and, when timed, the countdown ring.
import { useEffect, useState } from "react";

/** `position` is the current question (0-based); `answered` how many are done. */
export function ProgressBar({ position, answered, total }: { position: number; answered: number; total: number }) {
  return (
    <div>
      <div className="flex justify-between text-sm font-semibold text-muted">
        <span>
          Question {position + 1} of {total}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Quiz progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={`${answered} of ${total} answered`}
        className="mt-1 h-3 overflow-hidden rounded-full bg-steppe/10"
      >
        <div
          className="h-full rounded-full bg-steppe transition-[width] duration-500"
          style={{ width: `${(answered / total) * 100}%` }}
        />
      </div>
    </div>
  );
}

/** Seconds left until `deadline` by the server's clock (`offsetMs` = server − browser). */
export function useSecondsLeft(deadline: string | null, offsetMs: number, stopped: boolean): number | null {
  const compute = () =>
    deadline ? Math.max(0, Math.ceil((Date.parse(deadline) - (Date.now() + offsetMs)) / 1000)) : null;
  const [left, setLeft] = useState(compute);
  useEffect(() => {
    if (!deadline || stopped) return;
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(deadline) - (Date.now() + offsetMs)) / 1000)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadline, offsetMs, stopped]);
  return left;
}

export function TimerRing({ secondsLeft, limit }: { secondsLeft: number; limit: number }) {
  const radius = 26;
  const circumference = 2 * Math.PI * radius;
  const share = Math.max(0, Math.min(1, secondsLeft / limit));
  const urgent = secondsLeft <= 10;
  // The track and the remaining time are the same circle, drawn twice.
  const ring = { cx: 32, cy: 32, r: radius, fill: "none", stroke: "currentColor", strokeWidth: 6 };
  return (
    <div className="relative h-16 w-16" role="timer" aria-label={`${secondsLeft} seconds left`}>
      <svg viewBox="0 0 64 64" className="h-16 w-16 -rotate-90" aria-hidden="true">
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
        className={`absolute inset-0 grid place-items-center text-lg font-bold ${urgent ? "text-ember" : "text-ink"}`}
      >
        {secondsLeft}
      </span>
      <span className="sr-only" aria-live="polite">
        {secondsLeft === 10 ? "10 seconds left" : ""}
      </span>
    </div>
  );
}
