// A server whose configuration is bad (a weak sign-in secret in production, a typo
// in a number, an unknown database URL) refuses to start (exit 1) and says which
// variable to fix, instead of serving with a default the operator did not choose.
// Rows from before names were compared by skeleton get theirs (lib/server/name-skeletons.ts).
// A production server then warms up before it serves (lib/server/warm-up.ts).
import { ConfigError, loadConfig, type Config } from "./lib/config.mjs";
import { appContext } from "./lib/server/context";
import { fillNameSkeletons } from "./lib/server/name-skeletons";
import { startStallProbe } from "./lib/server/stall-probe";
import { warmUp } from "./lib/server/warm-up";

export async function start(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Fact Trail cannot start. ${error.message}`);
    process.exit(1);
  }
  // Benchmarks only: once a second, the longest event-loop delay, GC pause and answer commit.
  if (config.stallProbeFile) startStallProbe(config.stallProbeFile);
  // Not while `next build` prerenders: a build opens no database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Rows from before names were compared by skeleton get theirs (once; then a query that finds none).
  try {
    const { filled, lookAlikes } = await fillNameSkeletons(appContext());
    if (filled)
      console.log(`Name skeletons: ${filled} filled, ${lookAlikes} look-alike names from before left as they are.`);
  } catch (error) {
    console.warn(`Name skeletons not filled this time: ${(error as Error).message}`);
  }
  if (config.nodeEnv !== "production") return;
  const started = performance.now();
  try {
    await warmUp(appContext());
    console.log(`Warmed up in ${Math.round(performance.now() - started)} ms (question bank, database statements).`);
  } catch (error) {
    // An unreachable database must not keep the server down: it answers 503 until the database is back.
    console.warn(`Start-up warm-up skipped: ${(error as Error).message}`);
  }
}
