// Teacher sign-up, sign-in and sign-out through better-auth, behind the rate
// limits, returning the Set-Cookie headers for the caller (a server action) to
// pass on. Passwords go to better-auth only: never stored or logged here.
import "server-only";
import { z } from "zod";
import { AppError, INVALID_FORM_MESSAGE, invalidForm } from "@/lib/app-error";
import { parseForm, signInSchema, signUpSchema } from "@/lib/teacher/forms";
import type { AppContext } from "../context";
import { clientIp, consume, giveBack, reset, type LimitName } from "../rate-limit";
import { knownDevice, knownDeviceCookie } from "./known-device";

export interface Teacher {
  id: string;
  name: string;
  email: string;
  /** Confirmed by a link mailed to it (always false where no mail server is configured). */
  emailVerified: boolean;
}

export interface AuthOutcome {
  teacher: Teacher;
  /** Set-Cookie header values for the session cookie. */
  setCookies: string[];
}

/**
 * A sign-up: signed in at once where no mail is configured; with mail, nobody is signed in and the answer is the
 * same whether the email was new (a confirmation link is mailed) or had an account (its owner is mailed).
 */
export type SignUpOutcome = ({ signedIn: true } & AuthOutcome) | { signedIn: false; email: string };

function parse<T>(schema: z.ZodType<T>, raw: FormInput): T {
  const parsed = parseForm(schema, raw);
  if (!parsed.ok) throw invalidForm(parsed.fieldErrors);
  return parsed.data;
}

/**
 * better-auth's error code, or null for anything else. Recognised by its name and shape, not `instanceof
 * APIError`: the auth object is made once per process (on the context) by whichever route bundle ran first,
 * each bundle with its own copy of better-auth, so a wrong password after a join was not an APIError here and
 * answered "Something went wrong" (issue 13).
 */
export function apiCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || (error as { name?: unknown }).name !== "APIError") return null;
  const { body, status } = error as { body?: { code?: unknown }; status?: unknown };
  return typeof body?.code === "string" ? body.code : String(status);
}

/** A form as the browser posts it, or a plain object in tests. */
type FormInput = FormData | Record<string, unknown>;

export async function signUp(ctx: AppContext, raw: FormInput, headers: Headers): Promise<SignUpOutcome> {
  const input = parse(signUpSchema, raw);
  const ip = clientIp(headers, ctx.config.trustedProxyHops);
  await consume(ctx.limiters, "signUpPerAccount", input.email, "sign-up attempts for this email address");
  await consume(ctx.limiters, "signUpPerIp", ip, "new accounts from this network");
  try {
    const result = await ctx.auth.api.signUpEmail({ body: input, headers, returnHeaders: true });
    if (!result.response.token) return { signedIn: false, email: input.email };
    const user = result.response.user;
    return {
      signedIn: true,
      teacher: { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified },
      setCookies: [...result.headers.getSetCookie(), knownDeviceCookie(ctx, input.email)],
    };
  } catch (error) {
    const code = apiCode(error);
    // Only where no mail is configured (with mail, better-auth answers as for a new account): there is no
    // other way to tell the owner, and the per-email and per-address sign-up limits bound the probing.
    if (code === "USER_ALREADY_EXISTS" || code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      throw new AppError(409, "email_taken", INVALID_FORM_MESSAGE, {
        fieldErrors: { email: "An account with this email already exists: sign in instead." },
      });
    }
    if (code === "PASSWORD_TOO_SHORT" || code === "PASSWORD_TOO_LONG") {
      throw invalidForm({ password: "Use 10 to 128 characters for your password." });
    }
    throw error;
  }
}

export async function signIn(ctx: AppContext, raw: FormInput, headers: Headers): Promise<AuthOutcome> {
  const input = parse(signInSchema, raw);
  const ip = clientIp(headers, ctx.config.trustedProxyHops);
  const what = "sign-in attempts";
  await consume(ctx.limiters, "signInPerIp", ip, `${what} from this network`);
  // Counted before the password is checked: a check of the count made first would let a burst of parallel
  // guesses all pass before any of them failed (issue 13: 34 of 50 were checked). A success resets it.
  // From a browser this account signed in from before, failures count in that browser's own bucket, so a
  // stranger spending the account's limit does not lock the owner out there (finding 8).
  const device = knownDevice(ctx, headers, input.email);
  const [limit, key]: [LimitName, string] = device
    ? ["signInFailuresPerDevice", `${input.email}#${device}`]
    : ["signInFailuresPerAccount", input.email];
  await consume(ctx.limiters, limit, key, `failed ${what} for this account`);
  let result;
  try {
    result = await ctx.auth.api.signInEmail({ body: input, headers, returnHeaders: true });
  } catch (error) {
    const code = apiCode(error);
    if (code === "INVALID_EMAIL_OR_PASSWORD" || code === "401")
      throw new AppError(401, "bad_credentials", "That email and password do not match an account.");
    // Not a verdict on the password (the database was out of reach): this attempt does not count.
    await giveBack(ctx.limiters, limit, key).catch(() => undefined);
    throw error;
  }
  await reset(ctx.limiters, limit, key);
  const user = result.response.user;
  return {
    teacher: { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified },
    setCookies: [...result.headers.getSetCookie(), knownDeviceCookie(ctx, input.email)],
  };
}

export async function signOut(ctx: AppContext, headers: Headers): Promise<string[]> {
  try {
    const result = await ctx.auth.api.signOut({ headers, returnHeaders: true });
    return result.headers.getSetCookie();
  } catch (error) {
    if (apiCode(error)) return [];
    throw error;
  }
}

/** The signed-in teacher behind these request headers, or null. */
export async function currentTeacher(ctx: AppContext, headers: Headers): Promise<Teacher | null> {
  const session = await ctx.auth.api.getSession({ headers });
  if (!session) return null;
  const { id, name, email, emailVerified } = session.user;
  return { id, name, email, emailVerified };
}
