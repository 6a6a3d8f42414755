// Rosters end to end: a teacher makes a class with a roster, prints the code cards,
// and two students join by picking their name and typing their code, each in their own
// browser; a third browser with a typed nickname is refused, and a wrong code says so.
import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations, screenshotPath, signUpTeacher as signUp } from "./helpers";

async function studentJoins(browser: Browser, code: string, name: string, personal: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  await page.getByLabel("Your name").selectOption({ label: name });
  await page.getByLabel("Your personal code").fill(personal.toLowerCase());
  await page.getByRole("button", { name: "Join the quiz" }).click();
  await expect(page.getByText("Question 1 of 3", { exact: true })).toBeVisible();
  return { context, page };
}

test("a teacher makes a roster class and prints the codes; two students join by name and code", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Ms Roster", `roster-${Date.now()}@school.test`);
  await page.getByLabel("Class name").fill("9A History");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "9A History" })).toBeVisible();

  // Every mistake in the names at once.
  await page.getByLabel("Names").fill("Dana\ndana\n" + "x".repeat(41));
  await page.getByRole("button", { name: "Create the roster" }).click();
  const summary = page.getByRole("main").getByRole("alert");
  await expect(summary).toContainText("in the list twice");
  await expect(summary).toContainText("longer than 40");
  await page.getByLabel("Names").fill("Dana Abenova\nArman Seitkali\nZhanar");
  await page.getByRole("button", { name: "Create the roster" }).click();
  await expect(page.getByText("3 students.")).toBeVisible();
  await page.getByLabel("Extra time").first().selectOption("1.5");
  await page.getByRole("button", { name: "Save extra time: Arman Seitkali" }).click();
  await expect(page.getByText("extra time ×1.5")).toBeVisible();
  await expect(page.getByLabel("Extra time").first()).toHaveValue("1.5");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: screenshotPath("screenshot-teacher-roster.png"), fullPage: true });

  await page.getByLabel("Title", { exact: true }).fill("Roster quiz");
  await page.getByLabel("Number of questions").fill("3");
  await page.getByLabel("1", { exact: true }).check();
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { name: "Roster quiz" })).toBeVisible();
  const code = (await page.getByLabel(/^Join code:/).textContent())!.trim();
  const assignmentUrl = page.url();

  // The printable cards.
  await page.getByRole("link", { name: "9A History" }).click();
  await page.getByRole("link", { name: "Print code cards" }).click();
  await expect(page.getByRole("heading", { name: "Code cards: 9A History" })).toBeVisible();
  const cards = page.getByRole("list", { name: "Code cards" }).getByRole("listitem");
  await expect(cards).toHaveCount(3);
  const codes: Record<string, string> = {};
  for (const card of await cards.all()) {
    const text = (await card.innerText()).replace(/\s+/g, " ");
    const [, name, personal] = /· Fact Trail (.+?) Your code: ([A-Z0-9]{4})/.exec(text)!;
    codes[name!] = personal!;
  }
  expect(Object.keys(codes).sort()).toEqual(["Arman Seitkali", "Dana Abenova", "Zhanar"]);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("screenshot-phone-code-cards.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print the cards" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // A typed nickname does not get in; a wrong code says whose it is not.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  expect((await strangerPage.request.post("/api/join", { data: { code, nickname: "Zhanar2" } })).status()).toBe(403);
  await strangerPage.goto(`/join/${code}`);
  await expect(strangerPage.getByLabel("Nickname")).toHaveCount(0);
  await strangerPage.getByLabel("Your name").selectOption({ label: "Zhanar" });
  await strangerPage.getByLabel("Your personal code").fill(codes.Zhanar === "AAAA" ? "CCCC" : "AAAA");
  await strangerPage.getByRole("button", { name: "Join the quiz" }).click();
  await expect(strangerPage.getByText(/That is not Zhanar’s code/)).toBeVisible();
  await expect(strangerPage.getByLabel("Your personal code")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(strangerPage);
  await stranger.close();

  // The teacher watches the assignment page while the students join: no reload.
  await page.goto(assignmentUrl);
  const live = page.getByRole("table", { name: "Students in this assignment, live" });
  await expect(page.getByText("No one has joined yet.").first()).toBeVisible();
  const dana = await studentJoins(browser, code, "Dana Abenova", codes["Dana Abenova"]!);
  const arman = await studentJoins(browser, code, "Arman Seitkali", codes["Arman Seitkali"]!);
  // Once per device: Dana's browser is now "Dana" for this class.
  await dana.page.goto(`/join/${code}`);
  await expect(dana.page.getByRole("button", { name: "Continue as Dana Abenova" })).toBeVisible();
  await expectNoAxeViolations(dana.page);
  await dana.page.setViewportSize({ width: 390, height: 844 });
  await dana.page.screenshot({ path: screenshotPath("screenshot-phone-roster-join.png") });
  await dana.page.getByRole("button", { name: "Continue as Dana Abenova" }).click();
  await expect(dana.page.getByText("Question 1 of 3", { exact: true })).toBeVisible();

  // The live table shows both, by name, with the question each is on (polled, no reload).
  await expect(live.getByRole("row", { name: /Dana Abenova/ })).toContainText("Question 1 of 3", { timeout: 15_000 });
  await expect(live.getByRole("row", { name: /Arman Seitkali/ })).toContainText("Question 1 of 3");
  await expect(page.getByText("2 joined · 2 playing · 0 finished")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: screenshotPath("screenshot-teacher-live.png"), fullPage: true });
  // "Remove" asks first (the moderation list below is drawn with the page: reload to see them there).
  await page.reload();
  await page.locator('summary[aria-label="Remove: Arman Seitkali"]').click();
  await expect(page.getByText(/^Remove Arman Seitkali\? Their quiz stops/)).toBeVisible();
  await expectNoAxeViolations(page);
  // The projector view: the code, the names, no scores.
  await page.getByRole("link", { name: "Projector view (no scores)" }).click();
  await expect(page.getByLabel(/^Join code:/)).toHaveText(code);
  await expect(page.getByRole("columnheader", { name: "Score" })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Arman Seitkali/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: screenshotPath("screenshot-teacher-projector.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath("screenshot-phone-projector.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(assignmentUrl);
  // Dana answers one question; her page shows the answer with the key beside it.
  await dana.page.keyboard.press("1").catch(() => undefined);
  await dana.context.close();
  await arman.context.close();
  await page.getByRole("link", { name: "9A History" }).click();
  await page.getByRole("link", { name: "Dana Abenova" }).click();
  await expect(page.getByRole("heading", { name: "Dana Abenova" })).toBeVisible();
  await expect(page.getByText(/^Attempt 1:/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Download every answer (CSV)" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  await page.screenshot({ path: screenshotPath("screenshot-phone-student-page.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Archive the class (asked first): it leaves the list, its code stops working, the report stays.
  await page.getByRole("link", { name: "9A History" }).click();
  await page.getByText("Archive class", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, archive" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  expect((await page.request.post("/api/join", { data: { code, nickname: "" } })).status()).toBe(410);
  await page.getByRole("link", { name: "Your classes" }).click();
  await expect(page.getByRole("link", { name: "9A History" })).toBeHidden();
  await page.getByText(/^Archived classes \(1\)/).click();
  await expect(page.getByRole("link", { name: "9A History" })).toBeVisible();
  await expectNoAxeViolations(page);
});
