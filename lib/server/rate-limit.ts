// Rate limits, kept in the database (rate-limiter-flexible's Prisma store), so
// every app instance on one PostgreSQL shares the same counters: teacher
// sign-in and sign-up, join-code guessing and nickname flooding.
import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/app-error";
import type { Config } from "../config.mjs";
import type { Db } from "./db";

/** The limits on the teacher side; the student side's two come from the configuration. */
const FIXED_LIMITS = {
  /** Every sign-in attempt from one address. */
  signInPerIp: { points: 30, duration: 15 * 60 },
  /** Failed sign-ins to one account, from anywhere (brute force on one teacher). */
  signInFailuresPerAccount: { points: 5, duration: 15 * 60 },
  /** New accounts from one address. */
  signUpPerIp: { points: 10, duration: 60 * 60 },
  /** Sign-up attempts for one email address, from anywhere (probing which emails have accounts). */
  signUpPerAccount: { points: 5, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof FIXED_LIMITS | "codeMissesPerIp" | "newPlayersPerIp";
export type LimitTable = Record<LimitName, { points: number; duration: number }>;

export function limitTable(config: Pick<Config, "limits">): LimitTable {
  return {
    ...FIXED_LIMITS,
    /** Join codes that open nothing, from one address (guessing codes; a class of typos stays well under it). */
    codeMissesPerIp: { points: config.limits.codeMissesPerIp, duration: 10 * 60 },
    /** New players (nicknames) from one address: a whole school behind one NAT fits; a flood does not. */
    newPlayersPerIp: { points: config.limits.newPlayersPerIp, duration: 10 * 60 },
  };
}

export interface Limiters {
  limiter(name: LimitName): RateLimiterPrisma;
  points(name: LimitName): number;
}

export function createLimiters(db: Db, limits: LimitTable): Limiters {
  const made = new Map<LimitName, RateLimiterPrisma>();
  return {
    points: (name) => limits[name].points,
    limiter(name) {
      let limiter = made.get(name);
      if (!limiter) {
        limiter = new RateLimiterPrisma({
          storeClient: db,
          tableName: "rateLimiterFlexible",
          keyPrefix: name,
          points: limits[name].points,
          duration: limits[name].duration,
          clearExpiredByTimeout: false,
        });
        made.set(name, limiter);
      }
      return limiter;
    },
  };
}

/** A limit is spent: a 429 that says how long to wait. */
function tooMany(what: string, res: RateLimiterRes): AppError {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
  const retryAfterSeconds = Math.ceil(res.msBeforeNext / 1000);
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
  try {
    await limiters.limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(what, error);
    throw error;
  }
}

/** Throws a 429 when `key` has already spent the limit (without counting this call). */
export async function ensureNotBlocked(limiters: Limiters, name: LimitName, key: string, what: string): Promise<void> {
  const res = await limiters.limiter(name).get(key);
  if (res && res.consumedPoints >= limiters.points(name)) throw tooMany(what, res);
}

export async function reset(limiters: Limiters, name: LimitName, key: string): Promise<void> {
  await limiters.limiter(name).delete(key);
}

export { clientIp } from "./client-address";
