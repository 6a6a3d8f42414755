// Password reset and email confirmation through a real SMTP server in this process:
// the mail is read, its link followed, the new password used; on each database.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AppContext } from "@/lib/server/context";
import { createMailer } from "@/lib/server/mail";
import { limitTable } from "@/lib/server/rate-limit";
import { currentTeacher, signIn, signUp } from "@/lib/server/teacher/accounts";
import { resendConfirmation, verifyEmail } from "@/lib/server/teacher/email-verification";
import { requestPasswordReset, resetPassword } from "@/lib/server/teacher/password-reset";
import { cookieHeader, from } from "../helpers/accounts";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { describeEachDatabase, rejection } from "../helpers/test-databases";

const SITE = "https://quiz.school.test";
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

let counter = 0;
const newEmail = () => `mail${++counter}-${Date.now()}@school.test`;

/** Everything handed to the mailer so far has reached the SMTP server. */
const delivered = (ctx: AppContext) => ctx.mailer.settled();

/** A teacher whose address is confirmed (the sign-up mail's link followed), signed in. */
async function confirmedTeacher(ctx: AppContext, password = "the old password") {
  const email = newEmail();
  const ip = `10.60.${counter}.1`;
  expect(await signUp(ctx, { name: "Ms Aliya", email, password }, from(ip))).toEqual({ signedIn: false, email });
  await delivered(ctx);
  const [mail] = smtp.to(email);
  const token = linkIn(mail!, `${SITE}/teacher/verify-email?`).searchParams.get("token");
  const cookie = cookieHeader(await verifyEmail(ctx, token, from(ip)));
  return { email, ip, cookie };
}

function resetTokenIn(email: string): string {
  const mails = smtp.to(email).filter((m) => m.subject === "Choose a new Fact Trail password");
  expect(mails).toHaveLength(1);
  return linkIn(mails[0]!, `${SITE}/teacher/reset-password?`).searchParams.get("token")!;
}

