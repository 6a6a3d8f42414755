// A class's roster on the teacher's class page: each student with their extra time
// and "New code". Codes are not shown here (a class page may be on a projector):
// the printable cards show them.
import { EXTRA_TIME_CHOICES, type RosterStudent } from "@/lib/teacher/class-roster";
import { ConfirmAction } from "./confirm-action";
import { secondaryButtonClass } from "./styles";

type Action = (form: FormData) => Promise<void>;

export const extraTimeLabel = (x: number) => (x === 1 ? "none" : `×${x}`);

export function ClassRoster({
  students,
  extraTimeAction,
  resetCodeAction,
  studentHref,
}: {
  students: RosterStudent[];
  extraTimeAction: Action;
  resetCodeAction: Action;
  studentHref?: (id: string) => string;
}) {
  return (
    <ul className="divide-y divide-black/10 rounded-xl bg-white shadow-sm">
      {students.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center gap-3 px-4 py-2">
          {studentHref ? (
            <a href={studentHref(s.id)} className="font-semibold text-steppe-dark underline">
              {s.name}
            </a>
          ) : (
            <span className="font-semibold">{s.name}</span>
          )}
          {s.extraTime !== 1 && <span className="text-sm text-muted">extra time {extraTimeLabel(s.extraTime)}</span>}
          {/* Keyed by the value: React resets a form after its action, and must reset to the saved value. */}
          <form key={s.extraTime} action={extraTimeAction} className="ml-auto flex items-center gap-2">
            <input type="hidden" name="studentId" value={s.id} />
            <label htmlFor={`extra-${s.id}`} className="text-sm">
              Extra time
            </label>
            <select
              id={`extra-${s.id}`}
              name="extraTime"
              defaultValue={String(s.extraTime)}
              className="min-h-11 rounded-lg border border-black/30 bg-white px-2"
            >
              {EXTRA_TIME_CHOICES.map((x) => (
                <option key={x} value={String(x)}>
                  {extraTimeLabel(x)}
                </option>
              ))}
            </select>
            <button type="submit" className={secondaryButtonClass} aria-label={`Save extra time: ${s.name}`}>
              Save
            </button>
          </form>
          <ConfirmAction
            action={resetCodeAction}
            label="New code"
            accessibleLabel={`New code: ${s.name}`}
            question={`Give ${s.name} a new code? Their old code stops working and every device they used must type the new one.`}
            confirmLabel="Yes, new code"
            fields={{ studentId: s.id }}
          />
        </li>
      ))}
    </ul>
  );
}
