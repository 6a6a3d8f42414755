// The player behind a request: the http-only cookie as the browser sent it, checked
// against the database, for route handlers and for pages; and setting it on a response.
import "server-only";
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { requestIsHttps } from "../client-address";
import { appContext, type AppContext } from "../context";
import {
  findPlayer,
  formatPlayerCookie,
  parsePlayerCookie,
  PLAYER_COOKIE,
  PLAYER_COOKIE_MAX_AGE,
  type Player,
  type PlayerCookie,
} from "./player";

/** The player cookie as sent, not yet checked against the database. */
export function playerCookie(request: NextRequest): PlayerCookie | null {
  return parsePlayerCookie(request.cookies.get(PLAYER_COOKIE)?.value);
}

/** For route handlers: the player the request's cookie proves, or null. */
export async function playerFromRequest(ctx: AppContext, request: NextRequest): Promise<Player | null> {
  return findPlayer(ctx, playerCookie(request));
}

/** For pages (server components): the player the request's cookie proves, or null. */
export async function playerFromPageCookies(ctx: AppContext): Promise<Player | null> {
  const jar = await cookies();
  return findPlayer(ctx, parsePlayerCookie(jar.get(PLAYER_COOKIE)?.value));
}

/** Sets the cookie of a player just created (nothing when `cookie` is null). */
export function withPlayerCookie(
  response: NextResponse,
  request: NextRequest,
  cookie: PlayerCookie | null,
): NextResponse {
  if (cookie) {
    // The process's context (not passed in: every play route sets the cookie through here). X-Forwarded-Proto
    // counts only from a trusted proxy: a client could otherwise choose the flag.
    const https = requestIsHttps(request.headers, appContext().config);
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
