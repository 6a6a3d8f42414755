// Names that mislead (issue 13, finding 10): blank-looking, reversed or look-alike nicknames, class names and
// titles are normalised (NFKC) or refused.
import { describe, expect, it } from "vitest";
import { checkNickname } from "@/lib/play/nickname";
import { parseAssignmentForm, ASSIGNMENT_FORM_DEFAULTS } from "@/lib/teacher/assignment-form";
import { classNameSchema, parseForm, signUpSchema } from "@/lib/teacher/forms";

const HIDDEN = [
  "\u3164\u3164\u3164", // Hangul fillers: render blank
  "\u115F\u1160Al",
  "\uFFA0\uFFA0",
  "Ali\u200Bce", // zero-width space
  "Al\u00ADice", // soft hyphen
  "\u202Eecila", // right-to-left override
  "Alice\u2066x\u2069",
  "Ali\u200Dce",
];

describe("nicknames", () => {
  it.each(HIDDEN)("refuses invisible and direction-changing characters: %j", (name) => {
    const check = checkNickname(name);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/invisible or direction-changing/);
  });

  it("normalises compatibility letters (NFKC), so a styled name is the plain one", () => {
    expect(checkNickname("𝐀𝐥𝐢𝐜𝐞")).toEqual({ ok: true, nickname: "Alice" });
    expect(checkNickname("Ａｌｉｃｅ　Ｂ")).toEqual({ ok: true, nickname: "Alice B" });
    expect(checkNickname("Айгерім")).toEqual({ ok: true, nickname: "Айгерім" });
  });
});

describe("class names, titles and teacher names", () => {
  it.each(HIDDEN)("are refused with invisible or direction-changing characters: %j", (text) => {
    const klass = parseForm(classNameSchema, { name: `Class ${text}` });
    expect(klass).toEqual({
      ok: false,
      fieldErrors: { name: "The class name contains invisible or direction-changing characters." },
    });
    const form = parseAssignmentForm(
      { ...ASSIGNMENT_FORM_DEFAULTS, title: `Quiz ${text}` },
      new Date("2026-03-01T09:00:00Z"),
    );
    expect(form.ok).toBe(false);
    if (!form.ok) expect(form.fieldErrors.title).toBe("The title contains invisible or direction-changing characters.");
    const teacher = parseForm(signUpSchema, { name: text, email: "a@school.test", password: "0123456789" });
    expect(teacher.ok).toBe(false);
  });

  it("are stored in NFKC with white space collapsed", () => {
    expect(parseForm(classNameSchema, { name: "  𝟭𝟬𝗕   History " })).toEqual({
      ok: true,
      data: { name: "10B History" },
    });
    const form = parseAssignmentForm(
      { ...ASSIGNMENT_FORM_DEFAULTS, title: "Ｗｅｅｋ 3" },
      new Date("2026-03-01T09:00:00Z"),
    );
    expect(form.ok && form.value.title).toBe("Week 3");
  });
});
