// The server the e2e tests drive: the production build, started as `npm start` starts it
// (same Node flags), on a fresh SQLite file that is removed when the server stops.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ephemeralAuthSecret } from "./auth-secret.mjs";
import { migrate } from "./migrate.mjs";
import { SERVER_NODE_ARGS } from "./server-flags.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-e2e-"));
const env = ephemeralAuthSecret({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  BETTER_AUTH_URL: `http://127.0.0.1:${process.env.PORT || "3210"}`,
  DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${path.join(dir, "e2e.db")}`,
});
migrate(env);
const server = spawn(
  process.execPath,
  [...SERVER_NODE_ARGS, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", process.env.PORT || "3210"],
  {
    cwd: root,
    env,
    stdio: "inherit",
  },
);
const stop = (signal) => server.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => {
  rmSync(dir, { recursive: true, force: true });
  const file = process.env.E2E_DATABASE_URL?.replace(/^file:/, "");
  if (file) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  process.exit(code ?? 0);
});
