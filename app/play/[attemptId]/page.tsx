// A quiz in progress (or its results): only the browser that started it can open it.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { PlayClient } from "@/components/play/play-client";
import { AppError } from "@/lib/app-error";
import { DEFAULT_TOPIC, isTopicId, loadTopic } from "@/lib/content/load-topic";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { attemptIdSchema } from "@/lib/server/http";
import { getResults } from "@/lib/server/play/attempt-results";
import { playerFromPageCookies } from "@/lib/server/play/current-player";
import { getAttemptSummary } from "@/lib/server/play/read-attempt";
import { getResumePoint } from "@/lib/server/play/serve-question";

export const metadata: Metadata = { title: "Playing — Fact Trail" };

export default async function PlayPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  if (!attemptIdSchema.safeParse(attemptId).success) notFound();
  const ctx = appContext();
  const player = await playerFromPageCookies(ctx);
  const playerId = player?.id ?? null;
  const attempt = await orNotFoundPage(getAttemptSummary(ctx, attemptId, playerId)).catch((error: unknown) => {
    // A player the teacher removed: a 403 whose page says so (./forbidden.tsx), not "Something went wrong".
    if (error instanceof AppError && error.code === "removed") forbidden();
    throw error;
  });
  // The first screen is rendered here, so nothing waits for a fetch: the running question, or the
  // verdict on the last answer (a reload never skips it; the next clock starts on "Next"), or the
  // first question, served as POST /current does (its clock starts once; asking again changes nothing).
  const initial =
    attempt.status === "finished"
      ? { kind: "results" as const, results: await getResults(ctx, attempt.id, playerId) }
      : await getResumePoint(ctx, attempt.id, playerId, { startFirst: true }).then(
          (point) => (point.kind === "question" || point.kind === "feedback" ? point : undefined),
          () => undefined,
        );
  const { title, outlet, published } = loadTopic(isTopicId(attempt.topic) ? attempt.topic : DEFAULT_TOPIC).meta.source;
  return (
    // At least a screen tall: the question or results arrive after the page, and the footer must not jump.
    <div className="mx-auto min-h-svh max-w-3xl space-y-3">
      <p className="text-sm font-semibold text-muted">
        {attempt.assignment
          ? `${attempt.assignment.title} · code ${attempt.assignment.code}`
          : attempt.mode === "learn"
            ? "Learn: what is due, weakest first, and something new"
            : "Practice quiz"}{" "}
        · playing as {attempt.nickname}
      </p>
      <h1 className="sr-only">{attempt.status === "finished" ? "Your results" : "Quiz"}</h1>
      <PlayClient
        attemptId={attempt.id}
        finished={attempt.status === "finished"}
        mode={attempt.assignment ? "assigned" : "practice"}
        source={{ title, outlet, published }}
        initial={initial}
      />
    </div>
  );
}
