// A pg.Pool for Prisma's JavaScript schema engine on PostgreSQL. The engine reads
// the catalogue and cannot deserialise the `name`/`char` column types (upstream
// prisma/prisma#27403), so this pool's clients report them as text. The app's own
// queries use a plain pool: only the CLI (migrate deploy/status, db push) needs it.
import pg from "pg";

const TEXT_OIDS: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

type Field = { dataTypeID: number };
type MaybeResult = { fields?: Field[] } | undefined;

function relabel<T>(result: T): T {
  for (const field of (result as MaybeResult)?.fields ?? []) {
    const text = TEXT_OIDS[field.dataTypeID];
    if (text) field.dataTypeID = text;
  }
  return result;
}

class MigrationClient extends pg.Client {
  // pg's query() has many overloads: a promise, or a callback (which Pool.query uses).
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (err: unknown, res: unknown) => void;
      args[last] = (err: unknown, res: unknown) => callback(err, err ? res : relabel(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<unknown>).then(relabel) as never;
    }
    return result as never;
  }
}

export function createMigrationPool(connectionString: string): pg.Pool {
  // idleTimeoutMillis keeps the CLI from hanging ~10 s on idle connections after it is done.
  return new pg.Pool({ connectionString, Client: MigrationClient, idleTimeoutMillis: 200 });
}
