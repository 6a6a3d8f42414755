import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DATABASE_URL, loadConfig, resolveDatabaseTarget } from "@/lib/config.mjs";

const STRONG_SECRET = "k3P9xQ2vLm8RtZ5wYc1NbH7dFj4GsA6e";
const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: "test", ...env }, "/srv/app");
const problemsOf = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("the configuration", () => {
  it("has a default for every variable, so an empty environment starts the app", () => {
    expect(loadConfig({}, "/srv/app")).toEqual({
      nodeEnv: "development",
      database: {
        provider: "sqlite",
        url: "file:/srv/app/data/fact-trail.db",
        filename: "/srv/app/data/fact-trail.db",
      },
      pool: { prisma: 10, playStore: 10 },
      sqliteSynchronous: "full",
      port: 3000,
      auth: { secret: expect.stringMatching(/development/), url: "http://localhost:3000" },
      publicUrl: null,
      linkOrigin: "http://localhost:3000",
      mail: null,
      limits: { codeMissesPerIp: 100, newPlayersPerIp: 300, newAttemptsPerPlayer: 20, newAttemptsPerIp: 600 },
      trustedProxyHops: 0,
      seedDemo: true,
      stallProbeFile: null,
    });
  });

  it.each([
    [
      "DATABASE_URL",
      "postgresql://u@h:5432/d",
      (c) => c.database,
      { provider: "postgres", url: "postgresql://u@h:5432/d" },
    ],
    ["DATABASE_POOL_SIZE", "7", (c) => c.pool, { prisma: 3, playStore: 4 }],
    ["PORT", "8080", (c) => [c.port, c.auth.url], [8080, "http://localhost:8080"]],
    ["BETTER_AUTH_SECRET", STRONG_SECRET, (c) => c.auth.secret, STRONG_SECRET],
    [
      "BETTER_AUTH_URL",
      "https://quiz.example.org/",
      (c) => [c.auth.url, c.publicUrl],
      ["https://quiz.example.org", "https://quiz.example.org"],
    ],
    ["PUBLIC_URL", "https://join.example.org", (c) => c.publicUrl, "https://join.example.org"],
    ["CODE_MISS_LIMIT_PER_IP", "5", (c) => c.limits.codeMissesPerIp, 5],
    ["NEW_PLAYER_LIMIT_PER_IP", "1000", (c) => c.limits.newPlayersPerIp, 1000],
    ["NEW_ATTEMPT_LIMIT_PER_PLAYER", "5", (c) => c.limits.newAttemptsPerPlayer, 5],
    ["NEW_ATTEMPT_LIMIT_PER_IP", "2000", (c) => c.limits.newAttemptsPerIp, 2000],
    ["SQLITE_SYNCHRONOUS", "normal", (c) => c.sqliteSynchronous, "normal"],
    ["TRUSTED_PROXY_HOPS", "2", (c) => c.trustedProxyHops, 2],
    ["SEED_DEMO", "0", (c) => c.seedDemo, false],
    ["STALL_PROBE_FILE", "/tmp/probe.jsonl", (c) => c.stallProbeFile, "/tmp/probe.jsonl"],
    ["NODE_ENV", "production", (c) => c.nodeEnv, "production"],
  ] as [string, string, (c: ReturnType<typeof load>) => unknown, unknown][])(
    "reads %s=%s",
    (name, value, pick, expected) => {
      expect(pick(load({ BETTER_AUTH_SECRET: STRONG_SECRET, [name]: value }))).toEqual(expected);
    },
  );

  it("takes an empty value as unset (PORT= in a .env file), so the default applies", () => {
    expect(load({ PORT: "", TRUSTED_PROXY_HOPS: " " })).toMatchObject({ port: 3000, trustedProxyHops: 0 });
  });

  it.each([
    ["TRUSTED_PROXY_HOPS=two", 'TRUSTED_PROXY_HOPS must be a whole number from 0 to 20; got "two"'],
    ["TRUSTED_PROXY_HOPS=-1", "TRUSTED_PROXY_HOPS must be a whole number from 0 to 20"],
    ["DATABASE_POOL_SIZE=0", 'DATABASE_POOL_SIZE must be a whole number from 2 to 10000; got "0"'],
    ["DATABASE_POOL_SIZE=1", "DATABASE_POOL_SIZE must be a whole number from 2"],
    ["PORT=80a", 'PORT must be a whole number from 1 to 65535; got "80a"'],
    ["SQLITE_SYNCHRONOUS=off", 'SQLITE_SYNCHRONOUS must be "full"'],
    ["PORT=70000", "PORT must be a whole number from 1 to 65535"],
    ["CODE_MISS_LIMIT_PER_IP=1e3", "CODE_MISS_LIMIT_PER_IP must be a whole number"],
    ["NEW_PLAYER_LIMIT_PER_IP=0", "NEW_PLAYER_LIMIT_PER_IP must be a whole number from 1"],
    ["SEED_DEMO=false", 'SEED_DEMO must be "1" (create the demo class quiz) or "0"; got "false"'],
    ["NODE_ENV=prod", 'NODE_ENV must be development, production or test; got "prod"'],
    ["DATABASE_URL=mysql://root@localhost/db", 'DATABASE_URL must start with "file:"'],
    ["BETTER_AUTH_URL=quiz.example.org", "BETTER_AUTH_URL must be an http:// or https:// address"],
    ["PUBLIC_URL=ftp://example.org", "PUBLIC_URL must be an http:// or https:// address"],
  ])("refuses %s, naming the variable", (setting, message) => {
    const [name, value] = setting.split("=") as [string, string];
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it("reads the mail settings (links in mail point at PUBLIC_URL, else BETTER_AUTH_URL)", () => {
    const mail = { SMTP_URL: "smtps://quiz:pw@mail.school.org:465", MAIL_FROM: "Fact Trail <quiz@school.org>" };
    expect(load({ ...mail, PUBLIC_URL: "https://quiz.school.org" })).toMatchObject({
      mail: { smtpUrl: "smtps://quiz:pw@mail.school.org:465", from: "Fact Trail <quiz@school.org>" },
      linkOrigin: "https://quiz.school.org",
    });
    expect(load({ ...mail, BETTER_AUTH_URL: "https://t.school.org" }).linkOrigin).toBe("https://t.school.org");
    expect(load({ ...mail, BETTER_AUTH_URL: "https://t.school.org", MAIL_FROM: "quiz@school.org" }).mail?.from).toBe(
      "quiz@school.org",
    );
  });

  it.each([
    [{ SMTP_URL: "mail.school.org" }, "SMTP_URL must be an smtp:// or smtps:// address"],
    [{ SMTP_URL: "https://quiz:secret@mail.school.org" }, "SMTP_URL must be an smtp:// or smtps:// address"],
    [{ SMTP_URL: "smtp://mail.school.org", PUBLIC_URL: "https://q.org" }, "MAIL_FROM is not set"],
    [{ SMTP_URL: "smtp://mail.school.org", MAIL_FROM: "q@school.org" }, "PUBLIC_URL is not set"],
    [{ MAIL_FROM: "Fact Trail" }, "MAIL_FROM must be an email address"],
    [{ MAIL_FROM: "Fact Trail <quiz@school.org" }, "MAIL_FROM must be an email address"],
    [{ MAIL_FROM: "quiz@school.org\r\nBcc: x@y.org" }, "MAIL_FROM must be an email address"],
  ])("refuses the mail settings %o, naming the variable", (env, message) => {
    const problems = problemsOf(env);
    expect(problems).toEqual([expect.stringContaining(message)]);
    // The SMTP address may hold a password: it is never repeated.
    expect(problems.join()).not.toContain("secret");
  });

  it("lists every bad variable at once", () => {
    expect(problemsOf({ PORT: "x", TRUSTED_PROXY_HOPS: "two" }).map((p) => p.split(" ")[0])).toEqual([
      "PORT",
      "TRUSTED_PROXY_HOPS",
    ]);
  });

  it("refuses a production start without a strong sign-in secret, and says what to set", () => {
    const production = (secret?: string) =>
      problemsOf({ NODE_ENV: "production", ...(secret === undefined ? {} : { BETTER_AUTH_SECRET: secret }) });
    expect(production()).toEqual([expect.stringMatching(/^BETTER_AUTH_SECRET is not set: .*openssl rand/)]);
    expect(production("short")).toEqual([expect.stringMatching(/^BETTER_AUTH_SECRET is too weak/)]);
    expect(production("a".repeat(40))).toEqual([expect.stringMatching(/^BETTER_AUTH_SECRET is too weak/)]);
    // The secret itself never appears in the message.
    expect(production("short").join()).not.toContain('"short"');
    expect(production(STRONG_SECRET)).toEqual([]);
    // Outside production a development secret stands in.
    expect(load({ BETTER_AUTH_SECRET: "short" }).auth.secret).toMatch(/development/);
  });
});

describe("npm start with a bad configuration", () => {
  it("stops before it builds or migrates, naming the variable", () => {
    const database = path.join(os.tmpdir(), `fact-trail-never-created-${process.pid}.db`);
    const run = spawnSync(process.execPath, ["scripts/start.mjs"], {
      env: {
        ...process.env,
        BETTER_AUTH_SECRET: STRONG_SECRET,
        TRUSTED_PROXY_HOPS: "two",
        DATABASE_URL: `file:${database}`,
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('TRUSTED_PROXY_HOPS must be a whole number from 0 to 20; got "two"');
    expect(run.stdout).not.toMatch(/Building|Database ready/);
    expect(existsSync(database)).toBe(false);
  });
});

describe("resolveDatabaseTarget", () => {
  it.each([
    [
      "no URL: the embedded SQLite default under data/",
      undefined,
      { provider: "sqlite", filename: "/srv/app/data/fact-trail.db" },
    ],
    [
      "a relative SQLite file, resolved from the project root",
      "file:./tmp/x.db",
      { provider: "sqlite", filename: "/srv/app/tmp/x.db" },
    ],
    ["an absolute SQLite file", "file:/var/lib/ft.db", { provider: "sqlite", filename: "/var/lib/ft.db" }],
    ["a postgresql:// URL", "postgresql://u@h:5432/d", { provider: "postgres", url: "postgresql://u@h:5432/d" }],
    ["a postgres:// URL", "postgres://u@h/d", { provider: "postgres" }],
  ])("%s", (_label, url, expected) => {
    expect(resolveDatabaseTarget(url, "/srv/app")).toMatchObject(expected);
  });

  it("uses the documented default", () => {
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/fact-trail.db");
  });

  it.each(["mysql://root@localhost/db", "file:", "http://example.com"])(
    "rejects %s with a message naming the forms",
    (url) => {
      expect(() => resolveDatabaseTarget(url, "/srv/app")).toThrow(/DATABASE_URL/);
    },
  );
});
