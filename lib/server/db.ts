// The Prisma client. Server-only: it holds the connection. The provider follows
// the configuration's database (SQLite by default, PostgreSQL for postgres:// URLs).
// The app reaches it through its context (lib/server/context.ts), never directly.
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "../config.mjs";
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

/** A Prisma client on `target`; on PostgreSQL its pool holds at most `poolSize` connections. */
export function createDb(target: DatabaseTarget, poolSize: number): Db {
  if (target.provider === "postgres") {
    const adapter = new PrismaPg(
      { connectionString: target.url, max: poolSize, connectionTimeoutMillis: 5000 },
      { onPoolError: (error) => console.warn("PostgreSQL connection lost (the pool will reconnect):", error.message) },
    );
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  openSqliteFile(target.filename);
  // `timeout` is better-sqlite3's busy timeout, applied to the connection it opens.
  const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqliteClient({ adapter });
}
