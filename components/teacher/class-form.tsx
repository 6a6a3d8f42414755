"use client";
// A class's name: a new class, or renaming one (the same rules either way, checked on the server).
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { buttonClass, ErrorSummary, TextField } from "./form-bits";

export function ClassForm({
  action,
  classId,
  name,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** Renaming: the class and its name now. */
  classId?: string;
  name?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const renaming = classId !== undefined;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ErrorSummary state={state} labels={{ name: "Class name" }} focusFirstError />
      {renaming && <input type="hidden" name="classId" value={classId} />}
      <TextField
        name="name"
        label={renaming ? "New name" : "Class name"}
        hint={renaming ? "Students and reports keep their place; only the name changes." : "For example: 10B History"}
        state={state}
        maxLength={60}
        defaultValue={name}
        required
      />
      <button type="submit" className={buttonClass} disabled={pending}>
        {renaming ? "Rename class" : "Create class"}
      </button>
    </form>
  );
}
