// Teacher accounts: better-auth (email + password, scrypt hashes, database
// sessions) on the app's own Prisma client, so accounts live in SQLite or
// PostgreSQL beside everything else and every app instance sees every session.
// Students never sign in; they play under a nickname (lib/server/play/player.ts).
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Config } from "../config.mjs";
import type { Db } from "./db";

export const AUTH_COOKIE_PREFIX = "fact-trail";
export const SESSION_DAYS = 7;

/**
 * Where a verification email would be sent. Nothing is sent by default (the
 * first run needs no mail server, and teachers can use the app unverified);
 * a deployment with a mailer sets this before the first request.
 */
export const emailHooks: {
  sendVerificationEmail: ((message: { email: string; url: string }) => Promise<void>) | null;
} = {
  sendVerificationEmail: null,
};

export function createAuth(db: Db, config: Pick<Config, "auth" | "database">) {
  const baseURL = config.auth.url;
  return betterAuth({
    appName: "Fact Trail",
    baseURL,
    secret: config.auth.secret,
    database: prismaAdapter(db, { provider: config.database.provider === "postgres" ? "postgresql" : "sqlite" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
      requireEmailVerification: false,
    },
    emailVerification: {
      sendOnSignUp: false,
      async sendVerificationEmail({ user, url }) {
        await emailHooks.sendVerificationEmail?.({ email: user.email, url });
      },
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Sign-in and sign-up are rate-limited by lib/server/rate-limit.ts, in the database.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: { cookiePrefix: AUTH_COOKIE_PREFIX, useSecureCookies: baseURL.startsWith("https://") },
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;
