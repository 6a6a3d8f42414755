// Outgoing mail: nodemailer over the SMTP server in SMTP_URL, or nothing when none
// is configured (a self-hosted install; `npm run teacher` stands in for reset mail).
// A message is handed over in the background, so the answer to "send me a reset
// link" takes as long whether or not a mail goes out (no account enumeration by
// timing), and a slow mail server never holds up a page.
import "server-only";
import nodemailer from "nodemailer";
import type { Config } from "../config.mjs";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** False: no SMTP server is configured and `send` drops the message. */
  readonly enabled: boolean;
  /** Starts sending; a failure is logged for the operator, never thrown at the caller. */
  send(message: MailMessage): void;
  /** Resolves when every message handed over so far is sent or has failed (tests, shutdown). */
  settled(): Promise<void>;
  close(): void;
}

/** A connection is opened per message (nodemailer's default), so building a mailer contacts no server. */
export function createMailer(mail: Config["mail"]): Mailer {
  if (!mail) {
    return { enabled: false, send: () => undefined, settled: async () => undefined, close: () => undefined };
  }
  const transport = nodemailer.createTransport(mail.smtpUrl);
  const inFlight = new Set<Promise<unknown>>();
  return {
    enabled: true,
    send(message) {
      const sending = transport
        .sendMail({ from: mail.from, ...message })
        .catch((error: unknown) => {
          // The recipient and the reason, not the body: it holds a one-time link.
          console.error(`Mail to ${message.to} ("${message.subject}") was not sent:`, (error as Error).message);
        })
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },
    async settled() {
      while (inFlight.size) await Promise.all(inFlight);
    },
    close() {
      transport.close();
    },
  };
}
