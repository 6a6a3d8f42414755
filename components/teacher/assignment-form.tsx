"use client";
// The assignment form, new and edit: every setting a teacher can choose, validated
// on the server by one schema (lib/teacher/assignment-form.ts) that reports every
// mistake at once, each beside its field; focus goes to the first. Editing after
// students have started locks what would change the meaning of their answers, and
// says why beside those fields.
import { useActionState, useState } from "react";
import { ASSIGNMENT_FORM_DEFAULTS, IDLE, type FormState } from "@/lib/teacher/form-state";
import { buttonClass, ErrorSummary, FieldError, fieldError, keptValue, TextField } from "./form-bits";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const LABELS: Record<string, string> = {
  title: "Title",
  count: "Number of questions",
  kinds: "Kinds of question",
  timed: "Timed questions",
  timeLimitSeconds: "Seconds per question",
  speedBonus: "Speed bonus",
  streakBonus: "Streak bonus",
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

const LOCKED_ID = "assignment-locked-reason";

type Values = Record<string, string>;

function Choice({
  name,
  state,
  values,
  disabled,
  hint,
  isDisabled,
}: {
  name: keyof typeof CHOICES;
  state: FormState;
  values: Values;
  disabled?: boolean;
  hint?: string;
  /** Options that cannot be chosen (fewer attempts once students have started). */
  isDisabled?: (value: string) => boolean;
}) {
  const { legend, options } = CHOICES[name];
  const error = fieldError(state, name);
  const chosen = keptValue(state, name, values[name]);
  const describedBy =
    [hint ? `field-${name}-hint` : null, disabled ? LOCKED_ID : null, error ? `field-${name}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <fieldset
      id={`field-${name}`}
      aria-describedby={describedBy}
      data-invalid={error ? true : undefined}
      className="space-y-1"
    >
      <legend className="font-semibold">{legend}</legend>
      {hint && (
        <p id={`field-${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {options.map(([value, label]) => (
        <label key={value} className="flex min-h-11 items-center gap-2 sm:min-h-0">
          <input
            type="radio"
            name={name}
            value={value}
            defaultChecked={chosen === value}
            disabled={disabled || isDisabled?.(value)}
            className="h-5 w-5"
          />
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

function Check({
  name,
  label,
  state,
  values,
  hint,
  disabled,
  onChange,
}: {
  name: string;
  label: string;
  state: FormState;
  values: Values;
  hint?: string;
  disabled?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  const kept = state.status === "error" && !disabled ? state.values?.[name] === "on" : values[name] === "on";
  const error = fieldError(state, name);
  const hintId = hint ? `field-${name}-hint` : undefined;
  const describedBy =
    [hintId, disabled ? LOCKED_ID : null, error ? `field-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label className="flex min-h-11 items-center gap-2 sm:min-h-0">
        <input
          id={`field-${name}`}
          type="checkbox"
          name={name}
          defaultChecked={kept}
          disabled={disabled}
          onChange={onChange && ((e) => onChange(e.currentTarget.checked))}
          aria-invalid={error ? true : undefined}
          className="h-5 w-5"
          aria-describedby={describedBy}
        />
        {label}
      </label>
      {hint && (
        <p id={hintId} className="ml-7 text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={`field-${name}-error`} message={error} />
    </div>
  );
}

const ATTEMPT_RANK: Record<string, number> = { "1": 1, "3": 3, unlimited: Infinity };

export interface AssignmentFormProps {
  action: Action;
  /** New: the class it goes in. */
  classId?: string;
  /** Edit: the assignment, its stored values as form fields, and whether students have started. */
  assignmentId?: string;
  initial?: Values;
  started?: boolean;
  /** The teacher's IANA zone: typed times are read in it. */
  timeZone: string;
  /** The most questions a "timelines only" quiz can ask (from the bank). */
  timelineMax?: number;
}

export function AssignmentForm({
  action,
  classId,
  assignmentId,
  initial,
  started = false,
  timeZone,
  timelineMax,
}: AssignmentFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values: Values = { ...ASSIGNMENT_FORM_DEFAULTS, ...initial };
  const editing = assignmentId !== undefined;
  const [timed, setTimed] = useState((started ? values.timed : keptValue(state, "timed", values.timed)) === "on");
  const locked = editing && started;
  const storedAttempts = ATTEMPT_RANK[values.attemptsAllowed ?? "unlimited"] ?? Infinity;
  const zone = timeZone === "UTC" ? "UTC" : timeZone;

  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={LABELS} focusFirstError />
      {classId && <input type="hidden" name="classId" value={classId} />}
      {assignmentId && <input type="hidden" name="assignmentId" value={assignmentId} />}
      <TextField
        name="title"
        label="Title"
        hint="Students see this when they join."
        state={state}
        maxLength={80}
        defaultValue={values.title}
        required
      />
      {locked && (
        <p id={LOCKED_ID} className="rounded-lg border-2 border-sun bg-sun/10 p-3 text-sm">
          <strong>Some settings are fixed:</strong> students have started, so the questions, the time per question and
          the points stay as they were for everyone (changing them would mark the same answers by different rules). You
          can still change the title, the times, the leaderboard, and give more attempts. To change the rest, duplicate
          the assignment.
        </p>
      )}
      <TextField
        name="count"
        label="Number of questions"
        type="number"
        inputMode="numeric"
        min={1}
        max={50}
        state={state}
        defaultValue={values.count}
        disabled={locked}
        describedBy={locked ? LOCKED_ID : undefined}
        required
      />
      <Choice
        name="kinds"
        state={state}
        values={values}
        disabled={locked}
        hint={
          timelineMax === undefined
            ? undefined
            : `Timelines only: at most ${timelineMax} questions. No two timelines in a quiz may share more than one event (one would give the other away), and only ${timelineMax} of the fact base’s timelines fit together. Mix in multiple choice for longer quizzes.`
        }
      />
      <fieldset className="space-y-2">
        <legend className="font-semibold">Time and points</legend>
        <Check
          name="timed"
          label="Timed questions"
          state={state}
          values={values}
          disabled={locked}
          onChange={setTimed}
        />
        {timed && (
          <div className="max-w-56">
            <TextField
              name="timeLimitSeconds"
              label="Seconds per question (5–600)"
              type="number"
              inputMode="numeric"
              min={5}
              max={600}
              state={state}
              defaultValue={values.timeLimitSeconds}
              disabled={locked}
              describedBy={locked ? LOCKED_ID : undefined}
            />
          </div>
        )}
        {BONUSES.map(([name, label, hint]) => (
          <Check key={name} name={name} label={label} hint={hint} state={state} values={values} disabled={locked} />
        ))}
      </fieldset>
      <Choice
        name="attemptsAllowed"
        state={state}
        values={values}
        hint={locked ? "Students have started: attempts can only go up, so nobody loses a go." : undefined}
        isDisabled={locked ? (v) => (ATTEMPT_RANK[v] ?? 0) < storedAttempts : undefined}
      />
      <Choice name="questionOrder" state={state} values={values} disabled={locked} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="opensAt"
          label="Opens (optional)"
          type="datetime-local"
          hint={`Your time (${zone}). Empty: open now.`}
          state={state}
          defaultValue={values.opensAt}
        />
        <TextField
          name="dueAt"
          label="Due (optional)"
          type="datetime-local"
          hint={`Your time (${zone}). The join code stops working then.`}
          state={state}
          defaultValue={values.dueAt}
        />
      </div>
      <p className="text-sm text-muted">
        Not your time zone?{" "}
        <a
          href="/teacher/account"
          className="inline-flex min-h-11 items-center font-semibold text-steppe-dark underline"
        >
          Change it on your account page
        </a>
      </p>
      <Choice name="leaderboard" state={state} values={values} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {editing ? (pending ? "Saving…" : "Save changes") : pending ? "Creating…" : "Create assignment"}
      </button>
    </form>
  );
}
