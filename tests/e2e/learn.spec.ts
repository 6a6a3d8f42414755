// Learn mode in the browser: started from the home page, each question saying why it was
// picked; the next round brings back what was missed; the study view then marks what the
// player knows, what is shaky and what is new (and nothing for a stranger). At 1366 px and
// on a 390 px phone, with the accessibility check on each new screen.
import { expect, test, type Page } from "@playwright/test";
import {
  expectNoAxeViolations,
  horizontalOverflow,
  questionOnScreen,
  screenshotPath,
  smallTargets,
  waitForSettled,
} from "./helpers";

/** Answers every question of the quiz on screen: the second option, or a timeline as it stands. */
async function playRound(page: Page, shot?: string) {
  for (let n = 1; n <= 10; n++) {
    const lockIn = await questionOnScreen(page, n);
    await expect(page.getByText("Why this one")).toBeVisible();
    if (n === 1 && shot) {
      await waitForSettled(page);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: screenshotPath(shot) });
    }
    if (await lockIn.isVisible()) await lockIn.click();
    else await page.locator("fieldset button").nth(1).click();
    await page.getByRole("button", { name: n === 10 ? "See your results" : "Next question" }).click();
  }
  await expect(page.locator("#results-title")).toBeFocused();
}

for (const [width, height, suffix] of [
  [1366, 900, "desktop"],
  [390, 844, "phone"],
] as const) {
  test(`Learn mode at ${width} px: why each question, misses back next round, the study view's marks`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: width < 500 });
    const page = await context.newPage();
    await page.goto("/study");
    await expect(page.getByText("What you know so far")).toHaveCount(0); // a stranger: no marks

    await page.goto("/");
    await page.getByLabel("Nickname").fill(`Learner ${suffix}`);
    await page.getByRole("button", { name: "Learn: what is due, weakest first" }).click();
    await expect(page).toHaveURL(/\/play\//);
    await expect(page.getByText(/^Learn: what is due/)).toBeVisible();
    await expect(page.getByText("Why this one").locator("..")).toContainText("New");
    await playRound(page);

    // Results offer the next round; it starts with what this round missed or swapped.
    await page.getByRole("button", { name: "Learn on: the next round" }).click();
    await expect(page.getByText("Question 1 of 10", { exact: true })).toBeVisible();
    await expect(page.getByText("Why this one").locator("..")).toContainText(/You missed this last time|You swapped/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    if (width < 500) expect(await smallTargets(page)).toEqual([]);
    await waitForSettled(page);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshotPath(`screenshot-learn-question-${suffix}.png`) });

    await page.goto("/study");
    await expect(page.getByRole("heading", { name: "What you know so far" })).toBeVisible();
    for (const mark of ["Known", "Shaky", "New"])
      await expect(page.getByText(mark, { exact: true }).first()).toBeVisible();
    await expect(
      page
        .locator("#course-heading-section")
        .getByText(/^(Known|Shaky)$/)
        .first(),
    ).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await waitForSettled(page);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshotPath(`screenshot-learn-study-${suffix}.png`) });
    await context.close();
  });
}

test("the results of a practice quiz offer Learn", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByLabel("Nickname").fill("Practice Then Learn");
  await page.getByRole("button", { name: "Play now" }).click();
  await expect(page).toHaveURL(/\/play\//);
  for (let n = 1; n <= 10; n++) {
    const lockIn = await questionOnScreen(page, n);
    if (await lockIn.isVisible()) await lockIn.click();
    else await page.locator("fieldset button").nth(2).click();
    await page.getByRole("button", { name: n === 10 ? "See your results" : "Next question" }).click();
  }
  await page.getByRole("button", { name: "Learn: what is due, weakest first" }).click();
  await expect(page.getByText(/^Learn: what is due/)).toBeVisible();
  await expect(page.getByText("Why this one").locator("..")).toContainText(/You missed this last time|You swapped/);
});
