// `npm run db:seed` (and `npm start`, unless SEED_DEMO=0): a demo class quiz, so a
// newcomer can try joining by code at once — /join/DEM479. Idempotent.
import { loadConfig } from "../lib/config.mjs";
import { closeContext, createContext } from "../lib/server/context";
import { insertAssignment } from "../lib/server/fixtures";

export const DEMO_CODE = "DEM479";

const ctx = createContext(loadConfig());
try {
  const existing = await ctx.db.assignment.findUnique({ where: { code: DEMO_CODE }, select: { id: true } });
  if (existing) {
    console.log(`Demo class quiz ready: join with code ${DEMO_CODE}.`);
  } else {
    await insertAssignment(ctx, {
      code: DEMO_CODE,
      title: "Demo class quiz: Kazakhstan, January 2022",
      settings: { count: 6, timeLimitSeconds: 90, attemptsAllowed: null, sameQuestions: true, leaderboard: "full" },
    });
    console.log(`Created a demo class quiz: join with code ${DEMO_CODE}.`);
  }
} finally {
  await closeContext(ctx);
}
