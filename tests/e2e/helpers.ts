import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test, type Locator, type Page } from "@playwright/test";

/**
 * A port for a server a test starts itself: E2E_PORT (the app's, default 3210) plus an
 * offset, so two checkouts can run their end-to-end suites side by side.
 */
export function extraPort(offset: number): number {
  return (Number(process.env.E2E_PORT) || 3210) + offset;
}

/**
 * Where a README screenshot is written: docs/ when refreshing them (`npm run screenshots`),
 * else this test's output folder, so `npm test` never rewrites the committed pictures.
 */
export function screenshotPath(name: string): string {
  return process.env.DOCS_SCREENSHOTS === "1" ? path.join("docs", name) : test.info().outputPath(name);
}

/** Waits for entrance animations to finish, so checks see the page as a reader does. */
export async function waitForSettled(page: Page): Promise<void> {
  // framer-motion animates through inline styles and the Web Animations API: wait for both to rest.
  // A looping animation (the streak flame's flicker) never ends: wait only for the ones that do.
  await page.waitForFunction(() => {
    const faded = [...document.querySelectorAll<HTMLElement>("main [style*='opacity']")].some(
      (el) => el.style.opacity !== "" && el.style.opacity !== "1",
    );
    const moving = document
      .getAnimations()
      .some((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity);
    return !faded && !moving;
  });
}

/** Runs axe-core on the settled page and expects no violations, listing any it finds. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await waitForSettled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found).toEqual([]);
}

/**
 * Waits for a question to be on screen, a timeline or a choice (question `n` of 10 when given);
 * returns the timeline's "Lock in this order" button, visible only when the question is a timeline.
 */
export async function questionOnScreen(page: Page, n?: number): Promise<Locator> {
  if (n !== undefined) await expect(page.getByText(`Question ${n} of 10`, { exact: true })).toBeVisible();
  const lockIn = page.getByRole("button", { name: "Lock in this order" });
  await expect(lockIn.or(page.getByText(/^Choose an answer/))).toBeVisible();
  return lockIn;
}

/** Presses Tab until `target` has focus: how a keyboard-only player reaches a control. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target} with Tab`);
}

/** The e2e server's SQLite file, to seed rows the teacher side would create. */
export function e2eDatabase(): Database.Database {
  const file = process.env.E2E_DATABASE_FILE;
  if (!file) throw new Error("E2E_DATABASE_FILE is not set (playwright.config.ts sets it)");
  const db = new Database(file, { timeout: 5000 });
  return db;
}

/** A quick assignment to play through: three multiple-choice questions, untimed, any number of attempts, a full board. */
export const QUICK_ASSIGNMENT = {
  count: 3,
  kinds: ["multiple-choice"],
  timeLimitSeconds: null,
  speedBonus: true,
  streakBonus: true,
  attemptsAllowed: null,
  sameQuestions: true,
  leaderboard: "full",
};

export function seedAssignment(
  code: string,
  settings: Record<string, unknown>,
  title = "Year 10 — Kazakhstan check-in",
): void {
  const db = e2eDatabase();
  try {
    db.prepare(
      `INSERT OR IGNORE INTO "Assignment" ("id", "code", "title", "topic", "settings", "createdAt") VALUES (?, ?, ?, 'kazakhstan-2022', ?, ?)`,
    ).run(`e2e${code.toLowerCase()}${Date.now()}`, code, title, JSON.stringify(settings), Date.now());
  } finally {
    db.close();
  }
}

/** Visible interactive elements smaller than 44 × 44 px (WCAG 2.5.5), described for the failure message. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((el) => {
      const box = el.getBoundingClientRect();
      // Not rendered (a folded section, a closed popover, the other layout's diagram) or visually
      // hidden until focused (the skip link): not a target a finger can miss.
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === "hidden") return [];
      if (box.width >= 43.5 && box.height >= 43.5) return [];
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
      return [`<${el.tagName.toLowerCase()}> "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`];
    });
  });
}

/** How far the page scrolls sideways (0 when it fits the screen's width). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A phone screen as it should be: nothing scrolls sideways, no target under 44 × 44 px (`where` names it in a failure). */
export async function expectPhoneFriendly(page: Page, where: string): Promise<void> {
  expect(await horizontalOverflow(page), `${where} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `${where} has targets under 44 × 44 px`).toEqual([]);
}

/** Signs a new teacher up through the form and waits for their classes page. */
export async function signUpTeacher(page: Page, name: string, address: string, password = "correct horse battery") {
  await page.goto("/teacher/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("School email").fill(address);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create teacher account" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
}

/**
 * The texts under `locator` that a line break cuts inside a word ("Revie / w", "Your ans / wer"):
 * a text laid out on more lines than it has words. Hidden elements are skipped.
 */
export async function wordsCutAcrossLines(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els.flatMap((el) => {
      if (el.getClientRects().length === 0) return [];
      // Each text node apart: its lines (by their rectangles' bottoms) against its words.
      const cut: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? "").trim();
        if (!text) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > text.split(/\s+/).length) cut.push(text);
      }
      return cut;
    }),
  );
}
