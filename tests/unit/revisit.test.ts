import { describe, expect, it } from "vitest";
import { factsToRevisit } from "@/lib/play/revisit";
import { topic } from "../helpers/topic";

const answer = (correct: boolean, ...about: string[]) => ({ correct, question: { about } });

describe("facts to revisit", () => {
  it("names each missed fact by its own short label, not by the question that asked it", () => {
    const revisit = factsToRevisit([answer(false, "protest-days"), answer(false, "fuel-lpg")], topic);
    expect(revisit).toEqual([
      { id: "protest-days", kind: "fact", label: "By Thursday the protests were in their third day running" },
      { id: "fuel-lpg", kind: "fact", label: "A rise in the price of LPG set off the protests" },
    ]);
  });

  it("names a timeline's events by their labels, each once, in the order the questions came", () => {
    const revisit = factsToRevisit(
      [
        answer(false, "government-resigns", "state-of-emergency"),
        answer(true, "fuel-lpg"),
        answer(false, "state-of-emergency", "resignation-why"),
      ],
      topic,
    );
    expect(revisit.map((r) => `${r.kind} ${r.id}`)).toEqual([
      "event government-resigns",
      "event state-of-emergency",
      "fact resignation-why",
    ]);
    expect(revisit[0]!.label).toBe(topic.events.find((e) => e.id === "government-resigns")!.label);
  });

  it("leaves out an id the topic no longer has (it has no place in the study view to link to)", () => {
    expect(factsToRevisit([answer(false, "no-such-fact")], topic)).toEqual([]);
  });

  it("gives every fact a label that states it, short, never a question", () => {
    const long = topic.facts.filter((f) => f.label.length > 70 || f.label.endsWith("?")).map((f) => f.id);
    expect(long).toEqual([]);
    const labels = topic.facts.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
