"use client";
// The forms around a teacher's password and email address: ask for a reset link,
// choose a new password, confirm an address, send the confirmation again. They post
// to server actions (work without JavaScript); errors are announced per field, and
// a done state replaces the form with what happens next.
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { EmailField, ErrorSummary, secondaryButtonClass, SubmitButton, TextField } from "./form-bits";

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
      <EmailField state={state} />
      <SubmitButton pending={pending} label="Send me a reset link" />
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
      <SubmitButton pending={pending} label="Set my new password" />
    </form>
  );
}

export function ConfirmEmailForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary state={state} labels={{}} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} label="Confirm my email address" />
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
      <SubmitButton pending={pending} label="Send the link again" className={secondaryButtonClass} />
    </form>
  );
}
