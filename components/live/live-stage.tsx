"use client";
// The live game's big screen (issue 14): what the projector shows, and what the host's
// controls page shows above its buttons. High contrast, large type, nothing private:
// the lobby (code, QR, join address, names arriving), the question (colours AND shapes
// AND text), the countdown by the server's clock, the answered count, the reveal (bars,
// or a timeline's statistics, with the explanation and its citation), the top 5 with
// who moved up, and the podium.
import { useEffect, useRef } from "react";
import { CountdownRing, useSecondsLeft } from "@/components/game/countdown";
import { Podium } from "@/components/game/podium";
import type { Sound } from "@/components/game/use-sound";
import { formatParagraphs, type SourceMeta } from "@/components/paragraph-badge";
import type { ParagraphRef } from "@/lib/content/schema";
import { formatLongDate } from "@/lib/format-date";
import { TEAM_NAMES } from "@/lib/live/settings";
import { NOBODY_SCORED, type LiveView, type RosterEntry } from "@/lib/live/view";

/** Four answer styles: a colour, a shape and its name, so colour is never the only cue. */
export const OPTION_LOOKS = [
  { box: "bg-[#b3261e] text-white", shape: "▲", name: "triangle" },
  { box: "bg-[#1d4ed8] text-white", shape: "◆", name: "diamond" },
  { box: "bg-[#f2b134] text-[#14202b]", shape: "●", name: "circle" },
  { box: "bg-[#15803d] text-white", shape: "■", name: "square" },
] as const;

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
}: {
  view: LiveView;
  roster: RosterEntry[];
  count: { players: number; answered: number } | null;
  offsetMs: number;
  joinUrl: string;
  qrSvg: string;
  source: SourceMeta;
  sound: Sound | null;
  /** The host may remove a name in the lobby. */
  onRemove?: (entry: RosterEntry) => void;
  /** The host may put a player in another team in the lobby (0-based team). */
  onTeam?: (entry: RosterEntry, team: number) => void;
  reportHref?: string;
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
      <section aria-labelledby="live-lobby" className="grid gap-8 lg:grid-cols-[auto_1fr]">
        <div className="space-y-4 text-center">
          <h2 id="live-lobby" className="text-2xl font-bold">
            Join at <span className="break-all underline">{joinUrl.replace(/^https?:\/\//, "")}</span>
          </h2>
          <p className="text-xl">with the code</p>
          <p className="font-mono text-7xl font-black tracking-[0.2em] sm:text-8xl">
            <span aria-hidden="true">{view.code}</span>
            <span className="sr-only">{view.code.split("").join(" ")}</span>
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG drawn on the server, as a data URI */}
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
            alt={`QR code for ${joinUrl}`}
            width={260}
            height={260}
            className="mx-auto h-64 w-64 rounded-xl bg-white p-2"
          />
        </div>
        <div className="space-y-4">
          <p className="text-3xl font-bold" aria-live="polite">
            {players} {players === 1 ? "player" : "players"} in{view.locked ? " · locked" : ""}
          </p>
          {roster.length === 0 ? (
            <p className="text-xl text-white/80">Waiting for the first name…</p>
          ) : (
            <ul aria-label="Players in the lobby" className="flex flex-wrap gap-3">
              {roster.map((entry) => (
                <li
                  key={entry.playerId}
                  className="flex animate-[live-name-in_0.4s_ease-out] items-center gap-2 rounded-full bg-white px-4 py-2 text-xl font-bold text-[#14202b]"
                >
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
                    entry.team && <span className="text-base font-semibold text-[#4a5866]">· {entry.team}</span>
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
      <section aria-labelledby="live-podium" className="space-y-10 text-center">
        <h2 id="live-podium" className="text-5xl font-black">
          The podium
        </h2>
        <div className="rounded-3xl bg-white p-6">
          {entries.length ? (
            <Podium entries={entries} label="Top three players" size="screen" />
          ) : (
            <p className="text-3xl font-bold text-[#14202b]">{NOBODY_SCORED}</p>
          )}
        </div>
        {teams.length > 0 && (
          <div className="rounded-3xl bg-white p-6">
            <h3 className="mb-4 text-3xl font-bold text-[#14202b]">Teams (average score)</h3>
            <Podium entries={teams} label="Top three teams" size="screen" />
          </div>
        )}
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
      <p className="text-2xl font-bold">
        Question {view.index + 1} of {view.count}
      </p>
      {view.phase === "question" && (
        <div className="flex items-center gap-6">
          <p className="text-2xl font-bold" aria-live="off">
            {count?.answered ?? 0} of {players} answered
          </p>
          {shown !== null && (
            <div className="rounded-full bg-white text-[#14202b]">
              <CountdownRing secondsLeft={shown} limit={view.limitSeconds} size="lg" />
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
      <section aria-labelledby="live-board" className="space-y-6">
        {header}
        <h2 id="live-board" className="text-5xl font-black">
          Leaderboard
        </h2>
        <ol className="space-y-3">
          {(view.leaderboard ?? []).map((row) => (
            <li
              key={`${row.rank}-${row.nickname}`}
              className="flex items-center gap-4 rounded-2xl bg-white px-6 py-4 text-3xl font-bold text-[#14202b]"
            >
              <span className="w-14 tabular-nums">{row.rank}.</span>
              <span className="flex-1 truncate">
                {row.nickname}
                {row.team && <span className="ml-2 text-xl text-[#4a5866]">{row.team}</span>}
              </span>
              {row.moved > 0 && (
                <span className="rounded-full bg-[#15803d] px-3 py-1 text-xl text-white">
                  <span aria-hidden="true">▲</span> up {row.moved}
                </span>
              )}
              <span className="tabular-nums">{row.score.toLocaleString("en-GB")}</span>
            </li>
          ))}
        </ol>
        {view.teamBoard && (
          <p className="text-2xl">
            Teams: {view.teamBoard.map((t) => `${t.rank}. ${t.name} ${t.score.toLocaleString("en-GB")}`).join(" · ")}
          </p>
        )}
      </section>
    );

  if (!q) return null;
  const reveal = view.reveal;
  return (
    <section aria-labelledby="live-question" className="space-y-6">
      {header}
      <h2 id="live-question" className="text-4xl font-black leading-tight sm:text-5xl">
        {q.prompt}
      </h2>
      {q.type === "multiple-choice" ? (
        <ul className="grid gap-4 sm:grid-cols-2">
          {q.options.map((option, i) => {
            const look = OPTION_LOOKS[i % 4]!;
            const chosen = reveal?.stats.choices?.[option.id] ?? 0;
            const isKey = reveal ? reveal.answer === option.id : false;
            const share = reveal && reveal.stats.answered ? chosen / reveal.stats.answered : 0;
            return (
              <li
                key={option.id}
                className={`flex min-h-24 items-center gap-4 rounded-2xl px-5 py-4 text-3xl font-bold ${look.box} ${isKey ? "ring-8 ring-white" : ""}`}
              >
                <span aria-hidden="true" className="text-4xl">
                  {look.shape}
                </span>
                <span className="sr-only">{look.name}: </span>
                <span className="flex-1">{option.text}</span>
                {reveal && (
                  <span className="flex items-center gap-3">
                    {isKey && <span className="rounded-full bg-white px-3 py-1 text-xl text-[#14202b]">✓ right</span>}
                    <span className="tabular-nums" aria-label={`${chosen} chose it`}>
                      {chosen}
                    </span>
                    <span
                      aria-hidden="true"
                      className="inline-block h-4 rounded bg-white/90"
                      style={{ width: `${Math.max(4, share * 160)}px` }}
                    />
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
                className="flex items-center gap-4 rounded-2xl bg-white px-5 py-4 text-2xl font-bold text-[#14202b]"
              >
                {reveal && <span className="w-10 tabular-nums">{i + 1}.</span>}
                <span>
                  {item.text}
                  {/* At the reveal the events stand in the key's order, the order their quotes run in. */}
                  {reveal?.evidence[i] && (
                    <q className="block text-xl font-normal italic text-[#4a5866]">{reveal.evidence[i]}</q>
                  )}
                </span>
              </li>
            ),
          )}
        </ol>
      )}
      {reveal && (
        <div className="space-y-3 rounded-2xl bg-white p-6 text-2xl text-[#14202b]">
          {q.type === "timeline" ? (
            <p className="font-bold">
              {pct(reveal.stats.fullyRight)} fully right · average credit {pct(reveal.stats.averageCredit)}
              {reveal.stats.mostSwapped &&
                ` · most swapped: “${reveal.stats.mostSwapped.placedFirst}” before “${reveal.stats.mostSwapped.placedSecond}” (${reveal.stats.mostSwapped.count})`}
            </p>
          ) : (
            <p className="font-bold">
              {pct(reveal.stats.fullyRight)} right of {reveal.stats.answered} answers
            </p>
          )}
          <p className="whitespace-pre-line">{reveal.explanation}</p>
          <p className="text-xl text-[#4a5866]">
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
