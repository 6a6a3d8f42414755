// Generates the Prisma client for both providers (runs on `npm install`). Offline:
// Prisma 6.19's "client" engine needs no download. The URLs only pick the schema folder.
// The CLI's own chatter ("Loaded Prisma config…") is kept back unless generation fails.
import { spawnSync } from "node:child_process";

const prisma = new URL("../node_modules/prisma/build/index.js", import.meta.url).pathname;
for (const url of ["file:./data/generate.db", "postgresql://generate@localhost/generate"]) {
  const run = spawnSync(process.execPath, [prisma, "generate"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? `${run.error.message}\n` : ""}`);
    console.error(`prisma generate failed for the ${url.startsWith("file:") ? "SQLite" : "PostgreSQL"} schema.`);
    process.exit(run.status || 1);
  }
}
console.log("Prisma clients generated (SQLite and PostgreSQL).");
