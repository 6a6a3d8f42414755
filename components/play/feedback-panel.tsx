"use client";
// After each answer, verdict first: the splash (right / partly right / wrong / time's up,
// points, streak, "Next"), then the answer shown on the question itself — the options
// marked, or the timeline's cards moving into the report's order — and "Why?" folded.
import type { PublicQuestion } from "@/lib/quiz/question";
import { markTimeline } from "@/lib/play/timeline-marks";
import { verdictOf } from "@/lib/play/verdict";
import { MotionProvider } from "../motion";
import type { SourceMeta } from "../paragraph-badge";
import { TimelineReveal } from "../game/timeline-reveal";
import { VerdictSplash } from "../game/verdict-splash";
import type { AnswerFeedback } from "./api";
import { studyHref } from "./api";
import { MultipleChoiceCard } from "./multiple-choice-card";
import { questionQuotes, Sources, Why } from "./sources";

export interface FeedbackPanelProps {
  feedback: AnswerFeedback;
  question: PublicQuestion;
  /** The player's timeline order as locked in, or null (multiple choice, or time ran out). */
  placed: string[] | null;
  /** The option the player chose (multiple choice). */
  chosen: string | null;
  source: SourceMeta;
  onNext: () => void;
}

/** Loaded lazily after the first answer, with the animation code it needs. */
export function FeedbackPanel(props: FeedbackPanelProps) {
  return (
    <MotionProvider>
      <FeedbackContent {...props} />
    </MotionProvider>
  );
}

function FeedbackContent({ feedback, question, placed, chosen, source, onNext }: FeedbackPanelProps) {
  const verdict = verdictOf(feedback);
  let detail: string | null = null;
  if (question.type === "timeline") {
    if (placed) {
      const { pairs, rightPairs } = markTimeline(placed, feedback.answer as string[]);
      detail = `${rightPairs} of ${pairs} pairs in the right order`;
    }
  } else if (!feedback.correct) {
    detail = `The answer: ${question.options.find((o) => o.id === feedback.answer)?.text ?? ""}`;
  }
  // After the assignment's due time an answer is graded but scores nothing: say so with the verdict.
  if (feedback.pastDue) detail = [detail, "Past the due time: no points"].filter(Boolean).join(". ");
  const next = feedback.finished ? "See your results" : "Next question";
  return (
    <div className="space-y-4">
      <VerdictSplash
        verdict={verdict}
        points={feedback.points}
        streak={feedback.streak}
        streakBonus={feedback.streakBonus}
        detail={detail}
        spokenSuffix={`Score ${feedback.score}.`}
        action={
          <button
            type="button"
            onClick={onNext}
            className="flex min-h-12 w-full items-center justify-center gap-2 rounded-xl bg-white px-6 text-lg font-bold text-ink shadow hover:bg-white/90 sm:w-auto"
          >
            {next} <span aria-hidden="true">→</span>
          </button>
        }
      />
      {question.type === "timeline" ? (
        <TimelineReveal items={question.items} placed={placed} answer={feedback.answer as string[]} />
      ) : (
        <MultipleChoiceCard
          question={question}
          chosen={chosen}
          correctOption={feedback.answer as string}
          disabled
          onAnswer={() => {}}
        />
      )}
      <Why id={`why-${feedback.position}`} explanation={feedback.explanation}>
        <Sources
          id={`q${feedback.position}`}
          sources={feedback.sources}
          quotes={questionQuotes(question, feedback.answer, feedback.evidence, feedback.sources)}
          source={source}
          href={studyHref(feedback.about, question.type)}
        />
        {/* Read to the end of "Why?" on a phone, the splash's "Next" is a screen above: the way on is here too. */}
        <button
          type="button"
          onClick={onNext}
          className="flex min-h-12 w-full items-center justify-center gap-2 rounded-xl bg-steppe px-6 text-lg font-bold text-white shadow hover:bg-steppe-dark sm:w-auto"
        >
          Got it · {next} <span aria-hidden="true">→</span>
        </button>
      </Why>
    </div>
  );
}
