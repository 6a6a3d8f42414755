// The app's parts, in one object: built once per process and passed first to every
// server function (`startPractice(ctx, …)`, `listClasses(ctx, ownerId)`), so a reader
// never has to guess which handle a function wants. Route handlers, server actions
// and pages take the process's context from appContext(); tests and scripts build
// their own with createContext (docs/decisions/007-one-server-context.md).
import "server-only";
import { loadConfig, type Config } from "../config.mjs";
import { createAuth, type Auth } from "./auth";
import { createDb, SQLITE_BUSY_TIMEOUT_MS, type Db } from "./db";
import { createLiveBus, type LiveBus } from "./live/bus";
import { createMailer, type Mailer } from "./mail";
import { closeLiveHub } from "./live/hub";
import { createPlayStore, type PlayStore } from "./play/store";
import { createLimiters, limitTable, type Limiters } from "./rate-limit";
import { accountMail } from "./teacher/account-mail";

/** What time it is: the system's, or a fixed one in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  config: Config;
  /** Prisma: everything but play's hot path. */
  db: Db;
  /** Plain SQL for play's hot path (lib/server/play/store). */
  store: PlayStore;
  /** better-auth, for teacher accounts and sessions. */
  auth: Auth;
  /** Outgoing mail (reset and confirmation links); `enabled: false` when no SMTP server is configured. */
  mailer: Mailer;
  /** Rate limits, counted in the database. */
  limiters: Limiters;
  clock: Clock;
  /** The live game's event bus: in-process on SQLite, LISTEN/NOTIFY between instances on PostgreSQL. */
  events: LiveBus;
}

/**
 * The parts for a configuration. Nothing connects yet: each pool opens on its first
 * query, so building a context (as `next build` does when it loads a route) touches
 * no database. `overrides` replaces a part (a test's small rate limits, a fixed clock).
 */
export function createContext(config: Config, overrides: Partial<Omit<AppContext, "config">> = {}): AppContext {
  const db = overrides.db ?? createDb(config.database, config.pool.prisma);
  const mailer = overrides.mailer ?? createMailer(config.mail);
  const limiters = overrides.limiters ?? createLimiters(db, limitTable(config));
  return {
    config,
    db,
    store:
      overrides.store ??
      createPlayStore(config.database, SQLITE_BUSY_TIMEOUT_MS, config.pool.playStore, config.sqliteSynchronous),
    auth:
      overrides.auth ??
      createAuth(db, config, accountMail(config, mailer), (email) => limiters.reset("signInFailuresPerAccount", email)),
    mailer,
    limiters,
    clock: overrides.clock ?? systemClock,
    events: overrides.events ?? createLiveBus(config.database),
  };
}

/** Closes the context's connections (scripts and tests; the server's live as long as the process). */
export async function closeContext(ctx: AppContext): Promise<void> {
  closeLiveHub(ctx);
  await ctx.mailer.settled();
  ctx.mailer.close();
  await ctx.events.close();
  await ctx.db.$disconnect();
  await ctx.store.close();
}

/** The same context, with the clock stopped at `now` (tests, and anything that must agree on one instant). */
export function at(ctx: AppContext, now: Date): AppContext {
  return { ...ctx, clock: { now: () => now } };
}

// Kept on globalThis so a hot reload in development reuses the open pools instead of leaking new ones.
const processWide = globalThis as unknown as { factTrailContext?: AppContext };

/** The process's context, built from the environment on first use. */
export function appContext(): AppContext {
  processWide.factTrailContext ??= createContext(loadConfig());
  return processWide.factTrailContext;
}

/**
 * Points appContext() at `ctx` (or back to "build on first use" with undefined): for
 * tests that call the app's routes, actions and pages in-process on their own database.
 */
export function setAppContext(ctx: AppContext | undefined): void {
  processWide.factTrailContext = ctx;
}
