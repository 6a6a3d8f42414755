// Mail on a real `next start` with SMTP configured, an SMTP server in this process:
// sign up (check your inbox), confirm by the mailed link, forget the password, reset
// it by the mailed link, sign in with the new one; the link works once.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startServer, type RunningServer } from "../../support/server";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { expectNoAxeViolations, extraPort } from "./helpers";

test.describe.configure({ mode: "serial" });

let smtp: TestSmtpServer;
let server: RunningServer;
let dir: string;
const port = extraPort(41);
const site = `http://127.0.0.1:${port}`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  smtp = await startSmtpServer();
  dir = mkdtempSync(path.join(os.tmpdir(), "fact-trail-mail-"));
  server = await startServer(`file:${path.join(dir, "mail.db")}`, port, {
    SEED_DEMO: "0",
    SMTP_URL: smtp.url,
    MAIL_FROM: "Fact Trail <quiz@school.test>",
    BETTER_AUTH_URL: site,
    PUBLIC_URL: site,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The link in the newest mail to `to` with `subject`, once it has arrived. */
async function mailedLink(to: string, subject: string, prefix: string): Promise<string> {
  await expect.poll(() => smtp.to(to).filter((m) => m.subject === subject).length, { timeout: 10_000 }).toBe(1);
  return linkIn(
    smtp.to(to).find((m) => m.subject === subject)!,
    prefix,
  ).href;
}

async function shoot(page: Page, name: string) {
  if (!process.env.MAIL_SCREENSHOTS) return;
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(process.env.MAIL_SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

const email = `mail-${Date.now()}@school.test`;

test("sign up answers 'check your inbox', and the mailed link confirms the address and signs in", async ({ page }) => {
  await page.goto(`${site}/teacher/sign-up`);
  await page.getByLabel("Your name").fill("Ms Aliya");
  await page.getByLabel("School email").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Create teacher account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Check your inbox at ${email}`);
  await shoot(page, "sign-up-check-inbox");

  // Signing in does not wait for the confirmation: a banner asks for it, and can send the link again.
  const subject = "Confirm your email address for Fact Trail";
  await mailedLink(email, subject, `${site}/teacher/verify-email?`);
  await page.goto(`${site}/teacher/sign-in`);
  await page.getByLabel("School email").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  const banner = page.getByRole("complementary", { name: "Confirm your email address" });
  await expect(banner).toContainText(`open the link we sent to ${email}`);
  await expectNoAxeViolations(page);
  await shoot(page, "confirm-banner");
  await banner.getByRole("button", { name: "Send the link again" }).click();
  await expect(banner.getByRole("status")).toHaveText(`We have sent a new link to ${email}.`);
  await expect.poll(() => smtp.to(email).filter((m) => m.subject === subject).length, { timeout: 10_000 }).toBe(2);

  await page.goto(
    linkIn(smtp.to(email).filter((m) => m.subject === subject)[1]!, `${site}/teacher/verify-email?`).href,
  );
  await expectNoAxeViolations(page);
  await shoot(page, "verify-email");
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Confirm your email address" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/teacher\/sign-in$/);
});

test("a forgotten password: the mailed link sets a new one, once; the old one stops working", async ({ page }) => {
  await page.goto(`${site}/teacher/sign-in`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "forgot-password");
  await page.getByLabel("School email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`If a teacher account uses ${email}`);
  await expectNoAxeViolations(page);
  await shoot(page, "forgot-password-sent");

  const link = await mailedLink(email, "Choose a new Fact Trail password", `${site}/teacher/reset-password?`);
  await page.goto(link);
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set my new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Check the highlighted fields.");
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription(
    "At least 10 characters. Use at least 10 characters for your password.",
  );
  await shoot(page, "reset-password-error");
  await page.getByLabel("New password").fill("the second password");
  await page.getByRole("button", { name: "Set my new password" }).click();
  await expect(page).toHaveURL(/\/teacher\/sign-in\?reset=done$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your password is changed");
  await expectNoAxeViolations(page);
  await shoot(page, "sign-in-after-reset");

  await page.getByLabel("School email").fill(email);
  await page.getByLabel("Password").fill("the first password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "That email and password do not match an account.",
  );
  await page.getByLabel("Password").fill("the second password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();

  // The link is spent.
  await page.goto(link);
  await page.getByLabel("New password").fill("a third password");
  await page.getByRole("button", { name: "Set my new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "This reset link has expired or was already used.",
  );
});

test("without mail, the forgot-password page says who makes the link", async ({ page }) => {
  // The suite's own server (playwright.config.ts) has no SMTP_URL.
  await page.goto("/teacher/sign-in");
  await expect(page.getByRole("link", { name: "Forgot password?" })).toHaveAttribute(
    "href",
    "/teacher/forgot-password",
  );
  // A full load, not the client-side transition: axe then reads the finished page (one run on a loaded machine
  // reported a violation mid-transition).
  await page.goto("/teacher/forgot-password");
  await expect(page.getByRole("main")).toContainText("npm run teacher -- reset-password YOUR-EMAIL");
  await expect(page.getByLabel("School email")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shoot(page, "forgot-password-no-mail");

  // A link cut short (a mail client broke the line) says what to do.
  await page.goto("/teacher/reset-password");
  await expect(page.getByRole("main")).toContainText("This link is incomplete: open the whole link from the mail");
  await page.getByRole("link", { name: "ask for a new one" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.goto("/teacher/verify-email?token=");
  await expect(page.getByRole("link", { name: "sign in" })).toBeVisible();
  await expectNoAxeViolations(page);
});
