"use client";
// The quiz loop in the browser: ask the server for the current question, show it,
// send the answer, show the server's verdict, repeat, then the results. The browser
// holds no score: every number shown comes from the server. A reload resumes here.
import dynamic from "next/dynamic";
import Link from "next/link";
import { lazy, Suspense, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from "react";
import { verdictOf } from "@/lib/play/verdict";
import { reasonText } from "@/lib/play/learn-reason";
import { useSecondsLeft } from "../game/countdown";
import { GameBar } from "../game/game-bar";
import { usePrefersReducedMotion } from "../game/reduced-motion";
import { useSound, type SoundCue } from "../game/use-sound";
import type { SourceMeta } from "../paragraph-badge";
import {
  ApiError,
  playApi,
  type AnswerFeedback,
  type AttemptResults,
  type ResumePoint,
  type ServedQuestion,
} from "./api";
import { MultipleChoiceCard } from "./multiple-choice-card";
import { TimelinePreview, TimelinePrompt } from "./timeline-preview";

// Code the first question does not need loads later: drag-and-drop when a timeline
// appears, the feedback panel (and its animation code) and the results when needed.
// The timeline's drag-and-drop never renders on the server (its ids would not match the
// browser's): the server sends a static preview of the same size, the real card replaces it.
const TimelineCard = lazy(() => import("./timeline-card").then((mod) => ({ default: mod.TimelineCard })));
const noSubscription = () => () => {};
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
const FeedbackPanel = dynamic(() => import("./feedback-panel").then((mod) => mod.FeedbackPanel));
const ResultsView = dynamic(() => import("./results-view").then((mod) => mod.ResultsView), {
  loading: () => <p className="py-12 text-center text-lg text-muted">Loading your results…</p>,
});

type Phase =
  | { name: "loading" }
  | { name: "question"; served: ServedQuestion; offsetMs: number; submitting: boolean; chosen: string | null }
  | {
      name: "feedback";
      served: ServedQuestion;
      feedback: AnswerFeedback;
      chosen: string | null;
      placed: string[] | null;
    }
  | { name: "results"; results: AttemptResults }
  /** `retry` is null when trying again cannot help (the quiz was closed, the player removed). */
  | { name: "error"; message: string; retry: (() => void) | null };

const VERDICT_CUE: Record<ReturnType<typeof verdictOf>, SoundCue> = {
  right: "right",
  partly: "partly",
  wrong: "wrong",
  "time-up": "time-up",
};

/** Errors a retry cannot mend: the screen offers the way out instead of "Try again". */
const FINAL_ERRORS = new Set(["closed", "removed"]);
const PAST_DUE = "The due time has passed: you can finish this quiz, but answers no longer score.";

/** Where a timeline's arrangement is kept across a reload (see TimelineCard). */
const orderKey = (attemptId: string, position: number) => `fact-trail:order:${attemptId}:${position}`;

/** The verdict phase for an answer: the option chosen, or the order locked in (none when time ran out). */
function feedbackPhase(served: ServedQuestion, feedback: AnswerFeedback, response: string | string[] | null): Phase {
  const chosen = typeof response === "string" ? response : null;
  return { name: "feedback", served, feedback, chosen, placed: Array.isArray(response) ? response : null };
}

/** How far through the attempt a screen is: question n, then its verdict, then question n + 1 … */
function progressOf(phase: { name: string; served?: ServedQuestion }): number {
  if (!phase.served) return -1;
  return phase.served.position * 2 + (phase.name === "feedback" ? 1 : 0);
}

/** How long a verdict takes to slide out (the `question-out` keyframes in globals.css). */
const EXIT_MS = 180;

export function PlayClient({
  attemptId,
  finished,
  mode,
  source,
  initial,
}: {
  attemptId: string;
  finished: boolean;
  /** Practice plays sound by default; a class quiz starts silent on players' devices. */
  mode: "practice" | "assigned";
  source: SourceMeta;
  /** What the server already rendered (where the attempt stands, or the results), so nothing waits for a fetch. */
  initial?: Exclude<ResumePoint, { kind: "not-started" | "finished" }> | { kind: "results"; results: AttemptResults };
}) {
  const [phase, setPhase] = useState<Phase>(() => {
    switch (initial?.kind) {
      case "results":
        return { name: "results", results: initial.results };
      case "question":
        return { name: "question", served: initial.served, offsetMs: 0, submitting: false, chosen: null };
      case "feedback":
        return feedbackPhase(initial.served, initial.feedback, initial.response);
      default:
        return { name: "loading" };
    }
  });
  const hydrated = useHydrated();
  const [status, setStatus] = useState("");
  const sound = useSound(mode === "practice" ? "solo" : "class");
  const top = useRef<HTMLDivElement>(null);
  // "Next" slides the verdict out while the next question is fetched (no "Loading…" flash between questions).
  const [leaving, setLeaving] = useState(false);
  const reduceMotion = usePrefersReducedMotion();

  function fail(error: unknown, retry: () => void) {
    const message = error instanceof ApiError ? error.message : "Something went wrong. Your progress is saved.";
    const final = error instanceof ApiError && FINAL_ERRORS.has(error.code);
    setPhase({ name: "error", message, retry: final ? null : retry });
  }

  /** Runs `fetch` while the current screen leaves: the exit animation and the request overlap. */
  async function leaveFor<T>(fetch: () => Promise<T>, animate: boolean): Promise<T> {
    if (!animate) {
      setPhase({ name: "loading" });
      return fetch();
    }
    setLeaving(true);
    const [result] = await Promise.all([fetch(), new Promise((done) => setTimeout(done, EXIT_MS))]);
    return result;
  }

  async function loadResults(animate = false) {
    try {
      const results = await leaveFor(() => playApi.results(attemptId), animate);
      setPhase({ name: "results", results });
    } catch (error) {
      fail(error, () => void loadResults());
    } finally {
      setLeaving(false);
    }
  }

  async function loadQuestion(animate = false) {
    try {
      const served = await leaveFor(() => playApi.current(attemptId), animate);
      const offsetMs = Date.parse(served.serverNow) - Date.now();
      setPhase({ name: "question", served, offsetMs, submitting: false, chosen: null });
      setStatus(
        `Question ${served.position + 1} of ${served.attempt.questionCount}.${served.pastDue ? ` ${PAST_DUE}` : ""}`,
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === "finished") return void loadResults();
      fail(error, () => void loadQuestion());
    } finally {
      setLeaving(false);
    }
  }

  async function submit(served: ServedQuestion, response: string | string[] | null, chosen: string | null) {
    setPhase((p) => (p.name === "question" ? { ...p, submitting: true, chosen } : p));
    try {
      // Safe to retry: the server answers a repeated submit with the first result.
      const feedback = await playApi.answer(attemptId, served.position, response);
      const placed = Array.isArray(response) ? response : null;
      setPhase({ name: "feedback", served, feedback, chosen, placed });
      setStatus("");
      try {
        window.sessionStorage.removeItem(orderKey(attemptId, served.position));
      } catch {
        // Nothing kept, nothing to remove.
      }
      sound.play(VERDICT_CUE[verdictOf(feedback)]);
      if (feedback.streakBonus > 0) setTimeout(() => sound.play("streak"), 450);
    } catch (error) {
      fail(error, () => void submit(served, response, chosen));
    }
  }

  /**
   * Where the server says the attempt stands, adopted when it is further on than this screen:
   * after Back, a restored tab or a page cached by the router, the screen may show an old
   * question; for the screen the server rendered, it measures the question's clock against
   * this browser's. Asking starts no clock (GET).
   */
  async function resync() {
    let point: ResumePoint;
    try {
      point = await playApi.resume(attemptId);
    } catch {
      return; // The screen stays as it is; the server judges lateness and repeats anyway.
    }
    if (point.kind === "finished") return void loadResults();
    if (point.kind === "not-started") return void loadQuestion();
    const offsetMs = Date.parse(point.served.serverNow) - Date.now();
    setPhase((p) => {
      if (p.name === "question" && p.submitting) return p; // its verdict is on its way
      const here = progressOf(p);
      const there = progressOf({ name: point.kind, served: point.served });
      if (point.kind === "question" && here === there && p.name === "question") return { ...p, offsetMs };
      if (there <= here) return p;
      return point.kind === "question"
        ? { name: "question", served: point.served, offsetMs, submitting: false, chosen: null }
        : feedbackPhase(point.served, point.feedback, point.response);
    });
  }

  const start = useEffectEvent(() => {
    if (!initial) return void (finished ? loadResults() : loadQuestion());
    if (initial.kind !== "results") void resync();
  });
  useEffect(() => {
    const timer = setTimeout(start, 0);
    // A page restored from the back-forward cache runs no effect again: ask where things stand.
    const restored = (event: PageTransitionEvent) => event.persisted && start();
    window.addEventListener("pageshow", restored);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pageshow", restored);
    };
  }, []);
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
  // The server-rendered first screen is not animated in (it is the page's largest paint).
  const [firstScreen] = useState(() =>
    initial && "served" in initial ? `${initial.kind}-${initial.served.position}` : "",
  );
  const timeUp = useEffectEvent(() => {
    if (question && !question.submitting) void submit(question.served, null, null);
  });
  const countdownSound = useEffectEvent((left: number) => {
    if (question && !question.submitting && left >= 1 && left <= 5) sound.play(left === 1 ? "last-tick" : "tick");
  });
  useEffect(() => {
    if (secondsLeft === 0) timeUp();
    else if (secondsLeft !== null) countdownSound(secondsLeft);
  }, [secondsLeft]);

  // A new question or a verdict starts at the top of the screen, under the sticky bar.
  const screen = phase.name === "question" || phase.name === "feedback" ? `${phase.name}-${phase.served.position}` : "";
  useEffect(() => {
    if (screen && top.current && top.current.getBoundingClientRect().top < 0) top.current.scrollIntoView();
  }, [screen]);

  return (
    <>
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      {phase.name === "loading" && <p className="py-12 text-center text-lg text-muted">Loading…</p>}
      {phase.name === "error" && (
        <div role="alert" className="space-y-3 rounded-2xl border-2 border-ember/50 bg-white p-6">
          <p className="text-lg">{phase.message}</p>
          {phase.retry ? (
            <button
              type="button"
              onClick={phase.retry}
              className="min-h-11 rounded-xl bg-steppe px-5 py-2 font-bold text-white"
            >
              Try again
            </button>
          ) : (
            <Link
              href="/"
              className="inline-flex min-h-11 items-center rounded-xl bg-steppe px-5 py-2 font-bold text-white"
            >
              Back to the start
            </Link>
          )}
        </div>
      )}
      {phase.name === "results" && <ResultsView results={phase.results} source={source} sound={sound} />}
      {(phase.name === "question" || phase.name === "feedback") && (
        <div className="space-y-4" ref={top}>
          <GameBar
            position={phase.served.position}
            total={phase.served.attempt.questionCount}
            answered={phase.served.position + (phase.name === "feedback" ? 1 : 0)}
            score={phase.name === "feedback" ? phase.feedback.score : phase.served.attempt.score}
            secondsLeft={phase.name === "question" ? secondsLeft : null}
            limit={phase.served.attempt.rules.timeLimitSeconds}
            sound={sound}
          />
          {phase.served.pastDue && (
            <p className="rounded-xl border-2 border-ember/50 bg-white px-4 py-3 font-semibold">{PAST_DUE}</p>
          )}
          {phase.name === "question" && phase.served.question.reason && (
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-xl bg-white px-3 py-2 text-sm font-semibold text-steppe-dark ring-1 ring-steppe/20">
              <span className="whitespace-nowrap rounded-full bg-steppe/10 px-2 py-0.5 text-xs uppercase tracking-wide">
                Why this one
              </span>
              {reasonText(phase.served.question.reason)}
            </p>
          )}
          {/* A CSS entrance (off under reduced motion): framer-motion stays out of the first load. */}
          <div
            key={screen}
            className={`scroll-mt-24 ${
              leaving
                ? "animate-[question-out_0.18s_ease-in_forwards]"
                : phase.name === "question" && screen !== firstScreen
                  ? "animate-[question-in_0.28s_ease-out]"
                  : ""
            }`}
            aria-busy={leaving || undefined}
          >
            {phase.name === "feedback" ? (
              <FeedbackPanel
                feedback={phase.feedback}
                question={phase.served.question}
                placed={phase.placed}
                chosen={phase.chosen}
                source={source}
                onNext={() => {
                  if (leaving) return;
                  const animate = !reduceMotion;
                  void (phase.feedback.finished ? loadResults(animate) : loadQuestion(animate));
                }}
              />
            ) : phase.served.question.type === "multiple-choice" ? (
              <MultipleChoiceCard
                question={phase.served.question}
                chosen={phase.chosen}
                correctOption={null}
                disabled={phase.submitting}
                onAnswer={(optionId) => !phase.submitting && void submit(phase.served, optionId, optionId)}
              />
            ) : (
              // The prompt stays one element from the server's HTML on: the cards below it are swapped in.
              <div className="space-y-4">
                <TimelinePrompt question={phase.served.question} />
                {hydrated ? (
                  <Suspense fallback={<TimelinePreview question={phase.served.question} showPrompt={false} />}>
                    <TimelineCard
                      question={phase.served.question}
                      showPrompt={false}
                      disabled={phase.submitting}
                      storageKey={orderKey(attemptId, phase.served.position)}
                      onLockIn={(order) => void submit(phase.served, order, null)}
                    />
                  </Suspense>
                ) : (
                  <TimelinePreview question={phase.served.question} showPrompt={false} />
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </>
  );
}
