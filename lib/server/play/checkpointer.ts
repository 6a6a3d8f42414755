// SQLite WAL checkpoints off the request path. The play store's connection turns
// automatic checkpoints off (they run inside a commit, on the event loop, and a
// checkpoint's fsync stalls every request behind it for 100+ ms here); instead a
// worker thread with its own connection checkpoints passively every second.
import "server-only";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { timeout: workerData.busyTimeoutMs });
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // busy: the next tick tries again
  }
}, workerData.intervalMs);
`;

export function startCheckpointer(filename: string, busyTimeoutMs: number, intervalMs = 1000): Worker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { filename, busyTimeoutMs, intervalMs, driver: createRequire(import.meta.url).resolve("better-sqlite3") },
  });
  // A checkpointer must never keep the process alive or take it down.
  worker.unref();
  worker.on("error", (error) => console.error("SQLite checkpointer stopped:", error));
  return worker;
}
