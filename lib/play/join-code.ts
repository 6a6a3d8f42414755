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
