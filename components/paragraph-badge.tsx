// Citations as the app shows them: a "P9" badge that opens the words it quotes, with the
// source's title, outlet and date (the HTML popover: no script; a tap beside it or Escape closes it).
import type { ParagraphEvidence, ParagraphRef } from "@/lib/content/schema";
import { formatLongDate } from "@/lib/format-date";

/** The report a topic rests on, as a citation names it. */
export interface SourceMeta {
  title: string;
  outlet: string;
  /** YYYY-MM-DD */
  published: string;
}

/** "P8", "P4 · P8" or "Caption": how every citation reads in the app. */
export function formatParagraphs(refs: readonly ParagraphRef[]): string {
  return refs.map((p) => (p === "caption" ? "Caption" : `P${p}`)).join(" · ");
}

/** The source's own words: a quote, or a quote under what it backs ("P4", or a timeline's event). */
export type Quote = string | { text: string; label: string };

/** An item's one quote per paragraph, each under its paragraph when it cites more than one. */
export function paragraphQuotes(evidence: ParagraphEvidence): Quote[] {
  if (evidence.length === 1) return [evidence[0]!.quote];
  return evidence.map((e) => ({ text: e.quote, label: formatParagraphs([e.paragraph]) }));
}

function spoken(refs: readonly ParagraphRef[]): string {
  const words = refs.map((p) => (p === "caption" ? "the photo caption" : `paragraph ${p}`));
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]!;
}

export function ParagraphBadge({
  id,
  refs,
  quotes = [],
  source,
  tabbable = true,
}: {
  /** Unique on the page: ties the badge to its popover. */
  id?: string;
  refs: readonly ParagraphRef[];
  /** The source's own words the item rests on (a few words each). */
  quotes?: readonly Quote[];
  /** Without a source (and an id) the badge is a plain label, as in the teacher's tables. */
  source?: SourceMeta;
  /**
   * False where the same words are one Tab away anyway (a study event's "Source and ordering"):
   * the badge still opens with a tap or a click, but is not one more stop for the Tab key.
   */
  tabbable?: boolean;
}) {
  const pill =
    "whitespace-nowrap rounded-full border border-steppe/30 bg-steppe/5 px-2 py-0.5 text-xs font-semibold text-steppe-dark";
  if (!source || !id)
    return (
      <span
        className={`inline-flex shrink-0 items-center ${pill}`}
        aria-label={`Source: ${refs.map((p) => (p === "caption" ? "photo caption" : `paragraph ${p}`)).join(", ")}`}
      >
        {formatParagraphs(refs)}
      </span>
    );
  const popover = `cite-${id}`;
  return (
    <>
      {/* The name is the visible "P9" with spoken words around it (no aria-label: the name keeps the label's text). */}
      <button
        type="button"
        popoverTarget={popover}
        tabIndex={tabbable ? undefined : -1}
        className="group -my-2.5 inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center align-middle"
      >
        <span className="sr-only">Source</span>{" "}
        <span className={`${pill} group-hover:bg-steppe/15`}>{formatParagraphs(refs)}</span>
        <span className="sr-only">
          : {spoken(refs)}
          {quotes.length ? ", with the quoted words" : ""}
        </span>
      </button>
      {/* The popover fills the screen, transparent, with the card in the middle: a tap beside the card
          lands on the popover's own "close" layer, so it closes the popover and does nothing else (a
          light dismiss would let the same tap follow a link or unfold a section beneath). */}
      <span
        id={popover}
        popover="auto"
        role="dialog"
        aria-label={`Source: ${spoken(refs)}`}
        className="m-0 h-full max-h-none w-full max-w-none overflow-y-auto border-0 bg-transparent p-0 text-left text-base font-normal text-ink backdrop:bg-ink/40"
      >
        <span className="relative flex min-h-full items-center justify-center p-4">
          <button
            type="button"
            popoverTarget={popover}
            popoverTargetAction="hide"
            tabIndex={-1}
            aria-hidden="true"
            className="absolute inset-0 cursor-default"
          />
          <span
            data-popover-card
            className="relative block w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-steppe/30 bg-white p-5 shadow-2xl"
          >
            {quotes.map((quote) =>
              typeof quote === "string" ? (
                <q key={quote} className="mb-2 block text-lg font-semibold italic text-steppe-dark">
                  {quote}
                </q>
              ) : (
                <span key={`${quote.label}|${quote.text}`} className="mb-2 block">
                  <span className="block text-xs font-bold uppercase tracking-wide text-muted">{quote.label}</span>
                  <q className="block text-lg font-semibold italic text-steppe-dark">{quote.text}</q>
                </span>
              ),
            )}
            <span className="block text-sm">
              {spoken(refs).replace(/^./, (c) => c.toUpperCase())} of “{source.title}”, {source.outlet},{" "}
              {formatLongDate(source.published)}.
            </span>
            <button
              type="button"
              popoverTarget={popover}
              popoverTargetAction="hide"
              className="mt-3 min-h-11 rounded-xl bg-steppe px-4 font-bold text-white"
            >
              Close
            </button>
          </span>
        </span>
      </span>
    </>
  );
}
