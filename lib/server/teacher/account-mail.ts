// The mail a teacher's account sends: a password-reset link, an email-confirmation
// link, and a note to the owner when someone signs up with their address. Links
// point at this site's own pages (never at a request's Host header) and carry
// better-auth's token.
import "server-only";
import type { Config } from "../../config.mjs";
import { RESET_LINK_MINUTES } from "../auth";
import type { Mailer } from "../mail";

interface MailUser {
  email: string;
  name: string;
}

/** What better-auth's hooks call (lib/server/auth.ts). */
export interface AccountMail {
  passwordReset(user: MailUser, token: string): void;
  /** A reset link (mailed, or from the admin command) was used: tell the owner, in case it was not them. */
  passwordChanged(user: MailUser): void;
  emailVerification(user: MailUser, token: string): void;
  existingSignUp(user: MailUser): void;
}

type Links = Pick<Config, "linkOrigin">;

export const resetPasswordLink = (config: Links, token: string) =>
  `${config.linkOrigin}/teacher/reset-password?token=${encodeURIComponent(token)}`;

export const verifyEmailLink = (config: Links, token: string) =>
  `${config.linkOrigin}/teacher/verify-email?token=${encodeURIComponent(token)}`;

const signature = "— Fact Trail";

export function accountMail(config: Links, mailer: Mailer): AccountMail {
  return {
    passwordReset(user, token) {
      mailer.send({
        to: user.email,
        subject: "Choose a new Fact Trail password",
        text: [
          `Hello ${user.name},`,
          "",
          "Someone (we hope you) asked to choose a new password for your Fact Trail teacher account.",
          `Open this link within ${RESET_LINK_MINUTES} minutes to choose it (the link works once):`,
          "",
          resetPasswordLink(config, token),
          "",
          "If you did not ask, ignore this mail: your password stays as it is.",
          "",
          signature,
        ].join("\n"),
      });
    },
    passwordChanged(user) {
      mailer.send({
        to: user.email,
        subject: "Your Fact Trail password was changed",
        text: [
          `Hello ${user.name},`,
          "",
          "The password of your Fact Trail teacher account was just changed with a reset link, and every device",
          "that was signed in was signed out.",
          "",
          "If that was not you, choose a new password at once and tell whoever runs your school's Fact Trail:",
          "",
          `${config.linkOrigin}/teacher/forgot-password`,
          "",
          signature,
        ].join("\n"),
      });
    },
    emailVerification(user, token) {
      mailer.send({
        to: user.email,
        subject: "Confirm your email address for Fact Trail",
        text: [
          `Hello ${user.name},`,
          "",
          "Open this link within 24 hours to confirm that this address is yours and sign in to Fact Trail:",
          "",
          verifyEmailLink(config, token),
          "",
          "If you did not create a Fact Trail account, ignore this mail.",
          "",
          signature,
        ].join("\n"),
      });
    },
    existingSignUp(user) {
      mailer.send({
        to: user.email,
        subject: "You already have a Fact Trail account",
        text: [
          `Hello ${user.name},`,
          "",
          "Someone (we hope you) tried to create a Fact Trail teacher account with this address, which already has one.",
          "Nothing changed. Sign in here:",
          "",
          `${config.linkOrigin}/teacher/sign-in`,
          "",
          "Forgot your password? Choose a new one here:",
          "",
          `${config.linkOrigin}/teacher/forgot-password`,
          "",
          signature,
        ].join("\n"),
      });
    },
  };
}
