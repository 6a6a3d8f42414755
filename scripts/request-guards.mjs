// Preloaded into the production server with scripts/peer-address.mjs (scripts/server-preload.mjs).
// Refuses, before Next.js reads a byte of it, what Next.js would take in whole or answer with a 500,
// each refusal a 4xx with the security headers that closes the connection (so the rest of an
// oversized body is never read):
// - a path with malformed percent-encoding (`/join/%FF`): 400 (Next.js throws decoding the segment);
// - a Content-Length over the limit: 413 (play API 64 kB — its routes read 8 kB at most,
//   lib/server/http.ts — pages and server actions 1 MB, Next's own action limit);
// - a page POST without a Content-Length: 411 (browsers always send one; a chunked upload of unknown
//   size would be buffered by Next's proxy step);
// - a page POST whose Origin is another site: 403 (Next.js refuses a cross-site server action with a 500);
// - a page POST (a server action) that Next.js cannot read (a malformed body): its 500 becomes a 400.
// It also sends HSTS on every response when the site's address is https.
// docs/decisions/011-limits-and-proxies.md.
import diagnostics from "node:diagnostics_channel";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "../lib/static-headers.mjs";

export const API_BODY_LIMIT = 64 * 1024;
export const PAGE_BODY_LIMIT = 1024 * 1024;
const GUARDED = Symbol.for("fact-trail.request-guards");
/**
 * HSTS when the site's public address is https (BETTER_AUTH_URL, as `npm start` passes it on): browsers
 * then never try it over plain HTTP for a year. No includeSubDomains: the school's other hosts are not ours.
 */
const HSTS = /^https:\/\//i.test(process.env.BETTER_AUTH_URL?.trim() ?? "") ? "max-age=31536000" : null;

/** @typedef {import("node:http").IncomingMessage} Req @typedef {import("node:http").ServerResponse} Res */

/** @param {boolean} api */
function refusalHeaders(api) {
  return {
    ...Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  };
}

/** @param {Res} res @param {number} status @param {string} code @param {string} message @param {boolean} api */
function refuse(res, status, code, message, api) {
  const body = api ? JSON.stringify({ error: { code, message } }) : `${message}\n`;
  res.writeHead(status, { ...refusalHeaders(api), "Content-Length": Buffer.byteLength(body), Connection: "close" });
  res.end(body);
  return true;
}

/** @param {string} path */
function decodable(path) {
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** @param {Req} req @param {string} origin */
function sameOrigin(req, origin) {
  const host = req.headers["x-forwarded-host"] ?? req.headers.host;
  try {
    return new URL(origin).host === String(host).split(",")[0].trim();
  } catch {
    return false;
  }
}

/**
 * A page POST is a server action (the only POSTs pages take). The actions turn every failure they expect
 * into form state, so when Next.js answers one with a 500 it could not read the request (a malformed body:
 * "Connection closed.", "Failed to parse body as FormData"): the client's mistake, answered 400. Next.js
 * still logs the error, so a real bug in an action stays visible in the server log.
 * @param {Res} res
 */
function clientErrorFor500(res) {
  const message = "The form could not be read. Send it again from the page.\n";
  let rewritten = false;
  const { writeHead, write, end } = res;
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      if (status !== 500) return writeHead.call(res, status, ...rest);
      rewritten = true;
      for (const name of ["content-length", "content-encoding", "etag", "content-type"]) res.removeHeader(name);
      const given = rest.find((arg) => arg && typeof arg === "object" && !Array.isArray(arg)) ?? {};
      const kept = Object.fromEntries(
        Object.entries(given).filter(([name]) => !/^(content-length|content-encoding|etag|content-type)$/i.test(name)),
      );
      return writeHead.call(res, 400, "Bad Request", {
        ...kept,
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Length": Buffer.byteLength(message),
      });
    }
  );
  res.write = /** @type {typeof res.write} */ (
    function (/** @type {any[]} */ ...args) {
      if (!res.headersSent && res.statusCode === 500) res.writeHead(500);
      if (rewritten) return true;
      return write.apply(res, /** @type {any} */ (args));
    }
  );
  res.end = /** @type {typeof res.end} */ (
    function (/** @type {any[]} */ ...args) {
      if (!res.headersSent && res.statusCode === 500) res.writeHead(500);
      if (rewritten) return end.call(res, message);
      return end.apply(res, /** @type {any} */ (args));
    }
  );
}

/**
 * True when the request was refused here (Next.js never sees it).
 * @param {Req} req @param {Res} res
 */
export function refuseEarly(req, res) {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const api = path.startsWith("/api/");
  if (!decodable(path)) return refuse(res, 400, "bad_path", "The address is not valid (malformed %-encoding).", api);
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
  clientErrorFor500(res);
  return false;
}

/** @param {{ server: import("node:http").Server }} message */
function guard({ server }) {
  const marked = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (server));
  if (marked[GUARDED]) return;
  marked[GUARDED] = true;
  const emit = server.emit;
  server.emit = /** @type {typeof server.emit} */ (
    function (/** @type {string | symbol} */ event, /** @type {any[]} */ ...args) {
      if (event === "request") {
        if (HSTS) args[1].setHeader("Strict-Transport-Security", HSTS);
        if (refuseEarly(args[0], args[1])) return true;
      }
      return emit.call(this, event, ...args);
    }
  );
}

diagnostics.subscribe("http.server.request.start", /** @type {(message: unknown) => void} */ (guard));
