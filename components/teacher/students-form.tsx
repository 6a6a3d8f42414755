"use client";
// Adding students to a class's roster: paste names (one per line) and/or upload a CSV.
import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { buttonClass, ErrorSummary, FieldError, fieldError, inputClass, keptValue } from "./form-bits";

export function StudentsForm({
  action,
  classId,
  hasRoster,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  classId: string;
  hasRoster: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const namesError = fieldError(state, "names");
  const fileError = fieldError(state, "file");
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ErrorSummary state={state} labels={{ names: "Names", file: "CSV file" }} />
      <input type="hidden" name="classId" value={classId} />
      <div>
        <label htmlFor="field-names" className="block font-semibold">
          {hasRoster ? "Add more names" : "Names"}
        </label>
        <p id="field-names-hint" className="text-sm text-muted">
          One student per line (a column pasted from a spreadsheet works). At most 40 characters each.
        </p>
        <textarea
          id="field-names"
          name="names"
          rows={5}
          defaultValue={keptValue(state, "names")}
          aria-invalid={namesError ? true : undefined}
          aria-describedby={`field-names-hint${namesError ? " field-names-error" : ""}`}
          className={inputClass}
        />
        <FieldError id="field-names-error" message={namesError} />
      </div>
      <div>
        <label htmlFor="field-file" className="block font-semibold">
          …or a CSV file
        </label>
        <p id="field-file-hint" className="text-sm text-muted">
          A column headed “Name” (or “First name” and “Last name”); without headers, the first column.
        </p>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`field-file-hint${fileError ? " field-file-error" : ""}`}
          className="mt-1 block min-h-11 w-full text-base"
        />
        <FieldError id="field-file-error" message={fileError} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {hasRoster ? "Add students" : "Create the roster"}
      </button>
    </form>
  );
}
