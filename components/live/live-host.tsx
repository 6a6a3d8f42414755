"use client";
// The host's side of a live game: the controls — next, pause/resume, skip and end (each
// asked first), the leaderboard switch, lock, remove a name, mute — in a bar that stays on
// screen, with the big screen (LiveStage) below; Space or → for "next", so a clicker runs
// the game. The projector view is the big screen alone, full window: no site chrome, no
// controls and nothing private (a mute button in a corner; the clicker's keys still work).
import { useCallback, useRef, useEffect, useState } from "react";
import { SoundToggle } from "@/components/game/sound-toggle";
import { useSound } from "@/components/game/use-sound";
import type { SourceMeta } from "@/components/paragraph-badge";
import type { HostMove } from "@/lib/live/game";
import { DOUBLE_PRESS_MESSAGE, DOUBLE_PRESS_MS, isDoublePress } from "@/lib/live/clicker";
import { TEAM_NAMES } from "@/lib/live/settings";
import type { RosterEntry } from "@/lib/live/view";
import { LiveStage } from "./live-stage";
import { livePost, useLive } from "./use-live";

const controlClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-white px-3 py-1.5 text-base font-bold text-white hover:bg-white/10 disabled:opacity-50";
const primaryClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg bg-[#f2b134] px-6 py-2 text-lg font-black text-[#14202b] hover:bg-[#f7c65e] disabled:opacity-50";

/** A clicker sends Space: on a button that ends or skips, it must do nothing (Enter and a click still work). */
const ignoreSpace = (event: React.KeyboardEvent) => {
  if (event.key === " ") event.preventDefault();
};

/** A key cannot end a question in its first seconds (a clicker's double press); the button can. */
const KEY_GUARD_MS = DOUBLE_PRESS_MS;

export function LiveHost({
  code,
  joinUrl,
  qrSvg,
  source,
  reportHref,
  projectorHref,
  projector = false,
}: {
  code: string;
  joinUrl: string;
  qrSvg: string;
  source: SourceMeta;
  reportHref: string;
  projectorHref?: string;
  projector?: boolean;
}) {
  const live = useLive(code, "host");
  const sound = useSound("screen");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  /** The move waiting for "Yes" (skip or end), if any. */
  const [confirming, setConfirming] = useState<"skip" | "end" | null>(null);
  const view = live.view;

  const move = useCallback(
    async (m: HostMove) => {
      if (!view || busy) return;
      setBusy(true);
      setMessage("");
      const result = await livePost(`/api/live/${code}/moves`, { move: m, version: view.version });
      setBusy(false);
      // A double press meets a game that has already moved on: nothing to say (and a "Pressed twice?"
      // said while this move was on its way stays).
      if (!result.ok && result.status !== 409) setMessage(result.message ?? "");
    },
    [busy, code, view],
  );

  const remove = useCallback(
    async (entry: RosterEntry) => {
      const result = await livePost(`/api/live/${code}/remove`, { playerId: entry.playerId });
      setMessage(result.ok ? `${entry.nickname} was removed.` : (result.message ?? ""));
    },
    [code],
  );

  const setTeam = useCallback(
    async (entry: RosterEntry, team: number) => {
      const result = await livePost(`/api/live/${code}/team`, { playerId: entry.playerId, team });
      setMessage(result.ok ? `${entry.nickname} now plays for the ${TEAM_NAMES[team]} team.` : (result.message ?? ""));
    },
    [code],
  );

  // When this screen saw the phase change: a clicker's double press must not end a question it just opened.
  const changedAt = useRef(0);
  // When the last key press that moved the game came (a double press's first half).
  const lastPressAt = useRef(0);
  useEffect(() => {
    changedAt.current = Date.now();
  }, [view?.version]);

  // Space or → moves on (a presenter's clicker sends them), unless focus is in a form field or on a button.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== " " && event.key !== "ArrowRight" && event.key !== "PageDown") return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("button, a, input, textarea, select, [contenteditable]")) return;
      if (!view || view.phase === "podium" || confirming) return;
      event.preventDefault();
      const now = Date.now();
      const pressAt = { now, lastPressAt: lastPressAt.current, changedAt: changedAt.current, guardMs: KEY_GUARD_MS };
      if (isDoublePress({ phase: view.phase, ...pressAt })) {
        setMessage(DOUBLE_PRESS_MESSAGE);
        return;
      }
      lastPressAt.current = now;
      void move(view.phase === "lobby" ? "start" : "next");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [move, view, confirming]);

  if (live.gone)
    return (
      <p role="alert" className="rounded-xl bg-white p-4 text-lg text-[#b3261e]">
        {live.gone}
      </p>
    );
  if (!view) return <p className="p-8 text-2xl">Connecting to the game…</p>;

  const stage = (
    <LiveStage
      view={view}
      roster={live.roster}
      count={live.count}
      offsetMs={live.offsetMs}
      joinUrl={joinUrl}
      qrSvg={qrSvg}
      source={source}
      sound={sound}
      onRemove={!projector && view.phase === "lobby" ? remove : undefined}
      onTeam={!projector && view.phase === "lobby" ? setTeam : undefined}
      reportHref={projector ? undefined : reportHref}
      compact={!projector}
    />
  );

  if (projector)
    return (
      <div
        data-game-screen
        data-projector
        className="fixed inset-0 z-50 overflow-auto bg-[#08434a] px-10 py-8 text-white"
      >
        {stage}
        <div className="fixed bottom-3 right-3 flex items-center gap-3">
          <p aria-live="polite" className="max-w-md text-right text-sm text-white/90">
            {message}
          </p>
          <SoundToggle sound={sound} className="border-white/60" />
        </div>
      </div>
    );

  const nextLabel =
    view.phase === "lobby"
      ? "Start"
      : view.phase === "question"
        ? "Reveal the answer"
        : view.phase === "reveal" && view.showLeaderboard
          ? "Leaderboard"
          : view.index + 1 >= view.count
            ? "Podium"
            : "Next question";
  const players = live.count?.players ?? view.players;
  const status =
    view.phase === "lobby"
      ? `Lobby · ${players} ${players === 1 ? "player" : "players"}${view.locked ? " · locked: no one new can join" : ""}`
      : view.phase === "question"
        ? `Question ${view.index + 1} of ${view.count} · ${live.count?.answered ?? 0} of ${players} answered${view.pausedMs !== null ? " · paused" : ""}`
        : view.phase === "podium"
          ? `The game is over · ${players} ${players === 1 ? "player" : "players"}`
          : `Question ${view.index + 1} of ${view.count} · ${view.phase === "reveal" ? "the answer" : "leaderboard"} · ${players} ${players === 1 ? "player" : "players"}`;

  const asks = {
    skip: { question: `Skip question ${view.index + 1} without showing its answer?`, yes: "Yes, skip it" },
    end: { question: "End the game now? Everyone goes to the podium and the code closes.", yes: "Yes, end it" },
  } as const;
  // A question that closed meanwhile has nothing left to skip.
  const asking = confirming === "skip" && view.phase !== "question" ? null : confirming;

  const controls = asking ? (
    <div role="group" aria-labelledby="live-confirm" className="flex flex-wrap items-center gap-3">
      <p id="live-confirm" className="text-lg font-bold">
        {asks[asking].question}
      </p>
      <button
        type="button"
        className={primaryClass}
        disabled={busy}
        onKeyDown={ignoreSpace}
        onKeyUp={ignoreSpace}
        onClick={() => {
          setConfirming(null);
          void move(asking);
        }}
      >
        {asks[asking].yes}
      </button>
      <button
        type="button"
        className={controlClass}
        // Focus waits on the safe choice: a stray key keeps the game going.
        autoFocus
        onClick={() => {
          const from = asking;
          setConfirming(null);
          // Back to the button that asked, once it is on screen again.
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-ask="${from}"]`)?.focus());
        }}
      >
        Keep playing
      </button>
    </div>
  ) : (
    <div role="toolbar" aria-label="Game controls" className="flex flex-wrap items-center gap-3">
      {view.phase !== "podium" && (
        <button
          type="button"
          className={primaryClass}
          disabled={busy || (view.phase === "lobby" && players === 0)}
          onClick={() => void move(view.phase === "lobby" ? "start" : "next")}
          aria-keyshortcuts="Space ArrowRight"
        >
          {nextLabel}
        </button>
      )}
      {view.phase === "lobby" && (
        <button
          type="button"
          className={controlClass}
          disabled={busy}
          onClick={() => void move(view.locked ? "unlock" : "lock")}
        >
          {view.locked ? "Unlock the lobby" : "Lock the lobby"}
        </button>
      )}
      {view.phase === "question" && (
        <>
          <button
            type="button"
            className={controlClass}
            disabled={busy}
            onClick={() => void move(view.pausedMs !== null ? "resume" : "pause")}
          >
            {view.pausedMs !== null ? "Resume the clock" : "Pause the clock"}
          </button>
          <button
            type="button"
            className={controlClass}
            disabled={busy}
            onKeyDown={ignoreSpace}
            onKeyUp={ignoreSpace}
            data-ask="skip"
            onClick={() => setConfirming("skip")}
          >
            Skip this question…
          </button>
        </>
      )}
      {view.phase !== "podium" && view.phase !== "lobby" && (
        <button
          type="button"
          role="switch"
          aria-checked={view.showLeaderboard}
          className={`${controlClass} gap-2`}
          disabled={busy}
          onClick={() => void move(view.showLeaderboard ? "hide-leaderboard" : "show-leaderboard")}
        >
          Leaderboard after each question:
          <span
            className={`rounded-full px-2 py-0.5 text-sm font-black ${view.showLeaderboard ? "bg-white text-[#08434a]" : "bg-black/30 text-white"}`}
          >
            {view.showLeaderboard ? "On" : "Off"}
          </span>
        </button>
      )}
      {view.phase !== "podium" && (
        <button
          type="button"
          className={controlClass}
          disabled={busy}
          onKeyDown={ignoreSpace}
          onKeyUp={ignoreSpace}
          data-ask="end"
          onClick={() => setConfirming("end")}
        >
          End the game…
        </button>
      )}
      <SoundToggle sound={sound} className="border-white/60" />
      {projectorHref && (
        <a
          href={projectorHref}
          target="_blank"
          rel="noopener"
          className="inline-flex min-h-11 items-center font-bold underline"
        >
          Open the projector view
        </a>
      )}
    </div>
  );

  return (
    <div className="rounded-3xl bg-[#08434a] text-white">
      {/* The bar stays on screen while the host scrolls: the count and every control above the fold. */}
      <div className="sticky top-0 z-10 space-y-2 rounded-t-3xl border-b border-white/20 bg-[#08434a] px-5 py-3">
        <p className="flex flex-wrap items-baseline justify-between gap-x-4 text-lg font-bold">
          <span>{status}</span>
          <span className="text-sm font-normal text-white/80">
            {live.link === "polling" ? "Updating every 2 s" : live.link === "live" ? "Live" : "Connecting…"}
          </span>
        </p>
        {controls}
        <p aria-live="polite" className="min-h-6 text-base font-semibold">
          {message}
        </p>
      </div>
      <div className="p-5">{stage}</div>
    </div>
  );
}
