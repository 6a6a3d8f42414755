// End-to-end tests in Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else the one
// shipped in the devDependency @sparticuz/chromium (scripts/chromium.mjs); Playwright
// never downloads a browser. The server is the production build on a fresh SQLite
// file (scripts/e2e-server.mjs); `npm test` builds before it runs these.
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { resolveChromium } from "./scripts/chromium.mjs";

// One SQLite file for the server and the tests (which seed assignments into it);
// set once here so the test workers, which inherit the environment, see the same path.
process.env.E2E_DATABASE_FILE ??= path.join(os.tmpdir(), `fact-trail-e2e-${Date.now()}.db`);

const port = Number(process.env.E2E_PORT) || 3210;
const chromium = resolveChromium();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromium.executablePath, args: chromium.args },
  },
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port), E2E_DATABASE_URL: `file:${process.env.E2E_DATABASE_FILE}` },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
