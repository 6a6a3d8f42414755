// Phone first: a whole practice quiz on a 390 × 844 touch screen. After every answer the
// verdict is on screen without scrolling; every target is at least 44 × 44 px; no page
// scrolls sideways. The screenshots of the phone screens in docs/ are taken here.
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  expectNoAxeViolations,
  expectPhoneFriendly,
  questionOnScreen,
  screenshotPath,
  waitForSettled,
  wordsCutAcrossLines,
} from "./helpers";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

for (const path of ["/", "/join", "/study", "/leaderboard", "/teacher/sign-in", "/teacher/sign-up"]) {
  test(`${path} fits a 390 px phone, every target at least 44 × 44 px`, async ({ page }) => {
    await page.goto(path);
    await waitForSettled(page);
    await expectPhoneFriendly(page, path);
  });
}

test("the home page puts Play now on the first phone screen", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Play now" })).toBeInViewport({ ratio: 1 });
  await waitForSettled(page);
  await page.screenshot({ path: screenshotPath("screenshot-phone-home.png") });
});

test("a whole practice quiz on a phone: verdict on screen after every answer, big targets, no sideways scroll", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByLabel("Nickname").fill("Aliya 2012 Almaty kz");
  await page.getByRole("button", { name: "Play now" }).tap();
  await expect(page).toHaveURL(/\/play\//);
  // Solo practice plays sound unless the player turned it off on this device.
  await expect(page.getByRole("button", { name: "Sound" })).toHaveAttribute("aria-pressed", "true");

  let reloaded = false;
  let shotQuestion = false;
  let shotReveal = false;
  for (let n = 1; n <= 10; n++) {
    const lockIn = await questionOnScreen(page, n);
    await waitForSettled(page);
    await expectPhoneFriendly(page, `question ${n}`);
    const timeline = await lockIn.isVisible();
    if (timeline) {
      const cards = page.locator("ol[aria-label='Events, earliest first'] > li");
      const order = () => cards.evaluateAll((els) => els.map((el) => el.textContent));
      await cards
        .last()
        .getByRole("button", { name: /earlier$/ })
        .tap();
      if (!reloaded) {
        // The arrangement survives a reload (kept in this tab), while the server's clock runs on.
        const arranged = await order();
        await page.reload();
        await expect(lockIn).toBeVisible();
        expect(await order()).toEqual(arranged);
        reloaded = true;
      }
      if (!shotQuestion) {
        // Scrolled to the bottom of the cards, the bar (question, score, clock) is still on screen.
        await lockIn.scrollIntoViewIfNeeded();
        await expect(page.getByRole("timer")).toBeInViewport();
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: screenshotPath("screenshot-phone-timeline.png") });
        shotQuestion = true;
      }
      await lockIn.tap();
    } else {
      // No keys on a phone: the hint does not offer them.
      await expect(page.getByText(/^Choose an answer/)).toHaveText("Choose an answer.", { useInnerText: true });
      await page
        .locator("fieldset button")
        .nth(n % 4)
        .tap();
    }
    const verdict = page.locator("[data-verdict]");
    await expect(verdict).toBeVisible();
    await waitForSettled(page);
    await expect(verdict).toBeInViewport({ ratio: 1 });
    await expect(
      page.getByRole("button", { name: n === 10 ? "See your results" : "Next question", exact: true }),
    ).toBeInViewport();
    await expectPhoneFriendly(page, `the verdict on question ${n}`);
    // The marks on the options ("Right answer", "Your answer") wrap whole, never mid-word.
    expect(await wordsCutAcrossLines(page.locator("fieldset button span")), `marks on question ${n}`).toEqual([]);
    if (n === 1) {
      // Read to the end of "Why?", the way on is right there, not a screen above.
      await page.locator("summary", { hasText: "Why?" }).tap();
      const why = page.locator("details[open]", { hasText: "Why?" });
      await why.evaluate((el) => el.scrollIntoView({ block: "end" }));
      await expect(why.getByRole("button", { name: /Next question/ })).toBeInViewport({ ratio: 1 });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    if (timeline && !shotReveal) {
      await expect(page.getByRole("list", { name: /^The order the report establishes/ })).toHaveAttribute(
        "data-settled",
        "true",
      );
      await page.waitForTimeout(1000); // the cards' spring (framer-motion moves them with transforms)
      await page.screenshot({ path: screenshotPath("screenshot-phone-verdict.png") });
      shotReveal = true;
    }
    await page.getByRole("button", { name: n === 10 ? "See your results" : "Next question", exact: true }).tap();
  }

  await expect(page.locator("#results-title")).toBeFocused();
  await expect(page.getByText(/ of \d+ this week$/)).toBeVisible();
  await waitForSettled(page);
  await expectPhoneFriendly(page, "the results");
  expect(await wordsCutAcrossLines(page.locator("main h2 span, main li a span")), "results words cut").toEqual([]);
  await expectNoAxeViolations(page);
  // The podium: every name whole (wrapped, never cut), the player's own "you" tag on screen.
  const podium = page.getByRole("list", { name: /^Top three/ });
  await podium.scrollIntoViewIfNeeded();
  const cut = await podium
    .locator("li p")
    .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  expect(cut, "podium lines cut short").toEqual([]);
  const mine = podium.locator("li", { hasText: "Aliya 2012 Almaty kz" });
  if (await mine.count()) {
    await expect(mine).toContainText("Aliya 2012 Almaty kz");
    await expect(mine.getByText("you", { exact: true })).toBeInViewport({ ratio: 1 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath("screenshot-phone-results.png") });

  // A fact to revisit opens the study view at that fact, unfolded, in view and marked.
  const revisit = page.getByRole("region", { name: "Facts to revisit" }).getByRole("link").first();
  const href = (await revisit.getAttribute("href"))!;
  await revisit.tap();
  await expect(page).toHaveURL(/\/study#/);
  const target = page.locator(`[id="${href.split("#")[1]}"]`);
  await expect(target).toHaveAttribute("data-target", "");
  await expect(target).toBeInViewport();
  // The sun-coloured ring a #link draws (set by script: a client-side navigation never sets :target).
  expect(await target.evaluate((el) => getComputedStyle(el).boxShadow)).toContain("242, 177, 52");
});

test("the study view on a phone: a visual timeline and the cause map, folded to a few screens", async ({ page }) => {
  await page.goto("/study");
  await waitForSettled(page);
  await page.screenshot({ path: screenshotPath("screenshot-phone-study.png") });
  await page.evaluate(() =>
    document.querySelectorAll<HTMLDetailsElement>("main details").forEach((d) => (d.open = false)),
  );
  const folded = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(folded).toBeLessThanOrEqual(4 * 844);
  await page.evaluate(() => ((document.getElementById("causes-heading-section") as HTMLDetailsElement).open = true));
  const map = page.locator("svg[role=group]").locator("visible=true");
  await map.scrollIntoViewIfNeeded();
  await map.getByRole("button").first().tap();
  await expect(map.getByRole("button", { pressed: true })).toHaveCount(1);
  // The description of the box tapped comes into view, not a screen below.
  const detail = page.locator("[data-cause-detail]");
  await expect(detail).toContainText("Nazarbayev has ruled since Soviet times");
  await expect(detail).toBeInViewport({ ratio: 1 });
  await map.getByRole("button", { name: /^Russia sends paratroopers/ }).tap();
  await expect(detail).toContainText("The CSTO says Russia has sent paratroopers");
  await expect(detail).toBeInViewport({ ratio: 1 });
  await page.locator("#causes-heading-section").screenshot({ path: screenshotPath("screenshot-phone-cause-map.png") });
});

/** Taps the page at the centre of `target`, scrolled so that the open popover's card does not cover it. */
async function tapOutsidePopoverOn(page: Page, target: Locator) {
  const open = page.locator(":popover-open");
  const card = open.locator("[data-popover-card]").or(open.filter({ hasNot: page.locator("[data-popover-card]") }));
  for (const block of ["end", "start"] as const) {
    await target.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
    const box = (await target.boundingBox())!;
    const over = (await card.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    if (x >= over.x && x <= over.x + over.width && y >= over.y && y <= over.y + over.height) continue;
    await page.touchscreen.tap(x, y);
    return;
  }
  throw new Error("the target stays under the popover's card");
}

test("a tap outside a citation popover closes it and does nothing else", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Nickname").fill("Tap Tester");
  await page.getByRole("button", { name: "Play now" }).tap();
  await expect(page).toHaveURL(/\/play\//);
  const play = page.url();
  const lockIn = await questionOnScreen(page);
  if (await lockIn.isVisible()) await lockIn.tap();
  else await page.locator("fieldset button").first().tap();
  await expect(page.locator("[data-verdict]")).toBeVisible();
  await page.locator("summary", { hasText: "Why?" }).tap();
  const badge = page.getByRole("button", { name: /^Source (P\d+|Caption)/ }).first();
  await badge.scrollIntoViewIfNeeded();
  await badge.tap();
  await expect(page.locator(":popover-open")).toHaveCount(1);
  // The link under the tap must not be followed: the tap only closes the popover.
  await tapOutsidePopoverOn(page, page.getByRole("link", { name: /Study this in context/ }));
  await expect(page.locator(":popover-open")).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(page.url()).toBe(play);

  // On /study: a tap outside the popover does not unfold the section under it.
  await page.goto("/study");
  const section = page.locator("#causes-heading-section");
  const wasOpen = await section.evaluate((d) => (d as HTMLDetailsElement).open);
  await page
    .getByRole("button", { name: /^Source P\d+/ })
    .first()
    .tap();
  await expect(page.locator(":popover-open")).toHaveCount(1);
  await tapOutsidePopoverOn(page, section.locator(":scope > summary"));
  await expect(page.locator(":popover-open")).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(wasOpen);
});
