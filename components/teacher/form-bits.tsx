"use client";
// Form pieces for the teacher pages: labelled fields whose errors are tied to
// the input (aria-invalid + aria-describedby), and an error summary that is
// announced and takes focus, with links to each field that needs fixing.
import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/teacher/form-state";

import { inputClass } from "./styles";

export { buttonClass, inputClass, secondaryButtonClass } from "./styles";

export function fieldError(state: FormState, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors[name] : undefined;
}

export function keptValue(state: FormState, name: string, fallback = ""): string {
  return state.status === "error" ? (state.values?.[name] ?? fallback) : fallback;
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
}) {
  const { name, label, state, hint } = props;
  const id = `field-${name}`;
  const error = fieldError(state, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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
        defaultValue={props.type === "password" ? undefined : keptValue(state, name, props.defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Labels for the summary's links, by field name. */
export function ErrorSummary({ state, labels }: { state: FormState; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  if (state.status !== "error") return null;
  const fields = Object.entries(state.fieldErrors);
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
