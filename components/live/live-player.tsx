"use client";
// A player's phone in a live game: "You're in — look for your name", the question's
// options or cards, "Answer locked — waiting for the others", their own result and rank
// ("7th — 120 points behind Aru"), and their final place. One message per phase reaches
// this screen; it never hears about other players' answers. A game screen: no site
// chrome (the layout hides it beside [data-game-screen]), only a small "Leave".
import Link from "next/link";
import { useCallback, useState } from "react";
import { CountdownRing, useSecondsLeft } from "@/components/game/countdown";
import { Podium } from "@/components/game/podium";
import { VerdictSplash } from "@/components/game/verdict-splash";
import { MotionProvider } from "@/components/motion";
import { MultipleChoiceCard } from "@/components/play/multiple-choice-card";
import { TimelineCard } from "@/components/play/timeline-card";
import { ordinal } from "@/lib/play/verdict";
import type { PublicQuestion } from "@/lib/quiz/question";
import { TeamBadge } from "./team-look";
import { livePost, useLive } from "./use-live";

/** The player's screen: the game and a small bar (name, team, score, leave), no site chrome. */
function GameScreen({ bar, children }: { bar?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div data-game-screen className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0 flex-1">{bar}</div>
        <Link
          href="/"
          className="inline-flex min-h-11 shrink-0 items-center rounded-lg px-2 text-sm font-semibold text-muted underline"
        >
          Leave<span className="sr-only"> the game (your code brings you back with your score)</span>
        </Link>
      </div>
      {children}
    </div>
  );
}

