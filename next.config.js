// Next.js configuration. Nothing here may reach the network at build or run time.
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
};

export default nextConfig;
