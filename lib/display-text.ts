// Names people type and others see (nicknames, class names, assignment titles): one normal form, and
// nothing that renders as nothing or turns the text around.
/**
 * Default-ignorable code points render as nothing (zero-width spaces and joiners, Hangul fillers, variation
 * selectors, soft hyphens…); bidirectional controls (U+202E) reorder the text around them. A name made of
 * them looks blank, or like another name. (Also refused: ZWJ/ZWNJ, which some scripts use inside words —
 * a rare cost for a name field.)
 */
const HIDDEN = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;

/**
 * NFKC (compatibility) normal form with runs of white space made one space: mathematical letters (𝐀𝐥𝐢𝐜𝐞),
 * full-width and other compatibility forms become the letters they show, so the rules and comparisons that
 * follow see what a reader sees.
 */
export function normalizeDisplayText(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/** True when `text` holds a character that renders as nothing or reorders the text. */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}
