// The player behind a page request (server components), from the http-only cookie.
import "server-only";
import { cookies } from "next/headers";
import { data } from "./db";
import { findPlayer, parsePlayerCookie, PLAYER_COOKIE } from "./play/player";

export async function playerFromCookies() {
  const jar = await cookies();
  return findPlayer(data.store, parsePlayerCookie(jar.get(PLAYER_COOKIE)?.value));
}
