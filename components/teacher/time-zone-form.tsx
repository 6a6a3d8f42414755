"use client";
// The account page's time zone: a select of IANA zones, saved on the server, with
// the browser's own zone named beside it (it is what sign-up saved).
import { useActionState, useSyncExternalStore } from "react";
import { IDLE, type FormState } from "@/lib/teacher/form-state";
import { buttonClass, ErrorSummary, FieldError, fieldError } from "./form-bits";
import { inputClass } from "./styles";

const noSubscription = () => () => undefined;

export function TimeZoneForm({
  action,
  current,
  zones,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  current: string;
  zones: string[];
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  // The browser's zone once hydrated (the server cannot know it): it never changes while the page is open.
  const browserZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
    () => null,
  );
  const error = fieldError(state, "timeZone");
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ErrorSummary state={state} labels={{ timeZone: "Your time zone" }} focusFirstError />
      <label htmlFor="field-timeZone" className="block font-semibold">
        Your time zone
      </label>
      <p id="field-timeZone-hint" className="text-sm text-muted">
        Your pages show opening and due times in it, and the assignment form reads the times you type in it.
        {browserZone && browserZone !== current ? ` This browser is set to ${browserZone}.` : ""}
      </p>
      <select
        id="field-timeZone"
        name="timeZone"
        defaultValue={current}
        aria-describedby={`field-timeZone-hint${error ? " field-timeZone-error" : ""}`}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} max-w-sm`}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      <FieldError id="field-timeZone-error" message={error} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Save time zone
      </button>
    </form>
  );
}
