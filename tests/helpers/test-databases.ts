// Fresh, migrated databases for one integration test file: a copy of the SQLite
// template, and (when configured) a PostgreSQL database cloned from its template;
// each with its own app context (lib/server/context.ts) on it.
import { copyFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { AppError } from "@/lib/app-error";
import { loadConfig, type Config } from "@/lib/config.mjs";
import { closeContext, createContext, type AppContext } from "@/lib/server/context";
import { adminQuery, uniqueDatabaseName, withDatabase } from "../../support/postgres-admin";

export type Provider = "sqlite" | "postgres";

/** The configuration a test server would have, on `databaseUrl`. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: "test", BETTER_AUTH_URL: "http://localhost:3000", DATABASE_URL: databaseUrl, ...env });
}

export function availableProviders(): Provider[] {
  return inject("postgresTemplate") ? ["sqlite", "postgres"] : ["sqlite"];
}

/** A fresh copy of the migrated template on `provider`, and how to drop it. */
export async function openTestDatabase(provider: Provider): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const file = inject("sqliteTemplate").replace(/template\.db$/, `${uniqueDatabaseName("copy")}.db`);
    copyFileSync(inject("sqliteTemplate"), file);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const template = inject("postgresTemplate");
  if (!template) throw new Error("PostgreSQL is not configured (TEST_POSTGRES_URL)");
  const name = uniqueDatabaseName("fact_trail_it");
  await adminQuery(template.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template.database}"`);
  return {
    url: withDatabase(template.serverUrl, name),
    drop: () => adminQuery(template.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** An app context on a fresh test database of `provider` (with more variables from `env`), and how to close and drop both. */
async function openTestContext(
  provider: Provider,
  env: Record<string, string> = {},
): Promise<{ ctx: AppContext; close: () => Promise<void> }> {
  const database = await openTestDatabase(provider);
  const ctx = createContext(testConfig(database.url, env));
  return {
    ctx,
    close: async () => {
      await closeContext(ctx);
      // Library work that finishes after a test (better-auth's session bookkeeping) can reconnect the client: close it again.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await ctx.db.$disconnect();
      await database.drop();
    },
  };
}

/**
 * Runs the same suite once per available database. Inside, `current()` gives the
 * app context on that run's fresh database (valid from beforeAll on). `env()`, read
 * in the suite's first beforeAll (after the file's top-level ones), adds configuration variables.
 */
export function describeEachDatabase(
  title: string,
  suite: (current: () => AppContext) => void,
  env: () => Record<string, string> = () => ({}),
): void {
  for (const provider of availableProviders()) {
    describe(`${title} [${provider}]`, () => {
      let opened: Awaited<ReturnType<typeof openTestContext>> | undefined;
      beforeAll(async () => {
        opened = await openTestContext(provider, env());
      });
      afterAll(async () => {
        await opened?.close();
      });
      suite(() => {
        if (!opened) throw new Error("test database not opened yet");
        return opened.ctx;
      });
    });
  }
}

/** The AppError a promise rejects with (the test fails if it resolves, or rejects with something else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
