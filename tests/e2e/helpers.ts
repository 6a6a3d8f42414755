import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Waits for entrance animations to finish, so checks see the page as a reader does. */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("main *")].every((el) => getComputedStyle(el).opacity === "1"),
  );
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
