// A teacher's housekeeping end to end, in a browser set to Asia/Almaty: the zone is saved
// at sign-up, the assignment form reports every mistake at once and reads typed times
// there, the teacher edits the assignment after a student has started (what would change
// answers is locked, and says why), duplicates it to another class, renames a class and
// archives it. axe on every page it changes; screenshots at 390 and 1366 px in /tmp.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, horizontalOverflow } from "./helpers";

test.use({ timezoneId: "Asia/Almaty" });

const SHOTS = process.env.TEACHER_SHOTS_DIR ?? "/tmp/fact-trail-teacher-shots";

/** The page at a phone's and a laptop's width, for a person to look at (never compared by the test). */
async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    expect(await horizontalOverflow(page), `${name} at ${width} px scrolls sideways`).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a teacher in Almaty edits and duplicates an assignment, renames and archives a class", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto("/teacher/sign-up");
  // The browser's zone goes in a hidden field once the form is live.
  await expect(page.locator('input[name="timeZone"]')).toHaveValue("Asia/Almaty");
  await page.getByLabel("Your name").fill("Ms Aigerim");
  await page.getByLabel("School email").fill(`almaty-${Date.now()}@school.test`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create teacher account" }).click();
  await expect(page).toHaveURL(/\/teacher$/);

  for (const name of ["10B History", "10C History"]) {
    await page.goto("/teacher");
    await page.getByLabel("Class name").fill(name);
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  const otherClassUrl = page.url();
  await page.goto("/teacher");
  await page.getByRole("link", { name: "10B History" }).click();
  await expect(page.getByRole("heading", { name: "10B History" })).toBeVisible();
  const classUrl = page.url();

  // Every mistake in one submit, each beside its field; focus on the first; what was typed kept.
  await page.getByLabel("Title", { exact: true }).fill("Week 3 quiz");
  await page.getByLabel("Number of questions").fill("3");
  await page.getByLabel("Seconds per question (5–600)").fill("3");
  await page.getByLabel("Opens (optional)").fill("2026-01-05T09:00");
  await page.getByLabel("Due (optional)").fill("2026-01-04T09:00");
  await expect(page.getByRole("group", { name: "Kinds of question" })).toContainText(
    /Timelines only: at most \d+ questions/,
  );
  await page.getByRole("button", { name: "Create assignment" }).click();
  const summary = page.getByRole("main").getByRole("alert");
  await expect(summary.getByRole("link")).toHaveText([
    "Seconds per question: Allow between 5 and 600 seconds per question.",
    "Due: The due time must be after the opening time.",
  ]);
  await expect(page.getByLabel("Seconds per question (5–600)")).toBeFocused();
  await expect(page.getByLabel("Due (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Due (optional)")).toHaveValue("2026-01-04T09:00");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Week 3 quiz");
  await expectNoAxeViolations(page);
  await shoot(page, "class-form-errors");

  await page.getByLabel("Seconds per question (5–600)").fill("30");
  await page.getByLabel("Due (optional)").fill("2031-03-02T18:00");
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { name: "Week 3 quiz" })).toBeVisible();
  // Typed 09:00 in Almaty, shown as 09:00 there.
  await expect(page.getByText("opens 5 Jan 2026, 09:00 (Asia/Almaty)")).toBeVisible();
  await expect(page.getByText(/^due 2 Mar 2031, 18:00 \(Asia\/Almaty\)/)).toBeVisible();
  const code = (await page.getByLabel(/^Join code:/).textContent())!.trim();
  const assignmentUrl = page.url();

  // A student starts: the questions, time and points are now fixed.
  const student = await browser.newContext();
  expect((await student.request.post("/api/join", { data: { code, nickname: "Early Bird" } })).status()).toBe(201);
  await student.close();

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Edit Week 3 quiz" })).toBeVisible();
  await expect(page.getByText("Some settings are fixed:")).toBeVisible();
  await expect(page.getByLabel("Number of questions")).toBeDisabled();
  await expect(page.getByLabel("Number of questions")).toHaveValue("3");
  await expect(page.getByLabel("Opens (optional)")).toHaveValue("2026-01-05T09:00");
  // Attempts can only go up: from unlimited, nowhere.
  await expect(page.getByRole("radio", { name: "1", exact: true })).toBeDisabled();
  await expect(page.getByRole("radio", { name: "Unlimited" })).toBeChecked();
  await expectNoAxeViolations(page);
  await shoot(page, "edit-assignment-locked");
  await page.getByLabel("Title", { exact: true }).fill("Week 3 quiz (moved)");
  await page.getByLabel("Due (optional)").fill("2031-03-09T18:00");
  await page.getByLabel("Hidden from students").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Week 3 quiz (moved)" })).toBeVisible();
  expect(page.url()).toBe(assignmentUrl);
  await expect(page.getByLabel(/^Join code:/)).toHaveText(code);
  await expect(page.getByText(/^due 9 Mar 2031, 18:00 \(Asia\/Almaty\)/)).toBeVisible();
  await expect(page.getByText("leaderboard hidden from students")).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "assignment-page");

  // Duplicate to the other class: a new code, the same settings, nobody in it yet.
  await page.getByLabel("Duplicate to class").selectOption({ label: "10C History" });
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page).not.toHaveURL(assignmentUrl);
  await expect(page.getByRole("heading", { name: "Week 3 quiz (moved)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "10C History" })).toBeVisible();
  await expect(page.getByLabel(/^Join code:/)).not.toHaveText(code);
  await expect(page.getByText("leaderboard hidden from students")).toBeVisible();
  await expect(page.getByText("No one has joined yet.").first()).toBeVisible();
  // Nobody has started the copy: everything is editable.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByLabel("Number of questions")).toBeEnabled();
  await page.goto(otherClassUrl);
  await expect(page.getByRole("link", { name: "Week 3 quiz (moved)" })).toBeVisible();

  // The account page: the zone saved from the browser, and a select to change it.
  await page.getByRole("link", { name: "Change it on your account page" }).click();
  await expect(page.getByRole("combobox", { name: "Your time zone" })).toHaveValue("Asia/Almaty");
  await expectNoAxeViolations(page);
  await shoot(page, "account");

  // Rename the class, then archive it (asked first).
  await page.goto(classUrl);
  await page.getByText("Rename", { exact: true }).click();
  await page.getByLabel("New name").fill("");
  await page.getByRole("button", { name: "Rename class" }).click();
  await expect(page.getByLabel("New name")).toBeFocused();
  await expect(page.getByLabel("New name")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await page.getByLabel("New name").fill("10B World History");
  await page.getByRole("button", { name: "Rename class" }).click();
  await expect(page.getByRole("heading", { name: "10B World History" })).toBeVisible();
  await expect(page.getByText(/due 9 Mar 2031, 18:00 \(Asia\/Almaty\)/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "class-page");
  await page.getByText("Archive class", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, archive" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  expect((await page.request.post("/api/join", { data: { code, nickname: "Late" } })).status()).toBe(410);
  await page.getByRole("link", { name: "Your classes" }).click();
  await expect(page.getByRole("link", { name: "10B World History" })).toBeHidden();
  await expect(page.getByRole("link", { name: "10C History" })).toBeVisible();
  await expectNoAxeViolations(page);
});
