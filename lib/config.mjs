// @ts-check
// Fact Trail's configuration: every environment variable the app reads, its
// default, and what makes a value bad. Read once per process (lib/server/context.ts,
// instrumentation.ts) and by the scripts that run before the server
// (scripts/start.mjs, prisma.config.ts), so a typo stops the start with a message
// naming the variable instead of falling back to a default.
// Plain JavaScript, typed through JSDoc and zod's inference: `node scripts/start.mjs`
// needs it without a TypeScript loader (docs/decisions/007-one-server-context.md).
import path from "node:path";
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/fact-trail.db";
export const MIN_SECRET_LENGTH = 32;
/** Used only outside production (dev server, tests) when BETTER_AUTH_SECRET is unset or weak. */
const DEVELOPMENT_SECRET = "fact-trail-development-secret-not-for-production-use";

/**
 * @typedef {{ provider: "sqlite"; url: string; filename: string } | { provider: "postgres"; url: string }} DatabaseTarget
 */

/**
 * Which database a DATABASE_URL names: a provider and a connection target. A
 * relative SQLite path is taken from `cwd`, the project root in every script and
 * in `next start`.
 * @param {string | undefined} rawUrl
 * @param {string} [cwd]
 * @returns {DatabaseTarget}
 */
export function resolveDatabaseTarget(rawUrl, cwd = process.cwd()) {
  const url = rawUrl?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgres", url };
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0];
    if (!file) throw new Error(`DATABASE_URL "${url}" names no SQLite file`);
    const filename = path.resolve(cwd, file);
    return { provider: "sqlite", url: `file:${filename}`, filename };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgres://"/"postgresql://" (PostgreSQL); got "${url.slice(0, 40)}"`,
  );
}

/** An empty or blank value (`PORT=` in a .env file) counts as unset, so the default applies. */
const blankIsUnset = (/** @type {unknown} */ v) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** @param {number} min @param {number} max */
function wholeNumber(min, max) {
  const rule = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error: rule })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: rule });
}

const httpAddress = z
  .string()
  .trim()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
    error: "must be an http:// or https:// address, like https://quiz.example.org",
  })
  .transform((s) => s.replace(/\/+$/, ""));

/** The address inside `Name <address>`, or the whole value. */
const mailboxAddress = (/** @type {string} */ s) => /<([^<>]*)>\s*$/.exec(s)?.[1] ?? s;

const smtpAddress = z
  .string()
  .trim()
  .refine((s) => URL.canParse(s) && /^smtps?:$/.test(new URL(s).protocol) && new URL(s).hostname !== "", {
    error: "must be an smtp:// or smtps:// address, like smtps://user:password@mail.example.org:465",
  });

const mailSender = z
  .string()
  .trim()
  .refine((s) => !/[\r\n]/.test(s) && z.email().safeParse(mailboxAddress(s).trim()).success, {
    error: 'must be an email address, optionally with a name: "Fact Trail <quiz@school.example.org>"',
  });

const variables = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], { error: "must be development, production or test" })
    .default("development"),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  DATABASE_POOL_SIZE: wholeNumber(2, 10_000).default(20),
  SQLITE_SYNCHRONOUS: z
    .enum(["full", "normal"], { error: 'must be "full" (an acknowledged answer survives a power cut) or "normal"' })
    .default("full"),
  PORT: wholeNumber(1, 65_535).default(3000),
  BETTER_AUTH_SECRET: z.string().trim().optional(),
  BETTER_AUTH_URL: httpAddress.optional(),
  PUBLIC_URL: httpAddress.optional(),
  SMTP_URL: smtpAddress.optional(),
  MAIL_FROM: mailSender.optional(),
  CODE_MISS_LIMIT_PER_IP: wholeNumber(1, 1_000_000).default(100),
  NEW_PLAYER_LIMIT_PER_IP: wholeNumber(1, 1_000_000).default(300),
  NEW_ATTEMPT_LIMIT_PER_PLAYER: wholeNumber(1, 1_000_000).default(20),
  NEW_ATTEMPT_LIMIT_PER_IP: wholeNumber(1, 1_000_000).default(600),
  TRUSTED_PROXY_HOPS: wholeNumber(0, 20).default(0),
  SEED_DEMO: z.enum(["0", "1"], { error: 'must be "1" (create the demo class quiz) or "0"' }).default("1"),
  STALL_PROBE_FILE: z.string().trim().optional(),
});

/** The names this module reads; anything else in the environment is ignored. */
export const CONFIG_VARIABLES = /** @type {(keyof z.input<typeof variables>)[]} */ (Object.keys(variables.shape));

/**
 * The sign-in secret: production refuses none or a weak one (`npm start` generates
 * and keeps one in data/ when unset); elsewhere a fixed development secret stands in.
 * @param {string | undefined} secret
 * @param {"development" | "production" | "test"} nodeEnv
 * @returns {{ ok: true; secret: string } | { ok: false; problem: string }}
 */
