// Rate limits, kept in the database (rate-limiter-flexible's Prisma store), so
// every app instance on one PostgreSQL shares the same counters: teacher
// sign-in and sign-up, join-code guessing and nickname flooding.
import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { AppError } from "@/lib/app-error";
import type { Config } from "../config.mjs";
import type { Db } from "./db";

/** The limits on the teacher side; the student side's two come from the configuration. */
const FIXED_LIMITS = {
  /** Every sign-in attempt from one address. */
  signInPerIp: { points: 30, duration: 15 * 60 },
  /** Failed sign-ins to one account, from anywhere (brute force on one teacher). */
  signInFailuresPerAccount: { points: 5, duration: 15 * 60 },
  /** Failed sign-ins to one account from one browser it signed in from before (its own bucket: see known-device.ts). */
  signInFailuresPerDevice: { points: 5, duration: 15 * 60 },
  /** New accounts from one address. */
  signUpPerIp: { points: 10, duration: 60 * 60 },
  /** Sign-up attempts for one email address, from anywhere (probing which emails have accounts). */
  signUpPerAccount: { points: 5, duration: 60 * 60 },
  /** Password-reset links asked for from one address (any email). */
  passwordResetPerIp: { points: 10, duration: 60 * 60 },
  /** Password-reset links asked for one email address, from anywhere (counted whether or not it has an account). */
  passwordResetPerAccount: { points: 3, duration: 60 * 60 },
  /** Confirmation mails sent again for one account (the banner's button). */
  verificationMailPerAccount: { points: 3, duration: 60 * 60 },
  /** Wrong personal codes for one roster student, from anywhere (guessing a classmate's code). */
  studentCodeMissesPerStudent: { points: 5, duration: 15 * 60 },
  /** Wrong personal codes from one address, for any student (a class of typos stays under it). */
  studentCodeMissesPerIp: { points: 60, duration: 15 * 60 },
} as const;

export type LimitName =
  keyof typeof FIXED_LIMITS | "codeMissesPerIp" | "newPlayersPerIp" | "newAttemptsPerPlayer" | "newAttemptsPerIp";
export type LimitTable = Record<LimitName, { points: number; duration: number }>;

export function limitTable(config: Pick<Config, "limits">): LimitTable {
  return {
    ...FIXED_LIMITS,
    /** Join codes that open nothing, from one address (guessing codes; a class of typos stays well under it). */
    codeMissesPerIp: { points: config.limits.codeMissesPerIp, duration: 10 * 60 },
    /** New players (nicknames) from one address: a whole school behind one NAT fits; a flood does not. */
    newPlayersPerIp: { points: config.limits.newPlayersPerIp, duration: 10 * 60 },
    /** New attempts (quizzes started, not resumed) by one player: far above any pace of play. */
    newAttemptsPerPlayer: { points: config.limits.newAttemptsPerPlayer, duration: 10 * 60 },
    /** New attempts from one address: a school behind one NAT starting a few quizzes each fits. */
    newAttemptsPerIp: { points: config.limits.newAttemptsPerIp, duration: 10 * 60 },
  };
}

/** What a limiter said, as plain data (no class to test with `instanceof`: see `createLimiters`). */
export interface LimitOutcome {
  /** False when this call went over the limit (it was still counted). */
  allowed: boolean;
  /** Points counted against the key in its current window, this call included. */
  consumed: number;
  /** Until the window ends. */
  msBeforeNext: number;
}

export interface Limiters {
  /** Counts `points` against `key`; `allowed: false` once the limit is spent. */
  consume(name: LimitName, key: string, points?: number): Promise<LimitOutcome>;
  /** The key's count in its current window, without counting (null: nothing counted). */
  peek(name: LimitName, key: string): Promise<LimitOutcome | null>;
  /**
   * What `peek` says, from the counter's row read by the caller itself (in a statement that reads
   * other things too): `rowKey` names the row (RateLimiterFlexible."key"), `fromRow` reads it.
   */
  rowKey(name: LimitName, key: string): string;
  fromRow(name: LimitName, row: { points: number; expire: Date | null } | null): LimitOutcome | null;
  /** Gives back points this caller counted (not below zero). */
  reward(name: LimitName, key: string, points?: number): Promise<void>;
  /** Forgets the key's count. */
  reset(name: LimitName, key: string): Promise<void>;
  /** Deletes the counters whose window has ended (every limit's); how many. Also runs by itself (`PURGE_EVERY_MS`). */
  purgeExpired(): Promise<number>;
  points(name: LimitName): number;
}

