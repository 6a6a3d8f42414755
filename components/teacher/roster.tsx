// The nicknames in an assignment, with the teacher's two moderation actions.
// Nicknames are rendered as text; each button says whom it acts on.
import type { RosterEntry } from "@/lib/teacher/roster";
import { ConfirmAction } from "./confirm-action";
import { secondaryButtonClass } from "./styles";

type Action = (form: FormData) => Promise<void>;

/** One moderation button: a form that posts the player and the flag's new value. */
function ModerationButton(props: {
  action: Action;
  assignmentId: string;
  player: RosterEntry;
  flag: "hidden" | "removed";
  label: string;
}) {
  const { action, assignmentId, player, flag, label } = props;
  return (
    <form action={action}>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="playerId" value={player.playerId} />
      <input type="hidden" name={flag} value={player[flag] ? "false" : "true"} />
      <button type="submit" className={secondaryButtonClass} aria-label={`${label}: ${player.nickname}`}>
        {label}
      </button>
    </form>
  );
}

export function Roster({
  assignmentId,
  players,
  hideAction,
  removeAction,
}: {
  assignmentId: string;
  players: RosterEntry[];
  hideAction: Action;
  removeAction: Action;
}) {
  if (players.length === 0) return <p>No one has joined yet.</p>;
  const button = (player: RosterEntry, flag: "hidden" | "removed", label: string) => (
    <ModerationButton
      action={flag === "hidden" ? hideAction : removeAction}
      assignmentId={assignmentId}
      player={player}
      flag={flag}
      label={label}
    />
  );
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
            {!p.removed && button(p, "hidden", p.hidden ? "Show on leaderboard" : "Hide from leaderboard")}
            {p.removed ? (
              button(p, "removed", "Let back in")
            ) : (
              <ConfirmAction
                action={removeAction}
                label="Remove"
                accessibleLabel={`Remove: ${p.nickname}`}
                question={`Remove ${p.nickname}? Their quiz stops, they cannot rejoin from that browser, and they leave the leaderboard and the report (“Let back in” undoes it).`}
                confirmLabel={`Yes, remove ${p.nickname}`}
                fields={{ assignmentId, playerId: p.playerId, removed: "true" }}
              />
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
