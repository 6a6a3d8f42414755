// SQLite WAL checkpoints off the request path. The play store's connection turns
// automatic checkpoints off (they run inside a commit, on the event loop, and a
// checkpoint's fsync stalls every request behind it for 100+ ms here); instead a
// worker thread with its own connection checkpoints passively every second.
import "server-only";
import { Worker } from "node:worker_threads";
import { noteCheckpoint } from "../../stall-probe";

const WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const { createRequire } = require("node:module");
const path = require("node:path");
// Resolved here, from the app's directory: a bundler would rewrite a resolve call in the module itself.
const Database = createRequire(path.join(workerData.root, "package.json"))("better-sqlite3");
const db = new Database(workerData.filename, { timeout: workerData.busyTimeoutMs });
setInterval(() => {
  try {
    const started = performance.now();
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    // How long it took and the WAL's size in pages, for the stall probe (lib/server/stall-probe.ts).
    parentPort.postMessage({ ms: performance.now() - started, walPages: result ? result.log : 0 });
  } catch {
    // busy: the next tick tries again
  }
}, workerData.intervalMs);
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(filename: string, busyTimeoutMs: number, intervalMs = 1000): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { filename, busyTimeoutMs, intervalMs, root: process.cwd() },
  });
  // A checkpointer must never keep the process alive or take it down.
  worker.unref();
  worker.on("message", (m: { ms: number; walPages: number }) => noteCheckpoint(m.ms, m.walPages));
  worker.on("error", (error) => console.error("SQLite checkpointer stopped:", error));
  let stopping = false;
  worker.on("exit", (code) => {
    if (code !== 0 && !stopping) console.error(`SQLite checkpointer exited with code ${code}`);
  });
  return {
    async stop() {
      stopping = true;
      await worker.terminate();
    },
  };
}
