"use client";
// The live game's big screen (issue 14): what the projector shows, and what the host's
// controls page shows below its buttons (`compact`). High contrast, large type, nothing
// private and no controls on the projector: the lobby (code, QR, join address, names
// arriving), the question (colours AND shapes AND text, as on the phones), the countdown
// by the server's clock, the answered count, the reveal (bars, or a timeline's statistics,
// with the explanation and its citation), the top 5 with who moved up and the teams, and
// the podium. On the projector a rem grows with the window (app/globals.css).
import { useEffect, useRef } from "react";
import { CountdownRing, useSecondsLeft } from "@/components/game/countdown";
import { OptionShape, optionLook } from "@/components/game/option-looks";
import { Podium } from "@/components/game/podium";
import type { Sound } from "@/components/game/use-sound";
import { formatParagraphs, type SourceMeta } from "@/components/paragraph-badge";
import type { ParagraphRef } from "@/lib/content/schema";
import { formatLongDate } from "@/lib/format-date";
import { TEAM_NAMES } from "@/lib/live/settings";
import type { TeamScore } from "@/lib/live/standings";
import { NOBODY_SCORED, type LiveView, type RosterEntry } from "@/lib/live/view";
import { TeamBadge, teamColour } from "./team-look";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A question's quotes after its citation: each after its paragraph when it cites several (one per paragraph). */
function citedQuotes(evidence: readonly string[], sources: readonly { paragraph: ParagraphRef }[]): string {
  if (evidence.length < 2 || evidence.length !== sources.length) return evidence.map((e) => `“${e}”`).join(" ");
  return evidence.map((e, i) => `${formatParagraphs([sources[i]!.paragraph])} “${e}”`).join(" · ");
}

