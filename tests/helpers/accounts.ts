// Teachers in tests that call the app in-process: a sign-up that must sign in, and
// the headers of a browser at an address that sends back the cookies it was given.
import { signUp, type AuthOutcome } from "@/lib/server/teacher/accounts";
import { fromAddress } from "./addresses";

/** Signs up where no mail is configured (a sign-up signs in there); throws if it did not sign in. */
export async function signedUp(...args: Parameters<typeof signUp>): Promise<AuthOutcome> {
  const out = await signUp(...args);
  if (!out.signedIn) throw new Error(`signing up ${out.email} did not sign in (is mail configured?)`);
  return out;
}

/** The request headers of a browser whose TCP peer is `ip`, sending `cookie`. */
export const from = (ip: string, cookie?: string) => {
  const h = new Headers(fromAddress(ip));
  if (cookie) h.set("cookie", cookie);
  return h;
};

/** The Cookie header a browser would send back after these Set-Cookie headers. */
export const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");
