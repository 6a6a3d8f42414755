// The rate limits as a hostile client meets them on a real `next start` (started as
// `npm start` starts it): who a request is "from" cannot be made up.
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "../../support/server";
import { extraPort } from "./helpers";

test.describe.configure({ mode: "serial" });

const dirs: string[] = [];
test.afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A production server on a fresh SQLite file, with small limits. */
async function serverWith(offset: number, env: Record<string, string>): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-limits-"));
  dirs.push(dir);
  return startServer(`file:${path.join(dir, "limits.db")}`, extraPort(offset), { SEED_DEMO: "0", ...env });
}

/** A join with a code that opens nothing, "from" whatever the headers claim. */
async function missCode(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${url}/api/join`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ code: "QQQQQQ", nickname: "Code Guesser" }),
  });
  await response.arrayBuffer();
  return response.status;
}

test("with no trusted proxy, a made-up X-Forwarded-For (or our own peer header) does not escape a per-address limit", async () => {
  test.setTimeout(120_000);
  const server = await serverWith(13, { TRUSTED_PROXY_HOPS: "0", CODE_MISS_LIMIT_PER_IP: "3" });
  try {
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      // A fresh fake address per request, in both headers a client could think of.
      statuses.push(
        await missCode(server.url, { "x-forwarded-for": `198.51.100.${i}`, "x-fact-trail-peer": `192.0.2.${i}` }),
      );
    }
    expect(statuses).toEqual([404, 404, 404, 429, 429, 429]);
  } finally {
    await server.stop();
  }
});

test("behind one trusted proxy, the limit keys on the entry the proxy wrote (the last), not on what the client wrote before it", async () => {
  test.setTimeout(120_000);
  const server = await serverWith(14, { TRUSTED_PROXY_HOPS: "1", CODE_MISS_LIMIT_PER_IP: "3" });
  try {
    // The client prepends made-up entries; the proxy appends the address it saw (203.0.113.5).
    const sameClient: number[] = [];
    for (let i = 1; i <= 5; i++)
      sameClient.push(await missCode(server.url, { "x-forwarded-for": `198.51.100.${i}, 203.0.113.5` }));
    expect(sameClient).toEqual([404, 404, 404, 429, 429]);
    // Other students behind the same proxy are other addresses: not limited by that one.
    for (let i = 1; i <= 3; i++)
      expect(await missCode(server.url, { "x-forwarded-for": `203.0.113.${10 + i}` })).toBe(404);
    // A request that reached the app directly (no X-Forwarded-For) counts as its TCP peer, here 127.0.0.1:
    // the server really sees the socket's address (scripts/peer-address.mjs), the same key as a proxied 127.0.0.1.
    for (let i = 1; i <= 3; i++) expect(await missCode(server.url, { "x-forwarded-for": "127.0.0.1" })).toBe(404);
    expect(await missCode(server.url, {})).toBe(429);
  } finally {
    await server.stop();
  }
});

test("after a join on the same server, spent sign-in limits answer with their message, not a 500", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const server = await serverWith(15, {});
  const context = await browser.newContext({ baseURL: server.url });
  try {
    // A join first: the limiters are made by the join route's bundle (issue 13: sign-ins then answered 500).
    expect(await missCode(server.url, {})).toBe(404);
    const page = await context.newPage();
    await page.goto("/teacher/sign-up");
    await page.getByLabel("Your name").fill("Limit Teacher");
    await page.getByLabel("School email").fill("limits@school.test");
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create teacher account" }).click();
    await expect(page).toHaveURL(/\/teacher$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/teacher\/sign-in$/);

    const signIn = async (password: string) => {
      await page.getByLabel("School email").fill("limits@school.test");
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    const formAlert = page.locator('[role="alert"]:not(#__next-route-announcer__)');
    for (let i = 1; i <= 5; i++) {
      await signIn(`wrong password ${i}`);
      await expect(formAlert).toContainText("That email and password do not match an account.");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await signIn("correct horse battery");
    await expect(formAlert).toContainText(/Too many failed sign-in attempts for this account/);
    await expect(page).toHaveURL(/\/teacher\/sign-in$/);
  } finally {
    await context.close();
    await server.stop();
  }
});

/**
 * Sends `total` bytes as a chunked body (64 kB chunks, each written once the socket drains) until the
 * server answers or closes. Returns the status line's code and how much of the body went out.
 */
function chunkedUpload(
  baseURL: string,
  path: string,
  headers: Record<string, string>,
  total: number,
): Promise<{ status: number; sent: number }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let sent = 0;
    let answer = "";
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      resolve({ status, sent });
    };
    socket.on("data", (data) => {
      answer += data.toString("latin1");
      if (answer.includes("\r\n\r\n")) finish();
    });
    socket.on("close", finish);
    socket.on("error", () => finish());
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!finished && sent < total) {
        sent += chunk.length;
        const ok = socket.write(`${chunk.length.toString(16)}\r\n`) && socket.write(chunk) && socket.write("\r\n");
        if (!ok) return void socket.once("drain", pump);
      }
      if (!finished) socket.write("0\r\n\r\n");
    };
    socket.on("connect", () => {
      const lines = [`POST ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, "Transfer-Encoding: chunked"];
      for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      pump();
    });
    setTimeout(() => (finished ? undefined : reject(new Error(`no answer after sending ${sent} bytes`))), 60_000);
  });
}

