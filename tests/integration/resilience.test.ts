// Limits that hold across app instances (join-code guessing, nickname flooding),
// and a PostgreSQL outage: requests get a clear 503 and change nothing, and the
// service recovers by itself when the database is back.
import net from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { AppError } from "@/lib/app-error";
import { closeContext, createContext, setAppContext, type AppContext } from "@/lib/server/context";
import { isDatabaseUnavailable } from "@/lib/server/errors";
import { insertAssignment } from "@/lib/server/fixtures";
import { guardCodeLookup, guardNewPlayers } from "@/lib/server/play/guards";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { guardedAssignmentLeaderboard } from "@/lib/server/play/leaderboards";
import { createLimiters, limitTable } from "@/lib/server/rate-limit";
import { adminQuery, uniqueDatabaseName, withDatabase } from "../../support/postgres-admin";
import { describeEachDatabase, testConfig } from "../helpers/test-databases";
import { fromAddress } from "../helpers/addresses";

const from = (ip: string) => new Headers(fromAddress(ip));

describeEachDatabase("limits on the student side, shared by every instance", (current) => {
  /** Another app instance on the same database, with small student-side limits. */
  const instance = (ctx: AppContext): AppContext => ({
    ...ctx,
    limiters: createLimiters(ctx.db, {
      ...limitTable(ctx.config),
      codeMissesPerIp: { points: 3, duration: 600 },
      newPlayersPerIp: { points: 2, duration: 600 },
    }),
  });

  it("blocks an address that keeps trying codes that open nothing, on every instance, and no other address", async () => {
    const instanceA = instance(current());
    const instanceB = instance(current());
    const miss = (ctx: AppContext, ip: string, code: string) =>
      guardCodeLookup(ctx, from(ip), () => joinAssignment(ctx, { code, nickname: "Guesser", player: null })).then(
        () => null,
        (e: unknown) => e,
      );
    expect(await miss(instanceA, "10.20.0.1", "ACDACD")).toMatchObject({ code: "unknown_code" });
    expect(await miss(instanceB, "10.20.0.1", "ACDACE")).toMatchObject({ code: "unknown_code" });
    expect(await miss(instanceA, "10.20.0.1", "nonsense")).toMatchObject({ code: "bad_code" });
    const blocked = await miss(instanceB, "10.20.0.1", "ACDACF");
    expect(blocked).toMatchObject({ status: 429, code: "rate_limited" });
    expect((blocked as AppError).message).toMatch(
      /^Too many join codes that did not work from this network\. Try again in 10 minutes\.$/,
    );
    // Even a real code is refused to that address now; another address is unaffected.
    await insertAssignment(current(), { code: "RQT479" });
    expect(await miss(instanceA, "10.20.0.1", "RQT479")).toMatchObject({ code: "rate_limited" });
    expect(await miss(instanceA, "10.20.0.2", "RQT479")).toBeNull();
  });

  it("guards the class board the same way, with the address's counter read in the board's own statement", async () => {
    const ctx = instance(current());
    await insertAssignment(ctx, { code: "RQT743" });
    const board = (ip: string, code: string | null) =>
      guardedAssignmentLeaderboard(ctx, from(ip), code).then(
        (b) => b.visibility,
        (e: unknown) => e,
      );
    expect(await board("10.22.0.1", "RQT743")).toBe("full");
    expect(await board("10.22.0.1", "ACDACD")).toMatchObject({ status: 404, code: "unknown_code" });
    expect(await board("10.22.0.1", null)).toMatchObject({ status: 404, code: "unknown_code" });
    expect(await board("10.22.0.1", "ACDACE")).toMatchObject({ status: 404, code: "unknown_code" });
    expect(await ctx.limiters.peek("codeMissesPerIp", "10.22.0.1")).toMatchObject({ consumed: 3 });
    const blocked = await board("10.22.0.1", "RQT743");
    expect(blocked).toMatchObject({ status: 429, code: "rate_limited" });
    expect((blocked as AppError).message).toMatch(/Try again in 10 minutes\.$/);
    expect(await board("10.22.0.2", "RQT743")).toBe("full");
  });

  it("refuses a flood of new nicknames from one address, creating nothing", async () => {
    const ctx = instance(current());
    const { db } = ctx;
    await insertAssignment(ctx, { code: "FQD479" });
    const join = (nickname: string) =>
      guardNewPlayers(ctx, from("10.21.0.1"), () => joinAssignment(ctx, { code: "FQD479", nickname, player: null }));
    await join("Flood One");
    await join("Flood Two");
    const before = await db.player.count();
    await expect(join("Flood Three")).rejects.toThrow(/Too many new players from this network/);
    expect(await db.player.count()).toBe(before);
    await expect(
      guardNewPlayers(ctx, from("10.21.0.2"), () =>
        joinAssignment(ctx, { code: "FQD479", nickname: "Other Room", player: null }),
      ),
    ).resolves.toBeTruthy();
  });
});

