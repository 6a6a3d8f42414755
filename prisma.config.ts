// Prisma CLI configuration: the JavaScript schema engine over a driver adapter, so
// generate/migrate/status run fully offline (no engine download). The provider
// follows DATABASE_URL: SQLite by default, PostgreSQL for postgres:// URLs.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDatabaseTarget } from "./lib/config.mjs";
import { createMigrationPool } from "./lib/db/pg-migration-pool";

// The CLI skips .env when a config file exists; load it here (it never overrides).
if (existsSync(".env")) process.loadEnvFile(".env");

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
// The schema's datasource reads DATABASE_URL: give it the resolved URL.
process.env.DATABASE_URL = target.url;
const folder = target.provider === "postgres" ? "prisma/postgres" : "prisma/sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: folder,
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    if (target.provider === "postgres") {
      return new PrismaPg(createMigrationPool(target.url), { disposeExternalPool: true });
    }
    mkdirSync(path.dirname(target.filename), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.url });
  },
});
