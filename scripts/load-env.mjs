// Loads .env (and .env.production / .env.local) the way `next start` does, so
// the scripts that run before the server (migrate, seed, the secret check) see
// the same DATABASE_URL and BETTER_AUTH_SECRET as the server. Variables already
// set in the environment win.
import { createRequire } from "node:module";

export function loadDotEnv(root, dev = false) {
  const require = createRequire(import.meta.url);
  const { loadEnvConfig } = require("@next/env");
  loadEnvConfig(root, dev, { info: () => {}, error: console.error });
}
