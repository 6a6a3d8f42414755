// Small timing helpers for `npm run bench`: medians of many runs after a warm-up.
export interface BenchRow {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
  note?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `fn` `warmup` times, then `runs` times, and returns each run's duration in ms. */
export function timeRuns(fn: (i: number) => unknown, runs: number, warmup = Math.ceil(runs / 10)): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}
