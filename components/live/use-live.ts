"use client";
// The live game's stream in the browser: an EventSource on /api/live/:code/events
// (the browser resumes with Last-Event-ID by itself), falling back to polling
// /api/live/:code/state every 2 s when the stream cannot stay open (a proxy that
// strips streaming). Keeps the latest view, the player's own line, and for the host
// the roster and the answered count; and the offset of the server's clock.
import { useEffect, useRef, useState } from "react";
import type { LiveMe, LiveView, RosterEntry } from "@/lib/live/view";

export interface LiveData {
  view: LiveView | null;
  me: LiveMe | null;
  roster: RosterEntry[];
  count: { players: number; answered: number } | null;
  /** Server clock − browser clock, in ms. */
  offsetMs: number;
  /** "live" (streaming), "polling" (fallback), or "connecting". */
  link: "connecting" | "live" | "polling";
  /** Set when the game cannot be watched (removed, not the host…). */
  gone: string | null;
}

const POLL_MS = 2000;

export function useLive(code: string, role: "host" | "player"): LiveData {
  const [data, setData] = useState<LiveData>({
    view: null,
    me: null,
    roster: [],
    count: null,
    offsetMs: 0,
    link: "connecting",
    gone: null,
  });
  const version = useRef(-1);

  useEffect(() => {
    const query = role === "host" ? "?as=host" : "";
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let failures = 0;
    let stopped = false;

    const takeView = (view: LiveView) => {
      if (view.version < version.current) return;
      version.current = view.version;
      setData((d) => ({ ...d, view }));
    };

    // The server's clock minus this browser's, read when a message is written for this browser alone
    // (the view may be one cached when its phase began, seconds before a late joiner arrived).
    const takeClock = (now: string) => setData((d) => ({ ...d, offsetMs: Date.parse(now) - Date.now() }));

    const startPolling = () => {
      if (poll || stopped) return;
      source?.close();
      setData((d) => ({ ...d, link: "polling" }));
      const look = async () => {
        try {
          const response = await fetch(`/api/live/${code}/state${query}`, { cache: "no-store" });
          const body = (await response.json()) as {
            view?: LiveView;
            me?: LiveMe | null;
            roster?: RosterEntry[];
            count?: { players: number; answered: number };
            error?: { message: string };
            serverNow?: string;
          };
          if (!response.ok) {
            if (response.status === 403 || response.status === 404)
              setData((d) => ({ ...d, gone: body.error?.message ?? "This game cannot be watched." }));
            return;
          }
          if (body.serverNow) takeClock(body.serverNow);
          if (body.view) takeView(body.view);
          setData((d) => ({
            ...d,
            me: body.me ?? d.me,
            roster: body.roster ?? d.roster,
            count: body.count ?? d.count,
          }));
        } catch {
          // Offline for a moment: the next poll tries again.
        }
      };
      void look();
      poll = setInterval(look, POLL_MS);
    };

    source = new EventSource(`/api/live/${code}/events${query}`);
    source.addEventListener("open", () => {
      failures = 0;
      setData((d) => ({ ...d, link: "live" }));
    });
    source.addEventListener("clock", (e) =>
      takeClock((JSON.parse((e as MessageEvent<string>).data) as { now: string }).now),
    );
    source.addEventListener("state", (e) => takeView(JSON.parse((e as MessageEvent<string>).data) as LiveView));
    source.addEventListener("me", (e) => {
      const me = JSON.parse((e as MessageEvent<string>).data) as LiveMe;
      setData((d) => ({ ...d, me }));
    });
    source.addEventListener("roster", (e) => {
      const roster = JSON.parse((e as MessageEvent<string>).data) as RosterEntry[];
      setData((d) => ({ ...d, roster }));
    });
    source.addEventListener("count", (e) => {
      const count = JSON.parse((e as MessageEvent<string>).data) as { players: number; answered: number };
      setData((d) => ({ ...d, count }));
    });
    source.addEventListener("gone", (e) => {
      const { message } = JSON.parse((e as MessageEvent<string>).data) as { message: string };
      source?.close();
      setData((d) => ({ ...d, gone: message }));
    });
    source.addEventListener("error", () => {
      // EventSource reconnects by itself; three failures in a row without a message: poll instead.
      failures++;
      if (source?.readyState === EventSource.CLOSED || failures >= 3) startPolling();
    });

    return () => {
      stopped = true;
      source?.close();
      if (poll) clearInterval(poll);
    };
  }, [code, role]);

  return data;
}

/** POSTs JSON to the live API; returns the error's message, or null when it worked. */
export async function livePost(
  url: string,
  body: unknown,
): Promise<{ ok: boolean; message: string | null; status: number }> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.ok) return { ok: true, message: null, status: response.status };
    const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return {
      ok: false,
      message: data?.error?.message ?? `The server answered ${response.status}.`,
      status: response.status,
    };
  } catch {
    return { ok: false, message: "We could not reach the server. Check your connection.", status: 0 };
  }
}
