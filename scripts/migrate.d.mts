/** Applies the committed migrations to the database `env.DATABASE_URL` names; throws with Prisma's output on failure. */
export function migrate(env?: NodeJS.ProcessEnv): { applied: string[] };
