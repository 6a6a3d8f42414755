// How a question cites the article: "P4, caption" in prose, and a sorted list of paragraphs.
import type { ParagraphRef } from "../content/schema";

export function cite(refs: readonly ParagraphRef[]): string {
  return refs.map((p) => (p === "caption" ? "caption" : `P${p}`)).join(", ");
}

/** The paragraphs once each, in reading order, the caption last. */
export function sourcesOf(refs: Iterable<ParagraphRef>): { paragraph: ParagraphRef }[] {
  const unique = [...new Set(refs)];
  unique.sort((a, b) => (a === "caption" ? 1 : b === "caption" ? -1 : a - b));
  return unique.map((paragraph) => ({ paragraph }));
}
