// Starting production servers for benchmarks and the e2e tests that need their own: `next start` on a fresh database,
// on loopback only, stopped when the benchmark ends.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { migrate } from "../scripts/migrate.mjs";
import { SERVER_NODE_ARGS } from "../scripts/server-flags.mjs";
import { ephemeralAuthSecret } from "../scripts/auth-secret.mjs";
import { warmRoutes } from "../scripts/warm-routes.mjs";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, "node_modules/next/dist/bin/next");

export function ensureBuild(): void {
  if (existsSync(path.join(root, ".next/BUILD_ID"))) return;
  const build = spawnSync(process.execPath, [next, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `next start` as `npm start` does (same Node flags), on loopback, behind one trusted proxy hop. */
export async function startServer(
  databaseUrl: string,
  port: number,
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = SERVER_NODE_ARGS,
): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = ephemeralAuthSecret({
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    // The load generator stands in for a load balancer: it writes each simulated student's
    // address into X-Forwarded-For (support/burst.ts), so the server trusts one hop.
    TRUSTED_PROXY_HOPS: "1",
    ...extraEnv,
  });
  migrate(env);
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, next, "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/ping`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("server did not start within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  // As `npm start` does before it says the server is ready.
  await warmRoutes(url);
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
