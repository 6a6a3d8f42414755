// The question bank as generated from the fact base: every question with its
// answer, explanation and cited paragraphs; hide one from your assignments.
import type { Metadata } from "next";
import { secondaryButtonClass } from "@/components/teacher/styles";
import { ParagraphBadge } from "@/components/paragraph-badge";
import { DEFAULT_TOPIC } from "@/lib/content/load-topic";
import { appContext } from "@/lib/server/context";
import { requireTeacher } from "@/lib/server/teacher/current-teacher";
import { reviewBank, shortAssignments } from "@/lib/server/teacher/question-bank";
import type { Question } from "@/lib/quiz/question";
import { setQuestionHiddenAction } from "../actions";

export const metadata: Metadata = { title: "Question bank — Fact Trail" };

function Answer({ question }: { question: Question }) {
  if (question.type === "multiple-choice") {
    return (
      <ul className="list-disc pl-5">
        {question.options.map((o) => (
          <li key={o.id} className={o.id === question.answer ? "font-bold" : undefined}>
            {o.text}
            {o.id === question.answer && " (answer)"}
          </li>
        ))}
      </ul>
    );
  }
  const text = new Map(question.items.map((i) => [i.id, i.text]));
  return (
    <ol className="list-decimal pl-5">
      {question.answer.map((id) => (
        <li key={id}>{text.get(id)}</li>
      ))}
    </ol>
  );
}

export default async function QuestionBankPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const teacher = await requireTeacher("/teacher/questions");
  const kind = (await searchParams).kind;
  const [bank, short] = await Promise.all([
    reviewBank(appContext(), teacher.id, DEFAULT_TOPIC),
    shortAssignments(appContext(), teacher.id, DEFAULT_TOPIC),
  ]);
  const shown = bank.filter((b) =>
    kind === "timeline" || kind === "multiple-choice" ? b.question.type === kind : true,
  );
  const hiddenCount = bank.filter((b) => b.hidden).length;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-extrabold text-steppe-dark">Question bank: Kazakhstan, January 2022</h1>
      <p>
        {bank.length} questions, generated from the fact base; each cites the paragraph of the source report it rests
        on. Hidden questions never appear in your assignments ({hiddenCount} hidden).
      </p>
      {short.length > 0 && (
        // After a hide that left an open assignment short: the page reloads with this at the top.
        <div role="alert" className="space-y-2 rounded-2xl border-2 border-ember/50 bg-white p-4">
          <p className="font-bold">Too many questions hidden for these open assignments: students cannot start them.</p>
          <ul className="list-disc pl-5">
            {short.map((a) => (
              <li key={a.id}>
                <a href={`/teacher/assignments/${a.id}`} className="font-semibold underline">
                  {a.title}
                </a>{" "}
                (code {a.code}) asks for {a.count} questions.
              </li>
            ))}
          </ul>
          <p>Show some questions again, or close it and assign one with fewer questions or both kinds.</p>
        </div>
      )}
      <nav aria-label="Filter questions" className="flex gap-3 text-sm font-semibold">
        <a href="/teacher/questions" aria-current={!kind ? "page" : undefined} className="underline">
          All
        </a>
        <a
          href="/teacher/questions?kind=timeline"
          aria-current={kind === "timeline" ? "page" : undefined}
          className="underline"
        >
          Timelines
        </a>
        <a
          href="/teacher/questions?kind=multiple-choice"
          aria-current={kind === "multiple-choice" ? "page" : undefined}
          className="underline"
        >
          Multiple choice
        </a>
      </nav>
      <ol className="space-y-4">
        {shown.map(({ question, hidden }) => (
          <li
            key={question.id}
            id={`q-${question.id}`}
            className={`space-y-2 rounded-xl bg-white p-4 shadow-sm ${hidden ? "border-2 border-dashed border-black/30" : ""}`}
          >
            <div className="flex flex-wrap items-center gap-2 text-xs font-semibold uppercase text-muted">
              <span>{question.type === "timeline" ? "Timeline" : "Multiple choice"}</span>
              <span>· {question.strand}</span>
              <ParagraphBadge refs={[...new Set(question.sources.map((s) => s.paragraph))]} />
              {hidden && <span className="rounded-full border-2 border-ember px-2 text-ember">Hidden</span>}
            </div>
            <p className="font-semibold">{question.prompt}</p>
            <Answer question={question} />
            <p className="text-sm">
              <span className="font-semibold">Explanation: </span>
              {question.explanation}
            </p>
            <form action={setQuestionHiddenAction}>
              <input type="hidden" name="topic" value={DEFAULT_TOPIC} />
              <input type="hidden" name="questionId" value={question.id} />
              <input type="hidden" name="hidden" value={hidden ? "false" : "true"} />
              <button
                type="submit"
                className={secondaryButtonClass}
                aria-label={`${hidden ? "Unhide" : "Hide from my assignments"}: ${question.prompt}`}
              >
                {hidden ? "Unhide" : "Hide from my assignments"}
              </button>
            </form>
          </li>
        ))}
      </ol>
    </div>
  );
}
