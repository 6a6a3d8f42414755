// The browser's player identity: an http-only cookie holding a player id and a
// random secret; the database keeps only the secret's SHA-256.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { AppContext } from "../context";

export const PLAYER_COOKIE = "ft_player";
export const PLAYER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export interface PlayerCookie {
  playerId: string;
  secret: string;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newPlayerSecret(): string {
  return randomBytes(24).toString("base64url");
}

export function formatPlayerCookie({ playerId, secret }: PlayerCookie): string {
  return `${playerId}.${secret}`;
}

export function parsePlayerCookie(value: string | undefined | null): PlayerCookie | null {
  if (!value || value.length > 200) return null;
  const dot = value.indexOf(".");
  if (dot < 1) return null;
  const playerId = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  if (!/^[a-z0-9]{10,40}$/i.test(playerId) || !/^[\w-]{20,64}$/.test(secret)) return null;
  return { playerId, secret };
}

/**
 * Whether `secret` hashes to the stored hash (compared in constant time). A roster
 * student plays on several devices: their player keeps one hash per device, space-separated.
 */
export function secretMatches(secretHash: string, secret: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  let match = false;
  for (const stored of secretHash.split(" ")) {
    const expected = Buffer.from(stored, "hex");
    if (expected.length === given.length && timingSafeEqual(expected, given)) match = true;
  }
  return match;
}

/** A roster student's devices: the newest this many stay signed in. */
export const MAX_STUDENT_DEVICES = 8;

/** The stored hashes with one more device's added (the oldest dropped past MAX_STUDENT_DEVICES). */
export function withDeviceSecret(secretHash: string, secret: string): string {
  const hashes = secretHash.split(" ").filter(Boolean);
  return [...hashes, hashSecret(secret)].slice(-MAX_STUDENT_DEVICES).join(" ");
}

/** A student as the server knows them: an id and the nickname they play under. */
export interface Player {
  id: string;
  nickname: string;
}

/** The player this cookie proves, or null (unknown player or wrong secret). */
export async function findPlayer(ctx: AppContext, cookie: PlayerCookie | null): Promise<Player | null> {
  if (!cookie) return null;
  const player = await ctx.store.findPlayer(cookie.playerId);
  if (!player) return null;
  if (!secretMatches(player.secretHash, cookie.secret)) return null;
  return { id: player.id, nickname: player.nickname };
}
