// Once per integration run: migrate a template SQLite file and, when
// TEST_POSTGRES_URL is set, a template PostgreSQL database. Each test file then
// gets its own fresh copy of each (tests/helpers/test-databases.ts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../scripts/migrate.mjs";
import { adminQuery, uniqueDatabaseName, withDatabase } from "../../support/postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: { serverUrl: string; database: string } | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-it-"));
  const sqliteTemplate = path.join(dir, "template.db");
  migrate({ ...process.env, DATABASE_URL: `file:${sqliteTemplate}` });
  project.provide("sqliteTemplate", sqliteTemplate);

  const serverUrl = process.env.TEST_POSTGRES_URL?.trim();
  if (!serverUrl && process.env.CI) {
    throw new Error("CI must run the PostgreSQL integration suite: set TEST_POSTGRES_URL (see .ci/run).");
  }
  let database: string | null = null;
  if (serverUrl) {
    database = uniqueDatabaseName("fact_trail_tpl");
    await adminQuery(serverUrl, `CREATE DATABASE "${database}"`);
    migrate({ ...process.env, DATABASE_URL: withDatabase(serverUrl, database) });
    project.provide("postgresTemplate", { serverUrl, database });
  } else {
    project.provide("postgresTemplate", null);
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (serverUrl && database) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };
}
