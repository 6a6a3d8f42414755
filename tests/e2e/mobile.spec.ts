// Mobile-first: the play flow fits a phone's width without sideways scrolling.
import { expect, test } from "@playwright/test";

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

for (const page of ["/", "/join", "/study", "/leaderboard", "/teacher/sign-in", "/teacher/sign-up"]) {
  test(`${page} fits a 360 px phone screen`, async ({ page: p }) => {
    await p.goto(page);
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("a question fits a 360 px phone screen, with answer targets at least 44 px tall", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Nickname").fill("Phone Player");
  await page.getByRole("button", { name: /Start a 10-question practice quiz/ }).click();
  const lockIn = page.getByRole("button", { name: "Lock in this order" });
  await expect(lockIn.or(page.getByText(/^Choose an answer/))).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const targets = (await lockIn.isVisible())
    ? page.getByRole("button", { name: /Press Space to pick it up/ })
    : page.getByRole("button", { pressed: false });
  const heights = await targets.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(0);
  for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
});
