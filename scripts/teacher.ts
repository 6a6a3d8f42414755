// `npm run teacher -- reset-password EMAIL`: for an install with no mail server, a
// one-time link (valid RESET_LINK_MINUTES) that lets the teacher with EMAIL choose a
// new password, made by better-auth as the mailed link is. Prints the link alone on
// stdout (a note on stderr) and nothing else: no password, hash or session.
// Exit codes: 0 the link is printed; 1 no account uses EMAIL; 2 usage or configuration.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig, type Config } from "../lib/config.mjs";
import { forgotPasswordSchema, parseForm } from "../lib/teacher/forms";
import { loadDotEnv } from "./load-env.mjs";

const USAGE = "Usage: npm run teacher -- reset-password EMAIL";

function stop(code: 1 | 2, message: string): never {
  console.error(message);
  process.exit(code);
}

const [command, rawEmail, ...extra] = process.argv.slice(2);
if (command !== "reset-password" || rawEmail === undefined || extra.length > 0) stop(2, USAGE);
const parsed = parseForm(forgotPasswordSchema, { email: rawEmail });
if (!parsed.ok) stop(2, `${parsed.fieldErrors.email ?? "That is not an email address."}\n${USAGE}`);
const { email } = parsed.data;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
loadDotEnv(root);
// The secret `npm start` keeps, when there is one (a production configuration needs it); none is created here.
const keptSecret = path.join(root, "data", "auth-secret");
const env = { ...process.env };
if (!env.BETTER_AUTH_SECRET?.trim() && existsSync(keptSecret))
  env.BETTER_AUTH_SECRET = readFileSync(keptSecret, "utf8").trim();
let config: Config;
try {
  config = loadConfig(env, root);
} catch (error) {
  if (error instanceof ConfigError) stop(2, error.message);
  throw error;
}

// Loaded only now: a usage mistake is answered without loading the server's parts.
const { RESET_LINK_MINUTES } = await import("../lib/server/auth");
const { closeContext, createContext } = await import("../lib/server/context");
const { resetLinkFor } = await import("../lib/server/teacher/password-reset");
const ctx = createContext(config);
try {
  const link = await resetLinkFor(ctx, email);
  if (!link)
    stop(1, `No teacher account uses ${email}: check the spelling, or create the account at /teacher/sign-up.`);
  if (!config.publicUrl)
    console.error("The link uses the default address: set PUBLIC_URL (or BETTER_AUTH_URL) to this site's address.");
  console.error(`A new-password link for ${email}: it works once, within ${RESET_LINK_MINUTES} minutes.`);
  console.log(link);
} finally {
  await closeContext(ctx);
}
