// Route-handler plumbing: the app's context for each request, bounded JSON bodies
// with zod validation, and every failure as one JSON error shape (lib/server/errors.ts).
// Handlers stay thin: parse → identify → call lib/server → respond.
import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { AppError, quizNotFound } from "@/lib/app-error";
import { appContext, type AppContext } from "./context";
import { respondToError } from "./errors";

export const MAX_BODY_BYTES = 8 * 1024;

export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json"))
    throw new AppError(400, "bad_content_type", "Send the request body as JSON (Content-Type: application/json).");
  const tooLarge = () => new AppError(413, "too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError(400, "bad_json", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new AppError(400, "invalid_request", `The request is not valid: ${detail}.`);
  }
  return parsed.data;
}

/**
 * A route handler with the app's context and its route's params, where every failure
 * becomes a clear JSON error and nothing leaks a stack trace.
 */
export function handler<Params = Record<string, string>>(
  fn: (ctx: AppContext, request: NextRequest, params: Params) => Promise<Response>,
) {
  return async (request: NextRequest, segment: { params: Promise<Params> }): Promise<Response> => {
    try {
      return await fn(appContext(), request, await segment?.params);
    } catch (error) {
      return respondToError(error, request);
    }
  };
}

/** Attempt ids are cuids; anything else cannot be an attempt. */
export const attemptIdSchema = z.string().regex(/^[a-z0-9]{20,32}$/);

export function attemptIdOrThrow(raw: string): string {
  const parsed = attemptIdSchema.safeParse(raw);
  if (!parsed.success) throw quizNotFound();
  return parsed.data;
}
