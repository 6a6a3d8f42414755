// Preloaded into the production server (`node --import ./scripts/server-preload.mjs next start`,
// which `npm start` does: scripts/server-flags.mjs). Next.js gives route handlers,
// server actions and pages no socket address — only an X-Forwarded-For header that
// it fills from the socket *when the client sent none*, so a client could choose
// its own "address". Before Next.js sees a request, this writes the TCP peer's
// address into a header of our own, replacing whatever the client put there;
// lib/server/rate-limit.ts keys the per-address limits on it (TRUSTED_PROXY_HOPS=0)
// and reads it only when this module says it is loaded (the marker below).
// docs/decisions/011-limits-and-proxies.md.
import diagnostics from "node:diagnostics_channel";

export const PEER_ADDRESS_HEADER = "x-fact-trail-peer";
export const PEER_ADDRESS_MARKER = Symbol.for("fact-trail.peer-address");

/** @param {{ request: import("node:http").IncomingMessage; socket: import("node:net").Socket }} message */
function stamp({ request, socket }) {
  // Node publishes this just before the server's "request" event, on every request (HTTP/1.1 and keep-alive alike).
  request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "unknown";
}

if (!(/** @type {Record<symbol, unknown>} */ (globalThis)[PEER_ADDRESS_MARKER])) {
  diagnostics.subscribe("http.server.request.start", /** @type {(message: unknown) => void} */ (stamp));
  /** @type {Record<symbol, unknown>} */ (globalThis)[PEER_ADDRESS_MARKER] = true;
}
