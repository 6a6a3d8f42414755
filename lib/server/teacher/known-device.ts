// A browser the teacher has signed in from before: a signed, http-only cookie set at every successful
// sign-in or sign-up. Failed sign-ins from such a browser count in a bucket of their own, so a stranger who
// spends an account's failure limit (issue 13, finding 8) does not lock its owner out of their own browser.
// docs/decisions/011-limits-and-proxies.md.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AppContext } from "../context";

export const DEVICE_COOKIE = "fact-trail.device";
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

function signature(secret: string, email: string, nonce: string): Buffer {
  return createHmac("sha256", secret).update(`known-device\n${email}\n${nonce}`).digest();
}

/** The Set-Cookie header that marks this browser as one `email` signed in from. */
export function knownDeviceCookie(ctx: AppContext, email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  const mac = signature(ctx.config.auth.secret, email, nonce).toString("base64url");
  return `${DEVICE_COOKIE}=${nonce}.${mac}; Path=/teacher; Max-Age=${DEVICE_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax`;
}

/** This browser's id when its device cookie was issued for `email` (and signed by us), else null. */
export function knownDevice(ctx: AppContext, headers: Headers, email: string): string | null {
  const cookies = (headers.get("cookie") ?? "").split(";").map((c) => c.trim());
  const value = cookies.find((c) => c.startsWith(`${DEVICE_COOKIE}=`))?.slice(DEVICE_COOKIE.length + 1) ?? "";
  const [nonce, mac] = value.split(".");
  if (!nonce || !mac || !/^[\w-]{22}$/.test(nonce)) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = signature(ctx.config.auth.secret, email, nonce);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
