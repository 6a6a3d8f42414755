// What the player knows of an item (the memory model): a word and a mark, never colour alone.
import type { Mastery } from "@/lib/play/mastery";

const LOOK: Record<Mastery, { mark: string; text: string; className: string }> = {
  known: { mark: "✓", text: "Known", className: "bg-emerald-100 text-emerald-900 ring-emerald-700/30" },
  shaky: { mark: "~", text: "Shaky", className: "bg-amber-100 text-amber-950 ring-amber-700/40" },
  new: { mark: "•", text: "New", className: "bg-white text-muted ring-black/15" },
};

export function MasteryBadge({ mastery }: { mastery: Mastery }) {
  const look = LOOK[mastery];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-bold ring-1 ${look.className}`}
    >
      <span aria-hidden="true">{look.mark}</span>
      <span>{look.text}</span>
    </span>
  );
}

/** How many items are known, shaky and new, each beside its badge (the study view, a student's page). */
export function MasteryCounts({ counts }: { counts: Record<Mastery, number> }) {
  return (
    <ul className="flex flex-wrap items-center gap-3 text-sm font-semibold">
      {(["known", "shaky", "new"] as const).map((mastery) => (
        <li key={mastery} className="flex items-center gap-1.5">
          <MasteryBadge mastery={mastery} /> {counts[mastery]}
        </li>
      ))}
    </ul>
  );
}
