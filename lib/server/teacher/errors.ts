// One error type for the teacher side: an HTTP-ish status, a code, a message a
// teacher can act on, and per-field messages for forms.
export class TeacherError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "TeacherError";
  }
}

export const INVALID_FORM_MESSAGE = "Check the highlighted fields.";

/** A form with mistakes: a 400 with a message per field. */
export const invalidForm = (fieldErrors: Record<string, string>) =>
  new TeacherError(400, "invalid", INVALID_FORM_MESSAGE, fieldErrors);

/** The same answer for "does not exist" and "is not yours", so ids cannot be probed. */
export const notFound = (what: string) => new TeacherError(404, "not_found", `No such ${what}, or it is not yours.`);

/** Ids are cuids (or better-auth's ids): anything else cannot name a row, and never reaches a query. */
export function requireId(raw: unknown, what: string): string {
  if (typeof raw !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw notFound(what);
  return raw;
}