describeEachDatabase(
  "account mail",
  (current) => {
    it("mails a reset link that sets a new password once; the old password and the old sessions stop working", async () => {
      const ctx = current();
      const { email, ip, cookie } = await confirmedTeacher(ctx);
      expect(await currentTeacher(ctx, from(ip, cookie))).toMatchObject({ email, emailVerified: true });

      expect(await requestPasswordReset(ctx, { email: ` ${email.toUpperCase()} ` }, from(ip))).toBe(email);
      await delivered(ctx);
      const mail = smtp.to(email).at(-1)!;
      expect(mail.from).toBe(`"Fact Trail" <quiz@school.test>`);
      expect(mail.text).toContain("works once");
      const token = resetTokenIn(email);
      // Kept only as a hash: the database holds no working link.
      const rows = await ctx.db.verification.findMany({ select: { identifier: true } });
      expect(rows.some((r) => r.identifier.includes(token))).toBe(false);

      await resetPassword(ctx, { token, password: "a brand new password" });
      const signedIn = await signIn(ctx, { email, password: "a brand new password" }, from(ip));
      expect(signedIn.teacher.email).toBe(email);
      expect((await rejection(signIn(ctx, { email, password: "the old password" }, from(ip)))).code).toBe(
        "bad_credentials",
      );
      expect(await currentTeacher(ctx, from(ip, cookie))).toBeNull();

      const again = await rejection(resetPassword(ctx, { token, password: "yet another password" }));
      expect([again.status, again.code]).toEqual([400, "invalid_token"]);
      await signIn(ctx, { email, password: "a brand new password" }, from(ip));
    });

    it("after a reset, tells the owner and forgives the failed sign-ins a stranger spent on the account", async () => {
      const ctx = current();
      const { email } = await confirmedTeacher(ctx);
      const limit = limitTable(ctx.config).signInFailuresPerAccount.points;
      for (let i = 1; i <= limit; i++)
        await rejection(signIn(ctx, { email, password: `guess number ${i}` }, from(`10.68.${i}.1`)));
      const locked = await rejection(signIn(ctx, { email, password: "the old password" }, from("10.68.0.1")));
      expect(locked.status).toBe(429);

      await requestPasswordReset(ctx, { email }, from("10.68.0.1"));
      await delivered(ctx);
      await resetPassword(ctx, { token: resetTokenIn(email), password: "a fresh password" });
      await signIn(ctx, { email, password: "a fresh password" }, from("10.68.0.1"));
      await delivered(ctx);
      const notice = smtp.to(email).find((m) => m.subject === "Your Fact Trail password was changed");
      expect(notice?.text).toContain(`${SITE}/teacher/forgot-password`);
    });

    it("answers an unknown address exactly as a known one, and mails nothing", async () => {
      const ctx = current();
      const known = (await confirmedTeacher(ctx)).email;
      const unknown = newEmail();
      const sent = smtp.received.length;
      const answers = await Promise.all([
        requestPasswordReset(ctx, { email: known }, from("10.61.0.1")),
        requestPasswordReset(ctx, { email: unknown }, from("10.61.0.2")),
      ]);
      expect(answers).toEqual([known, unknown]);
      await delivered(ctx);
      expect(smtp.received.length).toBe(sent + 1);
      expect(smtp.to(unknown)).toEqual([]);
    });

    it("refuses a link past its hour, a made-up token, and a weak new password (which keeps the link)", async () => {
      const ctx = current();
      const { email } = await confirmedTeacher(ctx);
      await requestPasswordReset(ctx, { email }, from("10.62.0.1"));
      await delivered(ctx);
      const token = resetTokenIn(email);

      const weak = await rejection(resetPassword(ctx, { token, password: "short" }));
      expect(weak.fieldErrors).toEqual({ password: "Use at least 10 characters for your password." });
      for (const made of ["", "x".repeat(24), "a".repeat(500)]) {
        expect((await rejection(resetPassword(ctx, { token: made, password: "a good new password" }))).code).toBe(
          "invalid_token",
        );
      }

      const user = await ctx.db.user.findUniqueOrThrow({ where: { email } });
      await ctx.db.verification.updateMany({
        where: { value: user.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      expect((await rejection(resetPassword(ctx, { token, password: "a good new password" }))).code).toBe(
        "invalid_token",
      );
      await signIn(ctx, { email, password: "the old password" }, from("10.62.0.1"));
    });

    it("limits reset requests per email (from any address) and per address (for any email)", async () => {
      const ctx = current();
      const email = newEmail();
      for (let i = 1; i <= 3; i++) await requestPasswordReset(ctx, { email }, from(`10.63.${i}.1`));
      const perEmail = await rejection(requestPasswordReset(ctx, { email }, from("10.63.9.1")));
      expect([perEmail.status, perEmail.message]).toEqual([429, expect.stringContaining("for this email address")]);

      for (let i = 1; i <= 10; i++) await requestPasswordReset(ctx, { email: newEmail() }, from("10.64.0.1"));
      const perAddress = await rejection(requestPasswordReset(ctx, { email: newEmail() }, from("10.64.0.1")));
      expect([perAddress.status, perAddress.message]).toEqual([429, expect.stringContaining("from this network")]);
    });

    it("rejects a bad email field by field, and says to ask the admin where no mail is configured", async () => {
      const ctx = current();
      const bad = await rejection(requestPasswordReset(ctx, { email: "not an email" }, from("10.65.0.1")));
      expect(bad.fieldErrors).toEqual({ email: "Enter an email address like name@school.org." });
      const noMail = { ...ctx, mailer: createMailer(null) };
      const refused = await rejection(requestPasswordReset(noMail, { email: newEmail() }, from("10.65.0.2")));
      expect([refused.status, refused.code, refused.message]).toEqual([
        503,
        "mail_not_configured",
        expect.stringContaining("npm run teacher -- reset-password"),
      ]);
    });

    it("answers a sign-up with a taken email as a new one, mails the owner, and changes nothing", async () => {
      const ctx = current();
      const { email } = await confirmedTeacher(ctx);
      const before = await ctx.db.user.findUniqueOrThrow({ where: { email } });
      const fresh = newEmail();
      const answers = [
        await signUp(ctx, { name: "Someone", email, password: "a stranger's password" }, from("10.66.0.1")),
        await signUp(ctx, { name: "Someone", email: fresh, password: "a stranger's password" }, from("10.66.0.2")),
      ];
      expect(answers).toEqual([
        { signedIn: false, email },
        { signedIn: false, email: fresh },
      ]);
      await delivered(ctx);
      expect(smtp.to(email).map((m) => m.subject)).toContain("You already have a Fact Trail account");
      expect(smtp.to(fresh).map((m) => m.subject)).toEqual(["Confirm your email address for Fact Trail"]);
      expect(await ctx.db.user.findUniqueOrThrow({ where: { email } })).toEqual(before);
      await signIn(ctx, { email, password: "the old password" }, from("10.66.0.1"));
    });

    it("confirms an address by its link (signing in), may send the link again, and refuses a forged one", async () => {
      const ctx = current();
      const email = newEmail();
      await signUp(ctx, { name: "Mr Nurlan", email, password: "nurlan's password" }, from("10.67.0.1"));
      const out = await signIn(ctx, { email, password: "nurlan's password" }, from("10.67.0.1"));
      expect(out.teacher.emailVerified).toBe(false);
      // Signing in does not wait for the confirmation; the banner's button sends the link again, a few times.
      const cookie = cookieHeader(out.setCookies);
      for (let i = 1; i <= 3; i++) {
        expect(await resendConfirmation(ctx, out.teacher, from("10.67.0.1", cookie))).toBe("sent");
      }
      const limited = await rejection(resendConfirmation(ctx, out.teacher, from("10.67.0.1", cookie)));
      expect(limited.status).toBe(429);
      // Nothing to send (and the banner's answer says so): no mail configured, or already confirmed.
      const noMail = { ...ctx, mailer: createMailer(null) };
      expect(await resendConfirmation(noMail, out.teacher, from("10.67.0.1", cookie))).toBe("no-mail");
      const confirmed = { ...out.teacher, emailVerified: true };
      expect(await resendConfirmation(ctx, confirmed, from("10.67.0.1", cookie))).toBe("already-confirmed");
      await delivered(ctx);
      const links = smtp.to(email).map((m) => linkIn(m, `${SITE}/teacher/verify-email?`));
      expect(links).toHaveLength(4);

      const token = links[3]!.searchParams.get("token")!;
      for (const forged of [token.slice(0, -2), "", 42]) {
        expect((await rejection(verifyEmail(ctx, forged, from("10.67.0.2")))).code).toBe("invalid_token");
      }
      const session = cookieHeader(await verifyEmail(ctx, token, from("10.67.0.2")));
      expect(await currentTeacher(ctx, from("10.67.0.2", session))).toMatchObject({ email, emailVerified: true });
    });
  },
  () => ({ SMTP_URL: smtp.url, MAIL_FROM: "Fact Trail <quiz@school.test>", PUBLIC_URL: SITE }),
);
