// Lighthouse (mobile emulation, simulated throttling) on the production build, offline,
// in the same Chromium the e2e tests use: performance (target ≥ 95) and accessibility
// (target 100) on the home page, the study view, a practice question and the results.
// Beside them, the play page's first-load JavaScript (target ≤ 150 kB gzip).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { BenchRow } from "./measure";
import { firstLoadJs, firstLoadJsRow } from "./play";
import { resolveChromium } from "../scripts/chromium.mjs";
import { ensureBuild, startServer } from "../support/server";

// The e2e tests' Chromium: CHROMIUM_PATH, Debian's, or the one from npm (no apt package needed).
const CHROMIUM = resolveChromium().executablePath;

async function practiceAttempt(baseUrl: string, nickname: string): Promise<{ attemptId: string; cookie: string }> {
  const start = await fetch(`${baseUrl}/api/practice`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nickname }),
  });
  if (!start.ok) throw new Error(`benchmark setup: starting a practice quiz got ${start.status}`);
  const { attemptId } = (await start.json()) as { attemptId: string };
  return { attemptId, cookie: start.headers.get("set-cookie")!.split(";")[0]! };
}

/** Plays a practice quiz to the end through the API (every answer "time ran out"), for the results page. */
async function finishedAttempt(baseUrl: string): Promise<{ attemptId: string; cookie: string }> {
  const attempt = await practiceAttempt(baseUrl, "Bench Results");
  const headers = { "content-type": "application/json", cookie: attempt.cookie };
  for (;;) {
    const current = await fetch(`${baseUrl}/api/attempts/${attempt.attemptId}/current`, { method: "POST", headers });
    if (current.status === 409) return attempt;
    const { position } = (await current.json()) as { position: number };
    const answer = await fetch(`${baseUrl}/api/attempts/${attempt.attemptId}/answers`, {
      method: "POST",
      headers,
      body: JSON.stringify({ position, response: null }),
    });
    if (!answer.ok) throw new Error(`benchmark setup: an answer got ${answer.status}`);
  }
}

export async function benchLighthouse(port = Number(process.env.BENCH_PORT) || 3302): Promise<BenchRow[]> {
  ensureBuild();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-lighthouse-"));
  const server = await startServer(`file:${path.join(dir, "bench.db")}`, port, { SEED_DEMO: "0" });
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    // Launched inside the try: a browser that fails to start must not leave the server running.
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
    const question = await practiceAttempt(server.url, "Bench Question");
    const results = await finishedAttempt(server.url);
    const pages: [string, string, string | null][] = [
      ["home", "/", null],
      ["study", "/study", null],
      ["practice question", `/play/${question.attemptId}`, question.cookie],
      ["results", `/play/${results.attemptId}`, results.cookie],
    ];
    const rows: BenchRow[] = [];
    for (const [name, route, cookie] of pages) {
      // A warm-up load, so the first measured page is not paying for a cold server.
      await fetch(`${server.url}${route}`, { headers: cookie ? { cookie } : {} });
      const run = await lighthouse(`${server.url}${route}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: cookie ? { cookie } : undefined,
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${route}`);
      const { categories, audits } = run.lhr;
      const performance = Math.round((categories.performance?.score ?? 0) * 100);
      const accessibility = Math.round((categories.accessibility?.score ?? 0) * 100);
      const metric = (id: string) => audits[id]?.displayValue ?? "—";
      const failedA11y = Object.values(audits)
        .filter((a) => a.score === 0 && categories.accessibility?.auditRefs.some((r) => r.id === a.id))
        .map((a) => a.id);
      rows.push(
        {
          benchmark: "lighthouse",
          metric: `${name} (${route.startsWith("/play/") ? "/play/…" : route}): performance`,
          value: performance,
          unit: "/100",
          target: "≥ 95",
          ok: performance >= 95,
          note: `FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`,
        },
        {
          benchmark: "lighthouse",
          metric: `${name}: accessibility`,
          value: accessibility,
          unit: "/100",
          target: "100",
          ok: accessibility === 100,
          note: failedA11y.length ? `failing: ${failedA11y.join(", ")}` : "mobile emulation, Lighthouse defaults",
        },
      );
    }
    const js = await firstLoadJs(server.url);
    rows.push(firstLoadJsRow("lighthouse", js, "; sound, confetti, layout animation and drag-and-drop load later"));
    return rows;
  } finally {
    chrome?.kill();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
