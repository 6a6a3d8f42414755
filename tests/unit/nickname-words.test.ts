// Every suggested nickname can end up on a projected leaderboard: each pair of the
// curated words is checked against the profanity filter and a list of unkind words.
import { describe, expect, it } from "vitest";
import { checkNickname, isProfane, suggestNickname } from "@/lib/play/nickname";
import { FRIENDLY_ANIMALS, KIND_ADJECTIVES } from "@/lib/play/nickname-words";

/** Words that hurt when they sit next to a classmate's name, including animals used as insults. */
const UNKIND = [
  "ugly",
  "naked",
  "fat",
  "dead",
  "dumb",
  "stupid",
  "lazy",
  "weird",
  "crazy",
  "mad",
  "sick",
  "sad",
  "slow",
  "silly",
  "smelly",
  "stinky",
  "dirty",
  "greasy",
  "hairy",
  "skinny",
  "tiny",
  "poor",
  "broken",
  "angry",
  "evil",
  "wicked",
  "nasty",
  "creepy",
  "scary",
  "toxic",
  "lame",
  "lonely",
  "loser",
  "idiot",
  "fool",
  "moron",
  "freak",
  "nerd",
  "geek",
  "clumsy",
  "ill",
  "bloody",
  "drunk",
  "wild",
  "savage",
  "cruel",
  "bald",
  "pig",
  "cow",
  "rat",
  "mole",
  "eel",
  "worm",
  "slug",
  "snake",
  "rattlesnake",
  "weasel",
  "skunk",
  "donkey",
  "ass",
  "leech",
  "louse",
  "cockroach",
  "vulture",
  "hyena",
  "sloth",
  "toad",
  "reptile",
  "vermin",
  "maggot",
  "chicken",
  "goose",
  "turkey",
  "monkey",
  "ape",
  "baboon",
  "bitch",
  "dog",
  "hog",
  "shrew",
  "cougar",
];

describe("suggested nicknames", () => {
  const pairs = KIND_ADJECTIVES.flatMap((a) => FRIENDLY_ANIMALS.map((b) => `${a} ${b}`));

  it("are made only of words outside the unkind list", () => {
    const words = [...KIND_ADJECTIVES, ...FRIENDLY_ANIMALS].map((w) => w.toLowerCase());
    expect(words.filter((w) => UNKIND.includes(w))).toEqual([]);
  });

  it("pass the profanity filter and the nickname rules, every pair", () => {
    expect(pairs.length).toBeGreaterThan(1000);
    expect(pairs.filter(isProfane)).toEqual([]);
    expect(pairs.filter((name) => !checkNickname(name).ok)).toEqual([]);
  });

  it("are what suggestNickname returns, spread over the lists", () => {
    const seen = new Set(Array.from({ length: 5000 }, (_, i) => suggestNickname(1_760_000_000_000 + i)));
    for (const name of seen) expect(pairs).toContain(name);
    expect(seen.size).toBeGreaterThan(500);
  });

  it("the test's list catches the names that were seen before the curated lists", () => {
    for (const seen of ["Ugly Rattlesnake", "Naked Eel", "Fat Reptile", "Dead Mole"])
      expect(
        seen
          .toLowerCase()
          .split(" ")
          .some((w) => UNKIND.includes(w)),
      ).toBe(true);
  });
});
