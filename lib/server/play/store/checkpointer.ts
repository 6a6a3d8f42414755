// SQLite WAL checkpoints off the request path. The play store's connection turns
// automatic checkpoints off (they run inside a commit, on the event loop, and a
// checkpoint's fsync stalls every request behind it for 100+ ms here); instead a
// worker thread with its own connection checkpoints passively every second.
//
// A passive checkpoint copies the WAL into the database but never restarts it: SQLite
// restarts the WAL (writes from its start again) only when a writer begins while the
// last checkpoint is complete, and under steady load a new commit always lands while the
// checkpoint runs, so the WAL grew without end (34,000–65,000 pages, 130–260 MB, in the
// play bench). So once the WAL passes `restartPages`, the worker asks the writer to pause
// (`pauseWriter`: the play store holds its next group commit, without blocking the event
// loop), runs a RESTART checkpoint — the few frames since the passive one, and the sync —
// without waiting for any lock, and lets the writer go on; its next commit starts the WAL
// over. docs/decisions/004.
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
let restarting = false;
setInterval(() => {
  if (restarting) return;
  try {
    const started = performance.now();
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    // How long it took and the WAL's size in pages, for the stall probe (lib/server/stall-probe.ts).
    parentPort.postMessage({ ms: performance.now() - started, walPages: result ? result.log : 0 });
    if (result && result.log >= workerData.restartPages) {
      restarting = true;
      parentPort.postMessage({ restart: true });
    }
  } catch {
    // busy: the next tick tries again
  }
}, workerData.intervalMs);
// The writer has paused: restart the WAL, waiting for nobody (busy: the next tick tries again).
parentPort.on("message", () => {
  const started = performance.now();
  let result = null;
  try {
    db.pragma("busy_timeout = 0");
    [result] = db.pragma("wal_checkpoint(RESTART)");
  } catch {
    // busy
  } finally {
    db.pragma("busy_timeout = " + workerData.busyTimeoutMs);
    restarting = false;
    parentPort.postMessage({ restarted: true, ms: performance.now() - started, walPages: result ? result.log : 0, busy: result ? result.busy : 1 });
  }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
  /** WAL restarts done, and refused (busy). */
  readonly restarts: { done: number; busy: number };
}

/** The writer the checkpointer may pause for a moment: the play store's group commit. */
export interface PausableWriter {
  /** Called between two commits: start no write transaction until `resume`. */
  pause(): void;
  resume(): void;
}

export interface CheckpointerOptions {
  intervalMs?: number;
  /** Restart the WAL once it holds this many pages (4 KB each). */
  restartPages?: number;
  pauseWriter?: PausableWriter;
  /** The longest the writer stays paused if the worker never answers. */
  maxPauseMs?: number;
}

export function startCheckpointer(
  filename: string,
  busyTimeoutMs: number,
  { intervalMs = 1000, restartPages = 4096, pauseWriter, maxPauseMs = 500 }: CheckpointerOptions = {},
): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      filename,
      busyTimeoutMs,
      intervalMs,
      restartPages: pauseWriter ? restartPages : Number.POSITIVE_INFINITY,
      root: process.cwd(),
    },
  });
  // A checkpointer must never keep the process alive or take it down.
  worker.unref();
  const restarts = { done: 0, busy: 0 };
  let paused: NodeJS.Timeout | null = null;
  const resume = () => {
    if (!paused) return;
    clearTimeout(paused);
    paused = null;
    pauseWriter?.resume();
  };
  worker.on("message", (m: { ms: number; walPages: number; restart?: true; restarted?: true; busy?: number }) => {
    if (m.restart) {
      // Messages arrive between turns of the event loop, so no write transaction is open now.
      pauseWriter?.pause();
      paused = setTimeout(resume, maxPauseMs);
      paused.unref();
      worker.postMessage("go");
      return;
    }
    if (m.restarted) {
      resume();
      if (m.busy) restarts.busy++;
      else restarts.done++;
    }
    noteCheckpoint(m.ms, m.walPages);
  });
  worker.on("error", (error) => console.error("SQLite checkpointer stopped:", error));
  let stopping = false;
  worker.on("exit", (code) => {
    resume();
    if (code !== 0 && !stopping) console.error(`SQLite checkpointer exited with code ${code}`);
  });
  return {
    async stop() {
      stopping = true;
      await worker.terminate();
    },
    restarts,
  };
}
