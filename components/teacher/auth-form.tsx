"use client";
// Sign-up and sign-in forms. They post to server actions (work without
// JavaScript too); errors come back per field and are announced.
import Link from "next/link";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { DoneNotice } from "./account-forms";
import { BrowserTimeZoneField, EmailField, ErrorSummary, SubmitButton, TextField } from "./form-bits";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function AuthForm({ mode, action, next }: { mode: "sign-in" | "sign-up"; action: Action; next?: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const signUp = mode === "sign-up";
  // A sign-up where mail is configured: "check your inbox", the same for a new and a taken address.
  if (state.status === "ok") return <DoneNotice state={state} />;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary state={state} labels={{ name: "Name", email: "Email", password: "Password" }} />
      {next && <input type="hidden" name="next" value={next} />}
      <BrowserTimeZoneField />
      {signUp && <TextField name="name" label="Your name" autoComplete="name" state={state} maxLength={80} required />}
      <EmailField state={state} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete={signUp ? "new-password" : "current-password"}
        hint={signUp ? "At least 10 characters." : undefined}
        state={state}
        required
      />
      {!signUp && (
        <p className="text-sm">
          <Link href="/teacher/forgot-password" className="inline-flex min-h-11 items-center font-semibold underline">
            Forgot password?
          </Link>
        </p>
      )}
      <SubmitButton pending={pending} label={signUp ? "Create teacher account" : "Sign in"} />
      <p className="text-sm">
        {signUp ? (
          <>
            Already have an account?{" "}
            <Link href="/teacher/sign-in" className="inline-flex min-h-11 items-center font-semibold underline">
              Sign in
            </Link>
          </>
        ) : (
          <>
            New here?{" "}
            <Link href="/teacher/sign-up" className="inline-flex min-h-11 items-center font-semibold underline">
              Create a teacher account
            </Link>
          </>
        )}
      </p>
    </form>
  );
}
