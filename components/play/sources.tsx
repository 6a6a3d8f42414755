// Citations of a question: the paragraphs it rests on, linked into the study view.
import Link from "next/link";
import { formatParagraphs } from "../paragraph-badge";
import type { ParagraphRef } from "@/lib/content/schema";

export function Sources({ sources, href }: { sources: { paragraph: ParagraphRef }[]; href: string }) {
  return (
    <p className="text-sm text-muted">
      Source: FRANCE 24, 6 January 2022, {formatParagraphs(sources.map((s) => s.paragraph))}.{" "}
      <Link href={href} className="font-semibold text-steppe-dark underline underline-offset-2">
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
