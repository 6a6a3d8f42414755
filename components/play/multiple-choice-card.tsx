"use client";
// A multiple-choice question: four large targets, keys 1–4 answer, one answer only.
import { useLayoutEffect } from "react";
import { OptionShape, optionLook } from "@/components/game/option-looks";
import type { PublicQuestion } from "@/lib/quiz/question";

type Question = Extract<PublicQuestion, { type: "multiple-choice" }>;

export function MultipleChoiceCard({
  question,
  onAnswer,
  chosen,
  correctOption,
  disabled,
  colours = false,
  note,
}: {
  question: Question;
  onAnswer: (optionId: string) => void;
  /** The option this player chose, once answered. */
  chosen: string | null;
  /** The key, once the server has graded the answer. */
  correctOption: string | null;
  disabled: boolean;
  /** A live game's look: each option in its colour with its shape (as on the projector), the prompt on the big screen too. */
  colours?: boolean;
  /** Said instead of "Choose an answer" (a paused game: "Paused — wait for your teacher"). */
  note?: React.ReactNode;
}) {
  const locked = disabled || chosen !== null;

  // A layout effect: the keys work from the moment the question is on screen (a passive
  // effect may attach after the paint, and a quick "1" would be lost).
  useLayoutEffect(() => {
    if (locked) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      const option = question.options[Number(event.key) - 1];
      if (option) {
        event.preventDefault();
        onAnswer(option.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [locked, onAnswer, question.options]);

  return (
    <fieldset className="space-y-4" disabled={locked}>
      <legend className="mb-4 text-2xl font-bold leading-snug text-ink sm:text-3xl">{question.prompt}</legend>
      {note ??
        (correctOption === null && (
          <p className="text-sm text-muted">
            Choose an answer
            {/* The keys only where there is a keyboard and a mouse or trackpad, not on a phone. */}
            <span className="hidden [@media(pointer:fine)]:inline">, or press 1–{question.options.length}</span>.
          </p>
        ))}
      <div className={`grid gap-3 ${colours ? "grid-cols-1 min-[360px]:grid-cols-2" : "sm:grid-cols-2"}`}>
        {question.options.map((option, index) => {
          const isChosen = chosen === option.id;
          const isKey = correctOption === option.id;
          const state = correctOption
            ? isKey
              ? "correct"
              : isChosen
                ? "wrong"
                : "idle"
            : isChosen
              ? "chosen"
              : "idle";
          const styles = {
            idle: "border-steppe/25 bg-white hover:border-steppe hover:bg-steppe/5",
            chosen: "border-steppe bg-steppe/10",
            correct: "border-green-700 bg-green-50",
            wrong: "border-ember bg-ember/5",
          }[state];
          if (colours) {
            const look = optionLook(index);
            return (
              <button
                key={option.id}
                type="button"
                onClick={() => onAnswer(option.id)}
                aria-keyshortcuts={String(index + 1)}
                aria-pressed={isChosen}
                className={`flex min-h-24 flex-col items-start justify-between gap-2 rounded-2xl px-4 py-3 text-left text-lg font-bold shadow-sm transition disabled:cursor-default disabled:opacity-60 ${look.box} ${isChosen ? "ring-4 ring-ink ring-offset-2" : ""}`}
              >
                <OptionShape look={look} className="h-7 w-7" />
                <span className="sr-only">{look.shape}: </span>
                <span className="leading-snug">{option.text}</span>
              </button>
            );
          }
          return (
            <button
              key={option.id}
              type="button"
              onClick={() => onAnswer(option.id)}
              aria-keyshortcuts={String(index + 1)}
              aria-pressed={isChosen}
              className={`flex min-h-16 items-center gap-3 rounded-2xl border-2 px-4 py-3 text-left text-lg font-semibold text-ink transition disabled:cursor-default ${styles}`}
            >
              <span
                aria-hidden="true"
                className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-steppe-dark text-base text-white"
              >
                {index + 1}
              </span>
              {/* The mark goes under the option's words when both do not fit on a line (never broken mid-word). */}
              <span className="flex min-w-0 flex-1 flex-wrap items-baseline justify-between gap-x-3">
                <span>{option.text}</span>
                {state === "correct" && (
                  <span className="whitespace-nowrap text-sm font-bold text-green-800">Right answer</span>
                )}
                {state === "wrong" && (
                  <span className="whitespace-nowrap text-sm font-bold text-ember">Your answer</span>
                )}
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
