// `npm run db:seed` (and `npm start`, unless SEED_DEMO=0): a demo class quiz, so a
// newcomer can try joining by code at once — /join/DEM479. Idempotent.
import { resolveDatabaseTarget } from "../lib/database-target";
import { createDb } from "../lib/server/db";
import { createAssignment } from "../lib/server/fixtures";

export const DEMO_CODE = "DEM479";

const db = createDb(resolveDatabaseTarget(process.env.DATABASE_URL));
try {
  const existing = await db.assignment.findUnique({ where: { code: DEMO_CODE }, select: { id: true } });
  if (existing) {
    console.log(`Demo class quiz ready: join with code ${DEMO_CODE}.`);
  } else {
    await createAssignment(db, {
      code: DEMO_CODE,
      title: "Demo class quiz: Kazakhstan, January 2022",
      settings: { count: 6, timeLimitSeconds: 90, attemptsAllowed: null, sameQuestions: true, leaderboard: "full" },
    });
    console.log(`Created a demo class quiz: join with code ${DEMO_CODE}.`);
  }
} finally {
  await db.$disconnect();
}
