// A quiz in progress (or its results): only the browser that started it can open it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlayClient } from "@/components/play/play-client";
import { appContext } from "@/lib/server/context";
import { orNotFoundPage } from "@/lib/server/errors";
import { attemptIdSchema } from "@/lib/server/http";
import { playerFromPageCookies } from "@/lib/server/play/current-player";
import { getAttemptSummary } from "@/lib/server/play/read-attempt";

export const metadata: Metadata = { title: "Playing — Fact Trail" };

export default async function PlayPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  if (!attemptIdSchema.safeParse(attemptId).success) notFound();
  const ctx = appContext();
  const player = await playerFromPageCookies(ctx);
  const attempt = await orNotFoundPage(getAttemptSummary(ctx, attemptId, player?.id ?? null));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">
        {attempt.assignment ? `${attempt.assignment.title} · code ${attempt.assignment.code}` : "Practice quiz"} ·
        playing as {attempt.nickname}
      </p>
      <h1 className="sr-only">{attempt.status === "finished" ? "Your results" : "Quiz"}</h1>
      <PlayClient attemptId={attempt.id} finished={attempt.status === "finished"} />
    </div>
  );
}
