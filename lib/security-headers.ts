// The Content-Security-Policy and the other security headers, in one place.
// Scripts: only this response's nonce (and what those scripts load: 'strict-dynamic').
// Styles allow inline attributes: framer-motion and recharts animate through `style`.
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// The static headers (nosniff, referrer policy, framing, permissions) are in next.config.js.