export function LivePlayer({ code, nickname }: { code: string; nickname: string }) {
  const live = useLive(code, "player");
  const { view, me } = live;
  const [answered, setAnswered] = useState<{ index: number; response: string | string[] } | null>(null);
  const [failure, setFailure] = useState<{ index: number; message: string } | null>(null);
  const index = view?.index ?? -1;
  const open = view?.phase === "question";
  const secondsLeft = useSecondsLeft(view?.deadline ?? null, live.offsetMs, !open || view?.pausedMs !== null);
  const locked = (answered?.index === index && open) || (open && me?.answered === true);

  const error = open && failure?.index === index ? failure.message : "";

  const answer = useCallback(
    async (response: string | string[]) => {
      if (!open || locked) return;
      setAnswered({ index, response });
      const result = await livePost(`/api/live/${code}/answers`, { position: index, response });
      if (!result.ok) {
        setAnswered(null);
        setFailure({ index, message: result.message ?? "Your answer did not reach the server: try again." });
      }
    },
    [code, index, locked, open],
  );

  if (live.gone)
    return (
      <GameScreen>
        <p role="alert" className="rounded-xl border border-ember/40 bg-white p-4 text-ember">
          {live.gone}
        </p>
      </GameScreen>
    );
  if (!view)
    return (
      <GameScreen>
        <p className="text-lg">Connecting to the game…</p>
      </GameScreen>
    );

  const name = me?.nickname ?? nickname;
  const team = me?.team ?? null;
  const bar = (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm font-semibold text-muted">
      <span className="[overflow-wrap:anywhere]">{name}</span>
      {team && <TeamBadge team={team} className="text-sm" />}
      <span className="tabular-nums">{(me?.score ?? 0).toLocaleString("en-GB")} points</span>
    </p>
  );

  if (view.phase === "lobby")
    return (
      <GameScreen>
        <section aria-labelledby="live-in" className="space-y-4 rounded-2xl bg-white p-6 text-center shadow-sm">
          <h1 id="live-in" className="text-3xl font-extrabold text-steppe-dark">
            You’re in — look for your name
          </h1>
          <p className="text-2xl font-bold [overflow-wrap:anywhere]">{name}</p>
          {team && (
            <p className="text-lg">
              You play for the <TeamBadge team={team} className="text-lg" />.
            </p>
          )}
          <p className="text-muted">The game starts when your teacher says go. Keep this page open.</p>
          <RejoinHint code={me?.rejoinCode} />
        </section>
      </GameScreen>
    );

  if (view.phase === "question" && view.question) {
    const q = view.question as PublicQuestion;
    const paused = view.pausedMs !== null;
    const pausedNote = (
      <p role="status" className="rounded-xl bg-ink px-4 py-3 text-center text-xl font-bold text-white">
        Paused — wait for your teacher
      </p>
    );
    return (
      <GameScreen bar={bar}>
        <section aria-labelledby="live-q" className="space-y-4">
          <div className="flex items-center justify-between gap-3">
            <h1 id="live-q" className="text-lg font-bold text-steppe-dark">
              Question {view.index + 1} of {view.count}
            </h1>
            {paused ? (
              <span className="rounded-lg bg-white px-2 py-1 font-semibold">Paused</span>
            ) : (
              secondsLeft !== null && <CountdownRing secondsLeft={secondsLeft} limit={view.limitSeconds} />
            )}
          </div>
          {locked ? (
            <div role="status" className="rounded-2xl bg-white p-6 text-center shadow-sm">
              <p className="text-2xl font-extrabold text-steppe-dark">Answer locked — waiting for the others</p>
              <p className="mt-2 text-muted">The answer shows when the question closes.</p>
            </div>
          ) : secondsLeft === 0 && !paused ? (
            <p role="status" className="rounded-2xl bg-white p-6 text-center text-2xl font-bold">
              Time’s up — waiting for the reveal
            </p>
          ) : q.type === "multiple-choice" ? (
            <MultipleChoiceCard
              question={q}
              onAnswer={(id) => void answer(id)}
              chosen={null}
              correctOption={null}
              disabled={paused}
              colours
              note={paused ? pausedNote : undefined}
            />
          ) : (
            <>
              {paused && pausedNote}
              <TimelineCard
                key={`${code}-${view.index}`}
                question={q}
                onLockIn={(order) => void answer(order)}
                disabled={paused}
                storageKey={`fact-trail:live:${code}:${view.index}`}
              />
            </>
          )}
          <p aria-live="assertive" className="min-h-5 text-sm font-semibold text-ember">
            {error}
          </p>
        </section>
      </GameScreen>
    );
  }

  if (view.phase === "reveal" || view.phase === "leaderboard") {
    const last = me?.last ?? null;
    const verdict = !last ? "time-up" : last.credit === 1 ? "right" : last.credit > 0 ? "partly" : "wrong";
    return (
      <GameScreen bar={bar}>
        <section aria-labelledby="live-result" className="space-y-4">
          <h1 id="live-result" className="text-lg font-bold text-steppe-dark">
            Question {view.index + 1} of {view.count}: your result
          </h1>
          <MotionProvider>
            <VerdictSplash
              key={`${view.index}-${me ? "me" : "none"}`}
              verdict={verdict}
              points={last?.points ?? 0}
              streak={me?.streak ?? 0}
              detail={me?.line ?? undefined}
              spokenSuffix={me?.line ? `${me.line}.` : ""}
            />
          </MotionProvider>
          <p className="text-center text-muted">Look at the big screen for the answer and why.</p>
          <RejoinHint code={me?.rejoinCode} />
        </section>
      </GameScreen>
    );
  }

  if (view.phase === "podium") {
    const entries = (view.leaderboard ?? []).map((r) => ({
      rank: r.rank,
      name: r.nickname,
      score: r.score,
      you: r.nickname === name,
    }));
    return (
      <GameScreen bar={bar}>
        <section aria-labelledby="live-end" className="space-y-6 rounded-2xl bg-white p-6 text-center shadow-sm">
          <h1 id="live-end" className="text-3xl font-extrabold text-steppe-dark">
            {me?.rank ? `You finished ${ordinal(me.rank)} of ${me.of}` : "The game is over"}
          </h1>
          <p className="text-xl font-bold tabular-nums">{(me?.score ?? 0).toLocaleString("en-GB")} points</p>
          {me?.line && <p className="text-muted">{me.line}</p>}
          <Podium entries={entries} label="Top three players" />
        </section>
      </GameScreen>
    );
  }
  return null;
}

/** The code another device of this player rejoins with (this screen alone is sent it). */
function RejoinHint({ code }: { code: string | null | undefined }) {
  if (!code) return null;
  return (
    <p className="text-center text-sm text-muted">
      On another device? Open this game and use the rejoin code{" "}
      <strong className="font-mono text-base tracking-widest text-steppe-dark">{code}</strong>.
    </p>
  );
}
