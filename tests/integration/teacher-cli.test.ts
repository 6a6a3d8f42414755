// `npm run teacher -- reset-password EMAIL`, spawned as an admin runs it, against a
// test database of each provider: the printed link sets a new password, once.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeContext, createContext, type AppContext } from "@/lib/server/context";
import { signIn } from "@/lib/server/teacher/accounts";
import { resetPassword } from "@/lib/server/teacher/password-reset";
import { signedUp } from "../helpers/accounts";
import { fromAddress } from "../helpers/addresses";
import { availableProviders, openTestDatabase, rejection, testConfig } from "../helpers/test-databases";

const tsx = path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
const SITE = "https://quiz.school.test";

/** The command as `npm run teacher --` runs it, on `databaseUrl`. */
function teacherCommand(databaseUrl: string, ...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", "scripts/teacher.ts", ...args], {
      env: { ...process.env, NODE_ENV: "test", DATABASE_URL: databaseUrl, PUBLIC_URL: SITE, SMTP_URL: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

for (const provider of availableProviders()) {
  describe(`npm run teacher -- reset-password [${provider}]`, { timeout: 90_000 }, () => {
    let ctx: AppContext;
    let url: string;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ url, drop } = await openTestDatabase(provider));
      ctx = createContext(testConfig(url));
    });
    afterAll(async () => {
      await closeContext(ctx);
      await drop();
    });

    it("prints a one-time link, and nothing else on stdout, that sets a new password", async () => {
      const email = `cli-${provider}@school.test`;
      await signedUp(
        ctx,
        { name: "Ms Cli", email, password: "the old password" },
        new Headers(fromAddress("10.70.0.1")),
      );

      const run = await teacherCommand(url, "reset-password", ` ${email.toUpperCase()} `);
      expect(run.status, run.stderr).toBe(0);
      const lines = run.stdout.trim().split("\n");
      expect(lines).toHaveLength(1);
      const link = new URL(lines[0]!);
      expect(`${link.origin}${link.pathname}`).toBe(`${SITE}/teacher/reset-password`);
      expect(run.stderr).toContain("works once, within 60 minutes");
      expect(run.stderr + run.stdout).not.toMatch(/password hash|scrypt|[0-9a-f]{32}:[0-9a-f]{64}/);

      const token = link.searchParams.get("token")!;
      await resetPassword(ctx, { token, password: "the admin's new password" });
      const from = new Headers(fromAddress("10.70.0.2"));
      expect((await signIn(ctx, { email, password: "the admin's new password" }, from)).teacher.email).toBe(email);
      expect((await rejection(signIn(ctx, { email, password: "the old password" }, from))).code).toBe(
        "bad_credentials",
      );
      expect((await rejection(resetPassword(ctx, { token, password: "once more, again" }))).code).toBe("invalid_token");
    });

    it("exits 1 for an email no account uses, 2 for a usage mistake, printing no link", async () => {
      const unknown = await teacherCommand(url, "reset-password", "nobody@school.test");
      expect([unknown.status, unknown.stdout]).toEqual([1, ""]);
      expect(unknown.stderr).toContain("No teacher account uses nobody@school.test");
      for (const args of [["reset-password"], ["reset-password", "not-an-email"], ["delete", "a@school.test"]]) {
        const usage = await teacherCommand(url, ...args);
        expect([usage.status, usage.stdout], args.join(" ")).toEqual([2, ""]);
        expect(usage.stderr).toContain("Usage: npm run teacher -- reset-password EMAIL");
      }
    });
  });
}
