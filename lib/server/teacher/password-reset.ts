// Choosing a new password: a one-time link (better-auth's reset token, expiring
// after RESET_LINK_MINUTES), mailed when an SMTP server is configured or printed by
// `npm run teacher -- reset-password EMAIL` (resetLinkFor) on an install without mail.
import "server-only";
import { AppError, invalidForm } from "@/lib/app-error";
import { forgotPasswordSchema, parseForm, resetPasswordSchema } from "@/lib/teacher/forms";
import { createAuth } from "../auth";
import type { AppContext } from "../context";
import { clientIp, consume } from "../rate-limit";
import { resetPasswordLink } from "./account-mail";
import { apiCode } from "./accounts";

type FormInput = FormData | Record<string, unknown>;

/** The command that makes a reset link where no mail is configured (scripts/teacher.ts). */
export const RESET_COMMAND = "npm run teacher -- reset-password YOUR-EMAIL";

export const RESET_BY_ADMIN_MESSAGE = `This server cannot send mail. Ask whoever runs it for a reset link: they run "${RESET_COMMAND}".`;

/**
 * "Mail me a reset link": the same answer whether or not an account uses the address (the mail goes out in the
 * background, so not even the time taken differs). Limited per address and per email, counted for any email.
 * Returns the normalised email, for the page's "check your inbox".
 */
export async function requestPasswordReset(ctx: AppContext, raw: FormInput, headers: Headers): Promise<string> {
  if (!ctx.mailer.enabled) throw new AppError(503, "mail_not_configured", RESET_BY_ADMIN_MESSAGE);
  const parsed = parseForm(forgotPasswordSchema, raw);
  if (!parsed.ok) throw invalidForm(parsed.fieldErrors);
  const { email } = parsed.data;
  const ip = clientIp(headers, ctx.config.trustedProxyHops);
  await consume(ctx.limiters, "passwordResetPerIp", ip, "reset links asked for from this network");
  await consume(ctx.limiters, "passwordResetPerAccount", email, "reset links asked for this email address");
  await ctx.auth.api.requestPasswordReset({ body: { email } });
  return email;
}

export const RESET_LINK_SPENT_MESSAGE =
  "This reset link has expired or was already used. Ask for a new one: each link works once, for an hour.";

/** Sets the new password and spends the link; every session of the account ends (sign in again). */
export async function resetPassword(ctx: AppContext, raw: FormInput): Promise<void> {
  const parsed = parseForm(resetPasswordSchema, raw);
  if (!parsed.ok) {
    if (parsed.fieldErrors.token) throw new AppError(400, "invalid_token", RESET_LINK_SPENT_MESSAGE);
    throw invalidForm(parsed.fieldErrors);
  }
  const { token, password } = parsed.data;
  try {
    await ctx.auth.api.resetPassword({ body: { token, newPassword: password } });
  } catch (error) {
    const code = apiCode(error);
    if (code === "INVALID_TOKEN" || code === "USER_NOT_FOUND")
      throw new AppError(400, "invalid_token", RESET_LINK_SPENT_MESSAGE);
    if (code === "PASSWORD_TOO_SHORT" || code === "PASSWORD_TOO_LONG")
      throw invalidForm({ password: "Use 10 to 128 characters for your password." });
    throw error;
  }
}

/**
 * A one-time reset link for the account with `email`, or null when none has it (the admin command). Made by
 * better-auth's own request, with its mail step swapped for keeping the token.
 */
export async function resetLinkFor(ctx: AppContext, email: string): Promise<string | null> {
  const user = await ctx.db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { email: true } });
  if (!user) return null;
  let token: string | null = null;
  const auth = createAuth(ctx.db, ctx.config, {
    passwordReset: (_user, made) => {
      token = made;
    },
    passwordChanged: () => undefined,
    emailVerification: () => undefined,
    existingSignUp: () => undefined,
  });
  await auth.api.requestPasswordReset({ body: { email: user.email } });
  if (!token) throw new Error(`better-auth made no reset token for ${user.email}`);
  return resetPasswordLink(ctx.config, token);
}
