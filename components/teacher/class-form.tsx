"use client";
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { buttonClass, ErrorSummary, TextField } from "./form-bits";

export function ClassForm({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ErrorSummary state={state} labels={{ name: "Class name" }} />
      <TextField name="name" label="Class name" hint="For example: 10B History" state={state} maxLength={60} required />
      <button type="submit" className={buttonClass} disabled={pending}>
        Create class
      </button>
    </form>
  );
}
