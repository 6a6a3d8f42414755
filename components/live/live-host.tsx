"use client";
// The host's side of a live game: the big screen (LiveStage) and the controls — next,
// pause/resume, skip, end, show/hide the leaderboard, lock, mute — with Space or → for
// "next", so a clicker runs the game. The projector view is the same screen, full
// window, with only the lobby's controls and the keys.
import { useCallback, useRef, useEffect, useState } from "react";
import { SoundToggle } from "@/components/game/sound-toggle";
import { useSound } from "@/components/game/use-sound";
import type { SourceMeta } from "@/components/paragraph-badge";
import type { HostMove } from "@/lib/live/game";
import { TEAM_NAMES } from "@/lib/live/settings";
import type { RosterEntry } from "@/lib/live/view";
import { LiveStage } from "./live-stage";
import { livePost, useLive } from "./use-live";

const controlClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-white px-4 py-2 text-lg font-bold text-white hover:bg-white/10 disabled:opacity-50";
const primaryClass =
  "inline-flex min-h-11 items-center justify-center rounded-lg bg-[#f2b134] px-6 py-2 text-lg font-black text-[#14202b] hover:bg-[#f7c65e] disabled:opacity-50";

/** A key cannot end a question in its first seconds (a clicker's double press); the button can. */
const KEY_GUARD_MS = 5000;

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
  const view = live.view;

  const move = useCallback(
    async (m: HostMove) => {
      if (!view || busy) return;
      setBusy(true);
      const result = await livePost(`/api/live/${code}/moves`, { move: m, version: view.version });
      setBusy(false);
      // A double press meets a game that has already moved on: nothing to say.
      setMessage(result.ok || result.status === 409 ? "" : (result.message ?? ""));
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
      if (!view || view.phase === "podium") return;
      event.preventDefault();
      if (view.phase === "question" && Date.now() - changedAt.current < KEY_GUARD_MS) {
        setMessage(
          "The question has just opened: the key reveals the answer after 5 seconds (or use “Reveal the answer”).",
        );
        return;
      }
      void move(view.phase === "lobby" ? "start" : "next");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [move, view]);

  if (live.gone)
    return (
      <p role="alert" className="rounded-xl bg-white p-4 text-lg text-[#b3261e]">
        {live.gone}
      </p>
    );
  if (!view) return <p className="p-8 text-2xl">Connecting to the game…</p>;

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

  const controls = (
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
          {view.locked ? "Unlock the game" : "Lock the game"}
        </button>
      )}
      {!projector && view.phase === "question" && (
        <>
          <button
            type="button"
            className={controlClass}
            disabled={busy}
            onClick={() => void move(view.pausedMs !== null ? "resume" : "pause")}
          >
            {view.pausedMs !== null ? "Resume the clock" : "Pause the clock"}
          </button>
          <button type="button" className={controlClass} disabled={busy} onClick={() => void move("skip")}>
            Skip this question
          </button>
        </>
      )}
      {!projector && view.phase !== "podium" && view.phase !== "lobby" && (
        <button
          type="button"
          className={controlClass}
          disabled={busy}
          onClick={() => void move(view.showLeaderboard ? "hide-leaderboard" : "show-leaderboard")}
          aria-pressed={view.showLeaderboard}
        >
          Leaderboard after each question
        </button>
      )}
      {!projector && view.phase !== "podium" && (
        <button type="button" className={controlClass} disabled={busy} onClick={() => void move("end")}>
          End the game
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
      <span className="text-base text-white/80">
        {live.link === "polling" ? "Updating every 2 s" : live.link === "live" ? "Live" : "Connecting…"}
      </span>
    </div>
  );

  return (
    <div
      className={
        projector
          ? "fixed inset-0 z-50 overflow-auto bg-[#08434a] p-6 text-white sm:p-10"
          : "space-y-6 rounded-3xl bg-[#08434a] p-6 text-white"
      }
    >
      {!projector && controls}
      <p aria-live="polite" className="min-h-6 text-lg font-semibold">
        {message}
      </p>
      <LiveStage
        view={view}
        roster={live.roster}
        count={live.count}
        offsetMs={live.offsetMs}
        joinUrl={joinUrl}
        qrSvg={qrSvg}
        source={source}
        sound={sound}
        onRemove={view.phase === "lobby" ? remove : undefined}
        onTeam={view.phase === "lobby" ? setTeam : undefined}
        reportHref={reportHref}
      />
      {projector && <div className="mt-8">{controls}</div>}
    </div>
  );
}
