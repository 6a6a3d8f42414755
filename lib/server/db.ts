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
import { createPlayStore, type PlayStore } from "./play/store";

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

const poolSize = () => Number(process.env.DATABASE_POOL_SIZE) || 10;

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "postgres") {
    const adapter = new PrismaPg(
      { connectionString: target.url, max: poolSize(), connectionTimeoutMillis: 5000 },
      { onPoolError: (error) => console.warn("PostgreSQL connection lost (the pool will reconnect):", error.message) },
    );
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  openSqliteFile(target.filename);
  // `timeout` is better-sqlite3's busy timeout, applied to the connection it opens.
  const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqliteClient({ adapter });
}

/** Prisma for most of the app, plus the plain-SQL store for play's hot path (lib/server/play/store.ts). */
export interface Data {
  db: Db;
  store: PlayStore;
}

export function createData(target: DatabaseTarget): Data {
  const db = createDb(target);
  return { db, store: createPlayStore(target, SQLITE_BUSY_TIMEOUT_MS, poolSize()) };
}

const cache = globalThis as unknown as { factTrailData?: Data };

/** Created on first use (importing this module opens nothing) and reused across hot reloads in development. */
function appData(): Data {
  if (cache.factTrailData) return cache.factTrailData;
  const created = createData(resolveDatabaseTarget(process.env.DATABASE_URL));
  cache.factTrailData = created;
  return created;
}

function lazy<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = get();
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The app's Prisma client. */
export const db: Db = lazy(() => appData().db);
/** Prisma and the play store together, for the play functions. */
export const data: Data = { db, store: lazy(() => appData().store) };
