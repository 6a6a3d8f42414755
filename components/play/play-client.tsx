"use client";
// The quiz loop in the browser: ask the server for the current question, show it,
// send the answer, show the server's verdict, repeat, then the results. The browser
// holds no score: every number shown comes from the server. A reload resumes here.
import dynamic from "next/dynamic";
import { useEffect, useEffectEvent, useState } from "react";
import { ApiError, playApi, type AnswerFeedback, type AttemptResults, type ServedQuestion } from "./api";
import { MultipleChoiceCard } from "./multiple-choice-card";
import { ProgressBar, TimerRing, useSecondsLeft } from "./progress";

// Code the first question does not need loads later: drag-and-drop when a timeline
// appears, the feedback panel (and its animation code) and the results when needed.
const TimelineCard = dynamic(() => import("./timeline-card").then((mod) => mod.TimelineCard), {
  loading: () => <p className="text-muted">Loading the timeline…</p>,
});
const FeedbackPanel = dynamic(() => import("./feedback-panel").then((mod) => mod.FeedbackPanel));
const ResultsView = dynamic(() => import("./results-view").then((mod) => mod.ResultsView), {
  loading: () => <p className="py-12 text-center text-lg text-muted">Loading your results…</p>,
});

type Phase =
  | { name: "loading" }
  | { name: "question"; served: ServedQuestion; offsetMs: number; submitting: boolean; chosen: string | null }
  | { name: "feedback"; served: ServedQuestion; feedback: AnswerFeedback; chosen: string | null }
  | { name: "results"; results: AttemptResults }
  | { name: "error"; message: string; retry: () => void };

export function PlayClient({ attemptId, finished }: { attemptId: string; finished: boolean }) {
  const [phase, setPhase] = useState<Phase>({ name: "loading" });
  const [status, setStatus] = useState("");

  function fail(error: unknown, retry: () => void) {
    const message = error instanceof ApiError ? error.message : "Something went wrong. Your progress is saved.";
    setPhase({ name: "error", message, retry });
  }

  async function loadResults() {
    setPhase({ name: "loading" });
    try {
      setPhase({ name: "results", results: await playApi.results(attemptId) });
    } catch (error) {
      fail(error, () => void loadResults());
    }
  }

  async function loadQuestion() {
    setPhase({ name: "loading" });
    try {
      const served = await playApi.current(attemptId);
      const offsetMs = Date.parse(served.serverNow) - Date.now();
      setPhase({ name: "question", served, offsetMs, submitting: false, chosen: null });
      setStatus(`Question ${served.position + 1} of ${served.attempt.questionCount}.`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "finished") return void loadResults();
      fail(error, () => void loadQuestion());
    }
  }

  async function submit(served: ServedQuestion, response: string | string[] | null, chosen: string | null) {
    setPhase((p) => (p.name === "question" ? { ...p, submitting: true, chosen } : p));
    try {
      // Safe to retry: the server answers a repeated submit with the first result.
      const feedback = await playApi.answer(attemptId, served.position, response);
      setPhase({ name: "feedback", served, feedback, chosen });
      setStatus(
        `${feedback.correct ? "Right" : feedback.late ? "Time's up" : "Not quite"}. ${feedback.points} points. Score ${feedback.score}.`,
      );
    } catch (error) {
      fail(error, () => void submit(served, response, chosen));
    }
  }

  const start = useEffectEvent(() => void (finished ? loadResults() : loadQuestion()));
  useEffect(() => start(), []);
  // Fetch the feedback panel while the player reads the first question, so it shows at once.
  useEffect(() => {
    const timer = setTimeout(() => void import("./feedback-panel"), 1500);
    return () => clearTimeout(timer);
  }, []);

  const question = phase.name === "question" ? phase : null;
  const secondsLeft = useSecondsLeft(
    question?.served.deadline ?? null,
    question?.offsetMs ?? 0,
    !question || question.submitting,
  );
  const timeUp = useEffectEvent(() => {
    if (question && !question.submitting) void submit(question.served, null, null);
  });
  useEffect(() => {
    if (secondsLeft === 0) timeUp();
  }, [secondsLeft]);

  return (
    <>
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      {phase.name === "loading" && <p className="py-12 text-center text-lg text-muted">Loading…</p>}
      {phase.name === "error" && (
        <div role="alert" className="space-y-3 rounded-2xl border-2 border-ember/50 bg-white p-6">
          <p className="text-lg">{phase.message}</p>
          <button type="button" onClick={phase.retry} className="rounded-xl bg-steppe px-5 py-2 font-bold text-white">
            Try again
          </button>
        </div>
      )}
      {phase.name === "results" && <ResultsView results={phase.results} />}
      {(phase.name === "question" || phase.name === "feedback") && (
        <div className="space-y-6">
          <div className="flex items-center gap-4">
            <div className="flex-1">
              <ProgressBar
                position={phase.served.position}
                answered={phase.served.position + (phase.name === "feedback" ? 1 : 0)}
                total={phase.served.attempt.questionCount}
              />
            </div>
            <p className="text-right text-sm font-semibold text-muted">
              Score{" "}
              <span className="block text-xl font-extrabold text-ink">
                {phase.name === "feedback" ? phase.feedback.score : phase.served.attempt.score}
              </span>
            </p>
            {phase.name === "question" && secondsLeft !== null && phase.served.attempt.rules.timeLimitSeconds && (
              <TimerRing secondsLeft={secondsLeft} limit={phase.served.attempt.rules.timeLimitSeconds} />
            )}
          </div>
          <div key={phase.served.position}>
            {phase.served.question.type === "multiple-choice" ? (
              <MultipleChoiceCard
                question={phase.served.question}
                chosen={phase.chosen}
                correctOption={phase.name === "feedback" ? (phase.feedback.answer as string) : null}
                disabled={phase.name !== "question" || phase.submitting}
                onAnswer={(optionId) =>
                  phase.name === "question" && !phase.submitting && void submit(phase.served, optionId, optionId)
                }
              />
            ) : (
              <TimelineCard
                question={phase.served.question}
                disabled={phase.name !== "question" || phase.submitting}
                onLockIn={(order) => phase.name === "question" && void submit(phase.served, order, null)}
              />
            )}
          </div>
          {phase.name === "feedback" && (
            <FeedbackPanel
              feedback={phase.feedback}
              question={phase.served.question}
              onNext={() => void (phase.feedback.finished ? loadResults() : loadQuestion())}
            />
          )}
        </div>
      )}
    </>
  );
}
