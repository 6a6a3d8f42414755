// A quiz a teacher assigned: joined by code, played, and the player on the live leaderboard.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, QUICK_ASSIGNMENT, seedAssignment } from "./helpers";

const CODE = "QXT479";

test.beforeAll(() => {
  seedAssignment(CODE, QUICK_ASSIGNMENT);
});

test("a student joins by code, plays the assignment's settings, and appears on its leaderboard", async ({ page }) => {
  await page.goto("/join");
  await expectNoAxeViolations(page);
  await page.getByLabel("Join code").fill("qxt 479");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/join/${CODE}$`));
  await expect(page.getByRole("heading", { name: "Year 10 — Kazakhstan check-in" })).toBeVisible();
  await expect(page.getByText("3 questions · no time limit")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Nickname").fill("Class Player");
  await page.getByRole("button", { name: "Join the quiz" }).click();

  await expect(page.getByText(`code ${CODE}`)).toBeVisible();
  await expect(page.getByRole("timer")).toHaveCount(0); // untimed
  // A class quiz starts silent on a player's device (sound is a choice, remembered per device).
  await expect(page.getByRole("button", { name: "Sound" })).toHaveAttribute("aria-pressed", "false");
  for (let n = 1; n <= 3; n++) {
    await expect(page.getByText(`Question ${n} of 3`, { exact: true })).toBeVisible();
    await page.locator("fieldset button").first().click();
    await page.getByRole("button", { name: n === 3 ? "See your results" : "Next question", exact: true }).click();
  }
  await expect(page.getByRole("heading", { name: /^[^.!]+, Class Player/ })).toBeVisible();
  await page.getByRole("link", { name: "See the leaderboard" }).click();
  await expect(page).toHaveURL(new RegExp(`/leaderboard/${CODE}$`));
  await expect(page.getByRole("row", { name: /Class Player/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an unknown code explains itself", async ({ page }) => {
  await page.goto("/join/ACDACD");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("No quiz uses the code ACDACD");
  await expectNoAxeViolations(page);
});
