// The pages a join code opens (/join/CODE and /live/CODE) count codes that open nothing against
// the caller's address, as the join API does: a code guesser cannot list quizzes or live games
// through either page. Once limited, both show the same "can't be joined" screen, even for a real code.
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it, vi } from "vitest";
import { setAppContext, type AppContext } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { createLimiters, limitTable } from "@/lib/server/rate-limit";
import { fromAddress } from "../helpers/addresses";
import { hostedLiveGame } from "../helpers/live-games";
import { describeEachDatabase } from "../helpers/test-databases";

// The pages read the request's headers (the caller's address) through next/headers.
const request = vi.hoisted(() => ({ headers: {} as Record<string, string> }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.headers),
  cookies: async () => ({ get: () => undefined }),
}));
// The join forms (client components) ask for the router, which only a browser has.
vi.mock("next/navigation", async (actual) => ({
  ...(await actual<typeof import("next/navigation")>()),
  useRouter: () => ({ push: () => undefined, refresh: () => undefined }),
}));

const LIMITED = /Too many join codes that did not work from this network\. Try again in 10 minutes\./;

describeEachDatabase("pages that look a join code up", (current) => {
  /** The app with a small code-miss limit (3 per address). */
  const limited = (): AppContext => ({
    ...current(),
    limiters: createLimiters(current().db, {
      ...limitTable(current().config),
      codeMissesPerIp: { points: 3, duration: 600 },
    }),
  });

  async function render(ctx: AppContext, ip: string, page: "join" | "live", code: string): Promise<string> {
    request.headers = fromAddress(ip);
    setAppContext(ctx);
    try {
      const { default: Page } =
        page === "join" ? await import("@/app/join/[code]/page") : await import("@/app/live/[code]/page");
      return renderToStaticMarkup(await Page({ params: Promise.resolve({ code }) }));
    } finally {
      setAppContext(undefined);
    }
  }

  it.each(["live", "join"] as const)(
    "/%s/CODE: an address that keeps guessing codes is shown the limit, even for a real game, and no other address is",
    async (page) => {
      const ctx = limited();
      const real = (await hostedLiveGame(ctx)).code;
      const ip = page === "live" ? "10.30.0.1" : "10.30.0.2";
      // Three codes that open nothing: each says so (and counts).
      for (const code of ["QQQQQQ", "QQQQQR", "nonsense"]) {
        const html = await render(ctx, ip, page, code);
        expect(html, code).toContain("can’t be joined");
        expect(html, code).not.toMatch(LIMITED);
      }
      // The fourth lookup from that address is refused before the code is looked up: a real game's
      // title is not shown, only the limit, on the same screen a bad code gets.
      const blocked = await render(ctx, ip, "live", real);
      expect(blocked).toMatch(LIMITED);
      expect(blocked).toContain("This game can’t be joined");
      expect(blocked).toContain('href="/join"');
      expect(blocked).not.toContain(`Live game · code ${real}`);
      // Another address still gets the game's join form.
      expect(await render(ctx, "10.30.0.9", "live", real)).toContain(`Live game · code ${real}`);
    },
  );

  it("/join/CODE is limited by misses on /live/CODE (one count per address, whichever page)", async () => {
    const ctx = limited();
    await insertAssignment(ctx, { code: "LPG479" });
    for (const code of ["QQQQQQ", "QQQQQR", "QQQQQS"]) await render(ctx, "10.31.0.1", "live", code);
    expect(await render(ctx, "10.31.0.1", "join", "LPG479")).toMatch(LIMITED);
    expect(await render(ctx, "10.31.0.2", "join", "LPG479")).not.toMatch(LIMITED);
  });
});
