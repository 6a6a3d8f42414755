// The start-up warm-up: what a just-started server would otherwise do on its first wave
// of requests, done before it reports ready (instrumentation.ts awaits it): the question
// bank built, the play store's connections opened and its statements prepared, Prisma
// connected. The routes' modules are loaded by a few requests once it listens
// (scripts/warm-routes.mjs, from `npm start` and the benchmarks' servers).
import "server-only";
import { TOPIC_IDS, loadTopic } from "@/lib/content/load-topic";
import { generateQuiz } from "@/lib/quiz/quiz";
import type { AppContext } from "./context";

export async function warmUp(ctx: AppContext): Promise<void> {
  for (const topic of TOPIC_IDS) generateQuiz(loadTopic(topic), { seed: 1, count: 10 });
  await Promise.all([ctx.store.warm(), ctx.db.assignment.findFirst({ select: { id: true } })]);
}
