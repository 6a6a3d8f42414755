// Teacher accounts: better-auth (email + password, scrypt hashes, database
// sessions) on the app's own Prisma client, so accounts live in SQLite or
// PostgreSQL beside everything else and every app instance sees every session.
// Students never sign in; they play under a nickname (lib/server/play/player.ts).
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Config } from "../config.mjs";
import type { Db } from "./db";
import type { AccountMail } from "./teacher/account-mail";

export const AUTH_COOKIE_PREFIX = "fact-trail";
export const SESSION_DAYS = 7;

/** How long a password-reset link works (once). */
export const RESET_LINK_MINUTES = 60;

/**
 * `mail` delivers reset and verification links (lib/server/teacher/account-mail.ts). With mail configured a
 * sign-up does not sign in: it answers "check your inbox" whether or not the email already has an account, and
 * the owner of an existing one is mailed instead (docs/decisions/019-password-reset-and-verification.md).
 */
export function createAuth(
  db: Db,
  config: Pick<Config, "auth" | "database" | "mail">,
  mail: AccountMail,
  /** After a reset link set a new password (the account's sign-in failures are forgiven: its owner proved it). */
  afterPasswordReset: (email: string) => Promise<void> = async () => undefined,
) {
  const baseURL = config.auth.url;
  const mailConfigured = config.mail !== null;
  return betterAuth({
    appName: "Fact Trail",
    baseURL,
    secret: config.auth.secret,
    database: prismaAdapter(db, { provider: config.database.provider === "postgres" ? "postgresql" : "sqlite" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: !mailConfigured,
      requireEmailVerification: false,
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      // Whoever asked for the reset link is the account's owner now: every other session ends.
      revokeSessionsOnPasswordReset: true,
      // better-auth builds a link to its own HTTP handler, which is not mounted: the token goes into ours.
      sendResetPassword: async ({ user, token }) => mail.passwordReset(user, token),
      onPasswordReset: async ({ user }) => {
        mail.passwordChanged(user);
        // Best effort: the password is changed already, and the counter ends with its window anyway.
        await afterPasswordReset(user.email).catch(() => undefined);
      },
      onExistingUserSignUp: mailConfigured ? async ({ user }) => mail.existingSignUp(user) : undefined,
    },
    emailVerification: {
      sendOnSignUp: mailConfigured,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user, token }) => mail.emailVerification(user, token),
    },
    // Reset tokens are kept as SHA-256 hashes: a copy of the database holds no working link.
    verification: { storeIdentifier: "hashed" },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Sign-in and sign-up are rate-limited by lib/server/rate-limit.ts, in the database.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: { cookiePrefix: AUTH_COOKIE_PREFIX, useSecureCookies: baseURL.startsWith("https://") },
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;
