// A team's colour beside its name (never the colour alone), the same on the phones and the
// projector. The colours follow TEAM_NAMES (lib/live/settings.ts) and hold AA contrast with white.
import { TEAM_NAMES } from "@/lib/live/settings";

const TEAM_COLOURS: Record<(typeof TEAM_NAMES)[number], string> = {
  Red: "#b3261e",
  Blue: "#1d4ed8",
  Green: "#15803d",
  Gold: "#8a5a00",
  Purple: "#7e22ce",
  Teal: "#0f766e",
};

/** The team's colour by its name ("Red"); a slate for a name without one. */
export function teamColour(name: string): string {
  return (TEAM_COLOURS as Record<string, string>)[name] ?? "#334155";
}

/** "Red team" on its colour, as a pill. */
export function TeamBadge({ team, className = "text-base" }: { team: string; className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 font-bold text-white ${className}`}
      style={{ backgroundColor: teamColour(team) }}
    >
      <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full border-2 border-white" />
      {team} team
    </span>
  );
}
