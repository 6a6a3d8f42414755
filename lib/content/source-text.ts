// Working with the source article without republishing it: the repository keeps
// only a fingerprint (hashed word n-grams per paragraph), enough to check that a
// quoted phrase really is in the paragraph it cites and that no content sentence
// copies the article.
import { deriveSeed } from "../quiz/random";

export interface SplitArticle {
  headline: string;
  caption: string;
  paragraphs: string[];
}

/** Splits the article as the project numbers it: body paragraphs from 1, the photo caption apart. */
export function splitArticle(text: string): SplitArticle {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const headline = lines[0] ?? "";
  const end = lines.findIndex((l) => /^\(FRANCE 24 with/i.test(l));
  const body = lines.slice(1, end === -1 ? undefined : end);
  const captionLines = body.filter((l) => /^A burning police car pictured/.test(l));
  const caption = (captionLines[0] ?? "").replace(/\s*©.*$/, "");
  return { headline, caption, paragraphs: body.filter((l) => !captionLines.includes(l)) };
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9'\s-]/g, " ")
    .replace(/(^|\s)[-']+|[-']+(\s|$)/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}

function hash(gram: string[]): string {
  return deriveSeed(0, gram.join(" ")).toString(16).padStart(8, "0");
}

export function ngramHashes(text: string, n: number): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(hash(w.slice(i, i + n)));
  return out;
}

export const EVIDENCE_GRAM = 3;
export const COPY_GRAM = 8;

export interface SourceFingerprint {
  /** Hashed 3-word windows of each paragraph ("1".."12", "caption"), to check quotes against their citation. */
  paragraphs: Record<string, string[]>;
  /** Hashed 8-word windows of the whole article: content may not contain any of them. */
  copyGrams: string[];
}

export function fingerprintArticle(text: string): SourceFingerprint {
  const { caption, paragraphs, headline } = splitArticle(text);
  const entries: [string, string][] = [
    ...paragraphs.map((p, i) => [String(i + 1), p] as [string, string]),
    ["caption", caption],
  ];
  return {
    paragraphs: Object.fromEntries(entries.map(([key, p]) => [key, [...new Set(ngramHashes(p, EVIDENCE_GRAM))]])),
    copyGrams: [...new Set([headline, caption, ...paragraphs].flatMap((p) => ngramHashes(p, COPY_GRAM)))].sort(),
  };
}

/**
 * True when every 3-word window of `quote` occurs in one of the cited paragraphs. An ellipsis ("…")
 * marks words left out: each part on either side must stand in the same paragraph.
 */
export function quoteIsInParagraphs(
  quote: string,
  refs: readonly (number | "caption")[],
  fp: SourceFingerprint,
): boolean {
  const parts = quote.split("…");
  if (parts.length > 1) return refs.some((ref) => parts.every((part) => quoteIsInParagraphs(part, [ref], fp)));
  const grams = ngramHashes(quote, EVIDENCE_GRAM);
  if (grams.length === 0) return refs.length > 0; // one- and two-word quotes are too short to check by windows
  return refs.some((ref) => {
    const known = new Set(fp.paragraphs[String(ref)] ?? []);
    return grams.every((g) => known.has(g));
  });
}

/** The 8-word windows of `text` that also occur in the article (empty when the text is in our own words). */
export function copiedWindows(text: string, fp: SourceFingerprint): string[] {
  const copy = new Set(fp.copyGrams);
  const w = words(text);
  const found: string[] = [];
  for (let i = 0; i + COPY_GRAM <= w.length; i++) {
    const gram = w.slice(i, i + COPY_GRAM);
    if (copy.has(hash(gram))) found.push(gram.join(" "));
  }
  return found;
}
