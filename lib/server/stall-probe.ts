// The stall probe, for the benchmarks (STALL_PROBE_FILE): once a second the server appends
// one JSON line to that file — that second's longest event-loop delay, longest GC pause
// (and its kind), longest answer commit and longest wait in the group-commit queue — so a
// benchmark can say, per round, what stalled. Off unless the variable is set: the play
// store's two Math.max calls per commit are all it costs then.
// No `server-only` import: instrumentation-node.ts starts it, outside the app's bundles.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";

interface Window {
  commitMs: number;
  queueMs: number;
  batch: number;
  gcMs: number;
  gcKind: string;
  checkpointMs: number;
  walPages: number;
  walSyncMs: number;
}

// Shared through globalThis: the instrumentation bundle and the route bundles each have their own module copies.
const KEY = Symbol.for("fact-trail.stall-probe");
/** A second with nothing noted yet. */
const EMPTY: Window = {
  commitMs: 0,
  queueMs: 0,
  batch: 0,
  gcMs: 0,
  gcKind: "",
  checkpointMs: 0,
  walPages: 0,
  walSyncMs: 0,
};
const state = ((globalThis as Record<symbol, unknown>)[KEY] ??= { ...EMPTY }) as Window;

/** Called by the play store after each answer commit: how long it took, how long its first answer waited, how many it held. */
export function noteCommit(ms: number, queueMs: number, batch: number): void {
  if (ms > state.commitMs) state.commitMs = ms;
  if (queueMs > state.queueMs) state.queueMs = queueMs;
  if (batch > state.batch) state.batch = batch;
}

/** Called after each WAL checkpoint (SQLite, in the checkpointer's worker thread): its time and the WAL's size. */
export function noteCheckpoint(ms: number, walPages: number): void {
  if (ms > state.checkpointMs) state.checkpointMs = ms;
  if (walPages > state.walPages) state.walPages = walPages;
}

/** Called after each fdatasync of the WAL (thread pool, off the event loop) that made a group commit durable. */
export function noteWalSync(ms: number): void {
  if (ms > state.walSyncMs) state.walSyncMs = ms;
}

const GC_KINDS: Record<number, string> = { 1: "scavenge", 2: "mark-compact", 4: "incremental", 8: "weak-callbacks" };

/** One line a second, appended to `file`. */
export function startStallProbe(file: string): void {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
      if (entry.duration > state.gcMs) {
        state.gcMs = entry.duration;
        state.gcKind = GC_KINDS[entry.detail?.kind ?? 0] ?? "other";
      }
    }
  });
  gc.observe({ entryTypes: ["gc"] });
  let cpu = process.cpuUsage();
  const timer = setInterval(() => {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const line = {
      t: Date.now(),
      // The process's CPU time in the second (all threads): a long loop delay with little CPU is the machine's doing.
      cpuMs: Math.round((used.user + used.system) / 1000),
      loopMaxMs: loop.max / 1e6,
      gcMaxMs: state.gcMs,
      gcKind: state.gcKind,
      commitMaxMs: state.commitMs,
      queueMaxMs: state.queueMs,
      batchMax: state.batch,
      checkpointMaxMs: state.checkpointMs,
      walPagesMax: state.walPages,
      walSyncMaxMs: state.walSyncMs,
      heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    };
    loop.reset();
    Object.assign(state, EMPTY);
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000);
  timer.unref();
}
