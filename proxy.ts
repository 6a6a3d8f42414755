// Runs before every page request: a fresh nonce per response, and the
// Content-Security-Policy that allows only scripts carrying it. Next.js reads
// the nonce from the request's CSP header and puts it on its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/security-headers";

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  // NODE_ENV is Next's own mode, inlined when the proxy is built (not a setting of ours: lib/config.mjs).
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes (the play hot path) and static files skip this step; next.config.js gives them their headers.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
