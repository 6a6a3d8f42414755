// "Facts to revisit" at the end of a quiz: the facts and events behind every question not
// fully right, each named as the study view names it (a fact's own short label, an event's
// label), so the list reads as what to learn again and each item links to its place there.
import type { Topic } from "../content/parse-topic";

export interface RevisitItem {
  id: string;
  kind: "fact" | "event";
  label: string;
}

/** In the order the questions came, each fact or event once; ids the topic no longer has are left out. */
export function factsToRevisit(
  answers: readonly { correct: boolean; question: { about: readonly string[] } }[],
  topic: Pick<Topic, "facts" | "events"> | null,
): RevisitItem[] {
  const facts = new Map(topic?.facts.map((f) => [f.id, f.label]));
  const events = new Map(topic?.events.map((e) => [e.id, e.label]));
  const ids = [...new Set(answers.filter((a) => !a.correct).flatMap((a) => a.question.about))];
  return ids.flatMap((id): RevisitItem[] => {
    const event = events.get(id);
    if (event) return [{ id, kind: "event", label: event }];
    const fact = facts.get(id);
    return fact ? [{ id, kind: "fact", label: fact }] : [];
  });
}
