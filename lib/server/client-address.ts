// Who a request comes from, for the per-address rate limits: the TCP peer, or the entry a trusted proxy wrote.
import "server-only";
import { isIP } from "node:net";

/** The header scripts/peer-address.mjs writes: the TCP peer's address, replacing anything the client sent. */
export const PEER_ADDRESS_HEADER = "x-fact-trail-peer";
const PEER_ADDRESS_MARKER = Symbol.for("fact-trail.peer-address");

/** Whether this process stamps the peer header itself (scripts/peer-address.mjs is loaded; tests say so). */
export function peerAddressStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARKER] === true;
}

/**
 * One key per client for the per-address limits: IPv4 as it is (an IPv4-mapped IPv6
 * address as IPv4), IPv6 by its /64 — a single household or phone gets a whole /64,
 * so keying on the full address would let one client rotate through 2^64 keys.
 */
export function addressKey(raw: string): string {
  let address = raw.trim().replace(/^\[|\]$/g, "");
  const zone = address.indexOf("%");
  if (zone >= 0) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) === 6) {
    const [head = "", tail = ""] = address.toLowerCase().split("::");
    const left = head ? head.split(":") : [];
    const right = tail ? tail.split(":") : [];
    // An embedded IPv4 tail (::1.2.3.4) counts as two groups; only the first four groups matter.
    const missing = 8 - left.length - right.length - (right.at(-1)?.includes(".") ? 1 : 0);
    const groups = address.includes("::") ? [...left, ...Array(Math.max(0, missing)).fill("0"), ...right] : left;
    return `${groups
      .slice(0, 4)
      .map((g) => g.replace(/^0+(?=.)/, ""))
      .join(":")}::/64`;
  }
  if (isIP(address) === 4) return address;
  return "unknown";
}

/**
 * The client's address for the per-address limits (docs/decisions/011-limits-and-proxies.md):
 * - `TRUSTED_PROXY_HOPS=0` (no proxy): the TCP peer's address, stamped by scripts/peer-address.mjs;
 *   X-Forwarded-For is ignored, since the client writes it. Without the stamp (a server not started by
 *   `npm start`) every request shares the key "unknown" rather than trusting a header the client chose.
 * - N trusted proxies: the Nth X-Forwarded-For entry from the right — the address the outermost
 *   trusted proxy saw; entries further left were written by the client. A chain shorter than N
 *   (a request that did not come through every proxy) counts as its leftmost entry.
 * IPv6 addresses count per /64 (`addressKey`).
 */
export function clientIp(headers: Headers, trustedProxyHops: number): string {
  if (trustedProxyHops === 0) {
    return peerAddressStamped() ? addressKey(headers.get(PEER_ADDRESS_HEADER) ?? "") : "unknown";
  }
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = chain[Math.max(0, chain.length - trustedProxyHops)];
  if (entry) return addressKey(entry);
  return peerAddressStamped() ? addressKey(headers.get(PEER_ADDRESS_HEADER) ?? "") : "unknown";
}

/**
 * Whether the browser reached the site over HTTPS, for cookies' Secure flag: always when the site's public
 * address (BETTER_AUTH_URL) is https; otherwise only as a trusted proxy says in X-Forwarded-Proto (the Nth
 * entry from the right, like X-Forwarded-For). Without a trusted proxy the header is the client's word, and
 * `next start` itself never speaks TLS.
 */
export function requestIsHttps(headers: Headers, config: { auth: { url: string }; trustedProxyHops: number }): boolean {
  if (config.auth.url.startsWith("https://")) return true;
  if (config.trustedProxyHops === 0) return false;
  const chain = (headers.get("x-forwarded-proto") ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - config.trustedProxyHops)] === "https";
}