/**
 * rate-limiter-flexible rejects a spent limit with a RateLimiterRes. Each Next.js route bundle can hold its
 * own copy of the library while the limiters live once per process (on the context, on globalThis), so
 * `error instanceof RateLimiterRes` is false whenever another route created them (issue 13: sign-ins
 * answered 500 after a join). The outcome is read from the value's shape instead, right here.
 */
function isLimiterResult(value: unknown): value is { consumedPoints: number; msBeforeNext: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as { consumedPoints?: unknown }).consumedPoints === "number" &&
    typeof (value as { msBeforeNext?: unknown }).msBeforeNext === "number"
  );
}

const outcome = (res: { consumedPoints: number; msBeforeNext: number }, allowed: boolean): LimitOutcome => ({
  allowed,
  consumed: res.consumedPoints,
  msBeforeNext: Math.max(0, res.msBeforeNext),
});

/** How often a process deletes ended counters, on the way through a `consume` (a row per address would stay forever). */
export const PURGE_EVERY_MS = 10 * 60 * 1000;

export function createLimiters(db: Db, limits: LimitTable, purgeEveryMs = PURGE_EVERY_MS): Limiters {
  const made = new Map<LimitName, RateLimiterPrisma>();
  let lastPurge = 0;
  const purgeExpired = async () =>
    (await db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date() } } })).count;
  /** At most once per `purgeEveryMs`, without holding up the request (a failure waits for the next turn). */
  function purgeNowAndThen() {
    const now = Date.now();
    if (now - lastPurge < purgeEveryMs) return;
    lastPurge = now;
    purgeExpired().catch(() => undefined);
  }
  function limiter(name: LimitName): RateLimiterPrisma {
    let created = made.get(name);
    if (!created) {
      created = new RateLimiterPrisma({
        storeClient: db,
        tableName: "rateLimiterFlexible",
        keyPrefix: name,
        points: limits[name].points,
        duration: limits[name].duration,
        clearExpiredByTimeout: false,
      });
      made.set(name, created);
    }
    return created;
  }
  return {
    points: (name) => limits[name].points,
    purgeExpired,
    async consume(name, key, points = 1) {
      purgeNowAndThen();
      try {
        return outcome(await limiter(name).consume(key, points), true);
      } catch (error) {
        if (isLimiterResult(error)) return outcome(error, false);
        throw error;
      }
    },
    async peek(name, key) {
      const res = await limiter(name).get(key);
      return res ? outcome(res, res.consumedPoints <= limits[name].points) : null;
    },
    rowKey: (name, key) => limiter(name).getKey(key),
    fromRow(name, row) {
      // As RateLimiterPrisma's get: a row whose window has ended counts nothing.
      const now = Date.now();
      if (!row || (row.expire !== null && row.expire.getTime() <= now)) return null;
      const msBeforeNext = row.expire === null ? -1 : row.expire.getTime() - now;
      return outcome({ consumedPoints: row.points, msBeforeNext }, row.points <= limits[name].points);
    },
    async reward(name, key, points = 1) {
      const res = await limiter(name).get(key);
      if (res && res.consumedPoints > 0) await limiter(name).reward(key, Math.min(points, res.consumedPoints));
    },
    async reset(name, key) {
      await limiter(name).delete(key);
    },
  };
}

/** A limit is spent: a 429 that says how long to wait. */
function tooMany(what: string, res: LimitOutcome): AppError {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new AppError(
    429,
    "rate_limited",
    `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds, details: { retryAfterSeconds } },
  );
}

export const isRateLimited = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === "rate_limited";

/** Counts one use of `key`; throws a 429 AppError when the limit is spent. */
export async function consume(limiters: Limiters, name: LimitName, key: string, what: string): Promise<void> {
  const res = await limiters.consume(name, key);
  if (!res.allowed) throw tooMany(what, res);
}

/** Throws a 429 when `key` has already spent the limit (without counting this call). */
export async function ensureNotBlocked(limiters: Limiters, name: LimitName, key: string, what: string): Promise<void> {
  refuseIfSpent(limiters, name, await limiters.peek(name, key), what);
}

/** Throws a 429 when a count read without counting (`peek`, `fromRow`) has spent the limit. */
export function refuseIfSpent(limiters: Limiters, name: LimitName, res: LimitOutcome | null, what: string): void {
  if (res && res.consumed >= limiters.points(name)) throw tooMany(what, res);
}

export async function reset(limiters: Limiters, name: LimitName, key: string): Promise<void> {
  await limiters.reset(name, key);
}

/** Gives back one use of `key` counted by `consume` (the call turned out not to count). */
export async function giveBack(limiters: Limiters, name: LimitName, key: string): Promise<void> {
  await limiters.reward(name, key);
}

export { clientIp } from "./client-address";
