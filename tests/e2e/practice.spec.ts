// A full practice quiz, played with the keyboard only, checked for accessibility at every step.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, tabTo } from "./helpers";

test("a student plays a whole practice quiz by keyboard and sees results, review and leaderboard", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await tabTo(page, page.getByLabel("Nickname"));
  await page.keyboard.type("Keyboard Kid");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/play\/[a-z0-9]+$/);

  let checkedTimeline = false;
  let checkedChoice = false;
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`Question ${n} of 10`, { exact: true })).toBeVisible();
    const lockIn = page.getByRole("button", { name: "Lock in this order" });
    await expect(lockIn.or(page.getByText(/^Choose an answer/))).toBeVisible();
    if (await lockIn.isVisible()) {
      if (!checkedTimeline) {
        await expectNoAxeViolations(page);
        await page.screenshot({ path: "docs/screenshot-timeline.png", fullPage: true });
        checkedTimeline = true;
      }
      // dnd-kit's keyboard sensor: Space picks the first event up, ArrowDown moves it, Space drops it.
      const first = page.locator("ol[aria-label='Events, earliest first'] li").first();
      const firstText = (await first.locator("button").first().innerText()).trim();
      await tabTo(page, first.locator("button").first());
      // Each step is announced to screen readers; wait for the announcement before the next key.
      const live = page.locator("[id^='DndLiveRegion']");
      await page.keyboard.press("Space");
      await expect(live).toContainText(`${firstText} is now over position 1`);
      await page.keyboard.press("ArrowDown");
      await expect(live).toContainText(`${firstText} is now over position 2`);
      await page.keyboard.press("Space");
      await expect(live).toContainText(`Dropped ${firstText} at position 2`);
      await expect(page.locator("ol[aria-label='Events, earliest first'] li").nth(1)).toContainText(firstText);
      await tabTo(page, lockIn);
      await page.keyboard.press("Enter");
    } else {
      if (!checkedChoice) {
        await expectNoAxeViolations(page);
        checkedChoice = true;
      }
      await page.keyboard.press("2");
    }
    const next = page.getByRole("button", { name: n === 10 ? "See your results" : "Next question" });
    await expect(next).toBeFocused();
    await expect(page.getByRole("heading", { name: /Right!|Not quite|Partly right/ })).toBeVisible();
    await expect(page.getByText(/Source: FRANCE 24, 6 January 2022, (P\d+|Caption)/)).toBeVisible();
    if (n === 1) {
      await expectNoAxeViolations(page);
      await page.screenshot({ path: "docs/screenshot-feedback.png", fullPage: true });
    }
    await page.keyboard.press("Enter");
  }

  await expect(page.getByRole("heading", { name: "Well played, Keyboard Kid!" })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await expect(page.locator("section[aria-labelledby='review-title'] > ol > li")).toHaveCount(10);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "docs/screenshot-results.png" });
  const score = await page.locator("dt:has-text('Score') + dd").innerText();

  // A reload resumes the same attempt: the results and score are still there.
  await page.reload();
  await expect(page.locator("dt:has-text('Score') + dd")).toHaveText(score);

  await page.getByRole("link", { name: "See the leaderboard" }).click();
  await expect(page.getByRole("heading", { name: "Practice leaderboard" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Keyboard Kid/ }).first()).toContainText(score);
  await expectNoAxeViolations(page);
});

test("a refused nickname gets a friendly message and a suggestion that works", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Nickname").fill("x");
  await page.getByRole("button", { name: /Start a 10-question practice quiz/ }).click();
  await expect(page.getByText("Nicknames need at least 2 characters.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /^Use “/ }).click();
  await page.getByRole("button", { name: /Start a 10-question practice quiz/ }).click();
  await expect(page).toHaveURL(/\/play\//);
});

test("the study view shows the timeline with unknown orders, the cause map and sources on demand", async ({ page }) => {
  await page.goto("/study#event-government-resigns");
  await expect(page.getByRole("heading", { name: "Wednesday 5 January 2022" })).toBeVisible();
  await expect(page.getByText(/The report does not order all of these/).first()).toBeVisible();
  const item = page.locator("#event-government-resigns");
  await item.getByText("Source and ordering").click();
  await expect(item.locator("q")).toHaveText("announcing the government's resignation early on Wednesday");
  await expect(page.locator("#cause-fuel-price")).toContainText("LPG price rises");
  await expectNoAxeViolations(page);
});