export function LiveStage({
  view,
  roster,
  count,
  offsetMs,
  joinUrl,
  qrSvg,
  source,
  sound,
  onRemove,
  onTeam,
  reportHref,
  compact = false,
}: {
  view: LiveView;
  roster: RosterEntry[];
  count: { players: number; answered: number } | null;
  offsetMs: number;
  joinUrl: string;
  qrSvg: string;
  source: SourceMeta;
  sound: Sound | null;
  /** The host (never the projector) may remove a name in the lobby. */
  onRemove?: (entry: RosterEntry) => void;
  /** The host (never the projector) may put a player in another team in the lobby (0-based team). */
  onTeam?: (entry: RosterEntry, team: number) => void;
  /** The host's link to the report at the podium (never on the projector). */
  reportHref?: string;
  /** The host's laptop: the same screen, smaller, below the controls. */
  compact?: boolean;
}) {
  const players = count?.players ?? view.players;
  const secondsLeft = useSecondsLeft(view.deadline, offsetMs, view.phase !== "question" || view.pausedMs !== null);
  const shown = view.pausedMs !== null ? Math.ceil(view.pausedMs / 1000) : secondsLeft;

  // Sound on the big screen: lobby music, the last five seconds, the finish.
  const lastCue = useRef<string>("");
  useEffect(() => {
    if (!sound) return;
    sound.music(view.phase === "lobby");
    return () => sound.music(false);
  }, [sound, view.phase]);
  useEffect(() => {
    if (!sound) return;
    const cue =
      view.phase === "podium"
        ? "finish"
        : view.phase === "reveal"
          ? `reveal-${view.index}`
          : shown !== null && shown <= 5 && shown > 0 && view.phase === "question"
            ? `tick-${view.index}-${shown}`
            : "";
    if (!cue || cue === lastCue.current) return;
    lastCue.current = cue;
    if (cue === "finish") sound.play("finish");
    else if (cue.startsWith("reveal")) sound.play("time-up");
    else sound.play(shown === 1 ? "last-tick" : "tick");
  }, [sound, view.phase, view.index, shown]);

  if (view.phase === "lobby")
    return (
      <section
        aria-labelledby="live-lobby"
        className={`grid items-start gap-8 ${compact ? "md:grid-cols-[auto_1fr]" : "grid-cols-[auto_1fr] gap-12"}`}
      >
        <div className="space-y-3 text-center">
          <h2 id="live-lobby" className={`font-bold ${compact ? "text-xl" : "text-4xl"}`}>
            Join at <span className="break-all underline">{joinUrl.replace(/^https?:\/\//, "")}</span>
          </h2>
          <p className={compact ? "text-lg" : "text-2xl"}>with the code</p>
          <p
            className={`font-mono font-black leading-none tracking-[0.15em] ${compact ? "text-6xl" : "text-[8.5rem]"}`}
          >
            <span aria-hidden="true">{view.code}</span>
            <span className="sr-only">{view.code.split("").join(" ")}</span>
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG drawn on the server, as a data URI */}
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
            alt={`QR code for ${joinUrl}`}
            width={260}
            height={260}
            className={`mx-auto rounded-xl bg-white p-2 ${compact ? "h-40 w-40" : "h-[17rem] w-[17rem]"}`}
          />
        </div>
        <div className="space-y-4">
          <p className={`font-bold ${compact ? "text-2xl" : "text-5xl"}`} aria-live="polite">
            {players} {players === 1 ? "player" : "players"} in
            {view.locked ? " · the lobby is locked: no one new can join" : ""}
          </p>
          {roster.length === 0 ? (
            <p className={`text-white/80 ${compact ? "text-lg" : "text-3xl"}`}>Waiting for the first name…</p>
          ) : (
            <ul aria-label="Players in the lobby" className="flex flex-wrap gap-3">
              {roster.map((entry) => (
                <li
                  key={entry.playerId}
                  className={`flex animate-[live-name-in_0.4s_ease-out] items-center gap-2 rounded-full bg-white px-4 py-2 font-bold text-[#14202b] ${compact ? "text-lg" : "text-3xl"}`}
                >
                  {entry.team && (
                    <span
                      aria-hidden="true"
                      className="inline-block h-4 w-4 rounded-full"
                      style={{ backgroundColor: teamColour(entry.team) }}
                    />
                  )}
                  {entry.nickname}
                  {entry.team && onTeam && view.teams > 0 ? (
                    <select
                      aria-label={`Team for ${entry.nickname}`}
                      value={TEAM_NAMES.indexOf(entry.team as (typeof TEAM_NAMES)[number])}
                      onChange={(e) => onTeam(entry, Number(e.target.value))}
                      className="min-h-11 rounded-lg border-2 border-[#4a5866] bg-white px-2 text-base font-semibold text-[#14202b]"
                    >
                      {TEAM_NAMES.slice(0, view.teams).map((name, i) => (
                        <option key={name} value={i}>
                          {name}
                        </option>
                      ))}
                    </select>
                  ) : (
                    entry.team && <span className="text-[0.75em] font-semibold text-[#4a5866]">· {entry.team}</span>
                  )}
                  {onRemove && (
                    <button
                      type="button"
                      onClick={() => onRemove(entry)}
                      aria-label={`Remove ${entry.nickname}`}
                      className="-my-2 -mr-3 grid h-11 w-11 place-items-center rounded-full text-2xl text-[#b3261e] hover:bg-[#b3261e]/10"
                    >
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    );

  if (view.phase === "podium") {
    const entries = (view.leaderboard ?? []).map((r) => ({ rank: r.rank, name: r.nickname, score: r.score }));
    const teams = (view.teamBoard ?? []).map((t) => ({ rank: t.rank, name: `${t.name} team`, score: t.score }));
    return (
      <section aria-labelledby="live-podium" className={`text-center ${compact ? "space-y-6" : "space-y-8"}`}>
        <h2 id="live-podium" className={`font-black ${compact ? "text-3xl" : "text-5xl"}`}>
          The podium
        </h2>
        <div className={teams.length ? "grid grid-cols-2 gap-6" : ""}>
          <div className="rounded-3xl bg-white p-6">
            {entries.length ? (
              <Podium entries={entries} label="Top three players" size={compact ? "card" : "screen"} />
            ) : (
              <p className={`font-bold text-[#14202b] ${compact ? "text-xl" : "text-3xl"}`}>{NOBODY_SCORED}</p>
            )}
          </div>
          {teams.length > 0 && (
            <div className="rounded-3xl bg-white p-6">
              <h3 className={`mb-4 font-bold text-[#14202b] ${compact ? "text-xl" : "text-3xl"}`}>
                Teams (average score)
              </h3>
              <Podium entries={teams} label="Top three teams" size={compact ? "card" : "screen"} />
            </div>
          )}
        </div>
        {reportHref && (
          <a href={reportHref} className="inline-flex min-h-11 items-center text-xl font-bold underline">
            Open the report
          </a>
        )}
      </section>
    );
  }

  const q = view.question;
  const header = (
    <div className="flex items-center justify-between gap-4">
      <p className={`font-bold ${compact ? "text-xl" : "text-3xl"}`}>
        Question {view.index + 1} of {view.count}
      </p>
      {view.phase === "question" && (
        <div className="flex items-center gap-6">
          <p className={`font-bold ${compact ? "text-xl" : "text-3xl"}`} aria-live="off">
            {count?.answered ?? 0} of {players} answered
          </p>
          {shown !== null && (
            <div className="rounded-full bg-white text-[#14202b]">
              <CountdownRing secondsLeft={shown} limit={view.limitSeconds} size={compact ? "md" : "lg"} />
            </div>
          )}
          {view.pausedMs !== null && (
            <p className="rounded-lg bg-white px-3 py-1 text-xl font-bold text-[#14202b]">Paused</p>
          )}
        </div>
      )}
    </div>
  );

  if (view.phase === "leaderboard")
    return (
      <section aria-labelledby="live-board" className={compact ? "space-y-4" : "space-y-6"}>
        {header}
        <h2 id="live-board" className={`font-black ${compact ? "text-3xl" : "text-5xl"}`}>
          Leaderboard
        </h2>
        <div className={view.teamBoard ? "grid grid-cols-[3fr_2fr] items-start gap-6" : ""}>
          <ol aria-label="Top five players" className="space-y-3">
            {(view.leaderboard ?? []).map((row) => (
              <li
                key={`${row.rank}-${row.nickname}`}
                className={`flex items-center gap-4 rounded-2xl bg-white px-6 font-bold text-[#14202b] ${compact ? "py-2 text-xl" : "py-3 text-4xl"}`}
              >
                <span className="w-[2.2em] tabular-nums">{row.rank}.</span>
                <span className="min-w-0 flex-1 truncate">
                  {row.nickname}
                  {row.team && (
                    <span className="ml-3 text-[0.6em] text-[#4a5866]">
                      <span
                        aria-hidden="true"
                        className="mr-1 inline-block h-[0.7em] w-[0.7em] rounded-full"
                        style={{ backgroundColor: teamColour(row.team) }}
                      />
                      {row.team}
                    </span>
                  )}
                </span>
                {row.moved > 0 && (
                  <span className="rounded-full bg-[#15803d] px-3 py-1 text-[0.6em] text-white">
                    <span aria-hidden="true">▲</span> up {row.moved}
                  </span>
                )}
                <span className="tabular-nums">{row.score.toLocaleString("en-GB")}</span>
              </li>
            ))}
          </ol>
          {view.teamBoard && <TeamStandings teams={view.teamBoard} compact={compact} />}
        </div>
      </section>
    );

  if (!q) return null;
  const reveal = view.reveal;
  const nobody = reveal !== null && reveal.stats.answered === 0;
  return (
    <section aria-labelledby="live-question" className={compact ? "space-y-4" : "space-y-6"}>
      {header}
      <h2
        id="live-question"
        className={`font-black leading-tight ${compact ? "text-2xl" : reveal ? "text-4xl" : "text-5xl"}`}
      >
        {q.prompt}
      </h2>
      {q.type === "multiple-choice" ? (
        <ul className="grid grid-cols-2 gap-4">
          {q.options.map((option, i) => {
            const look = optionLook(i);
            const chosen = reveal?.stats.choices?.[option.id] ?? 0;
            const isKey = reveal ? reveal.answer === option.id : false;
            const share = reveal && reveal.stats.answered ? chosen / reveal.stats.answered : 0;
            return (
              <li
                key={option.id}
                className={`flex items-center gap-4 rounded-2xl px-5 font-bold ${look.box} ${isKey ? "ring-8 ring-white" : ""} ${compact ? "min-h-16 py-2 text-xl" : reveal ? "min-h-20 py-3 text-3xl" : "min-h-28 py-4 text-4xl"}`}
              >
                <OptionShape look={look} className="h-[1.2em] w-[1.2em]" />
                <span className="sr-only">{look.shape}: </span>
                <span className="flex-1">{option.text}</span>
                {reveal && (
                  <span className="flex items-center gap-3">
                    {isKey && (
                      <span className="rounded-full bg-white px-3 py-1 text-[0.7em] text-[#14202b]">✓ right</span>
                    )}
                    {!nobody && (
                      <>
                        <span className="tabular-nums" aria-label={`${chosen} chose it`}>
                          {chosen}
                        </span>
                        <span
                          aria-hidden="true"
                          className="inline-block h-[0.5em] rounded bg-white/90"
                          style={{ width: `${Math.max(0.25, share * 8)}em` }}
                        />
                      </>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <ol className="space-y-3">
          {(reveal ? (reveal.answer as string[]).map((id) => q.items.find((i) => i.id === id)!) : q.items).map(
            (item, i) => (
              <li
                key={item.id}
                className={`flex items-center gap-4 rounded-2xl bg-white px-5 font-bold text-[#14202b] ${compact ? "py-2 text-lg" : "py-3 text-3xl"}`}
              >
                {reveal && <span className="w-[1.5em] tabular-nums">{i + 1}.</span>}
                <span>
                  {item.text}
                  {/* At the reveal the events stand in the key's order, the order their quotes run in. */}
                  {reveal?.evidence[i] && (
                    <q className="block text-[0.7em] font-normal italic text-[#4a5866]">{reveal.evidence[i]}</q>
                  )}
                </span>
              </li>
            ),
          )}
        </ol>
      )}
      {reveal && (
        <div className={`space-y-2 rounded-2xl bg-white text-[#14202b] ${compact ? "p-4 text-lg" : "p-5 text-2xl"}`}>
          {nobody ? (
            <p className="font-bold">Nobody answered</p>
          ) : q.type === "timeline" ? (
            <p className="font-bold">
              {pct(reveal.stats.fullyRight)} fully right · average credit {pct(reveal.stats.averageCredit)}
              {reveal.stats.mostSwapped &&
                ` · most swapped: “${reveal.stats.mostSwapped.placedFirst}” before “${reveal.stats.mostSwapped.placedSecond}” (${reveal.stats.mostSwapped.count})`}
            </p>
          ) : (
            <p className="font-bold">
              {pct(reveal.stats.fullyRight)} right of {reveal.stats.answered}{" "}
              {reveal.stats.answered === 1 ? "answer" : "answers"}
            </p>
          )}
          <p className="whitespace-pre-line">{reveal.explanation}</p>
          <p className="text-[0.85em] text-[#4a5866]">
            Source: {source.outlet}, “{source.title}”, {formatLongDate(source.published)} —{" "}
            {formatParagraphs(reveal.sources.map((s) => s.paragraph))}
            {/* A timeline's quotes stand under its events; a question's one quote goes with its citation. */}
            {q.type === "multiple-choice" && reveal.evidence[0]
              ? `: ${citedQuotes(reveal.evidence, reveal.sources)}`
              : ""}
          </p>
        </div>
      )}
    </section>
  );
}

/** The teams by their members' average, each with its colour and name. */
function TeamStandings({ teams, compact }: { teams: TeamScore[]; compact: boolean }) {
  return (
    <section aria-labelledby="live-teams" className="rounded-2xl bg-white p-5 text-[#14202b]">
      <h3 id="live-teams" className={`mb-3 font-bold ${compact ? "text-xl" : "text-3xl"}`}>
        Teams <span className="text-[0.7em] font-semibold text-[#4a5866]">(average score)</span>
      </h3>
      <ol className={`space-y-2 font-bold ${compact ? "text-lg" : "text-3xl"}`}>
        {teams.map((t) => (
          <li key={t.team} className="flex items-center gap-3">
            <span className="w-[1.6em] tabular-nums">{t.rank}.</span>
            <TeamBadge team={t.name} className="text-[0.8em]" />
            <span className="text-[0.6em] font-semibold text-[#4a5866]">
              {t.members} {t.members === 1 ? "player" : "players"}
            </span>
            <span className="ml-auto tabular-nums">{t.score.toLocaleString("en-GB")}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
