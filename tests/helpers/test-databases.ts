// Fresh, migrated databases for one integration test file: a copy of the SQLite
// template, and (when configured) a PostgreSQL database cloned from its template.
import { copyFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { resolveDatabaseTarget } from "@/lib/database-target";
import { createData, type Db } from "@/lib/server/db";
import type { PlayStore } from "@/lib/server/play/store";
import { adminQuery, uniqueDatabaseName, withDatabase } from "./postgres-admin";

export type Provider = "sqlite" | "postgres";

export interface TestDatabase {
  provider: Provider;
  url: string;
  db: Db;
  store: PlayStore;
}

export function availableProviders(): Provider[] {
  return inject("postgresTemplate") ? ["sqlite", "postgres"] : ["sqlite"];
}

async function openTestDatabase(provider: Provider): Promise<{ database: TestDatabase; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const file = inject("sqliteTemplate").replace(/template\.db$/, `${uniqueDatabaseName("copy")}.db`);
    copyFileSync(inject("sqliteTemplate"), file);
    const url = `file:${file}`;
    const { db, store } = createData(resolveDatabaseTarget(url));
    return {
      database: { provider, url, db, store },
      drop: async () => {
        await db.$disconnect();
        await store.close();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const template = inject("postgresTemplate");
  if (!template) throw new Error("PostgreSQL is not configured (TEST_POSTGRES_URL)");
  const name = uniqueDatabaseName("fact_trail_it");
  await adminQuery(template.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template.database}"`);
  const url = withDatabase(template.serverUrl, name);
  const { db, store } = createData(resolveDatabaseTarget(url));
  return {
    database: { provider, url, db, store },
    drop: async () => {
      await db.$disconnect();
      await store.close();
      // Library work that finishes after a test (better-auth's session bookkeeping) can reconnect the client: close it again.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await db.$disconnect();
      await adminQuery(template.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/**
 * Runs the same suite once per available database. Inside, `current()` gives the
 * fresh database of that run (valid from beforeAll on).
 */
export function describeEachDatabase(title: string, suite: (current: () => TestDatabase) => void): void {
  for (const provider of availableProviders()) {
    describe(`${title} [${provider}]`, () => {
      let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase(provider);
      });
      afterAll(async () => {
        await opened?.drop();
      });
      suite(() => {
        if (!opened) throw new Error("test database not opened yet");
        return opened.database;
      });
    });
  }
}
