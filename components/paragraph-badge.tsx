import type { ParagraphRef } from "@/lib/content/schema";

/** "P8", "P4 · P8" or "Caption": how every citation reads in the app. */
export function formatParagraphs(refs: readonly ParagraphRef[]): string {
  return refs.map((p) => (p === "caption" ? "Caption" : `P${p}`)).join(" · ");
}

export function ParagraphBadge({ refs }: { refs: readonly ParagraphRef[] }) {
  const spoken = refs.map((p) => (p === "caption" ? "photo caption" : `paragraph ${p}`)).join(", ");
  return (
    <span
      className="inline-flex shrink-0 items-center whitespace-nowrap rounded-full border border-steppe/30 bg-steppe/5 px-2 py-0.5 text-xs font-semibold text-steppe-dark"
      aria-label={`Source: ${spoken}`}
    >
      {formatParagraphs(refs)}
    </span>
  );
}
