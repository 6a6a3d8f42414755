// `npm test` must find a browser on a machine that has none installed: the order of
// sources, a clear error for a wrong CHROMIUM_PATH, and a Chromium from npm that runs.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, resolveChromium } from "../../scripts/chromium.mjs";

const missing = path.join(process.cwd(), "no-such-dir", "chromium");

describe("resolveChromium", () => {
  it("takes CHROMIUM_PATH first when it names an executable", () => {
    const found = resolveChromium({ env: { CHROMIUM_PATH: process.execPath }, systemChromium: missing });
    expect(found).toEqual({ executablePath: process.execPath, args: CHROMIUM_ARGS, source: "CHROMIUM_PATH" });
  });

  it("refuses a CHROMIUM_PATH that does not exist, naming the variable, rather than falling back", () => {
    expect(() => resolveChromium({ env: { CHROMIUM_PATH: missing }, systemChromium: process.execPath })).toThrow(
      /CHROMIUM_PATH is set to .*no-such-dir\/chromium, which is not an executable file/,
    );
  });

  it("takes the system's Chromium when CHROMIUM_PATH is unset", () => {
    const found = resolveChromium({ env: {}, systemChromium: process.execPath });
    expect(found.executablePath).toBe(process.execPath);
    expect(found.source).toBe(process.execPath);
  });

  it("unpacks the Chromium shipped in @sparticuz/chromium when there is no other, and it runs", () => {
    const found = resolveChromium({ env: {}, systemChromium: missing });
    expect(found.source).toMatch(/^@sparticuz\/chromium \d+\.\d+\.\d+$/);
    expect(found.executablePath).toContain(path.join("node_modules", ".cache", "fact-trail-chromium"));
    expect(execFileSync(found.executablePath, ["--version"], { encoding: "utf8" })).toMatch(/^Chromium \d+\./);
    // A second call reuses the unpacked binary.
    expect(resolveChromium({ env: {}, systemChromium: missing }).executablePath).toBe(found.executablePath);
  }, 60_000);
});
