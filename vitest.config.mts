// Vitest, three projects (`npm run test:unit`, `test:components`, `test:integration`;
// `npm test` runs all three): "unit" is pure lib/ code and the scripts (node);
// "components" is React components (jsdom); "integration" runs against real databases
// (a SQLite copy per test file, and PostgreSQL when TEST_POSTGRES_URL is set).
// E2E lives in tests/e2e and runs under Playwright.
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/setup/server-only-stub.ts"),
    },
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "components",
          include: ["tests/components/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["tests/setup/fail-on-console.ts", "tests/setup/components.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console.ts"],
          globalSetup: ["tests/setup/integration-global.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
