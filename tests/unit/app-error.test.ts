// An AppError is one whichever copy of lib/app-error made it: Next.js gives every route bundle its own
// copy, while the server context (made once per process, by the first route that ran) throws from its own.
import { describe, expect, it, vi } from "vitest";

describe("AppError across module copies", () => {
  it("is recognised by instanceof from another copy of the module, and nothing else is", async () => {
    const first = await import("@/lib/app-error");
    vi.resetModules();
    const second = await import("@/lib/app-error");
    expect(second.AppError).not.toBe(first.AppError);
    const error = new first.AppError(429, "rate_limited", "Too many.");
    expect(error instanceof second.AppError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(new Error("plain") instanceof second.AppError).toBe(false);
    expect({ status: 429, code: "rate_limited" } instanceof second.AppError).toBe(false);
    expect((null as unknown) instanceof first.AppError).toBe(false);
  });
});
