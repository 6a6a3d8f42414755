// A real SMTP server inside the test process (smtp-server), keeping every message it
// receives, parsed (mailparser): the app's mail goes through nodemailer to it.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  from: string;
}

export interface TestSmtpServer {
  /** SMTP_URL for the app. */
  url: string;
  received: ReceivedMail[];
  /** The mail sent to `to` so far. */
  to(to: string): ReceivedMail[];
  close(): Promise<void>;
}

/** `port` 0: any free port (integration tests run files in parallel). */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail: ParsedMail) => {
        const address = (value: ParsedMail["to"]) =>
          (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
        for (const to of address(mail.to))
          received.push({ to, subject: mail.subject ?? "", text: mail.text ?? "", from: mail.from?.text ?? "" });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    received,
    to: (to) => received.filter((m) => m.to === to),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The one link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): URL {
  const links = mail.text.match(/https?:\/\/\S+/g)?.filter((l) => l.startsWith(prefix)) ?? [];
  if (links.length !== 1) throw new Error(`expected one link to ${prefix} in:\n${mail.text}`);
  return new URL(links[0]!);
}
