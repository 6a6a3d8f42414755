import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshotPath, waitForSettled } from "./helpers";

test("the home page introduces the topic from the content pack and cites its source", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await expect(page).toHaveTitle("Fact Trail — Kazakhstan, January 2022");
  await expect(page.getByRole("heading", { level: 1, name: "Kazakhstan, January 2022" })).toBeVisible();
  await expect(page.getByText(/rising price of a fuel poorer people use/)).toBeVisible();
  await expect(page.getByRole("region", { name: "The causes" }).getByText("LPG price rises.")).toBeVisible();
  await expect(page.getByRole("region", { name: "The source" })).toContainText("FRANCE 24 with AFP and Reuters");
  await waitForSettled(page);
  await page.screenshot({ path: screenshotPath("screenshot-home.png"), fullPage: true });
});

test("the home page has no accessibility violations (axe-core), with and without motion", async ({ page }) => {
  await page.goto("/");
  await expectNoAxeViolations(page);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.reload();
  await expectNoAxeViolations(page);
});

test("the home page is usable by keyboard: the skip link moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the home page under reduced motion loads without a hydration error", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.reload();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("a citation badge works from the keyboard: Enter opens the report's words, Escape closes them, focus returns", async ({
  page,
}) => {
  await page.goto("/");
  const causes = page.getByRole("region", { name: "The causes" });
  const badge = causes.getByRole("button", {
    name: /^Source P4 · P8 ?: paragraph 4 and paragraph 8, with the quoted words$/,
  });
  await badge.first().focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Source: paragraph 4 and paragraph 8" }).locator("visible=true");
  await expect(dialog).toHaveCount(1);
  // The words of the report for this cause, each under its paragraph, then the source.
  await expect(dialog).toContainText("P4a fuel price hikeP8liquefied petroleum gas, a fuel used by the poor");
  await expect(dialog.locator("q")).toHaveText([
    "a fuel price hike",
    "liquefied petroleum gas, a fuel used by the poor to power their cars",
  ]);
  await expect(dialog).toContainText("Paragraph 4 and paragraph 8 of “Deadly clashes rock Kazakhstan's largest city");
  // Tab goes into the card (its Close button), Escape closes it and gives focus back to the badge.
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator(":popover-open")).toHaveCount(0);
  await expect(badge.first()).toBeFocused();
  // The Close button does the same.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator(":popover-open")).toHaveCount(0);
  await expect(badge.first()).toBeFocused();
});
