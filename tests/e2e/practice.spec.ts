// A full practice quiz, played with the keyboard only, checked for accessibility at every step.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, questionOnScreen, screenshotPath, tabTo } from "./helpers";

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
    const lockIn = await questionOnScreen(page, n);
    if (await lockIn.isVisible()) {
      if (!checkedTimeline) {
        await expectNoAxeViolations(page);
        await page.screenshot({ path: screenshotPath("screenshot-timeline.png"), fullPage: true });
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
        await expect(page.getByText(/^Choose an answer/)).toHaveText(/^Choose an answer, or press 1–4\.$/, {
          useInnerText: true,
        });
        await expectNoAxeViolations(page);
        checkedChoice = true;
      }
      await page.keyboard.press("2");
    }
    // Verdict first: focus lands on it (a screen reader says it), one Tab reaches "Next".
    const verdict = page.locator("#verdict-title");
    await expect(verdict).toBeFocused();
    await expect(verdict).toHaveText(/^(Right!|Not quite|Partly right|Time.s up) (\d+ points|No points)\./);
    await expect(verdict).toBeInViewport();
    // "Why?" is one tap away: the explanation and the citation badge inside it.
    const why = page.locator("summary", { hasText: "Why? The explanation and its source" });
    await expect(why).toBeVisible();
    if (n === 1) {
      await expectNoAxeViolations(page);
      await page.screenshot({ path: screenshotPath("screenshot-feedback.png"), fullPage: true });
      await why.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("button", { name: /^Source (P\d+|Caption)/ })).toBeVisible();
      await expectNoAxeViolations(page);
      // Off to the study view and Back: the page the router kept showed the unanswered question; now the verdict.
      const said = await verdict.innerText();
      await page
        .getByRole("link", { name: /Study this in context/ })
        .first()
        .click();
      await expect(page).toHaveURL(/\/study/);
      await page.goBack();
      await expect(verdict).toHaveText(said);
      await expect(page.getByRole("button", { name: "Next question", exact: true })).toBeVisible();
      await verdict.focus();
    }
    if (n === 2) {
      // A reload keeps the verdict on screen: the next question's clock starts only on "Next".
      const said = await verdict.innerText();
      await page.reload();
      await expect(verdict).toHaveText(said);
      await expect(verdict).toBeFocused();
    }
    await page.keyboard.press("Tab");
    await expect(
      page.getByRole("button", { name: n === 10 ? "See your results" : "Next question", exact: true }),
    ).toBeFocused();
    await page.keyboard.press("Enter");
  }

  const results = page.locator("#results-title");
  await expect(results).toBeFocused();
  await expect(results).toContainText("Keyboard Kid");
  // No box drawn around the focused verdict: focus is moved for screen readers, not for show.
  expect(await results.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("none");
  const review = page.getByRole("button", { name: /^Review All 10 questions/ });
  await tabTo(page, review);
  await page.keyboard.press("Enter");
  await expect(review).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("section[aria-labelledby='review-title'] ol > li")).toHaveCount(10);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: screenshotPath("screenshot-results.png") });
  const score = await page.locator("dt:has-text('Score') + dd .sr-only").innerText();

  // A reload resumes the same attempt: the results and score are still there.
  await page.reload();
  await expect(page.locator("dt:has-text('Score') + dd .sr-only")).toHaveText(score);

  await page.getByRole("link", { name: "See the leaderboard" }).click();
  await expect(page.getByRole("heading", { name: "Practice leaderboard" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Keyboard Kid/ }).first()).toContainText(score);
  await expectNoAxeViolations(page);
});

