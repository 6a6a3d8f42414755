// Join codes: 6 characters a class can read off a projector without mix-ups
// (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479";
export const JOIN_CODE_LENGTH = 6;

/** Upper-cases and drops spaces and dashes: what a student types becomes a code, or null. */
export function normaliseJoinCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 32) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  return [...code].every((c) => JOIN_CODE_ALPHABET.includes(c)) ? code : null;
}

/** A random code from `randomInt` (crypto's, on the server). */
export function generateJoinCode(randomInt: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Characters codes never use, grouped as a reader compares them on a board. */
export const JOIN_CODE_NEVER = ["0", "O", "1", "I", "L", "5", "S", "2", "Z", "8", "B"] as const;

/**
 * Why `input` is not a join code, in words a student can act on: the length, or the
 * characters it contains that codes never use ("codes never use 0, O, 1, I, …").
 */
export function explainBadJoinCode(input: string): string {
  const typed = input.toUpperCase().replace(/[\s-]/g, "");
  const never = `Codes never use ${JOIN_CODE_NEVER.slice(0, -1).join(", ")} or ${JOIN_CODE_NEVER.at(-1)}, so they cannot be mixed up.`;
  const wrong = [...new Set([...typed].filter((c) => !JOIN_CODE_ALPHABET.includes(c)))];
  if (wrong.length) {
    const shown = wrong.map((c) => (c === " " ? "space" : c)).join(", ");
    return `A join code never contains ${shown}. ${never} Check the code on the board.`;
  }
  if (typed.length !== JOIN_CODE_LENGTH)
    return `A join code has ${JOIN_CODE_LENGTH} characters; this has ${typed.length}. Check the code on the board.`;
  return `That is not a join code. ${never}`;
}
