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

// The per-address limits key on the TCP peer, which only scripts/peer-address.mjs (loaded by `npm start`)
// records; without it every client shares one key. Say so rather than limit a whole school as one.
if (
  process.env.NODE_ENV === "production" &&
  !(globalThis as Record<symbol, unknown>)[Symbol.for("fact-trail.peer-address")]
)
  console.warn(
    "Fact Trail: started without scripts/peer-address.mjs (use `npm start`), so the per-address rate limits see every client as one.",
  );
