// How an error reaches the caller, in one place for every route handler (JSON),
// the CSV download and the server actions (form state): an AppError as it is, a
// database that cannot be reached right now as a 503 to retry, anything else as a
// bug (logged, a 500 without details).
import "server-only";
import { notFound } from "next/navigation";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/app-error";
import type { FormState } from "@/lib/teacher/form-state";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// PostgreSQL: admin shutdown, crash shutdown, cannot connect now, connection exceptions (class 08), too many connections.
const PG_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "53300"]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const MESSAGES =
  /Connection terminated|connect ECONNREFUSED|Can't reach database|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|terminating connection|the database system is (starting up|shutting down)|SQLITE_BUSY|database is locked|DatabaseNotReachable|ConnectionClosed/i;

/**
 * Is this error "the database cannot be reached right now" (so the request should
 * get a 503 and be retried), rather than a bug? Covers pg, Prisma's driver adapters
 * and SQLite's lock timeout.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown; kind?: unknown };
  if (typeof e.code === "string" && (NETWORK_CODES.has(e.code) || PG_CODES.has(e.code) || PRISMA_CODES.has(e.code)))
    return true;
  if (
    typeof e.kind === "string" &&
    /DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/.test(e.kind)
  )
    return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The quiz server cannot reach its database for a moment. Nothing you did is lost: try again in a few seconds.";

/** What the caller is told about `error`, or null when it is a bug. */
export function knownError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error))
    return new AppError(503, "database_unavailable", DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: 5 });
  return null;
}

/** `{ error: { code, message, … } }` with the error's status, never cached. */
export function errorResponse(error: AppError): NextResponse {
  const retry = error.retryAfterSeconds;
  const response = NextResponse.json(
    { error: { code: error.code, message: error.message, ...error.details } },
    { status: error.status, headers: { "cache-control": "no-store" } },
  );
  if (retry !== null) response.headers.set("retry-after", String(retry));
  return response;
}

/** Any error thrown while serving `request` as the response the caller gets. */
export function respondToError(error: unknown, request: { method: string; url: string }): NextResponse {
  const known = knownError(error);
  const where = `${request.method} ${new URL(request.url).pathname}`;
  if (known?.code === "database_unavailable") console.warn("Database unavailable for", where, (error as Error).message);
  if (known) return errorResponse(known);
  console.error("Unhandled error in", where, error);
  return errorResponse(
    new AppError(
      500,
      "server_error",
      "Something went wrong on our side. Your progress is saved: try again in a moment.",
    ),
  );
}

/**
 * For pages and the buttons of server actions: what lib/server answers with a 404
 * (no such thing, or not yours) shows the not-found page; anything else is thrown on.
 */
export async function orNotFoundPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

/** What the teacher typed comes back with an error, except passwords. */
function keptValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (typeof value === "string" && key !== "password" && !key.startsWith("$")) values[key] = value.slice(0, 200);
  return values;
}

/** A server action's failure as the form's state (message, one per field, what was typed); a bug rethrows. */
export function errorFormState(error: unknown, form: FormData): FormState {
  const known = knownError(error);
  if (!known) throw error;
  return { status: "error", message: known.message, fieldErrors: known.fieldErrors, values: keptValues(form) };
}
