// The address join links and QR codes show (the live lobby's "Join at …"): the configured
// PUBLIC_URL (or BETTER_AUTH_URL), and the request's host only when neither is set.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppContext } from "@/lib/server/context";
import { siteOrigin } from "@/lib/server/site-origin";

const requestHeaders = vi.hoisted(() => ({ value: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.value }));

const ctxWith = (publicUrl: string | null) => ({ config: { publicUrl } }) as unknown as AppContext;

describe("siteOrigin", () => {
  beforeEach(() => {
    requestHeaders.value = new Headers({ host: "localhost:3000" });
  });

  it("uses the configured origin, whatever host the request came to", async () => {
    expect(await siteOrigin(ctxWith("https://quiz.school.example"))).toBe("https://quiz.school.example");
  });

  it("falls back to the request's host only when no origin is configured", async () => {
    expect(await siteOrigin(ctxWith(null))).toBe("http://localhost:3000");
    requestHeaders.value = new Headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "https" });
    expect(await siteOrigin(ctxWith(null))).toBe("https://10.0.0.5:3000");
  });
});
