// `npm run bench [-- --json] [-- --markdown] [-- --only NAME]`: everything measured
// so far, on this machine. Not part of `npm test`: these machines are shared and
// timings are noisy. --markdown also adds the run to bench/RESULTS.md (newest first).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchBurst } from "../bench/burst-bench";
import { benchCpu } from "../bench/cpu";
import { benchGenerator } from "../bench/generator";
import { benchLeaderboard } from "../bench/leaderboard";
import { benchLive } from "../bench/live";
import type { BenchRow } from "../bench/measure";
import { benchPlay } from "../bench/play";
import { benchLighthouse } from "../bench/lighthouse";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    markdown: { type: "boolean", default: false },
    only: { type: "string" },
  },
  strict: true,
});

const suites: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  generator: () => benchGenerator(),
  play: () => benchPlay(),
  leaderboard: () => benchLeaderboard(),
  burst: () => benchBurst(),
  cpu: () => benchCpu(),
  lighthouse: () => benchLighthouse(),
  live: () => benchLive(),
};
if (values.only && !(values.only in suites)) {
  console.error(`--only takes one of: ${Object.keys(suites).join(", ")}`);
  process.exit(2);
}

const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "unknown",
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const command = ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");
const measuredAt = new Date();
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
const table = rows.map((r) => ({
  benchmark: r.benchmark,
  metric: r.metric,
  value: `${fmt(r.value)} ${r.unit}`.trim(),
  target: r.target ?? "",
  met: r.ok === undefined ? "" : r.ok ? "yes" : "NO",
  note: r.note ?? "",
}));
const machineLine = `${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}`;

/** The run as a section of bench/RESULTS.md: when, on what, the command, and the table. */
function markdownSection(): string {
  const cell = (s: string) => s.replaceAll("|", "\\|");
  const header = ["Benchmark", "Metric", "Value", "Target", "Met", "Note"];
  const lines = [
    `## ${measuredAt.toISOString().slice(0, 16).replace("T", " ")} UTC — \`${command}\``,
    "",
    `Machine: ${machineLine}.`,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...table.map((r) => `| ${Object.values(r).map(cell).join(" | ")} |`),
  ];
  return lines.join("\n");
}

if (values.json) {
  console.log(JSON.stringify({ machine, measuredAt: measuredAt.toISOString(), command, rows }, null, 2));
} else {
  console.log(`Machine: ${machineLine}`);
  console.table(table);
}

if (values.markdown) {
  const file = path.join(import.meta.dirname, "..", "bench", "RESULTS.md");
  const marker = "<!-- npm run bench -- --markdown adds each run below this line, newest first. -->";
  const current = readFileSync(file, "utf8");
  if (!current.includes(marker)) throw new Error(`${file} has lost its marker line: ${marker}`);
  writeFileSync(file, current.replace(marker, `${marker}\n\n${markdownSection()}`));
  console.error(`Added this run to ${path.relative(process.cwd(), file)}.`);
}
