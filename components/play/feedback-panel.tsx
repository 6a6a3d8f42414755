"use client";
// After each answer: right or wrong (or the timeline's credit and swapped pairs),
// the explanation with its citation, points and streak. Focus moves to "Next".
import { useEffect, useRef } from "react";
import type { PublicQuestion } from "@/lib/quiz/question";
import type { AnswerFeedback } from "./api";
import { studyHref } from "./api";
import { m, MotionProvider } from "../motion";
import { Explanation, Sources } from "./sources";

/** Loaded lazily after the first answer, with the animation code it needs. */
export function FeedbackPanel(props: { feedback: AnswerFeedback; question: PublicQuestion; onNext: () => void }) {
  return (
    <MotionProvider>
      <FeedbackContent {...props} />
    </MotionProvider>
  );
}

function FeedbackContent({
  feedback,
  question,
  onNext,
}: {
  feedback: AnswerFeedback;
  question: PublicQuestion;
  onNext: () => void;
}) {
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);

  const isTimeline = question.type === "timeline";
  const pairs = isTimeline ? (question.items.length * (question.items.length - 1)) / 2 : 0;
  const rightPairs = Math.round(feedback.credit * pairs);
  const title = feedback.late
    ? "Time's up"
    : feedback.correct
      ? "Right!"
      : isTimeline && feedback.credit > 0
        ? "Partly right"
        : "Not quite";
  const keyText =
    question.type === "multiple-choice"
      ? question.options.find((o) => o.id === feedback.answer)?.text
      : (feedback.answer as string[]).map((id) => question.items.find((i) => i.id === id)?.text).join(" → ");

  return (
    <m.section
      initial={{ opacity: 0, y: 16 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 0.25 }}
      aria-labelledby="feedback-title"
      className={`space-y-3 rounded-2xl border-2 p-5 ${feedback.correct ? "border-green-700 bg-green-50" : "border-ember/50 bg-white"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2
          id="feedback-title"
          className={`text-2xl font-extrabold ${feedback.correct ? "text-green-800" : "text-ember"}`}
        >
          {title}
        </h2>
        <p className="text-lg font-bold text-ink">
          +{feedback.points} points
          {feedback.streakBonus > 0 && (
            <span className="ml-2 text-sm font-semibold text-steppe-dark">
              (includes +{feedback.streakBonus} streak bonus)
            </span>
          )}
        </p>
      </div>
      {isTimeline && (
        <p>
          You put {rightPairs} of {pairs} pairs of events in the right order.
        </p>
      )}
      {feedback.swapped.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {feedback.swapped.map((s) => (
            <li key={`${s.placedFirst}|${s.placedSecond}`}>
              You placed “{s.placedFirst}” before “{s.placedSecond}”, but the report puts it after.
            </li>
          ))}
        </ul>
      )}
      {!feedback.correct && (
        <p>
          <span className="font-semibold">{isTimeline ? "The order the report establishes: " : "The answer: "}</span>
          {keyText}
        </p>
      )}
      <Explanation text={feedback.explanation} />
      <Sources sources={feedback.sources} href={studyHref(feedback.about, question.type)} />
      <div className="flex flex-wrap items-center justify-between gap-3 pt-2">
        <p className="text-sm font-semibold text-muted">
          Score {feedback.score} · Streak {feedback.streak}
        </p>
        <button
          ref={next}
          type="button"
          onClick={onNext}
          className="rounded-xl bg-steppe px-6 py-3 text-lg font-bold text-white shadow hover:bg-steppe-dark"
        >
          {feedback.finished ? "See your results" : "Next question"}
        </button>
      </div>
    </m.section>
  );
}
