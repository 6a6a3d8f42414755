// A question's "Why?": the explanation, its citation (a badge that opens the quoted words
// with the source's title, outlet and date) and a link into the study view — one tap away.
import Link from "next/link";
import type { ParagraphRef } from "@/lib/content/schema";
import type { PublicQuestion } from "@/lib/quiz/question";
import { formatParagraphs, ParagraphBadge, type Quote, type SourceMeta } from "../paragraph-badge";

/**
 * A question's quotes for its citation: a timeline's each under the event it backs, a multiple-choice
 * question's each under its paragraph when it cites several (one quote per paragraph, in the order of
 * `sources`). A timeline's evidence runs in the order of its key (the item ids as served, which are an
 * attempt's own, not the events' ids in `about`).
 */
export function questionQuotes(
  question: Pick<PublicQuestion, "type"> & { items?: readonly { id: string; text: string }[] },
  key: string | readonly string[],
  evidence: readonly string[],
  sources: readonly { paragraph: ParagraphRef }[] = [],
): Quote[] {
  if (question.type !== "timeline") {
    if (evidence.length < 2 || evidence.length !== sources.length) return [...evidence];
    return evidence.map((text, i) => ({ text, label: formatParagraphs([sources[i]!.paragraph]) }));
  }
  if (typeof key === "string" || evidence.length !== key.length) return [...evidence];
  const label = new Map(question.items?.map((item) => [item.id, item.text]));
  return evidence.map((text, i) => {
    const event = label.get(key[i]!);
    return event ? { text, label: event } : text;
  });
}

export function Sources({
  id,
  sources,
  quotes,
  source,
  href,
}: {
  id: string;
  sources: { paragraph: ParagraphRef }[];
  quotes: readonly Quote[];
  source: SourceMeta;
  href: string;
}) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
      <span>Source:</span>
      <ParagraphBadge id={id} refs={sources.map((s) => s.paragraph)} quotes={quotes} source={source} />
      <Link
        href={href}
        className="inline-flex min-h-11 items-center font-semibold text-steppe-dark underline underline-offset-2"
      >
        Study this in context
      </Link>
    </p>
  );
}

/** A timeline explanation reads one step per line ("A → B: why (P9)"); others as a paragraph. */
export function Explanation({ text, className = "" }: { text: string; className?: string }) {
  const steps = text.split(/(?<=\)) (?=[^()]+ → [^()]+:)/);
  if (steps.length === 1) return <p className={className}>{text}</p>;
  return (
    <ul className={`space-y-1 ${className}`}>
      {steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ul>
  );
}

/** "Why?": the explanation and its source, folded until asked for. */
export function Why({
  id,
  explanation,
  children,
  open,
}: {
  id: string;
  explanation: string;
  /** The Sources line. */
  children: React.ReactNode;
  open?: boolean;
}) {
  return (
    <details className="group rounded-2xl bg-white ring-1 ring-black/10" open={open} id={id}>
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-3 rounded-2xl px-4 font-bold text-steppe-dark [&::-webkit-details-marker]:hidden">
        <span>Why? The explanation and its source</span>
        <span aria-hidden="true" className="text-xl transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="space-y-2 px-4 pb-3">
        <Explanation text={explanation} />
        {children}
      </div>
    </details>
  );
}
