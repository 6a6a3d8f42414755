// Next.js configuration. Nothing here may reach the network at build or run time.
// Security headers: the static ones (lib/static-headers.mjs) here; the per-response CSP with its nonce in proxy.ts.
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/static-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Content packs are read from disk by server components; ship them with the server.
  outputFileTracingIncludes: { "/*": ["./content/**/*"] },
  experimental: {
    // `next dev` 16.4 otherwise calls the npm advisories endpoint at start-up.
    agentUpgrade: false,
    // forbidden() and forbidden.tsx: a page that refuses (a removed student's quiz) answers 403, not 200.
    authInterrupts: true,
    // Request bodies (scripts/request-guards.mjs refuses larger ones before Next.js reads them): the server
    // actions' limit, and what the proxy step may buffer of a page request's body, both 1 MB.
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "1mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
