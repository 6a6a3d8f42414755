"use client";
// Form pieces for the teacher pages: labelled fields whose errors are tied to
// the input (aria-invalid + aria-describedby), and an error summary that is
// announced and takes focus, with links to each field that needs fixing.
import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/teacher/form-state";

import { buttonClass, inputClass } from "./styles";

export { buttonClass, inputClass, secondaryButtonClass } from "./styles";

export function fieldError(state: FormState, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors[name] : undefined;
}

export function keptValue(state: FormState, name: string, fallback = ""): string {
  return state.status === "error" ? (state.values?.[name] ?? fallback) : fallback;
}

/** A hidden field holding the browser's IANA time zone (filled after hydration; empty without JavaScript). */
export function BrowserTimeZoneField() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  }, []);
  return <input ref={ref} type="hidden" name="timeZone" defaultValue="" />;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-ember">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

export function TextField(props: {
  name: string;
  label: string;
  state: FormState;
  type?: string;
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  inputMode?: "numeric" | "text" | "email";
  min?: number;
  max?: number;
  maxLength?: number;
  disabled?: boolean;
  /** Another element that describes the field (why it is locked). */
  describedBy?: string;
}) {
  const { name, label, state, hint } = props;
  const id = `field-${name}`;
  const error = fieldError(state, name);
  const describedBy =
    [hint ? `${id}-hint` : null, props.describedBy ?? null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        min={props.min}
        max={props.max}
        maxLength={props.maxLength}
        required={props.required}
        disabled={props.disabled}
        defaultValue={props.type === "password" ? undefined : keptValue(state, name, props.defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** The teacher's email address (sign-in, sign-up, forgot password). */
export function EmailField({ state }: { state: FormState }) {
  return (
    <TextField
      name="email"
      label="School email"
      type="email"
      inputMode="email"
      autoComplete="email"
      state={state}
      required
    />
  );
}

/** A form's submit button: "Please wait…" (and disabled) while the action runs. */
export function SubmitButton({ pending, label, className }: { pending: boolean; label: string; className?: string }) {
  return (
    <button type="submit" className={className ?? buttonClass} disabled={pending} aria-disabled={pending}>
      {pending ? "Please wait…" : label}
    </button>
  );
}

/**
 * Labels for the summary's links, by field name. The summary takes focus, unless `focusFirstError`: then the
 * first field marked invalid does (the summary is still announced), so the teacher can fix it at once.
 */
export function ErrorSummary({
  state,
  labels,
  focusFirstError = false,
}: {
  state: FormState;
  labels: Record<string, string>;
  focusFirstError?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "error") return;
    // A radio group's error is on its fieldset (radios take no aria-invalid): focus its chosen or first option.
    const invalid = focusFirstError
      ? ref.current?.closest("form")?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid="true"]')
      : null;
    const first =
      invalid?.tagName === "FIELDSET"
        ? (invalid.querySelector<HTMLElement>("input:checked:not([disabled])") ??
          invalid.querySelector<HTMLElement>("input:not([disabled])"))
        : invalid;
    (first ?? ref.current)?.focus();
  }, [state, focusFirstError]);
  if (state.status !== "error") return null;
  // In the form's order (the order of `labels`), whatever order the server found them in.
  const order = Object.keys(labels);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const fields = Object.entries(state.fieldErrors).sort(([a], [b]) => rank(a) - rank(b));
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded-lg border-2 border-ember bg-white p-3">
      <p className="font-bold text-ember">{state.message}</p>
      {fields.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {fields.map(([name, message]) => (
            <li key={name}>
              <a href={`#field-${name}`} className="underline">
                {labels[name] ?? name}: {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
