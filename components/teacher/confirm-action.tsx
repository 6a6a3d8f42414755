// A button for anything that removes or resets data: the first press only opens a
// question ("Remove Dana? …") with the real button beside it. No script needed
// (<details>), so it works before hydration and by keyboard (Enter or Space on the summary).
import { secondaryButtonClass } from "./styles";

type Action = (form: FormData) => Promise<void>;

export function ConfirmAction({
  action,
  label,
  accessibleLabel,
  question,
  confirmLabel,
  fields,
}: {
  action: Action;
  /** The first button's text ("Remove"). */
  label: string;
  /** What it acts on, for screen readers ("Remove: Dana"). */
  accessibleLabel?: string;
  /** What will happen, asked before it does. */
  question: string;
  confirmLabel: string;
  /** Hidden fields the form posts. */
  fields: Record<string, string>;
}) {
  return (
    <details className="group relative">
      <summary
        className={`${secondaryButtonClass} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
        aria-label={accessibleLabel}
      >
        {label}
      </summary>
      <div className="mt-2 max-w-xs space-y-2 rounded-lg border-2 border-ember bg-white p-3 text-sm shadow-lg sm:absolute sm:right-0 sm:z-10 sm:w-72">
        <p>{question}</p>
        <form action={action}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button
            type="submit"
            className="inline-flex min-h-11 items-center justify-center rounded-lg bg-ember px-4 py-2 font-semibold text-white hover:opacity-90"
          >
            {confirmLabel}
          </button>
        </form>
      </div>
    </details>
  );
}

/**
 * Archive (asked first) or, once archived, Unarchive (at once: it removes nothing).
 * `fields` names what is archived ({ classId } or { assignmentId }).
 */
export function ArchiveToggle({
  archived,
  action,
  fields,
  label,
  accessibleLabel,
  question,
}: {
  archived: boolean;
  action: Action;
  fields: Record<string, string>;
  label: string;
  accessibleLabel?: string;
  question: string;
}) {
  if (!archived)
    return (
      <ConfirmAction
        action={action}
        label={label}
        accessibleLabel={accessibleLabel}
        question={question}
        confirmLabel="Yes, archive"
        fields={{ ...fields, archived: "true" }}
      />
    );
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="archived" value="false" />
      <button type="submit" className={secondaryButtonClass}>
        Unarchive
      </button>
    </form>
  );
}
