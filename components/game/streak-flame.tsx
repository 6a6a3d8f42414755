// "3 in a row" with a flame: shown from the second fully right answer in a row.
export function StreakFlame({ streak, className = "" }: { streak: number; className?: string }) {
  if (streak < 2) return null;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full bg-white/90 px-3 py-1 text-base font-extrabold text-[#9a3412] ${className}`}
    >
      <svg
        viewBox="0 0 24 24"
        aria-hidden="true"
        className="h-5 w-5 origin-bottom animate-[flicker_0.9s_ease-in-out_infinite]"
      >
        <path d="M12 2c1 4 5 6 5 11a5 5 0 0 1-10 0c0-2 1-3.5 2-4.5 0 2 1 3 2 3 0-4-1-6 1-9.5z" fill="#f97316" />
        <path
          d="M12 12c.6 1.8 2.5 2.7 2.5 4.8a2.5 2.5 0 0 1-5 0c0-1.4.9-2.4 1.6-3 .2.9.6 1.3.9 1.3 0-1.2-.4-2 0-3.1z"
          fill="#fde047"
        />
      </svg>
      {streak} in a row
    </span>
  );
}
