// Route-handler plumbing: bounded JSON bodies, zod validation, the player cookie,
// and one error shape ({ error: { code, message, ... } }) with a 4xx for anything
// the caller did wrong. Handlers stay thin: parse → identify → call lib/ → respond.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { data } from "./db";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "./db-errors";
import { PlayError } from "./play/errors";
import { RateLimitedError } from "./rate-limit";
import {
  findPlayer,
  formatPlayerCookie,
  parsePlayerCookie,
  PLAYER_COOKIE,
  PLAYER_COOKIE_MAX_AGE,
  type PlayerCookie,
} from "./play/player";

export const MAX_BODY_BYTES = 8 * 1024;

export function errorResponse(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
  return NextResponse.json(
    { error: { code, message, ...details } },
    { status, headers: { "cache-control": "no-store" } },
  );
}

export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json"))
    throw new PlayError(400, "bad_content_type", "Send the request body as JSON (Content-Type: application/json).");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new PlayError(413, "too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new PlayError(413, "too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PlayError(400, "bad_json", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new PlayError(400, "invalid_request", `The request is not valid: ${detail}.`);
  }
  return parsed.data;
}

/** Wraps a handler so every failure becomes a clear JSON error and nothing leaks a stack trace. */
export function handler<C>(fn: (request: NextRequest, context: C) => Promise<Response>) {
  return async (request: NextRequest, context: C): Promise<Response> => {
    try {
      return await fn(request, context);
    } catch (error) {
      if (error instanceof PlayError) return errorResponse(error.status, error.code, error.message, error.details);
      if (error instanceof RateLimitedError) {
        const response = errorResponse(429, error.code, error.message, { retryAfterSeconds: error.retryAfterSeconds });
        response.headers.set("retry-after", String(error.retryAfterSeconds));
        return response;
      }
      if (isDatabaseUnavailable(error)) {
        console.warn("Database unavailable for", request.method, request.nextUrl.pathname, (error as Error).message);
        const response = errorResponse(503, "database_unavailable", DATABASE_UNAVAILABLE_MESSAGE);
        response.headers.set("retry-after", "5");
        return response;
      }
      console.error("Unhandled error in", request.method, request.nextUrl.pathname, error);
      return errorResponse(
        500,
        "server_error",
        "Something went wrong on our side. Your progress is saved: try again in a moment.",
      );
    }
  };
}

/** The player cookie as sent, not yet checked against the database. */
export function playerCookie(request: NextRequest): PlayerCookie | null {
  return parsePlayerCookie(request.cookies.get(PLAYER_COOKIE)?.value);
}

export async function currentPlayer(request: NextRequest) {
  return findPlayer(data.store, playerCookie(request));
}

export function withPlayerCookie(
  response: NextResponse,
  request: NextRequest,
  cookie: PlayerCookie | null,
): NextResponse {
  if (cookie) {
    const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
    response.cookies.set(PLAYER_COOKIE, formatPlayerCookie(cookie), {
      httpOnly: true,
      sameSite: "lax",
      secure: https,
      path: "/",
      maxAge: PLAYER_COOKIE_MAX_AGE,
    });
  }
  return response;
}

/** Attempt ids are cuids; anything else cannot be an attempt. */
export const attemptIdSchema = z.string().regex(/^[a-z0-9]{20,32}$/);

export function attemptIdOrThrow(raw: string): string {
  const parsed = attemptIdSchema.safeParse(raw);
  if (!parsed.success) throw new PlayError(404, "not_found", "No such quiz, or it is not yours to play.");
  return parsed.data;
}
