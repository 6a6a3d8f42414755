// The teacher behind a page or server action (from the session cookie), and
// passing better-auth's Set-Cookie headers on through Next's cookie store.
// (The student's side of "who is asking" is lib/server/play/current-player.ts.)
import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { requestIsHttps } from "../client-address";
import { appContext } from "../context";
import { currentTeacher, type Teacher } from "./accounts";

export async function requestHeaders(): Promise<Headers> {
  return new Headers(await headers());
}

/** Once per request: the layout and the page both ask (React's cache() dedupes within a render). */
export const teacherFromRequest = cache(async (): Promise<Teacher | null> => {
  // Reading the headers first marks the page as per-request before any auth set-up runs.
  const h = await requestHeaders();
  return currentTeacher(appContext(), h);
});

/** For pages: the teacher, or a redirect to sign-in that comes back here. */
export async function requireTeacher(returnTo: string): Promise<Teacher> {
  const teacher = await teacherFromRequest();
  if (!teacher) redirect(`/teacher/sign-in?next=${encodeURIComponent(returnTo)}`);
  return teacher;
}

/**
 * Secure cookies whenever the browser will keep them: over HTTPS, and on
 * loopback (browsers treat http://localhost as a secure context). A plain-HTTP
 * school LAN address gets a non-Secure cookie, so sign-in still works there.
 */
function secureContext(h: Headers): boolean {
  if (requestIsHttps(h, appContext().config)) return true;
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").replace(/:\d+$/, "");
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

export async function applySetCookies(setCookies: string[]): Promise<void> {
  const jar = await cookies();
  const secure = secureContext(await requestHeaders());
  for (const header of setCookies) {
    for (const [name, attributes] of parseSetCookieHeader(header)) {
      const options = toCookieOptions(attributes);
      jar.set(name, attributes.value, {
        ...options,
        httpOnly: true,
        sameSite: options.sameSite ?? "lax",
        secure: options.secure || secure,
      });
    }
  }
}

/** A `next` parameter that stays on this site's teacher pages. */
export function safeReturnPath(raw: unknown): string {
  return typeof raw === "string" && /^\/teacher(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(raw) ? raw : "/teacher";
}
