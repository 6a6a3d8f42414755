// Confirming a teacher's email address with a link mailed at sign-up (or again
// from the banner). Never required to sign in: see
// docs/decisions/019-password-reset-and-verification.md.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { AppContext } from "../context";
import { consume } from "../rate-limit";
import { apiCode, type Teacher } from "./accounts";

export const CONFIRM_LINK_SPENT_MESSAGE =
  "This confirmation link has expired or is not valid. Sign in and send yourself a new one.";

/**
 * Confirms the address the token was made for and signs its teacher in (the link came to their inbox);
 * the Set-Cookie headers of that session. Confirming twice changes nothing.
 */
export async function verifyEmail(ctx: AppContext, token: unknown, headers: Headers): Promise<string[]> {
  if (typeof token !== "string" || token.length === 0 || token.length > 2000)
    throw new AppError(400, "invalid_token", CONFIRM_LINK_SPENT_MESSAGE);
  try {
    const result = await ctx.auth.api.verifyEmail({ query: { token }, headers, returnHeaders: true });
    return result.headers.getSetCookie();
  } catch (error) {
    const code = apiCode(error);
    if (code) throw new AppError(400, "invalid_token", CONFIRM_LINK_SPENT_MESSAGE);
    throw error;
  }
}

/**
 * The banner's "send it again" for the signed-in teacher (limited per account): "sent", or why nothing
 * was sent (the address is already confirmed, or this server has no mail configured).
 */
export async function resendConfirmation(
  ctx: AppContext,
  teacher: Teacher,
  headers: Headers,
): Promise<"sent" | "already-confirmed" | "no-mail"> {
  if (teacher.emailVerified) return "already-confirmed";
  if (!ctx.mailer.enabled) return "no-mail";
  await consume(ctx.limiters, "verificationMailPerAccount", teacher.id, "confirmation mails for this account");
  await ctx.auth.api.sendVerificationEmail({ body: { email: teacher.email }, headers });
  return "sent";
}