test("a refused nickname gets a friendly message and a suggestion that works", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Nickname").fill("x");
  await page.getByRole("button", { name: "Play now" }).click();
  await expect(page.getByText("Nicknames need at least 2 characters.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /^Use “/ }).click();
  await page.getByRole("button", { name: "Play now" }).click();
  await expect(page).toHaveURL(/\/play\//);
});

test("the study view shows the timeline with unknown orders, the cause map and sources on demand", async ({ page }) => {
  await page.goto("/study#event-government-resigns");
  await expect(page.getByRole("heading", { name: "Wednesday 5 January 2022" })).toBeVisible();
  await expect(page.getByText(/The report does not order all of these/).first()).toBeVisible();
  const item = page.locator("#event-government-resigns");
  await item.getByText("Source and ordering").click();
  await expect(item.locator("q").last()).toHaveText("announcing the government's resignation early on Wednesday");
  await expect(page.locator("#cause-fuel-price")).toContainText("LPG price rises");
  // The cause map: a diagram whose nodes are reached by Tab and followed by the arrow keys.
  const map = page.locator("svg[role=group]").locator("visible=true");
  const riots = map.getByRole("button", { name: /^Protests turn into anti-government riots/ });
  await riots.focus();
  await page.keyboard.press("ArrowDown");
  await expect(map.getByRole("button", { pressed: true })).toBeFocused();
  await expect(map.getByRole("button", { pressed: true })).not.toHaveAccessibleName(/^Protests turn into/);
  // On a laptop, Enter on a box shows its description beside the map, in view; the arrow keys keep
  // the focused box in view.
  await page.setViewportSize({ width: 1366, height: 768 });
  const detail = page.locator("[data-cause-detail]");
  const decades = map.getByRole("button", { name: /^Three decades of Nazarbayev's rule/ });
  await decades.focus();
  await page.keyboard.press("Enter");
  await expect(detail).toContainText("Nazarbayev has ruled since Soviet times");
  await expect(detail).toBeInViewport({ ratio: 1 });
  await expect(decades).toBeInViewport({ ratio: 0.99 });
  for (let step = 0; step < 3; step++) {
    await page.keyboard.press("ArrowDown");
    await expect(map.getByRole("button", { pressed: true })).toBeFocused();
    await expect(map.getByRole("button", { pressed: true })).toBeInViewport({ ratio: 0.99 });
  }
  await page.keyboard.press("Enter");
  await expect(detail).toBeInViewport({ ratio: 1 });
  await expectNoAxeViolations(page);
});

test("the study view by keyboard: section links at the top reach the cause map in a few presses", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/study");
  const jump = page.getByRole("navigation", { name: "Sections of this page" }).getByRole("link", { name: "Cause map" });
  await tabTo(page, jump, 12);
  await page.keyboard.press("Enter");
  const map = page.locator("svg[role=group]").locator("visible=true");
  await tabTo(page, map.getByRole("button").first(), 3);
  await expect(map.getByRole("button").first()).toBeInViewport();
  // Without the links, the timeline's events are one stop each (their "Source and ordering"), not two.
  const events = page.locator("li[id^='event-']");
  const stops = await events.evaluateAll((els) =>
    els.map(
      (el) =>
        [...el.querySelectorAll("a[href], button:not([tabindex='-1']), summary")].filter((c) => !c.closest("[popover]"))
          .length,
    ),
  );
  expect(stops.every((n) => n === 1)).toBe(true);
});

test("the study view shows the order the report gives: the price rise, the protests, then the rest", async ({
  page,
}) => {
  await page.goto("/study");
  const group = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "January 2022: undated in the report" }) });
  await expect(group).toContainText("The report orders these in steps, earliest first");
  const steps = group.locator(":scope > ol > li");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("The price of LPG goes up");
  await expect(steps.nth(1)).toContainText("Protests break out");
  await expect(steps.nth(2)).toContainText("Then, in an order not given");
  await expect(steps.nth(2)).toContainText("Tokayev appeals for help");
  // A pair in a cluster is marked on its card.
  await expect(page.locator("#event-square-quiet")).toContainText(/After “Troops and armoured vehicles/);
  await page.screenshot({ path: screenshotPath("study-steps-laptop.png"), fullPage: true });
});
