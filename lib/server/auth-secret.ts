// The teacher sign-in secret, checked without loading the auth library (the
// server's start-up check in instrumentation.ts uses this alone).
export const MIN_SECRET_LENGTH = 32;
/** Used only outside production (dev server, tests) when BETTER_AUTH_SECRET is unset. */
const DEVELOPMENT_SECRET = "fact-trail-development-secret-not-for-production-use";

/**
 * The signing secret, from the environment. Production refuses to start with
 * none or a weak one (`npm start` generates and keeps one in data/ when unset).
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.BETTER_AUTH_SECRET?.trim();
  if (secret && secret.length >= MIN_SECRET_LENGTH && new Set(secret).size >= 10) return secret;
  if (env.NODE_ENV === "production") {
    throw new Error(
      secret
        ? `BETTER_AUTH_SECRET is too weak: use at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 32\`).`
        : "BETTER_AUTH_SECRET is not set: teacher sign-in needs a secret of at least 32 random characters (e.g. `openssl rand -base64 32`). `npm start` creates one in data/auth-secret.",
    );
  }
  return DEVELOPMENT_SECRET;
}
