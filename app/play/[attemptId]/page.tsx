// A quiz in progress (or its results): only the browser that started it can open it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlayClient } from "@/components/play/play-client";
import { data } from "@/lib/server/db";
import { attemptIdSchema } from "@/lib/server/http";
import { getAttemptSummary } from "@/lib/server/play/attempt";
import { PlayError } from "@/lib/server/play/errors";
import { playerFromCookies } from "@/lib/server/session";

export const metadata: Metadata = { title: "Playing — Fact Trail" };

export default async function PlayPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  if (!attemptIdSchema.safeParse(attemptId).success) notFound();
  const player = await playerFromCookies();
  const attempt = await getAttemptSummary(data, attemptId, player?.id ?? null).catch((error: unknown) => {
    if (error instanceof PlayError && error.status === 404) notFound();
    throw error;
  });
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
