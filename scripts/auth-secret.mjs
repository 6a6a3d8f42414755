// The teacher sign-in secret (BETTER_AUTH_SECRET). Taken from the environment
// when set; otherwise `npm start` creates a random one once and keeps it in
// data/auth-secret (mode 0600, git-ignored), so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function ensureAuthSecret(env, root) {
  if (env.BETTER_AUTH_SECRET?.trim()) return env;
  const file = path.join(root, "data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
    chmodSync(file, 0o600);
    console.log("Created a sign-in secret for teacher accounts in data/auth-secret (keep it private).");
  }
  return { ...env, BETTER_AUTH_SECRET: readFileSync(file, "utf8").trim() };
}

/** A one-off secret for a throwaway server (tests, benchmarks). */
export function ephemeralAuthSecret(env) {
  return env.BETTER_AUTH_SECRET?.trim() ? env : { ...env, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") };
}
