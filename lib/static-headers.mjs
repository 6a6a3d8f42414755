// @ts-check
// The security headers every response carries (the per-page CSP with its nonce is in proxy.ts):
// next.config.js sends them with everything Next.js answers, and scripts/request-guards.mjs with what it
// refuses before Next.js sees it. Plain JavaScript: both load it without a TypeScript step.
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** The Content-Security-Policy of everything that is not a page (the API, refusals). */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
