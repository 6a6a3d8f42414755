// `npm start`: checks the configuration, builds if the build is missing or older
// than the sources, applies database migrations, then serves with `next start` on
// PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../lib/config.mjs";
import { ensureAuthSecret } from "./auth-secret.mjs";
import { loadDotEnv } from "./load-env.mjs";
import { migrate } from "./migrate.mjs";
import { SERVER_NODE_ARGS } from "./server-flags.mjs";
import { warmRoutes } from "./warm-routes.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
loadDotEnv(root);
const env = ensureAuthSecret({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, root);
// The server checks the same rules when it starts (instrumentation-node.ts); checking
// here first means a typo costs a second, not a build and a migration.
let config;
try {
  config = loadConfig({ ...env, NODE_ENV: "production" });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Fact Trail cannot start. ${error.message}`);
  process.exit(1);
}
const next = path.join(root, "node_modules/next/dist/bin/next");
const SOURCES = ["app", "components", "lib", "content", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path.basename(entry) === "generated") return 0;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale() {
  const marker = path.join(root, ".next/BUILD_ID");
  if (!existsSync(marker)) return "no build yet";
  const built = statSync(marker).mtimeMs;
  const changed = SOURCES.find((entry) => newestMtime(path.join(root, entry)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

const stale = buildIsStale();
if (stale) {
  console.log(`Building Fact Trail (${stale})…`);
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

try {
  const { applied } = migrate(env);
  console.log(applied.length ? `Database ready: applied ${applied.join(", ")}` : "Database ready: up to date.");
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// A demo class quiz (code DEM479) so the join flow can be tried at once; SEED_DEMO=0 skips it.
// --conditions=react-server: the seed imports lib/server, whose `import "server-only"` throws without it.
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
if (config.seedDemo && existsSync(tsx)) {
  const seed = spawnSync(process.execPath, [tsx, "--conditions=react-server", "prisma/seed.ts"], {
    stdio: "inherit",
    env,
  });
  if (seed.status !== 0) console.error("Could not create the demo class quiz; the app works without it.");
}

const server = spawn(process.execPath, [...SERVER_NODE_ARGS, next, "start", "-p", String(config.port)], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
// Once it listens (the server warmed its question bank and statements before that): load the
// routes a class uses with a few harmless requests, then say it is ready.
void (async () => {
  const origin = `http://127.0.0.1:${config.port}`;
  for (let i = 0; i < 1200 && server.exitCode === null; i++) {
    const up = await fetch(`${origin}/api/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) {
      await warmRoutes(origin);
      console.log(`Fact Trail is ready: http://localhost:${config.port}`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
})();
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
