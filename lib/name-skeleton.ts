// When two names look alike: the UTS #39 "skeleton" of a name (unicode.org/reports/tr39, §4), which two
// names share when a reader could take one for the other ("Аlice" with a Cyrillic А, "𝐀lice", "Alice").
// Names are compared by skeleton within a class, an assignment or a live game (docs/decisions/016).
import unhomoglyph from "unhomoglyph";
import { normalizeDisplayText } from "./display-text";

/**
 * The skeleton of `name` as stored and compared: the name in the normal form it is stored in (NFKC,
 * white space collapsed), then UTS #39's skeleton — NFD, each character replaced by its prototype in
 * Unicode's confusables.txt (the `unhomoglyph` package's copy of the data, Unicode 13), NFD again.
 * Not for display ("m" becomes "rn"). Letter case is kept, as UTS #39 keeps it: "alice" and "Alice"
 * are told apart by eye, "Alice" and "AIice" (a capital I) are not.
 */
export function nameSkeleton(name: string): string {
  return unhomoglyph(normalizeDisplayText(name).normalize("NFD")).normalize("NFD");
}

/** True when a reader could take one name for the other. */
export const namesLookAlike = (a: string, b: string): boolean => nameSkeleton(a) === nameSkeleton(b);