function signInSecret(secret, nodeEnv) {
  if (secret && secret.length >= MIN_SECRET_LENGTH && new Set(secret).size >= 10) return { ok: true, secret };
  if (nodeEnv !== "production") return { ok: true, secret: DEVELOPMENT_SECRET };
  return {
    ok: false,
    problem: secret
      ? `is too weak: use at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 32\`).`
      : "is not set: teacher sign-in needs a secret of at least 32 random characters (e.g. `openssl rand -base64 32`). `npm start` creates one in data/auth-secret.",
  };
}

/** @param {string} cwd */
const configSchema = (cwd) =>
  variables.transform((env, ctx) => {
    /** @param {keyof typeof env} variable @param {string} problem */
    const fail = (variable, problem) => {
      ctx.issues.push({ code: "custom", path: [variable], message: problem, input: env[variable] });
      return z.NEVER;
    };
    /** @type {DatabaseTarget} */
    let database;
    try {
      database = resolveDatabaseTarget(env.DATABASE_URL, cwd);
    } catch (error) {
      return fail("DATABASE_URL", /** @type {Error} */ (error).message.replace(/^DATABASE_URL /, ""));
    }
    const secret = signInSecret(env.BETTER_AUTH_SECRET, env.NODE_ENV);
    if (!secret.ok) return fail("BETTER_AUTH_SECRET", secret.problem);
    const authUrl = env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;
    const publicUrl = env.PUBLIC_URL ?? env.BETTER_AUTH_URL ?? null;
    if (env.SMTP_URL && !env.MAIL_FROM)
      return fail(
        "MAIL_FROM",
        'is not set: mail needs a sender when SMTP_URL is set, like "Fact Trail <quiz@school.example.org>"',
      );
    // A link in a mail must not come from a request's Host header (anyone can write it): the site says where it is.
    if (env.SMTP_URL && !publicUrl)
      return fail(
        "PUBLIC_URL",
        "is not set: links in mail (SMTP_URL is set) need the site's address, like https://quiz.example.org",
      );
    // One budget per instance: Prisma's pool and the play store's pool share DATABASE_POOL_SIZE.
    const prismaPool = Math.floor(env.DATABASE_POOL_SIZE / 2);
    return {
      nodeEnv: env.NODE_ENV,
      database,
      pool: { prisma: prismaPool, playStore: env.DATABASE_POOL_SIZE - prismaPool },
      /** SQLite only: "full" syncs the WAL at every (group) commit, "normal" only at checkpoints (docs/decisions/010). */
      sqliteSynchronous: env.SQLITE_SYNCHRONOUS,
      port: env.PORT,
      auth: { secret: secret.secret, url: authUrl },
      /** Where join links and QR codes point; null: the request's own host. */
      publicUrl,
      /** Where links in mail and from `npm run teacher` point. */
      linkOrigin: publicUrl ?? authUrl,
      /** Outgoing mail (password reset, email verification); null: none configured. */
      mail: env.SMTP_URL && env.MAIL_FROM ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } : null,
      limits: {
        codeMissesPerIp: env.CODE_MISS_LIMIT_PER_IP,
        newPlayersPerIp: env.NEW_PLAYER_LIMIT_PER_IP,
        newAttemptsPerPlayer: env.NEW_ATTEMPT_LIMIT_PER_PLAYER,
        newAttemptsPerIp: env.NEW_ATTEMPT_LIMIT_PER_IP,
      },
      trustedProxyHops: env.TRUSTED_PROXY_HOPS,
      seedDemo: env.SEED_DEMO === "1",
      /** Benchmarks: a file the server appends its stall probe's lines to (lib/server/stall-probe.ts); null: off. */
      stallProbeFile: env.STALL_PROBE_FILE ?? null,
    };
  });

/** @typedef {z.output<ReturnType<typeof configSchema>>} Config */

/** Never repeated in a message: the sign-in secret, and the SMTP address (it may hold a password). */
const SECRET_VARIABLES = new Set(["BETTER_AUTH_SECRET", "SMTP_URL"]);

/** A configuration that cannot start the app; its message names every bad variable. */
export class ConfigError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(
      `The configuration has ${problems.length === 1 ? "a problem" : "problems"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/**
 * The configuration from environment variables (`process.env` by default).
 * Throws a ConfigError naming each variable whose value is bad.
 * @param {Record<string, string | undefined>} [env]
 * @param {string} [cwd] where a relative SQLite path starts
 * @returns {Config}
 */
export function loadConfig(env = process.env, cwd = process.cwd()) {
  /** @type {Record<string, unknown>} */
  const picked = {};
  for (const name of CONFIG_VARIABLES) picked[name] = blankIsUnset(env[name]);
  const parsed = configSchema(cwd).safeParse(picked);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "configuration");
      const value = picked[name];
      // The value, unless it holds a secret or the message quotes it already.
      const shown =
        typeof value === "string" && !SECRET_VARIABLES.has(name) && !issue.message.includes(`"${value.slice(0, 40)}`);
      return `${name} ${issue.message}${shown ? `; got "${value.slice(0, 60)}"` : ""}`;
    }),
  );
}
