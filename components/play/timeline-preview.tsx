// A timeline question as the server renders it, before its drag-and-drop code arrives:
// the prompt and the events in the order served, in the cards' own size, so the real
// card replaces it without a jump. Nothing here is interactive yet.
import type { PublicQuestion } from "@/lib/quiz/question";

type Question = Extract<PublicQuestion, { type: "timeline" }>;

export const TIMELINE_HELP =
  "Earliest at the top. Drag the events, or use the ▲ ▼ buttons, or Space and the arrow keys. Then lock in your order.";

export function TimelinePrompt({ question }: { question: Question }) {
  return <h2 className="text-2xl font-bold leading-snug text-ink sm:text-3xl">{question.prompt}</h2>;
}

export function TimelinePreview({ question, showPrompt = true }: { question: Question; showPrompt?: boolean }) {
  return (
    <div className="space-y-4" aria-busy="true">
      {showPrompt && <TimelinePrompt question={question} />}
      <p className="text-sm text-muted">{TIMELINE_HELP}</p>
      <ol className="space-y-2" aria-label="Events, as served">
        {question.items.map((item, index) => (
          <li
            key={item.id}
            className="flex items-center gap-2 rounded-2xl border-2 border-steppe/25 bg-white p-2 text-ink"
          >
            <span
              aria-hidden="true"
              className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-sun/30 font-bold"
            >
              {index + 1}
            </span>
            <span className="flex min-h-12 min-w-0 flex-1 items-center px-1 text-base font-semibold leading-snug sm:text-lg">
              {item.text}
            </span>
            <span aria-hidden="true" className="flex shrink-0 gap-1">
              <span className="h-11 w-11 rounded-xl border-2 border-steppe/15" />
              <span className="h-11 w-11 rounded-xl border-2 border-steppe/15" />
            </span>
          </li>
        ))}
      </ol>
      <p className="grid min-h-12 place-items-center rounded-xl bg-steppe/60 px-6 py-3 text-lg font-bold text-white">
        Getting the cards ready…
      </p>
    </div>
  );
}
