// Generates the Prisma client for both providers (runs on `npm install`). Offline:
// Prisma 6.19's "client" engine needs no download. The URLs only pick the schema folder.
import { execFileSync } from "node:child_process";

const prisma = new URL("../node_modules/prisma/build/index.js", import.meta.url).pathname;
for (const url of ["file:./data/generate.db", "postgresql://generate@localhost/generate"]) {
  execFileSync(process.execPath, [prisma, "generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}
console.log("Prisma clients generated (SQLite and PostgreSQL).");
