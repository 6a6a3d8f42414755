// Security headers on every page, and a Content-Security-Policy the pages really
// satisfy: each page of the student and teacher flows is loaded with the CSP
// enforced and must report no violation (and still work: scripts hydrate).
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabase, extraPort, QUICK_ASSIGNMENT, seedAssignment } from "./helpers";

const violations: string[] = [];

async function watch(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
}

async function expectCleanPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  const h = response!.headers();
  expect(h["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const seen = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect(seen, url).toEqual([]);
}

test("every page is served with security headers and breaks no rule of its CSP", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await watch(page);
  for (const url of ["/", "/study", "/join", "/leaderboard", "/teacher/sign-in", "/teacher/sign-up", "/join/DEMZZZ"])
    await expectCleanPage(page, url);

  // A practice quiz: the scripted page hydrates under the CSP (the key 1 answers).
  await page.goto("/");
  await page.getByLabel("Nickname").fill("Csp Tester");
  await page.getByRole("button", { name: "Play now" }).click();
  await expect(page).toHaveURL(/\/play\//);
  await expectCleanPage(page, page.url());
  await expect(page.getByText("Question 1 of 10", { exact: true })).toBeVisible();

  // The teacher pages, signed in, including the charts and the QR code.
  await page.goto("/teacher/sign-up");
  await page.getByLabel("Your name").fill("Csp Teacher");
  await page.getByLabel("School email").fill(`csp-${Date.now()}@school.test`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create teacher account" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  await expectCleanPage(page, "/teacher");
  await page.getByLabel("Class name").fill("Csp class");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teacher\/classes\//);
  await expectCleanPage(page, page.url());
  await page.getByLabel("Title", { exact: true }).fill("Csp quiz");
  await page.getByLabel("Number of questions").fill("3");
  await page.getByLabel("Multiple choice only").check();
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page).toHaveURL(/\/teacher\/assignments\//);
  const assignmentUrl = page.url();
  const code = (await page.getByLabel(/^Join code:/).textContent())!.trim();
  // One finished student so the charts render.
  const student = await browser.newContext();
  const s = await student.newPage();
  await s.goto(`/join/${code}`);
  await s.getByLabel("Nickname").fill("Chart Maker");
  await s.getByRole("button", { name: "Join the quiz" }).click();
  for (let n = 1; n <= 3; n++) {
    await expect(s.getByText(`Question ${n} of 3`, { exact: true })).toBeVisible();
    await s.keyboard.press("1");
    await s.getByRole("button", { name: n === 3 ? "See your results" : "Next question", exact: true }).click();
  }
  await expectCleanPage(s, s.url());
  await expectCleanPage(s, `/leaderboard/${code}`);
  await student.close();
  await expectCleanPage(page, assignmentUrl);
  await expect(page.getByText("Best scores: how many students in each range")).toBeVisible();
  await expectCleanPage(page, "/teacher/questions");

  expect(violations).toEqual([]);
});

test("API responses carry nosniff and a deny-all CSP, and no page may be framed", async ({ request }) => {
  const api = await request.get("/api/leaderboards/practice?period=week");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  const page = await request.get("/");
  expect(page.headers()["x-frame-options"]).toBe("DENY");
});

test("a production server with a bad configuration refuses to start and names the variable", async () => {
  test.setTimeout(90_000);
  const { spawn } = await import("node:child_process");
  const strong = "k3P9xQ2vLm8RtZ5wYc1NbH7dFj4GsA6e";
  const cases: [Record<string, string | undefined>, string][] = [
    [{ BETTER_AUTH_SECRET: undefined }, "BETTER_AUTH_SECRET is not set"],
    [{ BETTER_AUTH_SECRET: "too-short" }, "BETTER_AUTH_SECRET is too weak"],
    [
      { BETTER_AUTH_SECRET: strong, TRUSTED_PROXY_HOPS: "two" },
      'TRUSTED_PROXY_HOPS must be a whole number from 0 to 20; got "two"',
    ],
    [
      { BETTER_AUTH_SECRET: strong, DATABASE_POOL_SIZE: "0" },
      'DATABASE_POOL_SIZE must be a whole number from 2 to 10000; got "0"',
    ],
  ];
  for (const [vars, message] of cases) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: `file:/tmp/fact-trail-bad-config-${extraPort(31)}.db`,
    };
    for (const [name, value] of Object.entries(vars)) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(extraPort(31))], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(null);
      }, 30_000);
      child.once("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, output).toBe(1);
    expect(output).toContain(`Fact Trail cannot start. The configuration has a problem:\n  - ${message}`);
  }
});

