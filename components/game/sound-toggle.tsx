"use client";
// The sound switch: a 44 × 44 button with a speaker, pressed when sound is on.
import type { Sound } from "./use-sound";

export function SoundToggle({ sound, className = "" }: { sound: Sound; className?: string }) {
  const on = sound.on === true;
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label="Sound"
      title={on ? "Sound is on" : "Sound is off"}
      onClick={() => sound.setOn(!on)}
      // Until the stored choice is read, the button is shown but not yet meaningful.
      disabled={sound.on === null}
      className={`grid h-11 w-11 shrink-0 place-items-center rounded-xl border-2 border-steppe/25 bg-white text-steppe-dark hover:bg-steppe/5 disabled:opacity-60 ${className}`}
    >
      <svg viewBox="0 0 24 24" className="h-6 w-6" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" stroke="none" />
        {on ? (
          <>
            <path d="M16 9a4 4 0 0 1 0 6" strokeLinecap="round" />
            <path d="M18.5 6.5a7.5 7.5 0 0 1 0 11" strokeLinecap="round" />
          </>
        ) : (
          <path d="M16 9l5 6M21 9l-5 6" strokeLinecap="round" />
        )}
      </svg>
    </button>
  );
}
