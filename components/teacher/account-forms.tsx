"use client";
// The forms around a teacher's password and email address: ask for a reset link,
// choose a new password, confirm an address, send the confirmation again. They post
// to server actions (work without JavaScript); errors are announced per field, and
// a done state replaces the form with what happens next.
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { buttonClass, ErrorSummary, secondaryButtonClass, TextField } from "./form-bits";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** What a form that worked says: read out, and kept on screen. */
export function DoneNotice({ state }: { state: FormState }) {
  return (
    <p role="status" className="rounded-lg border-2 border-steppe bg-white p-3 font-semibold">
      {state.status === "ok" ? state.message : null}
    </p>
  );
}

export function ForgotPasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  if (state.status === "ok") return <DoneNotice state={state} />;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary state={state} labels={{ email: "Email" }} />
      <TextField
        name="email"
        label="School email"
        type="email"
        inputMode="email"
        autoComplete="email"
        state={state}
        required
      />
      <button type="submit" className={buttonClass} disabled={pending} aria-disabled={pending}>
        {pending ? "Please wait…" : "Send me a reset link"}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary state={state} labels={{ password: "New password" }} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        state={state}
        required
      />
      <button type="submit" className={buttonClass} disabled={pending} aria-disabled={pending}>
        {pending ? "Please wait…" : "Set my new password"}
      </button>
    </form>
  );
}

export function ConfirmEmailForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary state={state} labels={{}} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={buttonClass} disabled={pending} aria-disabled={pending}>
        {pending ? "Please wait…" : "Confirm my email address"}
      </button>
    </form>
  );
}

/** The banner's button: its answer (sent, or wait) replaces it. */
export function ResendConfirmationForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  if (state.status !== "idle")
    return (
      <p role="status" className="font-semibold">
        {state.message}
      </p>
    );
  return (
    <form action={formAction}>
      <button type="submit" className={secondaryButtonClass} disabled={pending} aria-disabled={pending}>
        {pending ? "Sending…" : "Send the link again"}
      </button>
    </form>
  );
}
