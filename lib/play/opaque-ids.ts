// Per-attempt ids for what the browser sees of a question. The bank's ids name the
// facts and events a question rests on (`mc:<factId>:<n>`, event ids), and the study
// view shows each fact and event by that id beside its answer, so a script could map a
// served question to its key without reading a word (issue 13, finding 1). An attempt
// stores its questions with fresh random ids instead — the question, each option, each
// timeline item, and the key in the same terms — so grading, resuming and the browser's
// saved arrangement all work on the stored ids, and nothing served names a fact or event.
// The bank id stays in AttemptQuestion.questionId (reports, hidden questions); `about`
// stays in the stored question for the server (study links after the answer).
import type { Question } from "../quiz/question";

/** The question with random ids: `token()` returns a fresh random string (a letter is put before it). */
export function withOpaqueIds(question: Question, token: () => string): Question {
  const renamed = new Map<string, string>();
  const rename = (id: string, prefix: string) => {
    let fresh = `${prefix}${token()}`;
    while ([...renamed.values()].includes(fresh)) fresh = `${prefix}${token()}`;
    renamed.set(id, fresh);
    return fresh;
  };
  const id = `q${token()}`;
  if (question.type === "multiple-choice") {
    const options = question.options.map((o) => ({ id: rename(o.id, "o"), text: o.text }));
    return { ...question, id, options, answer: renamed.get(question.answer)! };
  }
  const items = question.items.map((item) => ({ id: rename(item.id, "e"), text: item.text }));
  return { ...question, id, items, answer: question.answer.map((a) => renamed.get(a)!) };
}
