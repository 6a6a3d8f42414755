// The home page's account of a topic: what happened, why, and where it comes from.
import type { ReactNode } from "react";
import type { Topic } from "@/lib/content/parse-topic";
import { formatLongDate } from "@/lib/format-date";
import { FadeIn } from "./fade-in";
import { ParagraphBadge, paragraphQuotes } from "./paragraph-badge";

const GROUP_TITLES = {
  "long-standing": "Long-standing grievances",
  trigger: "The spark",
  crisis: "The crisis",
  response: "The response",
} as const;

/** One of the two cards side by side: causes, and course. */
function Panel({ id, title, delay, children }: { id: string; title: string; delay: number; children: ReactNode }) {
  return (
    <FadeIn delay={delay}>
      <section aria-labelledby={id} className="h-full rounded-2xl bg-card p-5 shadow-sm ring-1 ring-black/5 sm:p-6">
        <h2 id={id} className="text-2xl font-bold text-steppe-dark">
          {title}
        </h2>
        {children}
      </section>
    </FadeIn>
  );
}

export function TopicOverview({ topic, actions }: { topic: Topic; actions?: ReactNode }) {
  const { meta, causes, events, facts } = topic;
  const source = { title: meta.source.title, outlet: meta.source.outlet, published: meta.source.published };
  const causeGroups = (["long-standing", "trigger"] as const).map((group) => ({
    group,
    nodes: causes.nodes.filter((n) => n.group === group),
  }));
  const dated = events.filter((e) => e.when.era === "crisis" && "date" in e.when);

  return (
    <div className="space-y-8 sm:space-y-12">
      {/* The way in first: on a phone, "Play now" is on the first screen; the reading comes after. */}
      <section
        aria-labelledby="topic-title"
        className="-mx-4 -mt-6 bg-steppe-dark px-4 py-6 text-white shadow-lg sm:mx-0 sm:mt-0 sm:rounded-3xl sm:px-10 sm:py-10"
      >
        <div className="grid gap-6 md:grid-cols-[1fr_24rem] md:items-center">
          <div>
            <p className="text-sm font-semibold uppercase tracking-widest text-sun">Fact Trail quiz</p>
            <h1 id="topic-title" className="mt-1 text-4xl font-extrabold tracking-tight sm:text-5xl">
              {meta.title}
            </h1>
            <p className="mt-3 max-w-2xl text-lg text-white/90">{meta.tagline}</p>
          </div>
          {actions}
        </div>
      </section>

      <FadeIn>
        <section aria-labelledby="intro-title" className="max-w-3xl space-y-3">
          <h2 id="intro-title" className="text-2xl font-bold text-steppe-dark">
            What happened
          </h2>
          {meta.intro.map((paragraph) => (
            <p key={paragraph.slice(0, 24)}>{paragraph}</p>
          ))}
        </section>
      </FadeIn>

      <div className="grid gap-6 md:grid-cols-2">
        <Panel id="causes-title" title="The causes" delay={0.05}>
          {causeGroups.map(({ group, nodes }) => (
            <div key={group} className="mt-4">
              <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">{GROUP_TITLES[group]}</h3>
              <ul className="mt-2 space-y-3">
                {nodes.map((node) => (
                  <li key={node.id} className="flex items-start justify-between gap-3">
                    <span>
                      <span className="font-semibold">{node.label}.</span> {node.description}
                    </span>
                    <ParagraphBadge
                      id={`home-cause-${node.id}`}
                      refs={node.paragraphs}
                      quotes={paragraphQuotes(node.evidence)}
                      source={source}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Panel>

        <Panel id="course-title" title="The course" delay={0.1}>
          <p className="mt-1 text-sm text-muted">
            Dated moments from the report. Others are placed only relative to each other.
          </p>
          <ol className="mt-4 space-y-3 border-l-2 border-sun pl-4">
            {dated.map((event) => (
              <li key={event.id}>
                <p className="text-xs font-semibold uppercase tracking-wide text-muted">{event.when.label}</p>
                <p className="flex items-start justify-between gap-3">
                  <span className="font-semibold">{event.label}</span>
                  <ParagraphBadge
                    id={`home-event-${event.id}`}
                    refs={event.paragraphs}
                    quotes={[event.evidence]}
                    source={source}
                  />
                </p>
              </li>
            ))}
          </ol>
        </Panel>
      </div>

      <FadeIn delay={0.15}>
        <section aria-labelledby="source-title" className="rounded-2xl border border-steppe/20 bg-white p-5 sm:p-6">
          <h2 id="source-title" className="text-xl font-bold text-steppe-dark">
            The source
          </h2>
          <p className="mt-2">
            <cite className="font-semibold not-italic">“{meta.source.title}”</cite>, {meta.source.outlet},{" "}
            <time dateTime={meta.source.published}>{formatLongDate(meta.source.published)}</time>.
          </p>
          <p className="mt-1 text-sm text-muted">
            {meta.source.paragraphCount} paragraphs and a photo caption · {events.length} events · {facts.length} facts,
            each citing the paragraph it rests on.
          </p>
          <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">Read with care</h3>
          <ul className="mt-2 list-disc space-y-2 pl-5 text-sm">
            {meta.source.caveats.map((caveat) => (
              <li key={caveat.id}>
                {caveat.note}{" "}
                <ParagraphBadge
                  id={`home-caveat-${caveat.id}`}
                  refs={caveat.paragraphs}
                  quotes={paragraphQuotes(caveat.evidence)}
                  source={source}
                />
              </li>
            ))}
          </ul>
        </section>
      </FadeIn>
    </div>
  );
}
