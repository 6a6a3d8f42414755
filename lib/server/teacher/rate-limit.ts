// Rate limits for teacher sign-in and sign-up, kept in the database
// (rate-limiter-flexible's Prisma store), so every app instance on one
// PostgreSQL shares the same counters.
import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db";
import { TeacherError } from "./errors";

export const LIMITS = {
  /** Every sign-in attempt from one address. */
  signInPerIp: { points: 30, duration: 15 * 60 },
  /** Failed sign-ins to one account, from anywhere (brute force on one teacher). */
  signInFailuresPerAccount: { points: 5, duration: 15 * 60 },
  /** New accounts from one address. */
  signUpPerIp: { points: 10, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

export interface Limiters {
  limiter(name: LimitName): RateLimiterPrisma;
}

export function createLimiters(db: Db, limits: Record<LimitName, { points: number; duration: number }> = LIMITS): Limiters {
  const made = new Map<LimitName, RateLimiterPrisma>();
  return {
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

function tooMany(what: string, res: RateLimiterRes): TeacherError {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
  return new TeacherError(429, "rate_limited", `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

/** Counts one use of `key`; throws a 429 TeacherError when the limit is spent. */
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
  if (res && res.consumedPoints >= LIMITS[name].points) throw tooMany(what, res);
}

export async function reset(limiters: Limiters, name: LimitName, key: string): Promise<void> {
  await limiters.limiter(name).delete(key);
}

/**
 * The client's address for per-IP limits: the X-Forwarded-For entry written by
 * the nearest trusted proxy (TRUSTED_PROXY_HOPS, default 0 = the last entry).
 * `next start` fills the header with the socket address only when the request
 * has none, so without a proxy a client can choose its own "address": the
 * per-account limit is what stops brute force on one teacher in every setup.
 */
export function clientIp(headers: Headers, hops = Number(process.env.TRUSTED_PROXY_HOPS) || 0): string {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = chain[Math.max(0, chain.length - 1 - hops)] ?? headers.get("x-real-ip") ?? "unknown";
  return ip.slice(0, 64);
}
