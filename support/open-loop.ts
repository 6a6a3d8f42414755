// An open-loop load generator: requests leave on a fixed schedule whether or not
// earlier ones have returned, and each latency is measured from its scheduled
// send time (so a stall is not hidden by coordinated omission).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Agent, request } from "undici";
import { percentile } from "./stats";

export interface OpenLoopResult {
  sent: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  /** Every latency measured (ms), for pooling rounds. */
  latencies: number[];
  /** The load generator's own event-loop delay, p99 (ms): a stall here inflates the latencies measured. */
  clientLagP99: number;
}

export async function openLoop(
  origin: string,
  ratePerSecond: number,
  seconds: number,
  next: () => { path: string; method: "GET" | "POST"; headers?: Record<string, string>; body?: string },
): Promise<OpenLoopResult> {
  const dispatcher = new Agent({ connections: 256, pipelining: 1, keepAliveTimeout: 10_000 });
  const total = Math.round(ratePerSecond * seconds);
  const interval = 1000 / ratePerSecond;
  const latencies: number[] = [];
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const req = next();
    inflight.push(
      request(`${origin}${req.path}`, { method: req.method, headers: req.headers, body: req.body, dispatcher })
        .then(async (res) => {
          await res.body.dump();
          if (res.statusCode >= 400) errors++;
          latencies.push(performance.now() - scheduled);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inflight);
  lag.disable();
  await dispatcher.close();
  return summarise(total, errors, latencies, lag.percentile(99) / 1e6);
}

function summarise(sent: number, errors: number, latencies: number[], clientLagP99: number): OpenLoopResult {
  return {
    sent,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    latencies,
    clientLagP99,
  };
}

/** Several rounds as one: percentiles over all their requests; the generator's worst delay. */
export function pooled(rounds: OpenLoopResult[]): OpenLoopResult {
  const total = (pick: (r: OpenLoopResult) => number) => rounds.reduce((sum, r) => sum + pick(r), 0);
  return summarise(
    total((r) => r.sent),
    total((r) => r.errors),
    rounds.flatMap((r) => r.latencies),
    Math.max(...rounds.map((r) => r.clientLagP99)),
  );
}
