"use client";
// The bar that stays on screen while a question is played (sticky at the top on a phone):
// question x of N with its progress, the score ticking, the countdown, the sound switch.
import { CountdownRing } from "./countdown";
import { ScoreTicker } from "./score-ticker";
import { SoundToggle } from "./sound-toggle";
import type { Sound } from "./use-sound";

export function GameBar({
  position,
  total,
  answered,
  score,
  secondsLeft,
  limit,
  sound,
}: {
  /** The current question, 0-based. */
  position: number;
  total: number;
  /** Questions answered so far (the progress bar). */
  answered: number;
  /** The server's running score. */
  score: number;
  /** Null when untimed or while the clock is stopped (between questions). */
  secondsLeft: number | null;
  limit: number | null;
  sound?: Sound;
}) {
  return (
    <div className="sticky top-0 z-30 -mx-4 border-b border-black/10 bg-paper/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-2xl sm:border sm:bg-white/95">
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-bold text-ink">
            Question {position + 1} <span className="font-semibold text-muted">of {total}</span>
          </p>
          <div
            role="progressbar"
            aria-label="Quiz progress"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={answered}
            aria-valuetext={`${answered} of ${total} answered`}
            className="mt-1 h-2.5 overflow-hidden rounded-full bg-steppe/10"
          >
            <div
              className="h-full rounded-full bg-steppe transition-[width] duration-500"
              style={{ width: `${(answered / total) * 100}%` }}
            />
          </div>
        </div>
        <p className="text-right text-xs font-semibold uppercase tracking-wide text-muted">
          Score
          <ScoreTicker value={score} className="block text-xl font-extrabold normal-case tracking-normal text-ink" />
        </p>
        {limit !== null && secondsLeft !== null ? (
          <CountdownRing secondsLeft={secondsLeft} limit={limit} />
        ) : limit !== null ? (
          <span className="h-12 w-12 shrink-0" aria-hidden="true" />
        ) : null}
        {sound && <SoundToggle sound={sound} />}
      </div>
    </div>
  );
}
