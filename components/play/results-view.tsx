"use client";
// The end of a quiz: score and accuracy, every question reviewed with its answer and
// explanation, the facts to revisit, and "play again" that asks first about those.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Question } from "@/lib/quiz/question";
import { ApiError, playApi, studyHref, type AttemptResults } from "./api";
import { Explanation, Sources } from "./sources";

function describeResponse(question: Question, response: unknown): string {
  if (response === null || response === undefined) return "No answer (time ran out)";
  if (question.type === "multiple-choice") return question.options.find((o) => o.id === response)?.text ?? "—";
  return (response as string[]).map((id) => question.items.find((i) => i.id === id)?.text ?? id).join(" → ");
}

function describeKey(question: Question): string {
  if (question.type === "multiple-choice") return question.options.find((o) => o.id === question.answer)!.text;
  return question.answer.map((id) => question.items.find((i) => i.id === id)!.text).join(" → ");
}

export function ResultsView({ results }: { results: AttemptResults }) {
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const { attempt } = results;
  useEffect(() => heading.current?.focus(), []);
  const board = attempt.assignment ? `/leaderboard/${attempt.assignment.code}` : "/leaderboard";

  async function again() {
    setBusy(true);
    setError("");
    try {
      const next = await playApi.again(attempt.id);
      router.push(`/play/${next.attemptId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not start a new quiz. Try again.");
      setBusy(false);
    }
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="results-title" className="rounded-3xl bg-steppe-dark p-6 text-white sm:p-8">
        <h1 id="results-title" ref={heading} tabIndex={-1} className="text-3xl font-extrabold">
          Well played, {attempt.nickname}!
        </h1>
        <dl className="mt-4 grid grid-cols-3 gap-4 text-center">
          <div>
            <dt className="text-sm text-white/80">Score</dt>
            <dd className="text-3xl font-extrabold text-sun">{attempt.score}</dd>
          </div>
          <div>
            <dt className="text-sm text-white/80">Accuracy</dt>
            <dd className="text-3xl font-extrabold">{Math.round(results.accuracy * 100)}%</dd>
          </div>
          <div>
            <dt className="text-sm text-white/80">Fully right</dt>
            <dd className="text-3xl font-extrabold">
              {attempt.correctCount}/{attempt.questionCount}
            </dd>
          </div>
        </dl>
        <div className="mt-6 flex flex-wrap gap-3">
          <button
            type="button"
            onClick={again}
            disabled={busy}
            className="rounded-xl bg-sun px-5 py-3 font-bold text-ink disabled:opacity-70"
          >
            {busy ? "Starting…" : results.revisit.length ? "Play again, starting with what I missed" : "Play again"}
          </button>
          <Link href={board} className="rounded-xl border-2 border-white/60 px-5 py-3 font-bold text-white">
            See the leaderboard
          </Link>
        </div>
        <p aria-live="polite" className="mt-2 text-sun">
          {error}
        </p>
      </section>

      {results.revisit.length > 0 && (
        <section aria-labelledby="revisit-title" className="rounded-2xl bg-white p-6 ring-1 ring-black/5">
          <h2 id="revisit-title" className="text-xl font-bold text-steppe-dark">
            Facts to revisit
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-5">
            {results.revisit.map((item) => (
              <li key={item.id}>
                <Link href={`/study#${item.kind}-${item.id}`} className="text-steppe-dark underline underline-offset-2">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="review-title">
        <h2 id="review-title" className="text-xl font-bold text-steppe-dark">
          Review
        </h2>
        <ol className="mt-3 space-y-4">
          {results.review.map((item) => (
            <li key={item.position} className="space-y-2 rounded-2xl bg-white p-5 ring-1 ring-black/5">
              <p className="flex items-start justify-between gap-3">
                <span className="font-semibold">
                  {item.position + 1}. {item.question.prompt}
                </span>
                <span
                  className={`shrink-0 rounded-full px-2 py-0.5 text-sm font-bold ${item.correct ? "bg-green-100 text-green-900" : "bg-ember/10 text-ember"}`}
                >
                  {item.correct ? "Right" : item.credit > 0 ? `${Math.round(item.credit * 100)}% credit` : "Missed"} ·{" "}
                  {item.points} pts
                </span>
              </p>
              <p>
                <span className="font-semibold">Your answer:</span> {describeResponse(item.question, item.response)}
              </p>
              {!item.correct && (
                <p>
                  <span className="font-semibold">Right answer:</span> {describeKey(item.question)}
                </p>
              )}
              {item.swapped.map((s) => (
                <p key={`${s.placedFirst}|${s.placedSecond}`} className="text-sm">
                  You placed “{s.placedFirst}” before “{s.placedSecond}”.
                </p>
              ))}
              <Explanation text={item.question.explanation} className="text-sm" />
              <Sources sources={item.question.sources} href={studyHref(item.question.about, item.question.type)} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
