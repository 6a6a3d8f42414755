// `npm run db:migrate`: applies the committed migrations to whichever database
// DATABASE_URL names (SQLite by default). prisma.config.ts picks the provider.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadDotEnv } from "./load-env.mjs";

const prisma = fileURLToPath(new URL("../node_modules/prisma/build/index.js", import.meta.url));

export function migrate(env = process.env) {
  const result = spawnSync(process.execPath, [prisma, "migrate", "deploy"], {
    encoding: "utf8",
    env: { ...env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) {
    throw new Error(`Database migration failed:\n${output.trim()}`);
  }
  // Prisma lists what it applied as a tree: "└─ 20261124000000_init/".
  const applied = [...output.matchAll(/└─ (\d+_[\w-]+)\//g)].map((m) => m[1]);
  return { applied };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  loadDotEnv(fileURLToPath(new URL("..", import.meta.url)));
  try {
    const { applied } = migrate();
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
    );
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
