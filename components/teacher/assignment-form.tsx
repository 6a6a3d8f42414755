"use client";
// The new-assignment form: every setting a teacher can choose, validated on the
// server (lib/teacher/assignment-form.ts) with a message next to each field.
import { useActionState, useEffect, useRef, useState } from "react";
import { ASSIGNMENT_FORM_DEFAULTS, IDLE, type FormState } from "@/lib/teacher/form-state";
import { buttonClass, ErrorSummary, FieldError, fieldError, keptValue, TextField } from "./form-bits";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const LABELS: Record<string, string> = {
  title: "Title",
  count: "Number of questions",
  kinds: "Kinds of question",
  timeLimitSeconds: "Seconds per question",
  attemptsAllowed: "Attempts",
  questionOrder: "Questions",
  opensAt: "Opens",
  dueAt: "Due",
  leaderboard: "Leaderboard",
};

/** The form's radio groups: the legend, and each option's value and words. */
const CHOICES = {
  kinds: {
    legend: "Kinds of question",
    options: [
      ["both", "Timelines and multiple choice"],
      ["timeline", "Timelines only"],
      ["multiple-choice", "Multiple choice only"],
    ],
  },
  attemptsAllowed: {
    legend: "Attempts per student (the best one counts)",
    options: [
      ["1", "1"],
      ["3", "3"],
      ["unlimited", "Unlimited"],
    ],
  },
  questionOrder: {
    legend: "Questions",
    options: [
      ["same", "The same questions for everyone"],
      ["shuffled", "A different selection for each student"],
    ],
  },
  leaderboard: {
    legend: "Leaderboard",
    options: [
      ["full", "Show everyone"],
      ["top10", "Show the top 10 only"],
      ["hidden", "Hidden from students"],
    ],
  },
} as const;

function Choice({ name, state }: { name: keyof typeof CHOICES; state: FormState }) {
  const { legend, options } = CHOICES[name];
  const error = fieldError(state, name);
  const chosen = keptValue(state, name, ASSIGNMENT_FORM_DEFAULTS[name as keyof typeof ASSIGNMENT_FORM_DEFAULTS]);
  return (
    <fieldset id={`field-${name}`} aria-describedby={error ? `field-${name}-error` : undefined} className="space-y-1">
      <legend className="font-semibold">{legend}</legend>
      {options.map(([value, label]) => (
        <label key={value} className="flex items-center gap-2">
          <input type="radio" name={name} value={value} defaultChecked={chosen === value} className="h-5 w-5" />
          {label}
        </label>
      ))}
      <FieldError id={`field-${name}-error`} message={error} />
    </fieldset>
  );
}

/** The two bonuses a teacher can switch off: name, label, and why one would. */
const BONUSES = [
  [
    "speedBonus",
    "Speed bonus",
    "Faster right answers earn more (timed questions only). Switch off for students who need more time.",
  ],
  ["streakBonus", "Streak bonus", "+100 per answer in a row from the second, up to +500."],
] as const;

/** When the assignment opens and is due, in the teacher's local time. */
const DATES = [
  ["opensAt", "Opens (optional)", "Your local time. Empty: open now."],
  ["dueAt", "Due (optional)", "The join code stops working then."],
] as const;

/** A whole number between `min` and `max`, starting from the form's default. */
function NumberField(props: {
  name: "count" | "timeLimitSeconds";
  label: string;
  min: number;
  max: number;
  state: FormState;
}) {
  return (
    <TextField
      {...props}
      type="number"
      inputMode="numeric"
      defaultValue={ASSIGNMENT_FORM_DEFAULTS[props.name]}
      required={props.name === "count"}
    />
  );
}

function Check({ name, label, state, hint }: { name: string; label: string; state: FormState; hint?: string }) {
  const kept =
    state.status === "error"
      ? state.values?.[name] === "on"
      : ASSIGNMENT_FORM_DEFAULTS[name as keyof typeof ASSIGNMENT_FORM_DEFAULTS] === "on";
  const hintId = hint ? `field-${name}-hint` : undefined;
  return (
    <div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name={name} defaultChecked={kept} className="h-5 w-5" aria-describedby={hintId} />
        {label}
      </label>
      {hint && (
        <p id={hintId} className="ml-7 text-sm text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

export function AssignmentForm({ action, classId }: { action: Action; classId: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [timed, setTimed] = useState(keptValue(state, "timed", ASSIGNMENT_FORM_DEFAULTS.timed) === "on");
  // The browser's offset from UTC, so "09:00" means 09:00 where the teacher is (0 without JavaScript).
  const tzOffset = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (tzOffset.current) tzOffset.current.value = String(new Date().getTimezoneOffset());
  }, []);

  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={LABELS} />
      <input type="hidden" name="classId" value={classId} />
      <input ref={tzOffset} type="hidden" name="tzOffset" defaultValue="0" />
      <TextField
        name="title"
        label="Title"
        hint="Students see this when they join."
        state={state}
        maxLength={80}
        required
      />
      <NumberField name="count" label="Number of questions" min={1} max={50} state={state} />
      <Choice name="kinds" state={state} />
      <fieldset className="space-y-2">
        <legend className="font-semibold">Time and points</legend>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="timed"
            defaultChecked={timed}
            onChange={(e) => setTimed(e.currentTarget.checked)}
            className="h-5 w-5"
          />
          Timed questions
        </label>
        {timed && (
          <div className="max-w-56">
            <NumberField name="timeLimitSeconds" label="Seconds per question (5–600)" min={5} max={600} state={state} />
          </div>
        )}
        {BONUSES.map(([name, label, hint]) => (
          <Check key={name} name={name} label={label} hint={hint} state={state} />
        ))}
      </fieldset>
      <Choice name="attemptsAllowed" state={state} />
      <Choice name="questionOrder" state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {DATES.map(([name, label, hint]) => (
          <TextField key={name} name={name} label={label} type="datetime-local" hint={hint} state={state} />
        ))}
      </div>
      <Choice name="leaderboard" state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating…" : "Create assignment"}
      </button>
    </form>
  );
}
