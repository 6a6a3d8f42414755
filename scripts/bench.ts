// `npm run bench [-- --json] [-- --only NAME]`: everything measured so far, on this
// machine. Not part of `npm test`: these machines are shared and timings are noisy.
import os from "node:os";
import { parseArgs } from "node:util";
import { benchGenerator } from "../bench/generator";
import type { BenchRow } from "../bench/measure";
import { benchPlay } from "../bench/play";
import { benchBurst } from "../bench/burst-bench";
import { benchLeaderboard } from "../bench/leaderboard";

const { values } = parseArgs({
  options: { json: { type: "boolean", default: false }, only: { type: "string" } },
  strict: true,
});

const suites: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  generator: () => benchGenerator(),
  play: () => benchPlay(),
  leaderboard: () => benchLeaderboard(),
  burst: () => benchBurst(),
};

const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "unknown",
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (values.only && values.only !== name) continue;
  rows.push(...(await run()));
}

const fmt = (n: number) =>
  Number.isNaN(n)
    ? "—"
    : Number.isInteger(n)
      ? String(n)
      : n >= 100
        ? n.toFixed(0)
        : n >= 1
          ? n.toFixed(2)
          : n.toFixed(3);
if (values.json) {
  console.log(
    JSON.stringify(
      { machine, measuredAt: new Date().toISOString(), command: "npm run bench -- --json", rows },
      null,
      2,
    ),
  );
} else {
  console.log(`Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}`);
  const table = rows.map((r) => ({
    benchmark: r.benchmark,
    metric: r.metric,
    value: `${fmt(r.value)} ${r.unit}`,
    target: r.target ?? "",
    met: r.ok === undefined ? "" : r.ok ? "yes" : "NO",
    note: r.note ?? "",
  }));
  console.table(table);
}
