// Class rosters, the pure part: reading the names a teacher pastes or uploads,
// and the students' personal codes (what they look like, how a typed one is read).
import { parse } from "csv-parse/sync";
import { nameSkeleton } from "../name-skeleton";
import { JOIN_CODE_ALPHABET } from "../play/join-code";

/** Personal codes use the join codes' alphabet (no look-alikes): 4 characters, 331,776 codes. */
export const STUDENT_CODE_LENGTH = 4;
export const MAX_STUDENT_NAME = 40;
export const MAX_ROSTER_SIZE = 100;

/** A random personal code from `randomInt` (crypto's, on the server). */
export function generateStudentCode(randomInt: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < STUDENT_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What a student typed as a code: upper-cased, spaces and dashes dropped; null if it cannot be one. */
export function normaliseStudentCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 16) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== STUDENT_CODE_LENGTH) return null;
  return [...code].every((c) => JOIN_CODE_ALPHABET.includes(c)) ? code : null;
}

/** A name as stored and shown: spaces collapsed and trimmed. */
export const tidyName = (name: string) => name.replace(/\s+/g, " ").trim();

/** The key two names clash on (case and accents as typed, but "dana" = "Dana"). */
export const nameKey = (name: string) => tidyName(name).toLocaleLowerCase("en");

const HEADER_NAME = /^(full ?)?name$|^student( name)?$|^имя$|^аты$/i;
const HEADER_FIRST = /^(first|given)( ?name)?$/i;
const HEADER_LAST = /^(last|family|sur)( ?name)?$|^surname$/i;

/**
 * The names in an uploaded CSV: the column headed "name" (or "student"), or
 * "first name" + "last name" joined; without such a header, the first column of every row.
 */
export function namesFromCsv(text: string): string[] {
  const rows = parse(text, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  if (rows.length === 0) return [];
  const header = rows[0]!.map((h) => h.trim());
  const nameCol = header.findIndex((h) => HEADER_NAME.test(h));
  const firstCol = header.findIndex((h) => HEADER_FIRST.test(h));
  const lastCol = header.findIndex((h) => HEADER_LAST.test(h));
  if (nameCol >= 0) return rows.slice(1).map((r) => r[nameCol] ?? "");
  if (firstCol >= 0)
    return rows.slice(1).map((r) => [r[firstCol] ?? "", lastCol >= 0 ? (r[lastCol] ?? "") : ""].join(" "));
  return rows.map((r) => r[0] ?? "");
}

/** The names in a pasted list: one per line (a tab-separated paste from a spreadsheet keeps its first cell). */
export function namesFromText(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.split("\t")[0] ?? "");
}

export type RosterNames = { ok: true; names: string[] } | { ok: false; problems: string[] };

/**
 * New names for a roster that already holds `existing`: tidied, blanks dropped,
 * and every problem at once (too long, control characters, twice in the list,
 * already on the roster, too many in all).
 */
export function checkRosterNames(raw: string[], existing: string[]): RosterNames {
  const problems: string[] = [];
  const taken = new Set(existing.map(nameKey));
  // Names that look alike ("Аlice" with a Cyrillic А beside "Alice"): by skeleton, the first of each.
  const takenLook = new Map(existing.map((name) => [nameSkeleton(name), name]));
  const seen = new Set<string>();
  const seenLook = new Map<string, string>();
  const names: string[] = [];
  for (const candidate of raw.map(tidyName).filter(Boolean)) {
    const key = nameKey(candidate);
    const look = nameSkeleton(candidate);
    if (/[\u0000-\u001f\u007f]/.test(candidate))
      problems.push(`“${candidate.slice(0, 40)}” contains control characters.`);
    else if (candidate.length > MAX_STUDENT_NAME)
      problems.push(`“${candidate.slice(0, 40)}…” is longer than ${MAX_STUDENT_NAME} characters.`);
    else if (taken.has(key)) problems.push(`${candidate} is already on the roster.`);
    else if (seen.has(key)) problems.push(`${candidate} is in the list twice: add a letter to tell them apart.`);
    else if (takenLook.has(look))
      problems.push(
        `“${candidate}” looks like ${takenLook.get(look)}, already on the roster: change a letter so students can tell them apart.`,
      );
    else if (seenLook.has(look))
      problems.push(
        `“${candidate}” looks like ${seenLook.get(look)}, earlier in the list: change a letter so students can tell them apart.`,
      );
    seen.add(key);
    if (!seenLook.has(look)) seenLook.set(look, candidate);
    names.push(candidate);
  }
  if (names.length === 0 && problems.length === 0) problems.push("Type or paste at least one name, one per line.");
  if (existing.length + names.length > MAX_ROSTER_SIZE)
    problems.push(
      `A class holds at most ${MAX_ROSTER_SIZE} students; this would make ${existing.length + names.length}.`,
    );
  return problems.length ? { ok: false, problems } : { ok: true, names };
}

/** Extra time multipliers a teacher can choose (1 = none). */
export const EXTRA_TIME_CHOICES = [1, 1.25, 1.5, 2, 3] as const;

/** A time limit with a student's extra time: whole seconds, rounded up. */
export function withExtraTime(limitSeconds: number | null, extraTime: number): number | null {
  return limitSeconds === null ? null : Math.ceil(limitSeconds * extraTime);
}

/** A student on a roster as the teacher's pages show them (codes only to the teacher who owns the class). */
export interface RosterStudent {
  id: string;
  name: string;
  code: string;
  extraTime: number;
}
