"use client";
// "Duplicate to…": a copy of an assignment in one of the teacher's classes, with a new
// join code and none of the attempts. Removes nothing, so it asks nothing first.
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { ErrorSummary, FieldError, fieldError, secondaryButtonClass } from "./form-bits";
import { inputClass } from "./styles";

export function DuplicateForm({
  action,
  assignmentId,
  classes,
  currentClassId,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  assignmentId: string;
  /** The teacher's classes that are not archived. */
  classes: { id: string; name: string }[];
  currentClassId: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = fieldError(state, "classId");
  // Another class first: that is what a copy is usually for.
  const first = classes.find((c) => c.id !== currentClassId) ?? classes[0];
  return (
    <form action={formAction} noValidate className="space-y-2">
      <ErrorSummary state={state} labels={{ classId: "Class" }} focusFirstError />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <label htmlFor="duplicate-class" className="block font-semibold">
        Duplicate to class
      </label>
      <p id="duplicate-class-hint" className="text-sm text-muted">
        Same title and settings, a new join code, no attempts. Times that have passed are left empty.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <select
          id="duplicate-class"
          name="classId"
          defaultValue={first?.id}
          aria-describedby={`duplicate-class-hint${error ? " field-classId-error" : ""}`}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} max-w-xs`}
        >
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.id === currentClassId ? " (this class)" : ""}
            </option>
          ))}
        </select>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {pending ? "Duplicating…" : "Duplicate"}
        </button>
      </div>
      <FieldError id="field-classId-error" message={error} />
    </form>
  );
}
