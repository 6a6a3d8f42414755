// `node scripts/new-migration.mjs NAME [REV]`: writes one migration per provider
// for the change to prisma/models.prisma since git revision REV (default HEAD).
// Offline and without a shadow database: it diffs the two datamodels
// (`migrate diff --from-schema-datamodel … --to-schema-datamodel …`), which the
// JavaScript schema engine supports (it still connects to PG_ADMIN_URL, default the
// local server, read-only). Review the SQL before committing it.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [name, rev = "HEAD"] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/new-migration.mjs snake_case_name [git-revision]");
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const prisma = path.join(root, "node_modules/prisma/build/index.js");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const previousModels = execFileSync("git", ["show", `${rev}:prisma/models.prisma`], { cwd: root, encoding: "utf8" });
const tmp = mkdtempSync(path.join(os.tmpdir(), "fact-trail-migration-"));

for (const [provider, url] of [
  ["sqlite", "file:./data/diff.db"],
  ["postgres", process.env.PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres"],
]) {
  const folder = path.join("prisma", provider);
  const before = path.join(tmp, provider);
  mkdirSync(before, { recursive: true });
  copyFileSync(path.join(root, folder, "schema.prisma"), path.join(before, "schema.prisma"));
  writeFileSync(path.join(before, "models.prisma"), previousModels);
  const run = spawnSync(
    process.execPath,
    [prisma, "migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", folder, "--script"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url },
    },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  if (/empty migration/.test(run.stdout) || !run.stdout.trim()) {
    console.log(`${provider}: no changes since ${rev}`);
    continue;
  }
  const dir = path.join(root, folder, "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), run.stdout);
  console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
}
rmSync(tmp, { recursive: true, force: true });
