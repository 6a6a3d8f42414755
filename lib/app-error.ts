// The one error type of the app: an HTTP status, a stable code, and a message the
// student or teacher can act on; per-field messages for forms, extra fields for the
// JSON body (a nickname suggestion), and how long to wait when a limit is spent.
// Thrown by lib/server; turned into a response, a form state or a 404 page in one
// place (lib/server/errors.ts).
export interface AppErrorExtras {
  /** One message per form field (teacher forms). */
  fieldErrors?: Record<string, string>;
  /** Added to the JSON error body beside code and message. */
  details?: Record<string, unknown>;
  /** Sent as Retry-After (and as retryAfterSeconds in the body). */
  retryAfterSeconds?: number;
}

/** Marks an AppError from any copy of this module (see `Symbol.hasInstance` below). */
const APP_ERROR = Symbol.for("fact-trail.app-error");

export class AppError extends Error {
  /**
   * `error instanceof AppError` by brand, not by prototype: every Next.js route bundle has its own copy of this
   * class, while the server context (its store, auth and limiters) is made once per process by whichever
   * route ran first, so an error it throws would otherwise not be an AppError to the others (issue 13).
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true;
  }

  readonly [APP_ERROR] = true;
  readonly fieldErrors: Record<string, string>;
  readonly details: Record<string, unknown>;
  readonly retryAfterSeconds: number | null;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    extras: AppErrorExtras = {},
  ) {
    super(message);
    this.name = "AppError";
    this.fieldErrors = extras.fieldErrors ?? {};
    this.details = extras.details ?? {};
    this.retryAfterSeconds = extras.retryAfterSeconds ?? null;
  }
}

export const INVALID_FORM_MESSAGE = "Check the highlighted fields.";

/** A form with mistakes: a 400 with a message per field. */
export const invalidForm = (fieldErrors: Record<string, string>) =>
  new AppError(400, "invalid", INVALID_FORM_MESSAGE, { fieldErrors });

/** A quiz that does not exist or is not this player's: the same answer for both, so ids cannot be probed. */
export const quizNotFound = () => new AppError(404, "not_found", "No such quiz, or it is not yours to play.");

/** A teacher's class, assignment or player that does not exist or is someone else's: one answer for both. */
export const notFoundOrNotYours = (what: string) =>
  new AppError(404, "not_found", `No such ${what}, or it is not yours.`);

/** Ids are cuids (or better-auth's ids): anything else cannot name a row, and never reaches a query. */
export function requireId(raw: unknown, what: string): string {
  if (typeof raw !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw notFoundOrNotYours(what);
  return raw;
}
