// Teacher accounts: better-auth (email + password, scrypt hashes, database
// sessions) on the app's own Prisma client, so accounts live in SQLite or
// PostgreSQL beside everything else and every app instance sees every session.
// Students never sign in; they play under a nickname (lib/server/play/player.ts).
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { resolveDatabaseTarget } from "../database-target";
import { authSecret } from "./auth-secret";
import { db as appDb, type Db } from "./db";

export const AUTH_COOKIE_PREFIX = "fact-trail";
export const SESSION_DAYS = 7;
export function authBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BETTER_AUTH_URL?.trim() || `http://localhost:${env.PORT || 3000}`;
}

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

export function createAuth(db: Db, provider: "sqlite" | "postgres", env: NodeJS.ProcessEnv = process.env) {
  const baseURL = authBaseUrl(env);
  return betterAuth({
    appName: "Fact Trail",
    baseURL,
    secret: authSecret(env),
    database: prismaAdapter(db, { provider: provider === "postgres" ? "postgresql" : "sqlite" }),
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
    // Sign-in and sign-up are rate-limited by lib/server/teacher/rate-limit.ts, in the database.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: { cookiePrefix: AUTH_COOKIE_PREFIX, useSecureCookies: baseURL.startsWith("https://") },
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as unknown as { factTrailAuth?: Auth };

/** The app's auth instance on the app database, created on first use. */
export function appAuth(): Auth {
  cache.factTrailAuth ??= createAuth(appDb, resolveDatabaseTarget(process.env.DATABASE_URL).provider);
  return cache.factTrailAuth;
}
