// Form schemas for the teacher side (pure: used by server actions and tests).
// Each turns a zod failure into one message per field, worded for a teacher.
import { z } from "zod";
import { hasHiddenCharacters, normalizeDisplayText } from "../display-text";

import type { FieldErrors } from "./form-state";

export type { FieldErrors, FormState } from "./form-state";

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter an email address like name@school.org." }));

const noControlCharacters = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

const HIDDEN_CHARACTERS = "invisible or direction-changing characters.";

/**
 * A required one-line text that others will read: in NFKC with white space collapsed, bounded, no control,
 * invisible or direction-changing characters (a class named with U+202E reads backwards), each refusal in the
 * form's words.
 */
export function requiredText(messages: { missing: string; tooLong: string; control: string }, max: number) {
  return z
    .string({ error: messages.missing })
    .refine(noControlCharacters, messages.control)
    .refine((s) => !hasHiddenCharacters(s), messages.control.replace(/control characters\.$/, HIDDEN_CHARACTERS))
    .transform(normalizeDisplayText)
    .pipe(z.string().min(1, messages.missing).max(max, messages.tooLong));
}

/** A password the teacher chooses (sign-up, reset): better-auth's bounds, said in the form's words. */
const newPassword = z
  .string({ error: "Choose a password." })
  .refine((s) => !s.includes("\u0000"), "A password cannot contain a null character.")
  .min(10, "Use at least 10 characters for your password.")
  .max(128, "Use at most 128 characters for your password.");

export const signUpSchema = z.object({
  name: requiredText(
    {
      missing: "Enter your name.",
      tooLong: "Use at most 80 characters for your name.",
      control: "Your name contains control characters.",
    },
    80,
  ),
  email,
  password: newPassword,
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  token: z.string({ error: "This link is incomplete." }).trim().min(1, "This link is incomplete.").max(200),
  password: newPassword,
});

export const signInSchema = z.object({
  email,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(128, "That password is too long."),
});

export const classNameSchema = z.object({
  name: requiredText(
    {
      missing: "Give the class a name.",
      tooLong: "Use at most 60 characters for the class name.",
      control: "The class name contains control characters.",
    },
    60,
  ),
});

/** FormData (or a plain object in tests) as string fields: the first value of each; files and non-strings ignored. */
export function formFields(form: FormData | Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, unknown][] = form instanceof FormData ? [...form.entries()] : Object.entries(form);
  for (const [key, value] of entries) if (typeof value === "string" && !(key in out)) out[key] = value;
  return out;
}

export type FormParse<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** A form through a schema: the data, or one teacher-worded message per field. */
export function parseForm<T>(schema: z.ZodType<T>, form: FormData | Record<string, unknown>): FormParse<T> {
  const parsed = schema.safeParse(formFields(form));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}
