"use client";
// Sound on or off, remembered per device (localStorage), with a default that fits where
// the game is played: on in solo practice and on the big screen, off on players' devices
// in a class game (thirty phones beeping at once help nobody). The synthesiser itself
// (./sound-engine) loads only when a sound is first played with sound on.
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { SoundCue, SoundEngine } from "./sound-engine";

export type { SoundCue };

/** Where the sound plays: each has its own remembered choice and default. */
export type SoundSetting = "solo" | "class" | "screen";

const DEFAULT_ON: Record<SoundSetting, boolean> = { solo: true, class: false, screen: true };
const key = (setting: SoundSetting) => `fact-trail:sound:${setting}`;
const listeners = new Set<() => void>();
/** This page view's choice, for when storage refuses to keep it. */
const overrides = new Map<SoundSetting, boolean>();

function read(setting: SoundSetting): boolean {
  try {
    const stored = window.localStorage.getItem(key(setting));
    return stored === null ? DEFAULT_ON[setting] : stored === "on";
  } catch {
    // Storage blocked (private mode, policy): the default, for this page view.
    return DEFAULT_ON[setting];
  }
}

export function setSoundPreference(setting: SoundSetting, on: boolean): void {
  try {
    window.localStorage.setItem(key(setting), on ? "on" : "off");
  } catch {
    // Not remembered, but the rest of the page still follows the choice below.
  }
  overrides.set(setting, on);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith("fact-trail:sound:")) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** Browsers refuse audio before the person has interacted with the page: do not even load the synthesiser. */
function mayPlay(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  return activation ? activation.hasBeenActive : true;
}

let engine: Promise<SoundEngine> | null = null;
function loadEngine(): Promise<SoundEngine> {
  engine ??= import("./sound-engine").then((mod) => mod.createSoundEngine());
  return engine;
}

export interface Sound {
  /** Null until the browser has read the stored choice (the server cannot know it). */
  on: boolean | null;
  setOn(on: boolean): void;
  play(cue: SoundCue): void;
  /** Lobby music on or off (only plays while sound is on). */
  music(playing: boolean): void;
}

export function useSound(setting: SoundSetting): Sound {
  const on = useSyncExternalStore(
    subscribe,
    () => overrides.get(setting) ?? read(setting),
    () => null,
  );

  // Browsers keep audio suspended until a gesture: resume on the first tap or key while sound is on.
  useEffect(() => {
    if (!on) return;
    const unlock = () => void loadEngine().then((e) => e.unlock());
    window.addEventListener("pointerdown", unlock, { once: true });
    window.addEventListener("keydown", unlock, { once: true });
    return () => {
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
    };
  }, [on]);

  const play = useCallback(
    (cue: SoundCue) => {
      if (on && mayPlay()) void loadEngine().then((e) => e.play(cue));
    },
    [on],
  );
  const music = useCallback(
    (playing: boolean) => {
      if (on && playing && mayPlay()) void loadEngine().then((e) => e.startMusic());
      else if (engine) void engine.then((e) => e.stopMusic());
    },
    [on],
  );
  const setOn = useCallback(
    (next: boolean) => {
      setSoundPreference(setting, next);
      if (next) void loadEngine().then((e) => e.unlock());
      else if (engine) void engine.then((e) => e.stopMusic());
    },
    [setting],
  );
  return { on, setOn, play, music };
}
