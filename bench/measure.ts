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
