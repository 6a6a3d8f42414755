// Nicknames: length and character rules, a maintained profanity filter (obscenity),
// and a friendly suggestion from a curated list of kind words when a name is refused.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import { hasHiddenCharacters, normalizeDisplayText } from "../display-text";
import { FRIENDLY_ANIMALS, KIND_ADJECTIVES } from "./nickname-words";

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;
/** Letters of any script, digits, spaces and a few joiners. */
const ALLOWED = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u;
const ALLOWED_CHARACTER = /^[\p{L}\p{N} ._'-]+$/u;

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; message: string; suggestion: string };

/** A kind, readable name such as "Brave Falcon"; the same seed gives the same name. */
export function suggestNickname(seed: number): string {
  // A multiplicative hash spreads consecutive seeds (timestamps) over the whole list.
  const n = Math.abs(Math.imul(Math.trunc(seed) | 0, 2654435761) >>> 0);
  const adjective = KIND_ADJECTIVES[n % KIND_ADJECTIVES.length]!;
  const animal = FRIENDLY_ANIMALS[Math.floor(n / KIND_ADJECTIVES.length) % FRIENDLY_ANIMALS.length]!;
  return `${adjective} ${animal}`;
}

/** True when the profanity filter refuses `text` (exported for the word-list test). */
export function isProfane(text: string): boolean {
  return matcher.hasMatch(text);
}

export function checkNickname(raw: unknown, seed = Date.now()): NicknameCheck {
  const refuse = (message: string): NicknameCheck => ({ ok: false, message, suggestion: suggestNickname(seed) });
  if (typeof raw !== "string") return refuse("Please type a nickname.");
  // NFKC: 𝐀𝐥𝐢𝐜𝐞 and Ａｌｉｃｅ are Alice, so the rules and the class's duplicate check see what a reader sees.
  if (hasHiddenCharacters(raw))
    return refuse("Use letters you can see: no invisible or direction-changing characters (like Hangul fillers).");
  const nickname = normalizeDisplayText(raw);
  if (nickname.length < NICKNAME_MIN) return refuse(`Nicknames need at least ${NICKNAME_MIN} characters.`);
  if (nickname.length > NICKNAME_MAX) return refuse(`Nicknames can be at most ${NICKNAME_MAX} characters.`);
  if (!ALLOWED.test(nickname)) {
    // Say which characters are the trouble ("xXx_Ali 2012 🔥": the "_" and the emoji).
    const characters = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(nickname)].map(
      (s) => s.segment,
    );
    const wrong = [...new Set(characters.filter((c) => !ALLOWED_CHARACTER.test(c)))].map((c) => `“${c}”`);
    if (wrong.length)
      return refuse(
        `${wrong.length > 1 ? `${wrong.slice(0, -1).join(", ")} and ${wrong.at(-1)}` : wrong[0]} can't be in a nickname. Use letters, numbers, spaces, dots, underscores, dashes or apostrophes.`,
      );
    return refuse(`A nickname starts with a letter or number, not “${characters[0]}”.`);
  }
  if (matcher.hasMatch(nickname)) return refuse("Let's pick a name everyone in class is happy to see.");
  return { ok: true, nickname };
}
