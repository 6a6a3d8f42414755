// Which database a DATABASE_URL names. Shared by prisma.config.ts (the CLI), the
// app's db module and the test helpers, so the three never disagree.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/fact-trail.db";

export type DatabaseTarget =
  { provider: "sqlite"; url: string; filename: string } | { provider: "postgres"; url: string };

/**
 * Resolve a DATABASE_URL (or the embedded default) into a provider and a
 * connection target. A relative SQLite path is taken from `cwd`, the project
 * root in every script and in `next start`.
 */
export function resolveDatabaseTarget(rawUrl: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const url = rawUrl?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgres", url };
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0];
    if (!file) throw new Error(`DATABASE_URL "${url}" names no SQLite file`);
    const filename = path.resolve(cwd, file);
    return { provider: "sqlite", url: `file:${filename}`, filename };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgres://"/"postgresql://" (PostgreSQL); got "${url.slice(0, 40)}"`,
  );
}
