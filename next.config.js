// Next.js configuration. Nothing here may reach the network at build or run time.
// Security headers: the static ones here; the per-response CSP with its nonce in proxy.ts.
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Content packs are read from disk by server components; ship them with the server.
  outputFileTracingIncludes: { "/*": ["./content/**/*"] },
  experimental: {
    // `next dev` 16.4 otherwise calls the npm advisories endpoint at start-up.
    agentUpgrade: false,
  },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
