// The play store (see rows.ts for what it promises): the provider's implementation for a database.
import "server-only";
import type { DatabaseTarget } from "@/lib/config.mjs";
import { createPostgresStore } from "./postgres";
import type { PlayStore } from "./rows";
import { createSqliteStore } from "./sqlite";

export type * from "./rows";

export function createPlayStore(
  target: DatabaseTarget,
  busyTimeoutMs: number,
  poolSize: number,
  sqliteSynchronous: "full" | "normal" = "full",
): PlayStore {
  return target.provider === "postgres"
    ? createPostgresStore(target.url, poolSize)
    : createSqliteStore(target.filename, busyTimeoutMs, sqliteSynchronous);
}
