// Nicknames: length and character rules, a maintained profanity filter (obscenity),
// and a friendly suggestion (unique-names-generator) when a name is refused.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import { adjectives, animals, uniqueNamesGenerator } from "unique-names-generator";

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;
/** Letters of any script, digits, spaces and a few joiners. */
const ALLOWED = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u;

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; message: string; suggestion: string };

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A clean, readable name such as "Brave Falcon"; the same seed gives the same name. */
export function suggestNickname(seed: number): string {
  for (let attempt = 0; ; attempt++) {
    const name = uniqueNamesGenerator({
      dictionaries: [adjectives, animals],
      separator: " ",
      style: "capital",
      seed: seed + attempt,
    })
      .split(" ")
      .map(titleCase)
      .join(" ");
    // The word lists are large: keep only names that pass our own rules.
    if (name.length <= NICKNAME_MAX && ALLOWED.test(name) && !matcher.hasMatch(name)) return name;
  }
}

export function checkNickname(raw: unknown, seed = Date.now()): NicknameCheck {
  const refuse = (message: string): NicknameCheck => ({ ok: false, message, suggestion: suggestNickname(seed) });
  if (typeof raw !== "string") return refuse("Please type a nickname.");
  const nickname = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  if (nickname.length < NICKNAME_MIN) return refuse(`Nicknames need at least ${NICKNAME_MIN} characters.`);
  if (nickname.length > NICKNAME_MAX) return refuse(`Nicknames can be at most ${NICKNAME_MAX} characters.`);
  if (!ALLOWED.test(nickname))
    return refuse("Use letters, numbers, spaces, dots, dashes or apostrophes, starting with a letter or number.");
  if (matcher.hasMatch(nickname)) return refuse("Let's pick a name everyone in class is happy to see.");
  return { ok: true, nickname };
}