describe("recognising an unreachable database", () => {
  it.each([
    [{ code: "ECONNREFUSED" }, true],
    [{ code: "57P01", message: "terminating connection due to administrator command" }, true],
    [{ message: "x", cause: { code: "ECONNRESET" } }, true],
    [{ kind: "DatabaseNotReachable" }, true],
    [{ message: "Connection terminated unexpectedly" }, true],
    [{ code: "P2002", message: "Unique constraint failed" }, false],
    [new TypeError("Cannot read properties of undefined"), false],
  ])("%o → %s", (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});

/** A TCP proxy in front of PostgreSQL that can cut every connection and refuse new ones. */
function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
      ),
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const pgTemplate = inject("postgresTemplate");
describe.runIf(pgTemplate)("a PostgreSQL outage", () => {
  let proxy: ReturnType<typeof cuttableProxy>;
  let app: AppContext;
  let direct: AppContext;
  let name: string;

  beforeAll(async () => {
    const template = pgTemplate!;
    name = uniqueDatabaseName("fact_trail_outage");
    await adminQuery(template.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template.database}"`);
    const url = new URL(withDatabase(template.serverUrl, name));
    proxy = cuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const port = await proxy.listen();
    const proxied = new URL(url);
    proxied.port = String(port);
    proxied.hostname = "127.0.0.1";
    app = createContext(testConfig(proxied.toString()));
    direct = createContext(testConfig(url.toString()));
    // The route handlers use the app's context: point it at the proxied database.
    setAppContext(app);
  });

  afterAll(async () => {
    setAppContext(undefined);
    proxy.restore();
    await closeContext(app);
    await closeContext(direct);
    await proxy.close();
    await adminQuery(pgTemplate!.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  const post = (path: string, body: unknown, cookie = "") =>
    new NextRequest(`http://localhost:3000${path}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...fromAddress("10.30.0.1"), ...(cookie ? { cookie } : {}) },
    });

  it("answers 503 with a clear message while the database is unreachable, writes nothing, and recovers by itself", async () => {
    const practice = await import("@/app/api/practice/route");
    const current = await import("@/app/api/attempts/[id]/current/route");
    const answers = await import("@/app/api/attempts/[id]/answers/route");

    const started = await practice.POST(post("/api/practice", { nickname: "Outage Olga" }), {} as never);
    expect(started.status).toBe(201);
    const { attemptId } = (await started.json()) as { attemptId: string };
    const cookie = started.headers.get("set-cookie")!.split(";")[0]!;
    const ctx = { params: Promise.resolve({ id: attemptId }) };
    const served = (await (await current.POST(post(`/api/attempts/${attemptId}/current`, {}, cookie), ctx)).json()) as {
      position: number;
      question: { type: string; options?: { id: string }[]; items?: { id: string }[] };
    };
    const response =
      served.question.type === "timeline" ? served.question.items!.map((i) => i.id) : served.question.options![0]!.id;
    const attemptsBefore = await direct.db.attempt.count();

    proxy.cut();
    const warn = vi.mocked(console.warn);
    const refused = await answers.POST(
      post(`/api/attempts/${attemptId}/answers`, { position: served.position, response }, cookie),
      ctx,
    );
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toEqual({
      error: {
        code: "database_unavailable",
        message: expect.stringMatching(/cannot reach its database.*Nothing you did is lost/),
      },
    });
    const newQuiz = await practice.POST(post("/api/practice", { nickname: "Outage Omar" }), {} as never);
    expect(newQuiz.status).toBe(503);
    expect(await direct.db.answer.count({ where: { attemptId } })).toBe(0);
    expect(await direct.db.attempt.count()).toBe(attemptsBefore);

    proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (
        await answers.POST(
          post(`/api/attempts/${attemptId}/answers`, { position: served.position, response }, cookie),
          ctx,
        )
      ).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect(await direct.db.answer.count({ where: { attemptId } })).toBe(1);
    expect(warn).toHaveBeenCalled();
    warn.mockClear();
    vi.mocked(console.error).mockClear();
  });
});
