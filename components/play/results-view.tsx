"use client";
// The end of a quiz: words that fit the score, the score counting up, the player's rank
// and personal best, the board's podium, confetti for a perfect or best game, the facts
// to revisit, every question reviewed (its "Why?" folded), and "play again" while an
// attempt is left (asking first about what was missed).
import Link from "next/link";
import { formatScore } from "@/lib/format-score";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Question } from "@/lib/quiz/question";
import { ordinal, resultWords } from "@/lib/play/verdict";
import { celebrate } from "../game/confetti";
import { Podium } from "../game/podium";
import { ScoreTicker } from "../game/score-ticker";
import { SoundToggle } from "../game/sound-toggle";
import type { Sound } from "../game/use-sound";
import type { SourceMeta } from "../paragraph-badge";
import { ApiError, playApi, studyHref, type AttemptResults } from "./api";
import { questionQuotes, Sources, Why } from "./sources";

function describeResponse(question: Question, response: unknown): string {
  if (response === null || response === undefined) return "No answer (time ran out)";
  if (question.type === "multiple-choice") return question.options.find((o) => o.id === response)?.text ?? "—";
  return (response as string[]).map((id) => question.items.find((i) => i.id === id)?.text ?? id).join(" → ");
}

function describeKey(question: Question): string {
  if (question.type === "multiple-choice") return question.options.find((o) => o.id === question.answer)!.text;
  return question.answer.map((id) => question.items.find((i) => i.id === id)!.text).join(" → ");
}

const button = "inline-flex min-h-12 items-center justify-center rounded-xl px-5 py-3 font-bold";

