// The teacher side end to end: sign up, create a class and an assignment, a
// student joins by code in a second browser context and plays, and the teacher
// sees the result in the report, moderates, and downloads the CSV.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshotPath, signUpTeacher as signUp } from "./helpers";

const email = `e2e-${Date.now()}@school.test`;

test("a teacher signs up, sets an assignment, a student plays it, and the teacher reads the report and downloads the CSV", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // A class name with a script tag is shown as text everywhere: no script may ever run (no dialog opens).
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Anonymous visitors are sent to sign in.
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher\/sign-in\?next=%2Fteacher$/);
  await expectNoAxeViolations(page);

  // Form errors are announced, focused and tied to their fields.
  await page.getByRole("link", { name: "Create a teacher account" }).click();
  await expect(page.getByRole("heading", { name: "Create a teacher account" })).toBeVisible();
  await page.getByLabel("School email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create teacher account" }).click();
  const summary = page.getByRole("main").getByRole("alert");
  await expect(summary).toContainText("Check the highlighted fields.");
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Your name")).toHaveAccessibleDescription("Enter your name.");
  await expect(page.getByLabel("School email")).toHaveValue("not-an-email");
  await expectNoAxeViolations(page);

  await signUp(page, "Ms Aigerim", email);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "fact-trail.session_token");
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A class, then an assignment with chosen settings.
  await page.getByLabel("Class name").fill("10B History <script>alert(1)</script>");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "10B History <script>alert(1)</script>" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Causes of the unrest");
  await page.getByLabel("Number of questions").fill("3");
  await page.getByLabel("Multiple choice only").check();
  await page.getByRole("checkbox", { name: "Timed questions" }).uncheck();
  await page.getByLabel("3", { exact: true }).check();
  await page.getByLabel("Show the top 10 only").check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create assignment" }).click();

  await expect(page.getByRole("heading", { name: "Causes of the unrest" })).toBeVisible();
  const code = (await page.getByLabel(/^Join code:/).textContent())!.trim();
  expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY3479]{6}$/);
  await expect(
    page.getByRole("img", { name: /QR code for the join link http:\/\/127\.0\.0\.1:\d+\/join\// }),
  ).toBeVisible();
  await expect(page.getByText("3 questions: multiple choice only")).toBeVisible();
  await expect(page.getByText("untimed")).toBeVisible();
  await expectNoAxeViolations(page);

  // A student, in a separate browser context (no teacher cookie), joins with the link and plays.
  const student = await browser.newContext();
  const play = await student.newPage();
  await play.goto(`/join/${code}`);
  await expect(play.getByRole("heading", { name: "Causes of the unrest" })).toBeVisible();
  await play.getByLabel("Nickname").fill("Steppe Eagle");
  await play.getByRole("button", { name: "Join the quiz" }).click();
  for (let n = 1; n <= 3; n++) {
    await expect(play.getByText(`Question ${n} of 3`, { exact: true })).toBeVisible();
    await expect(play.getByText(/^Choose an answer/)).toBeVisible();
    await play.keyboard.press("1");
    await play.getByRole("button", { name: n === 3 ? "See your results" : "Next question", exact: true }).click();
  }
  await expect(play.getByRole("heading", { name: /^[^.!]+, Steppe Eagle/ })).toBeVisible();
  // The student cannot open the teacher's pages or report.
  await play.goto("/teacher");
  await expect(play).toHaveURL(/\/teacher\/sign-in/);
  const studentCsv = await play.request.get(`/teacher/assignments/whatever/csv/students`);
  expect(studentCsv.status()).toBe(401);
  await student.close();

  // The teacher sees the student in the report.
  await page.reload();
  const row = page
    .getByRole("table", { name: "Students (best attempt counts)" })
    .getByRole("row", { name: /Steppe Eagle/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await expect(page.getByRole("table", { name: /Questions, hardest first/ }).getByRole("row")).toHaveCount(4);
  await expect(page.getByText("Best scores: how many students in each range")).toBeVisible();
  // At a phone's, a tablet's and a laptop's width each chart fits its box: nothing scrolled or cut off.
  const figures = page.getByRole("figure");
  await expect(figures).toHaveCount(2);
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300); // recharts measures its container after a resize
    for (const figure of await figures.all()) {
      const fit = await figure.evaluate((f) => {
        const box = f.getBoundingClientRect();
        const svgs = [...f.querySelectorAll("svg")].map((s) => s.getBoundingClientRect());
        return {
          scroll: f.scrollWidth - f.clientWidth,
          charts: svgs.length,
          overflow: Math.max(0, ...svgs.map((s) => Math.max(s.right - box.right, box.left - s.left))),
        };
      });
      expect(fit, `a chart at ${width} px`).toEqual({ scroll: 0, charts: expect.any(Number), overflow: 0 });
      expect(fit.charts, `a chart drawn at ${width} px`).toBeGreaterThan(0);
    }
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectNoAxeViolations(page);
  await page.screenshot({ path: screenshotPath("screenshot-teacher-report.png"), fullPage: true });

  // The class's mastery (the memory model): the cause map tinted, the causes' table, the pairs not got.
  const mastery = page.locator("section[aria-labelledby=mastery]");
  await expect(mastery.getByRole("heading", { name: "What the class has got" })).toBeVisible();
  await expect(mastery.getByText(/From every answer of the 1 student in this assignment/)).toBeVisible();
  await expect(mastery.getByRole("table", { name: "The causes, by what the class has got" })).toBeVisible();
  await mastery.scrollIntoViewIfNeeded();
  await mastery.screenshot({ path: screenshotPath("screenshot-teacher-mastery.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await mastery.screenshot({ path: screenshotPath("screenshot-teacher-mastery-phone.png") });
  await page.setViewportSize({ width: 1366, height: 900 });

  // CSV download.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download students (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${code}-Causes-of-the-unrest-students\\.csv$`));
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "\uFEFFNickname,Best score,Accuracy (%),Time (s),Attempts,Finished,Hidden from leaderboard",
  );
  expect(csv).toMatch(/\r\nSteppe Eagle,\d+,\d+,\d+,1,yes,no\r\n/);

  // Moderation: hide from the leaderboard.
  await page.getByRole("button", { name: "Hide from leaderboard: Steppe Eagle" }).click();
  await expect(page.getByText("1 attempt · hidden from leaderboard")).toBeVisible();
  await page.goto(`/leaderboard/${code}`);
  await expect(page.getByText("Steppe Eagle")).toHaveCount(0);

  // Close the assignment: the code stops working for new students.
  await page.goBack();
  await page.getByRole("button", { name: "Close (stop new joins)" }).click();
  await expect(page.getByText("Closed", { exact: true })).toBeVisible();
  const late = await page.request.post("/api/join", { data: { code, nickname: "Late Comer" } });
  expect(late.status()).toBe(410);
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByText("Open", { exact: true })).toBeVisible();

  // Question bank review.
  await page.getByRole("link", { name: "Question bank" }).click();
  await expect(page.getByRole("heading", { name: /Question bank/ })).toBeVisible();
  const first = page.getByRole("button", { name: /^Hide from my assignments:/ }).first();
  const label = (await first.getAttribute("aria-label"))!.replace(/^Hide from my assignments/, "Unhide");
  await first.click();
  await expect(page.getByRole("button", { name: label })).toBeVisible();
  await expectNoAxeViolations(page);

  // Another teacher cannot open this assignment.
  const assignmentUrl = `/teacher/assignments/${await (async () => {
    await page.goto("/teacher");
    await page.getByRole("link", { name: /10B History/ }).click();
    const href = await page.getByRole("link", { name: "Causes of the unrest" }).getAttribute("href");
    return href!.split("/").pop();
  })()}`;
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, "Mr Other", `other-${email}`);
  const response = await otherPage.goto(assignmentUrl);
  expect(response?.status()).toBe(404);
  expect((await otherPage.request.get(`${assignmentUrl}/csv/students`)).status()).toBe(404);
  await other.close();

  expect(dialogs).toEqual([]);

  // Sign out ends the session.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/teacher\/sign-in$/);
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/teacher\/sign-in/);
});
