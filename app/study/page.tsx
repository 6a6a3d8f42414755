// Study view: the course of events as a visual timeline, the causes as a diagram, and
// every fact the quiz asks about (by strand) — each section folds, each item cites its source.
import type { Metadata } from "next";
import Link from "next/link";
import { ParagraphBadge, paragraphQuotes } from "@/components/paragraph-badge";
import { CauseList, CauseMap } from "@/components/study/cause-map";
import { OpenOnHash } from "@/components/study/open-on-hash";
import { MasteryCounts } from "@/components/study/mastery-badge";
import { StudyItem } from "@/components/study/study-item";
import { StudyTimeline } from "@/components/study/study-timeline";
import { DEFAULT_TOPIC, loadTopic } from "@/lib/content/load-topic";
import { studyMastery, type StudyMastery } from "@/lib/play/mastery";
import { appContext } from "@/lib/server/context";
import { playerFromPageCookies } from "@/lib/server/play/current-player";
import { memoryOf } from "@/lib/server/play/learn";
import { buildStudyTimeline } from "@/lib/study/study-view";

export const metadata: Metadata = { title: "Study — Fact Trail" };

function Section({
  id,
  title,
  note,
  open = false,
  children,
}: {
  id: string;
  title: string;
  note: string;
  open?: boolean;
  children: React.ReactNode;
}) {
  return (
    <details open={open} className="group rounded-3xl bg-paper" id={`${id}-section`}>
      <summary className="grid min-h-14 cursor-pointer list-none grid-cols-[1fr_auto] items-center gap-x-3 rounded-2xl border-b-2 border-steppe/15 py-2 [&::-webkit-details-marker]:hidden">
        <h2 id={id} className="text-2xl font-bold text-steppe-dark">
          {title}
        </h2>
        <span
          aria-hidden="true"
          className="row-span-2 grid h-11 w-11 shrink-0 place-items-center rounded-full bg-white text-xl text-steppe-dark ring-1 ring-black/10 transition-transform group-open:rotate-180"
        >
          ▾
        </span>
        <span className="text-sm text-muted">{note}</span>
      </summary>
      <div className="pt-4">{children}</div>
    </details>
  );
}

/** What the player the cookie names knows (the memory model); null for a stranger or before any answer. */
async function playerMastery(topic: ReturnType<typeof loadTopic>): Promise<StudyMastery | null> {
  const ctx = appContext();
  const player = await playerFromPageCookies(ctx);
  if (!player) return null;
  const cards = await memoryOf(ctx, player.id, DEFAULT_TOPIC);
  return cards.size > 0 ? studyMastery(topic, cards, ctx.clock.now()) : null;
}

function MasterySummary({ mastery }: { mastery: StudyMastery }) {
  const { known, shaky, new: fresh } = mastery.counts;
  return (
    <section aria-labelledby="mastery-title" className="rounded-2xl bg-white p-4 ring-1 ring-black/5">
      <h2 id="mastery-title" className="text-lg font-bold text-steppe-dark">
        What you know so far
      </h2>
      <p className="mt-1 text-sm text-muted">
        From your answers: each fact, and each event by the order of its pairs. Shaky means missed last time, or not
        seen for long enough that you may have forgotten.
      </p>
      <div className="mt-2">
        <MasteryCounts counts={{ known, shaky, new: fresh }} />
      </div>
    </section>
  );
}

export default async function StudyPage() {
  const topic = loadTopic(DEFAULT_TOPIC);
  const mastery = await playerMastery(topic);
  const { title, outlet, published } = topic.meta.source;
  const source = { title, outlet, published };
  const strands = [
    ["causes", "Facts about the causes"],
    ["course", "Facts about the course"],
    ["sources", "How the report knows: who said what, and what is unconfirmed"],
    ["context", "The setting"],
  ] as const;
  const sections = [
    ["course-heading", "Timeline"],
    ["causes-heading", "Cause map"],
    ["causes-facts", "Facts: causes"],
    ["course-facts", "Facts: course"],
    ["sources-facts", "How the report knows"],
    ["context-facts", "The setting"],
  ] as const;
  return (
    <div className="space-y-6">
      <OpenOnHash />
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-widest text-steppe">Study</p>
        <h1 className="text-3xl font-extrabold text-steppe-dark sm:text-4xl">
          {topic.meta.title}: what happened and why
        </h1>
        <p className="max-w-3xl text-muted">
          Everything here comes from one report, {outlet}, 6 January 2022. Tap a badge such as “P9” to read the words it
          quotes.
        </p>
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-xl bg-steppe px-4 font-bold text-white hover:bg-steppe-dark"
        >
          Ready? Play now
        </Link>
        {/* A way past the long timeline for keyboard users (and a table of contents for everyone). */}
        <nav aria-label="Sections of this page">
          <ul className="flex flex-wrap gap-2 text-sm font-semibold">
            {sections.map(([id, label]) => (
              <li key={id}>
                <a
                  href={`#${id}-section`}
                  className="inline-flex min-h-11 items-center rounded-full bg-white px-3 text-steppe-dark ring-1 ring-steppe/20 hover:bg-steppe/5"
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      {mastery && <MasterySummary mastery={mastery} />}

      <Section id="course-heading" title="The course of events" note="A timeline: dates and how exact they are" open>
        <StudyTimeline groups={buildStudyTimeline(topic)} source={source} mastery={mastery?.events} />
      </Section>

      <Section id="causes-heading" title="The causes" note="A map of cause and effect: tap a box" open>
        <CauseMap causes={topic.causes} source={source} />
        <details className="mt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-steppe-dark">
            The causes as a list
          </summary>
          <CauseList causes={topic.causes} source={source} />
        </details>
      </Section>

      {strands.map(([strand, heading]) => {
        const facts = topic.facts.filter((f) => f.strand === strand);
        return (
          <Section
            key={strand}
            id={`${strand}-facts`}
            title={heading}
            note={`${facts.length} facts, each with its source`}
          >
            <ul className="grid gap-3 md:grid-cols-2">
              {facts.map((fact) => (
                <StudyItem
                  key={fact.id}
                  id={`fact-${fact.id}`}
                  title={fact.label}
                  className="p-4"
                  mastery={mastery?.facts[fact.id]}
                  badge={
                    <ParagraphBadge
                      id={`fact-${fact.id}`}
                      refs={fact.paragraphs}
                      quotes={paragraphQuotes(fact.evidence)}
                      source={source}
                    />
                  }
                >
                  <p className="text-sm">{fact.explanation.replace(/\s*\([^)]*\)$/, "")}</p>
                </StudyItem>
              ))}
            </ul>
          </Section>
        );
      })}
    </div>
  );
}
