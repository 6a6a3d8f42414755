// Study view: the course of events, the causes, and every fact the quiz asks about (by strand), each with its source.
import type { Metadata } from "next";
import Link from "next/link";
import { ParagraphBadge } from "@/components/paragraph-badge";
import { CauseMap } from "@/components/study/cause-map";
import { StudyTimeline } from "@/components/study/study-timeline";
import { DEFAULT_TOPIC, loadTopic } from "@/lib/content/load-topic";
import { buildStudyTimeline } from "@/lib/study/study-view";

export const metadata: Metadata = { title: "Study — Fact Trail" };

export default function StudyPage() {
  const topic = loadTopic(DEFAULT_TOPIC);
  const strands = [
    ["causes", "Facts about the causes"],
    ["course", "Facts about the course"],
    ["sources", "How the report knows: who said what, and what is unconfirmed"],
    ["context", "The setting"],
  ] as const;
  return (
    <div className="space-y-12">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-widest text-steppe">Study</p>
        <h1 className="text-4xl font-extrabold text-steppe-dark">{topic.meta.title}: what happened and why</h1>
        <p className="max-w-3xl text-muted">
          Everything here comes from one report, {topic.meta.source.outlet}, 6 January 2022. Open “Source” on any item
          to see the paragraph it rests on and the words it quotes.
        </p>
        <Link href="/" className="inline-block font-semibold text-steppe-dark underline">
          Ready? Start a practice quiz
        </Link>
      </header>

      <section aria-labelledby="course-heading" className="space-y-4">
        <h2 id="course-heading" className="text-2xl font-bold text-steppe-dark">
          The course of events
        </h2>
        <StudyTimeline groups={buildStudyTimeline(topic)} />
      </section>

      <section aria-labelledby="causes-heading" className="space-y-4">
        <h2 id="causes-heading" className="text-2xl font-bold text-steppe-dark">
          The causes
        </h2>
        <CauseMap causes={topic.causes} />
      </section>

      {strands.map(([strand, title]) => (
        <section key={strand} aria-labelledby={`${strand}-facts`} className="space-y-4">
          <h2 id={`${strand}-facts`} className="text-2xl font-bold text-steppe-dark">
            {title}
          </h2>
          <ul className="grid gap-3 md:grid-cols-2">
            {topic.facts
              .filter((f) => f.strand === strand)
              .map((fact) => (
                <li
                  key={fact.id}
                  id={`fact-${fact.id}`}
                  className="scroll-mt-24 rounded-xl bg-white p-4 ring-1 ring-black/5 target:ring-4 target:ring-sun"
                >
                  <p className="font-semibold">{fact.answer}</p>
                  <p className="text-sm">{fact.explanation.replace(/\s*\([^)]*\)$/, "")}</p>
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer font-semibold text-steppe-dark">Source</summary>
                    <p className="mt-1">
                      <ParagraphBadge refs={fact.paragraphs} /> <q className="italic">{fact.evidence}</q>
                    </p>
                  </details>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
