// Preloaded into the production server with scripts/peer-address.mjs (scripts/server-preload.mjs).
// Refuses, before Next.js reads a byte of it, a request it would otherwise take in whole or answer
// with a 500: a body whose Content-Length is over the limit (413: play API 64 kB — the routes read
// 8 kB at most, lib/server/http.ts — pages and server actions 1 MB, Next's own action limit), a
// page POST without a Content-Length (411: browsers always send one; a chunked upload of unknown
// size would be read into memory by Next's proxy step), and a page POST whose Origin is another
// site (403: Next.js refuses a cross-site server action with a 500). The refusal closes the
// connection, so the rest of an oversized body is never read. docs/decisions/011-limits-and-proxies.md.
import diagnostics from "node:diagnostics_channel";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "../lib/static-headers.mjs";

export const API_BODY_LIMIT = 64 * 1024;
export const PAGE_BODY_LIMIT = 1024 * 1024;
const GUARDED = Symbol.for("fact-trail.body-limits");

/** @param {import("node:http").ServerResponse} res @param {number} status @param {string} code @param {string} message @param {boolean} api */
function refuse(res, status, code, message, api) {
  const body = api ? JSON.stringify({ error: { code, message } }) : `${message}\n`;
  res.writeHead(status, {
    ...Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(body);
  return true;
}

/** @param {import("node:http").IncomingMessage} req */
function sameOrigin(req, origin) {
  const host = req.headers["x-forwarded-host"] ?? req.headers.host;
  try {
    return new URL(origin).host === String(host).split(",")[0].trim();
  } catch {
    return false;
  }
}

/** True when the request was refused here (Next.js never sees it). */
export function refuseEarly(
  /** @type {import("node:http").IncomingMessage} */ req,
  /** @type {import("node:http").ServerResponse} */ res,
) {
  const path = (req.url ?? "/").split("?")[0];
  const api = path.startsWith("/api/");
  const limit = api ? API_BODY_LIMIT : PAGE_BODY_LIMIT;
  const length = req.headers["content-length"];
  if (length !== undefined && !(Number(length) <= limit))
    return refuse(res, 413, "too_large", `The request body is larger than ${limit} bytes.`, api);
  if (api || req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  if (length === undefined && req.headers["transfer-encoding"] !== undefined)
    return refuse(res, 411, "length_required", "Send the form with a Content-Length.", api);
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(req, origin))
    return refuse(res, 403, "cross_site", "Forms are only accepted from this site's own pages.", api);
  return false;
}

/** @param {{ server: import("node:http").Server }} message */
function guard({ server }) {
  if (/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (server))[GUARDED]) return;
  /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (server))[GUARDED] = true;
  const emit = server.emit;
  server.emit = /** @type {typeof server.emit} */ (
    function (/** @type {string | symbol} */ event, /** @type {unknown[]} */ ...args) {
      if (event === "request" && refuseEarly(/** @type {any} */ (args[0]), /** @type {any} */ (args[1]))) return true;
      return emit.call(this, event, ...args);
    }
  );
}

diagnostics.subscribe("http.server.request.start", /** @type {(message: unknown) => void} */ (guard));
