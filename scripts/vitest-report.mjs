// Reads the JSON report Vitest writes (--reporter=json --outputFile.json=FILE), so a script
// can prove what ran: a configured PostgreSQL suite that ran no test is a failure, not a skip.
import { readFileSync } from "node:fs";

/** @returns {{ passed: number, failed: number, postgresPassed: number }} (all 0 when the report is missing) */
export function summariseVitestReport(file) {
  let tests = [];
  try {
    tests = JSON.parse(readFileSync(file, "utf8")).testResults.flatMap((f) => f.assertionResults);
  } catch {
    tests = [];
  }
  const passed = tests.filter((t) => t.status === "passed");
  return {
    passed: passed.length,
    failed: tests.filter((t) => t.status === "failed").length,
    postgresPassed: passed.filter((t) => t.fullName.includes("[postgres]")).length,
  };
}
