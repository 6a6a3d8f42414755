"use client";
// "Host live" on a class page: the live game's settings, checked on the server
// (lib/server/live/games.ts) with a message next to each field.
import { useActionState } from "react";
import { DEFAULT_LIVE_SETTINGS, type LiveSettings } from "@/lib/live/settings";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { buttonClass, ErrorSummary, FieldError, fieldError, keptValue, TextField } from "./form-bits";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const LABELS: Record<string, string> = {
  count: "Number of questions",
  kinds: "Kinds of question",
  timeLimitSeconds: "Seconds per question",
  teams: "Teams",
};

function Check({
  name,
  label,
  state,
  hint,
  on,
}: {
  name: string;
  label: string;
  state: FormState;
  hint: string;
  on: boolean;
}) {
  const kept = state.status === "error" ? state.values?.[name] === "on" : on;
  return (
    <div>
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          name={name}
          defaultChecked={kept}
          className="h-5 w-5"
          aria-describedby={`live-${name}-hint`}
        />
        {label}
      </label>
      <p id={`live-${name}-hint`} className="ml-7 text-sm text-muted">
        {hint}
      </p>
    </div>
  );
}

export function LiveGameForm({
  action,
  classId,
  defaults = DEFAULT_LIVE_SETTINGS,
}: {
  action: Action;
  classId: string;
  /** What the form starts with (an assignment's settings, for "Host live with these settings"). */
  defaults?: LiveSettings;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const kinds = keptValue(state, "kinds", defaults.kinds.length === 2 ? "both" : defaults.kinds[0]);
  const teams = keptValue(state, "teams", String(defaults.teams));
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={LABELS} />
      <input type="hidden" name="classId" value={classId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="count"
          label="Number of questions (1–30)"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          defaultValue={String(defaults.count)}
          state={state}
        />
        <TextField
          name="timeLimitSeconds"
          label="Seconds per question (5–240)"
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          defaultValue={String(defaults.timeLimitSeconds)}
          state={state}
        />
      </div>
      <fieldset
        id="field-kinds"
        className="space-y-1"
        aria-describedby={fieldError(state, "kinds") ? "field-kinds-error" : undefined}
      >
        <legend className="font-semibold">Kinds of question</legend>
        {[
          ["both", "Timelines and multiple choice"],
          ["timeline", "Timelines only"],
          ["multiple-choice", "Multiple choice only"],
        ].map(([value, label]) => (
          <label key={value} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="kinds" value={value} defaultChecked={kinds === value} className="h-5 w-5" />
            {label}
          </label>
        ))}
        <FieldError id="field-kinds-error" message={fieldError(state, "kinds")} />
      </fieldset>
      <div>
        <label htmlFor="field-teams" className="block font-semibold">
          Teams
        </label>
        <p id="field-teams-hint" className="text-sm text-muted">
          Players are spread evenly; a team scores its members’ average, so a big team gains no edge.
        </p>
        <select
          id="field-teams"
          name="teams"
          defaultValue={teams}
          aria-describedby={`field-teams-hint${fieldError(state, "teams") ? " field-teams-error" : ""}`}
          className="mt-1 block min-h-11 rounded-lg border border-black/30 bg-white px-3 py-2"
        >
          <option value="0">No teams</option>
          {[2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {n} teams
            </option>
          ))}
        </select>
        <FieldError id="field-teams-error" message={fieldError(state, "teams")} />
      </div>
      <fieldset className="space-y-1">
        <legend className="font-semibold">Points and the screen</legend>
        <Check
          name="speedBonus"
          label="Speed bonus"
          state={state}
          hint="Faster right answers earn more."
          on={defaults.speedBonus}
        />
        <Check
          name="streakBonus"
          label="Streak bonus"
          state={state}
          on={defaults.streakBonus}
          hint="+100 per answer in a row from the second, up to +500."
        />
        <Check
          name="showLeaderboard"
          label="Leaderboard after each question"
          state={state}
          on={defaults.showLeaderboard}
          hint="The top 5 and who moved up; you can switch it during the game."
        />
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Opening the lobby…" : "Host live"}
      </button>
    </form>
  );
}