export function ResultsView({
  results,
  source,
  sound,
}: {
  results: AttemptResults;
  source: SourceMeta;
  sound?: Sound;
}) {
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [reviewOpen, setReviewOpen] = useState(false);
  const { attempt, standing } = results;
  const words = resultWords({
    nickname: attempt.nickname,
    correctCount: attempt.correctCount,
    questionCount: attempt.questionCount,
    score: attempt.score,
    newPersonalBest: standing.newPersonalBest,
  });
  const perfect = attempt.questionCount > 0 && attempt.correctCount === attempt.questionCount;
  // Top of a real board (three or more players) with a real score is a best score too.
  const topOfBoard = standing.rank?.place === 1 && standing.rank.of >= 3 && attempt.score > 0;
  const celebrated = words.celebrate || topOfBoard;
  const board = attempt.assignment ? `/leaderboard/${attempt.assignment.code}` : "/leaderboard";
  const canPlayAgain = standing.attemptsLeft === null || standing.attemptsLeft > 0;

  const play = sound?.play;
  useEffect(() => {
    // Focus lands on the verdict (announced by screen readers), without a box drawn round it.
    heading.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, []);
  useEffect(() => {
    if (celebrated) void celebrate(perfect ? "perfect" : "best");
  }, [celebrated, perfect]);
  const finishPlayed = useRef(false);
  useEffect(() => {
    if (!play || finishPlayed.current) return;
    finishPlayed.current = true;
    play(celebrated ? "finish" : "partly");
  }, [play, celebrated]);

  const learnMode = attempt.mode === "learn";
  async function again(learn = false) {
    setBusy(true);
    setError("");
    try {
      const next = learn ? await playApi.startPractice(attempt.nickname, true) : await playApi.again(attempt.id);
      router.push(`/play/${next.attemptId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not start a new quiz. Try again.");
      setBusy(false);
    }
  }

  const rankLine = standing.rank
    ? `${ordinal(standing.rank.place)} of ${standing.rank.of} ${standing.rank.scope}`
    : null;
  const bestLine = standing.newPersonalBest
    ? `New personal best (was ${formatScore(standing.previousBest!)})`
    : standing.previousBest !== null
      ? `Your best: ${formatScore(Math.max(standing.previousBest, attempt.score))}`
      : null;

  return (
    <div className="space-y-6">
      {/* Drawn at once (often by the server): the score ticking, the podium rising and the confetti are the show. */}
      <section aria-labelledby="results-title" className="rounded-3xl bg-steppe-dark p-5 text-white shadow-lg sm:p-8">
        <div className="flex items-start justify-between gap-3">
          <div>
            <h2 id="results-title" ref={heading} tabIndex={-1} className="text-3xl font-extrabold outline-none">
              {words.title}{" "}
              <span className="sr-only">
                {`Score ${attempt.score}.`}
                {rankLine ? ` ${rankLine}.` : ""}
              </span>
            </h2>
            <p className="mt-1 text-white/90">{words.line}</p>
          </div>
          {sound && <SoundToggle sound={sound} />}
        </div>
        <dl className="mt-4 grid grid-cols-3 gap-2 text-center">
          <div>
            <dt className="text-sm text-white/80">Score</dt>
            <dd className="text-3xl font-extrabold text-sun">
              <ScoreTicker value={attempt.score} />
            </dd>
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
        {(rankLine || bestLine) && (
          <ul className="mt-4 flex flex-wrap gap-2 text-sm font-bold">
            {rankLine && <li className="rounded-full bg-white px-3 py-1 text-steppe-dark">{rankLine}</li>}
            {bestLine && (
              <li
                className={`rounded-full px-3 py-1 ${standing.newPersonalBest ? "bg-sun text-ink" : "bg-white/15 text-white"}`}
              >
                {bestLine}
              </li>
            )}
          </ul>
        )}
        <div className="mt-5 flex flex-wrap gap-3">
          {canPlayAgain && (
            <button
              type="button"
              onClick={() => void again()}
              disabled={busy}
              className={`${button} bg-sun text-ink disabled:opacity-70`}
            >
              {busy
                ? "Starting…"
                : learnMode
                  ? "Learn on: the next round"
                  : results.revisit.length
                    ? "Play again, starting with what I missed"
                    : "Play again"}
            </button>
          )}
          {!learnMode && (
            <button
              type="button"
              onClick={() => void again(true)}
              disabled={busy}
              className={`${button} bg-white text-steppe-dark disabled:opacity-70`}
            >
              Learn: what is due, weakest first
            </button>
          )}
          <Link href={board} className={`${button} border-2 border-white/60 text-white`}>
            See the leaderboard
          </Link>
        </div>
        {!canPlayAgain && <p className="mt-3 text-sm text-white/85">No attempts left at this quiz.</p>}
        <p aria-live="polite" className="mt-2 text-sun">
          {error}
        </p>
      </section>

      {standing.podium.length > 0 && (
        <section aria-labelledby="podium-title" className="rounded-2xl bg-white p-5 ring-1 ring-black/5">
          <h2 id="podium-title" className="mb-4 text-xl font-bold text-steppe-dark">
            {attempt.assignment ? "Top three in this quiz" : "Top three this week"}
          </h2>
          <Podium
            label={attempt.assignment ? "Top three in this quiz" : "Top three this week"}
            entries={standing.podium.map((p) => ({ rank: p.rank, name: p.nickname, score: p.score, you: p.you }))}
          />
        </section>
      )}

      {results.revisit.length > 0 && (
        <section aria-labelledby="revisit-title" className="rounded-2xl bg-white p-5 ring-1 ring-black/5">
          <h2 id="revisit-title" className="text-xl font-bold text-steppe-dark">
            Facts to revisit
          </h2>
          <ul className="mt-2 space-y-1">
            {results.revisit.map((item) => (
              <li key={item.id}>
                {/* A label that wraps keeps its arrow on the first line, and a little air from the next link. */}
                <Link
                  href={`/study#${item.kind}-${item.id}`}
                  className="flex min-h-11 items-start gap-2 py-2.5 leading-snug text-steppe-dark underline underline-offset-2"
                >
                  <span aria-hidden="true">→</span>
                  <span>{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {/* Folded, and built only when opened: ten questions with their explanations are a lot to draw on a phone. */}
      <section aria-labelledby="review-title">
        <h2 id="review-title" className="text-xl font-bold text-steppe-dark">
          <button
            type="button"
            aria-expanded={reviewOpen}
            aria-controls={reviewOpen ? "review-list" : undefined}
            onClick={() => setReviewOpen((open) => !open)}
            className="flex min-h-12 w-full items-center justify-between gap-3 rounded-2xl bg-white px-4 text-left ring-1 ring-black/5"
          >
            <span className="shrink-0">Review</span>{" "}
            <span className="text-right text-sm font-semibold">
              All {results.review.length} questions, with the answers{" "}
              <span
                aria-hidden="true"
                className={`inline-block transition-transform ${reviewOpen ? "rotate-180" : ""}`}
              >
                ▾
              </span>
            </span>
          </button>
        </h2>
        {reviewOpen && (
          <ol id="review-list" className="mt-3 space-y-3">
            {results.review.map((item) => (
              <li key={item.position} className="space-y-2 rounded-2xl bg-white p-4 ring-1 ring-black/5">
                <p className="flex items-start justify-between gap-3">
                  <span className="font-semibold">
                    {item.position + 1}. {item.question.prompt}
                  </span>
                  <span
                    className={`shrink-0 rounded-full px-2 py-0.5 text-sm font-bold ${item.correct ? "bg-green-100 text-green-900" : item.credit > 0 ? "bg-sun/30 text-ink" : "bg-ember/10 text-ember"}`}
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
                <Why id={`review-why-${item.position}`} explanation={item.question.explanation}>
                  <Sources
                    id={`review-${item.position}`}
                    sources={item.question.sources}
                    quotes={questionQuotes(
                      item.question,
                      item.question.answer,
                      item.question.evidence,
                      item.question.sources,
                    )}
                    source={source}
                    href={studyHref(item.question.about, item.question.type)}
                  />
                </Why>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
