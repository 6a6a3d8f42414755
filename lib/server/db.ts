// The one database client of the app. Server-only: it holds the connection.
// The provider follows DATABASE_URL (SQLite by default, PostgreSQL for postgres:// URLs).
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDatabaseTarget, type DatabaseTarget } from "../database-target";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

/**
 * Both generated clients come from the same models (prisma/models.prisma), so
 * they expose the same API; the app is typed against the SQLite one.
 */
export type Db = SqliteClient;

/** How long a writer waits for SQLite's lock before giving up (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function openSqliteFile(filename: string): void {
  mkdirSync(path.dirname(filename), { recursive: true });
  // WAL lets readers (leaderboards) run beside the writer; the mode is stored in
  // the file, and setting it before Prisma connects means no query runs without it.
  const raw = new Database(filename, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    raw.pragma("journal_mode = WAL");
  } finally {
    raw.close();
  }
}

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "postgres") {
    const adapter = new PrismaPg({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_SIZE) || 10,
    });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  openSqliteFile(target.filename);
  // `timeout` is better-sqlite3's busy timeout, applied to the connection it opens.
  const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqliteClient({ adapter });
}

const cache = globalThis as unknown as { factTrailDb?: Db };

/** The app's client, reused across hot reloads in development. */
export const db: Db = cache.factTrailDb ?? createDb(resolveDatabaseTarget(process.env.DATABASE_URL));
if (process.env.NODE_ENV !== "production") cache.factTrailDb = db;
