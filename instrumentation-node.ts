// A server whose configuration is bad (a weak sign-in secret in production, a typo
// in a number, an unknown database URL) refuses to start (exit 1) and says which
// variable to fix, instead of serving with a default the operator did not choose.
import { ConfigError, loadConfig } from "./lib/config.mjs";

try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Fact Trail cannot start. ${error.message}`);
  process.exit(1);
}
