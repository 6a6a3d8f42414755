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

/** The same answer for "does not exist" and "is not yours", so ids cannot be probed. */
export const notFound = (what: string) => new TeacherError(404, "not_found", `No such ${what}, or it is not yours.`);