/** The security headers every answer carries, refusals included. */
function expectSecurityHeaders(headers: Record<string, string>, label: string) {
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
}

test("malformed percent-encoding in any dynamic segment is a 400 with the security headers, never a 5xx", async ({
  request,
}) => {
  const bad = ["%FF", "%E0%A4%A", "%", "%ZZ", "abc%C3%28"];
  const routes = [
    "/join/$",
    "/play/$",
    "/leaderboard/$",
    "/teacher/classes/$",
    "/teacher/assignments/$",
    "/teacher/assignments/$/csv/students",
    "/teacher/assignments/cmxxxxxxxxxxxxxxxxxxxxxxx/csv/$",
    "/api/attempts/$/current",
    "/api/attempts/$/answers",
    "/api/attempts/$/results",
    "/api/attempts/$/again",
    "/api/leaderboards/$",
  ];
  for (const route of routes)
    for (const segment of bad) {
      const url = route.replace("$", segment);
      for (const method of ["GET", "POST"] as const) {
        const response = await request.fetch(url, { method, ...(method === "POST" ? { data: {} } : {}) });
        expect(response.status(), `${method} ${url}`).toBe(400);
        expectSecurityHeaders(response.headers(), `${method} ${url}`);
      }
    }
});

test("a removed student who reloads their quiz gets a 403 with the security headers and the page that says why", async ({
  browser,
}) => {
  const code = "RMV347";
  seedAssignment(code, QUICK_ASSIGNMENT);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  await page.getByLabel("Nickname").fill("Removed Rami");
  await page.getByRole("button", { name: "Join the quiz" }).click();
  await expect(page.getByText("Question 1 of 3", { exact: true })).toBeVisible();
  const attemptId = new URL(page.url()).pathname.split("/").at(-1)!;
  // What the teacher's "Remove" writes (lib/server/teacher/moderation.ts) for a quiz in progress.
  const db = e2eDatabase();
  try {
    db.prepare(`UPDATE "Attempt" SET "status" = 'removed' WHERE "id" = ?`).run(attemptId);
  } finally {
    db.close();
  }
  const response = await page.reload();
  // 403, not 410: the teacher can let the student back in, so the quiz is not gone for good.
  expect(response?.status()).toBe(403);
  expectSecurityHeaders(response!.headers(), "removed");
  await expect(page.getByRole("heading", { name: "Your teacher removed you from this quiz" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the start" })).toBeVisible();
  await context.close();
});

test("server actions with a forged origin, a malformed body or an oversized form are refused with a 4xx", async ({
  request,
  baseURL,
}) => {
  // A real action id, as the sign-in page embeds it for its form.
  const html = await (await request.get("/teacher/sign-in")).text();
  const actionId = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.[1];
  expect(actionId).toBeTruthy();
  const pages = ["/teacher/sign-in", "/teacher/sign-up", "/teacher", "/teacher/classes/cmxxxxxxxxxxxxxxxxxxxxxxx", "/"];
  const form = '--zz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--zz--\r\n';
  for (const page of pages) {
    for (const origin of ["https://evil.example", "null", `${baseURL}.evil.example`, "http://localhost:1"]) {
      const forged = await request.post(page, {
        headers: { origin, "next-action": actionId!, "content-type": "multipart/form-data; boundary=zz" },
        data: Buffer.from(form),
      });
      expect(forged.status(), `${page} from ${origin}`).toBe(403);
      expectSecurityHeaders(forged.headers(), `${page} from ${origin}`);
    }
    const malformed: [string, string | Buffer][] = [
      ["text/plain;charset=UTF-8", "garbage"],
      ["text/plain;charset=UTF-8", "[1,2"],
      ["text/plain;charset=UTF-8", '["$@1"]'],
      ["multipart/form-data; boundary=zz", "--zz\r\nContent-Dispos"],
      ["multipart/form-data; boundary=zz", "--zz\r\nX: y\r\n\r\nfoo\r\n--zz--\r\n"],
      ["application/x-www-form-urlencoded", "a=%ZZ&b"],
    ];
    for (const [type, body] of malformed) {
      const response = await request.post(page, {
        headers: { origin: baseURL!, "next-action": actionId!, "content-type": type },
        data: body,
      });
      const label = `${page} ${type} ${String(body).slice(0, 20)}`;
      // Never a 5xx; where the action belongs to the page (the sign-in and sign-up forms), a 4xx.
      expect(response.status(), label).toBeLessThan(500);
      if (page.startsWith("/teacher/sign-")) expect(response.status(), label).toBeGreaterThanOrEqual(400);
      expectSecurityHeaders(response.headers(), label);
    }
    const big = await request.post(page, {
      headers: { origin: baseURL!, "next-action": actionId!, "content-type": "multipart/form-data; boundary=zz" },
      data: Buffer.from(
        `--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\n${"a".repeat(1_100_000)}\r\n--zz--\r\n`,
      ),
    });
    expect(big.status(), `${page} 1.1 MB`).toBe(413);
    expectSecurityHeaders(big.headers(), `${page} 1.1 MB`);
  }
  // The real form still works from the site's own origin (a wrong password is a form error, not a refusal).
  const own = await request.post("/teacher/sign-in", {
    headers: { origin: baseURL!, "next-action": actionId!, "content-type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(["$K1", { id: "" }]),
  });
  expect(own.status()).toBeLessThan(500);
});

test("a 300-character word in a class name or title wraps: no page is wider than a 375 px phone", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const word = "Ы".repeat(150) + "W".repeat(150);
  const fitsThePhone = async (label: string) => {
    await page.waitForLoadState("load");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, label).toBeLessThanOrEqual(375);
  };
  await page.goto("/teacher/sign-up");
  await page.getByLabel("Your name").fill(word.slice(0, 80));
  await page.getByLabel("School email").fill(`wide-${Date.now()}@school.test`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create teacher account" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  // A class name with a right-to-left override is refused, with a message next to the field.
  await page.getByLabel("Class name").fill("10B \u202Eyrotsih");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(
    page.getByText("The class name contains invisible or direction-changing characters.").first(),
  ).toBeVisible();
  await page.getByLabel("Class name").fill(word.slice(0, 60));
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/teacher\/classes\//);
  await fitsThePhone("class page");
  // The check can fail: without the wrapping rule the same page is wider than the phone.
  const unwrapped = await page.evaluate(() => {
    document.documentElement.style.overflowWrap = "normal";
    const width = document.documentElement.scrollWidth;
    document.documentElement.style.overflowWrap = "";
    return width;
  });
  expect(unwrapped).toBeGreaterThan(375);
  await page.getByLabel("Title", { exact: true }).fill(word.slice(0, 80));
  await page.getByLabel("Number of questions").fill("3");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page).toHaveURL(/\/teacher\/assignments\//);
  await fitsThePhone("assignment page");
  const code = (await page.getByLabel(/^Join code:/).textContent())!.trim();
  await page.goto("/teacher");
  await fitsThePhone("teacher home");
  for (const url of [`/join/${code}`, `/leaderboard/${code}`]) {
    await page.goto(url);
    await fitsThePhone(url);
  }
  await context.close();
});