test("a chunked 100 MB body is refused at the limit: the server stops reading long before the end", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const total = 100 * 1024 * 1024;
  for (const [path, status] of [
    ["/api/join", 413],
    ["/api/practice", 413],
    ["/api/ping", 413],
    // A page (a server action's target) takes no body of undeclared length.
    ["/teacher/sign-in", 411],
  ] as const) {
    const upload = await chunkedUpload(baseURL!, path, { "content-type": "application/json" }, total);
    // The refusal is sent with Connection: close while the client is still sending; closing a socket with unread
    // data sends a reset, and a reset can make the client's kernel drop the answer before it is read (every
    // fresh-check run on 28 Nov, never the spec alone). Until the guard closes lingeringly, a reset is accepted;
    // the server must still stop reading long before the end.
    expect([status, 0], path).toContain(upload.status);
    // Socket buffers on both sides hold a few MB; the server read a few kB of it.
    expect(upload.sent, path).toBeLessThan(16 * 1024 * 1024);
  }
});

test("declared oversized bodies and cross-site form posts are refused before Next.js reads them, with the security headers", async ({
  baseURL,
}) => {
  const big = await fetch(`${baseURL}/teacher/sign-in`, {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x", "next-action": "0".repeat(42) },
    body: `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n${"a".repeat(1024 * 1024 + 10)}\r\n--x--\r\n`,
  });
  expect(big.status).toBe(413);
  expect(big.headers.get("x-content-type-options")).toBe("nosniff");
  expect(big.headers.get("x-frame-options")).toBe("DENY");
  const api = await fetch(`${baseURL}/api/join`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: "QQQQQQ", nickname: "x".repeat(100_000) }),
  });
  expect(api.status).toBe(413);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("too_large");
  for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example"]) {
    const forged = await fetch(`${baseURL}/teacher/sign-in`, {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded", "next-action": "0".repeat(42) },
      body: "email=a%40b.c&password=x",
    });
    expect(forged.status, origin).toBe(403);
    expect(forged.headers.get("content-security-policy"), origin).toContain("default-src 'none'");
  }
});

/** The player cookie a new practice quiz sets, "over" whatever protocol the headers claim. */
async function playerCookie(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}/api/practice`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ nickname: "Cookie Cora" }),
  });
  expect(response.status).toBe(201);
  return response.headers.get("set-cookie") ?? "";
}

test("the player cookie is Secure only when a trusted proxy says HTTPS; HSTS only when the site is https", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  // No proxy (the e2e server): a client's X-Forwarded-Proto does not make the cookie Secure, and no HSTS.
  expect(await playerCookie(baseURL!, { "x-forwarded-proto": "https" })).not.toMatch(/;\s*Secure/i);
  expect((await fetch(`${baseURL}/`)).headers.get("strict-transport-security")).toBeNull();

  const proxied = await serverWith(16, { TRUSTED_PROXY_HOPS: "1" });
  try {
    expect(await playerCookie(proxied.url, { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9" })).toMatch(
      /;\s*Secure/i,
    );
    // The client wrote "https" before the proxy's "http": the proxy's word counts.
    expect(
      await playerCookie(proxied.url, { "x-forwarded-proto": "https, http", "x-forwarded-for": "203.0.113.9" }),
    ).not.toMatch(/;\s*Secure/i);
  } finally {
    await proxied.stop();
  }

  const https = await serverWith(17, { BETTER_AUTH_URL: "https://quiz.example.test" });
  try {
    for (const path of ["/", "/api/ping", "/join/%FF"]) {
      const response = await fetch(`${https.url}${path}`);
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
    }
    expect(await playerCookie(https.url, {})).toMatch(/;\s*Secure/i);
  } finally {
    await https.stop();
  }
});
