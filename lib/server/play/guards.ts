// Rate limits on the student side (shared by every instance, in the database):
// guessing join codes, flooding a quiz with nicknames, starting quizzes without end.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { AppContext } from "../context";
import {
  clientIp,
  consume,
  ensureNotBlocked,
  giveBack,
  isRateLimited,
  refuseIfSpent,
  type LimitName,
} from "../rate-limit";

const MISS_CODES = new Set(["unknown_code", "bad_code"]);
const CODE_MISSES = "join codes that did not work from this network";

/** Runs a lookup by join code; a code that opens nothing counts against the caller's address. */
export async function guardCodeLookup<T>(ctx: AppContext, headers: Headers, run: () => Promise<T>): Promise<T> {
  const ip = clientIp(headers, ctx.config.trustedProxyHops);
  await ensureNotBlocked(ctx.limiters, "codeMissesPerIp", ip, CODE_MISSES);
  return countingMisses(ctx, ip, run);
}

/**
 * guardCodeLookup for a lookup that reads the address's counter itself, in its own statement (a
 * class board, polled by every screen of a class): `read` is given the counter's row key and
 * returns the row beside what it read; `use` then turns the read into the result (or the error).
 */
export async function guardCodeRead<R extends { misses: { points: number; expire: Date | null } | null }, T>(
  ctx: AppContext,
  headers: Headers,
  read: (missKey: string) => Promise<R>,
  use: (read: R) => T,
): Promise<T> {
  const { limiters } = ctx;
  const ip = clientIp(headers, ctx.config.trustedProxyHops);
  const result = await read(limiters.rowKey("codeMissesPerIp", ip));
  refuseIfSpent(limiters, "codeMissesPerIp", limiters.fromRow("codeMissesPerIp", result.misses), CODE_MISSES);
  return countingMisses(ctx, ip, async () => use(result));
}

async function countingMisses<T>(ctx: AppContext, ip: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && MISS_CODES.has(error.code))
      await consume(ctx.limiters, "codeMissesPerIp", ip, CODE_MISSES).catch(() => undefined);
    throw error;
  }
}

/** Refuses a new player when the address has made too many; counts one when `created`. */
export async function guardNewPlayers<T extends { newCookie: unknown }>(
  ctx: AppContext,
  headers: Headers,
  run: () => Promise<T>,
): Promise<T> {
  const { limiters } = ctx;
  const ip = clientIp(headers, ctx.config.trustedProxyHops);
  const what = "new players from this network";
  await ensureNotBlocked(limiters, "newPlayersPerIp", ip, what);
  const result = await run();
  if (result.newCookie) {
    await consume(limiters, "newPlayersPerIp", ip, what).catch((error: unknown) => {
      // This player exists already; the next one will be refused.
      if (!isRateLimited(error)) throw error;
    });
  }
  return result;
}

/**
 * Limits new attempts per address and per player (when the cookie proves one). `run` is
 * given the check to call just before it makes a new attempt: it counts there, before
 * anything is written, so a burst of parallel starts cannot all pass a check made first;
 * resuming an attempt in progress never calls it, and a start that fails after counting
 * gives its counts back.
 */
export async function guardNewAttempts<T>(
  ctx: AppContext,
  headers: Headers,
  player: { id: string } | null,
  run: (beforeCreate: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const { limiters } = ctx;
  const counted: [LimitName, string][] = [];
  const beforeCreate = async () => {
    const ip = clientIp(headers, ctx.config.trustedProxyHops);
    await consume(limiters, "newAttemptsPerIp", ip, "new quizzes started from this network");
    counted.push(["newAttemptsPerIp", ip]);
    if (player) {
      await consume(limiters, "newAttemptsPerPlayer", player.id, "new quizzes started from this browser");
      counted.push(["newAttemptsPerPlayer", player.id]);
    }
  };
  try {
    return await run(beforeCreate);
  } catch (error) {
    await Promise.all(counted.map(([name, key]) => giveBack(limiters, name, key))).catch(() => undefined);
    throw error;
  }
}
