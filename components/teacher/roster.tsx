// The nicknames in an assignment, with the teacher's two moderation actions.
// Nicknames are rendered as text; each button says whom it acts on.
import type { RosterEntry } from "@/lib/server/teacher/classes";
import { secondaryButtonClass } from "./form-bits";

type Action = (form: FormData) => Promise<void>;

export function Roster({ assignmentId, players, hideAction, removeAction }: { assignmentId: string; players: RosterEntry[]; hideAction: Action; removeAction: Action }) {
  if (players.length === 0) return <p>No one has joined yet.</p>;
  return (
    <ul className="divide-y divide-black/10 rounded-xl bg-white shadow-sm">
      {players.map((p) => (
        <li key={p.playerId} className="flex flex-wrap items-center gap-3 px-4 py-2">
          <span className="font-semibold">{p.nickname}</span>
          <span className="text-sm text-muted">
            {p.attempts} attempt{p.attempts === 1 ? "" : "s"}
            {p.removed ? " · removed" : p.hidden ? " · hidden from leaderboard" : ""}
          </span>
          <span className="ml-auto flex gap-2">
            {!p.removed && (
              <form action={hideAction}>
                <input type="hidden" name="assignmentId" value={assignmentId} />
                <input type="hidden" name="playerId" value={p.playerId} />
                <input type="hidden" name="hidden" value={p.hidden ? "false" : "true"} />
                <button type="submit" className={secondaryButtonClass} aria-label={`${p.hidden ? "Show on leaderboard" : "Hide from leaderboard"}: ${p.nickname}`}>
                  {p.hidden ? "Show on leaderboard" : "Hide from leaderboard"}
                </button>
              </form>
            )}
            <form action={removeAction}>
              <input type="hidden" name="assignmentId" value={assignmentId} />
              <input type="hidden" name="playerId" value={p.playerId} />
              <input type="hidden" name="removed" value={p.removed ? "false" : "true"} />
              <button type="submit" className={secondaryButtonClass} aria-label={`${p.removed ? "Let back in" : "Remove"}: ${p.nickname}`}>
                {p.removed ? "Let back in" : "Remove"}
              </button>
            </form>
          </span>
        </li>
      ))}
    </ul>
  );
}
