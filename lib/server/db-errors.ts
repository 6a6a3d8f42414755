// Is this error "the database cannot be reached right now" (so the request
// should get a 503 and be retried), rather than a bug? Covers pg, Prisma's
// driver adapters and SQLite's lock timeout.
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
