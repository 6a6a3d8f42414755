// `npm test`: the whole pyramid, in the order a failure is cheapest to find —
// typecheck, lint, unit + component + integration (Vitest; PostgreSQL too when
// TEST_POSTGRES_URL is set), production build, end-to-end in Chromium.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveChromium } from "./chromium.mjs";
import { summariseVitestReport } from "./vitest-report.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// Settled (and, for the npm-shipped Chromium, unpacked) before anything else runs.
try {
  const chromium = resolveChromium();
  console.log(`Chromium for the end-to-end tests: ${chromium.source} (${chromium.executablePath}).`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

if (process.env.TEST_POSTGRES_URL) {
  console.log(`PostgreSQL integration suite: on (${new URL(process.env.TEST_POSTGRES_URL).host}).`);
} else if (process.env.CI) {
  console.error("CI must run the PostgreSQL integration suite: set TEST_POSTGRES_URL (see .ci/run).");
  process.exit(1);
} else {
  console.log(
    "PostgreSQL integration suite: off. To run it too: TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres npm test",
  );
}

// Vitest also writes a JSON report, so we can prove the PostgreSQL suite really ran.
const vitestReport = path.join(mkdtempSync(path.join(os.tmpdir(), "fact-trail-test-")), "vitest.json");

const steps = [
  ["typecheck", [bin("typescript", "bin/tsc"), "--noEmit"]],
  ["lint", [bin("eslint", "bin/eslint.js"), "--max-warnings=0", "."]],
  ["format check (Prettier)", [bin("prettier", "bin/prettier.cjs"), "--check", "."]],
  [
    "unit, component and integration tests",
    [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  ],
  ["production build", [bin("next", "dist/bin/next"), "build"]],
  ["end-to-end tests (Chromium)", [bin("@playwright/test", "cli.js"), "test"], "production build"],
];

const results = [];
for (const [name, args, needs] of steps) {
  if (needs && results.find((r) => r.name === needs && !r.ok)) {
    results.push({ name, ok: false, seconds: 0, note: `not run: ${needs} failed` });
    continue;
  }
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { stdio: "inherit", env });
  results.push({ name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

if (process.env.TEST_POSTGRES_URL) {
  const { postgresPassed } = summariseVitestReport(vitestReport);
  results.push({ name: `PostgreSQL suite ran (${postgresPassed} tests passed)`, ok: postgresPassed > 0, seconds: 0 });
}

console.log("\nSummary");
for (const r of results) {
  console.log(`  ${r.ok ? "✓" : "✗"} ${r.name} (${r.seconds.toFixed(1)} s)${r.note ? ` — ${r.note}` : ""}`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
