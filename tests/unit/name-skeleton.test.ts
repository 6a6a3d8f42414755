// Names that look alike share a skeleton (UTS #39, lib/name-skeleton.ts); names a reader tells apart do not.
import { describe, expect, it } from "vitest";
import { nameSkeleton, namesLookAlike } from "@/lib/name-skeleton";

describe("name skeletons", () => {
  it.each([
    ["a Cyrillic А for the Latin A", "\u0410lice", "Alice"],
    ["a Cyrillic с inside the word", "Ali\u0441e", "Alice"],
    ["a Greek Α", "\u0391lice", "Alice"],
    ["a Cherokee Ꭺ", "\u13AAlice", "Alice"],
    ["mathematical bold letters", "\u{1D400}\u{1D425}\u{1D422}\u{1D41C}\u{1D41E}", "Alice"],
    ["a full-width name", "\uFF21\uFF4C\uFF49\uFF43\uFF45", "Alice"],
    ["a capital I for a small l", "AIice", "Alice"],
    ["the digit one for a small l", "A1ice", "Alice"],
    ["zero for a capital O", "0lga", "Olga"],
    ["rn for m", "Tirnur", "Timur"],
    ["Latin a inside a Cyrillic name", "\u0414a\u043da", "\u0414\u0430\u043d\u0430"],
    ["a Latin E at the start of a Cyrillic name", "E\u0440\u043b\u0430\u043d", "\u0415\u0440\u043b\u0430\u043d"],
    ["a precomposed and a decomposed é", "Ren\u00e9", "Rene\u0301"],
    ["extra spaces", "  Dana   K ", "Dana K"],
  ])("%s looks alike: %s ~ %s", (_label, a, b) => {
    expect(nameSkeleton(a)).toBe(nameSkeleton(b));
    expect(namesLookAlike(a, b)).toBe(true);
  });

  it.each([
    ["letter case (told apart by eye)", "alice", "Alice"],
    ["another letter", "Alina", "Alice"],
    ["an accent", "Zoë", "Zoe"],
    ["a number added", "Alice 2", "Alice"],
    ["Cyrillic names that differ", "Дана", "Дина"],
  ])("%s does not: %s vs %s", (_label, a, b) => {
    expect(namesLookAlike(a, b)).toBe(false);
  });

  it("is a fixed point: the skeleton of a skeleton is itself", () => {
    for (const name of ["Alice", "\u0410lice", "Айгерим", "Tirnur", "0lga"])
      expect(nameSkeleton(nameSkeleton(name))).toBe(nameSkeleton(name));
  });
});
