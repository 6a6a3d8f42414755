// The stall probe (benchmarks): each second's line holds that second's maxima, and the next
// second starts from nothing.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { noteCheckpoint, noteCommit, noteWalSync, startStallProbe } from "@/lib/server/stall-probe";

afterEach(() => {
  vi.useRealTimers();
});

it("writes each second's longest commit, wait, batch, checkpoint and WAL sync, then starts again from zero", () => {
  vi.useFakeTimers();
  const file = path.join(mkdtempSync(path.join(tmpdir(), "stall-probe-")), "probe.jsonl");
  startStallProbe(file);
  noteCommit(4, 1, 2);
  noteCommit(3, 6, 9);
  noteCheckpoint(12, 300);
  noteWalSync(7);
  vi.advanceTimersByTime(1000);
  vi.advanceTimersByTime(1000);
  const [first, second] = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(first).toMatchObject({ commitMaxMs: 4, queueMaxMs: 6, batchMax: 9, checkpointMaxMs: 12, walPagesMax: 300 });
  expect(first).toMatchObject({ walSyncMaxMs: 7 });
  expect(second).toMatchObject({
    commitMaxMs: 0,
    queueMaxMs: 0,
    batchMax: 0,
    checkpointMaxMs: 0,
    walPagesMax: 0,
    walSyncMaxMs: 0,
  });
});
