// The game's sounds, synthesised with the Web Audio API: no audio files, nothing
// fetched, nothing licensed. Loaded lazily (import("./sound-engine")) the first time
// a sound is wanted, so pages that stay silent never download it.

export type SoundCue = "right" | "partly" | "wrong" | "time-up" | "tick" | "last-tick" | "streak" | "finish";

export interface SoundEngine {
  play(cue: SoundCue): void;
  /** The lobby loop for the live game's big screen; idempotent. */
  startMusic(): void;
  stopMusic(): void;
  /** Browsers start audio only after a gesture: call from a click or key handler. */
  unlock(): void;
  close(): void;
}

type Wave = OscillatorType;

/** Equal-tempered frequency of a MIDI note number (69 = A4 = 440 Hz). */
const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

interface Note {
  midi: number;
  /** Start, in seconds after the cue begins. */
  at: number;
  length: number;
  wave?: Wave;
  gain?: number;
  /** Glide to this note over the note's length (a "wah" for wrong answers). */
  slideTo?: number;
}

const C5 = 72;
const CUES: Record<SoundCue, Note[]> = {
  right: [
    { midi: C5 + 4, at: 0, length: 0.12, wave: "triangle" },
    { midi: C5 + 11, at: 0.09, length: 0.22, wave: "triangle" },
  ],
  partly: [
    { midi: C5, at: 0, length: 0.12, wave: "triangle", gain: 0.8 },
    { midi: C5 + 4, at: 0.1, length: 0.2, wave: "triangle", gain: 0.8 },
  ],
  wrong: [
    { midi: 55, at: 0, length: 0.16, wave: "square", gain: 0.35 },
    { midi: 51, at: 0.15, length: 0.32, wave: "square", gain: 0.35, slideTo: 49 },
  ],
  "time-up": [
    { midi: 67, at: 0, length: 0.1, wave: "sine" },
    { midi: 64, at: 0.12, length: 0.1, wave: "sine" },
    { midi: 60, at: 0.24, length: 0.26, wave: "sine" },
  ],
  tick: [{ midi: 93, at: 0, length: 0.05, wave: "sine", gain: 0.5 }],
  "last-tick": [{ midi: 98, at: 0, length: 0.09, wave: "sine", gain: 0.6 }],
  streak: [
    { midi: C5, at: 0, length: 0.08, wave: "square", gain: 0.3 },
    { midi: C5 + 4, at: 0.07, length: 0.08, wave: "square", gain: 0.3 },
    { midi: C5 + 7, at: 0.14, length: 0.08, wave: "square", gain: 0.3 },
    { midi: C5 + 12, at: 0.21, length: 0.22, wave: "square", gain: 0.3 },
  ],
  finish: [
    { midi: C5, at: 0, length: 0.14, wave: "triangle" },
    { midi: C5 + 4, at: 0.13, length: 0.14, wave: "triangle" },
    { midi: C5 + 7, at: 0.26, length: 0.14, wave: "triangle" },
    { midi: C5 + 12, at: 0.4, length: 0.7, wave: "triangle" },
    { midi: C5 + 7, at: 0.4, length: 0.7, wave: "sine", gain: 0.5 },
    { midi: C5 + 4, at: 0.4, length: 0.7, wave: "sine", gain: 0.5 },
  ],
};

/** A bright, unhurried loop: a pentatonic arpeggio over a walking bass, 112 bpm, 2 bars. */
const BEAT = 60 / 112;
const ARPEGGIO = [60, 64, 67, 72, 69, 67, 64, 67, 62, 65, 69, 74, 72, 69, 65, 69];
const BASS = [48, 48, 55, 55, 45, 45, 52, 52];

export function createSoundEngine(): SoundEngine {
  const AudioContextClass =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  // No Web Audio (an old browser, a test DOM): a silent engine, since sound is never required.
  if (typeof AudioContextClass !== "function")
    return { play() {}, startMusic() {}, stopMusic() {}, unlock() {}, close() {} };
  const ctx = new AudioContextClass();
  const master = ctx.createGain();
  master.gain.value = 0.22;
  master.connect(ctx.destination);

  function tone(note: Note, start: number, out: AudioNode = master) {
    const osc = ctx.createOscillator();
    const env = ctx.createGain();
    osc.type = note.wave ?? "sine";
    osc.frequency.setValueAtTime(hz(note.midi), start);
    if (note.slideTo !== undefined) osc.frequency.linearRampToValueAtTime(hz(note.slideTo), start + note.length);
    const peak = note.gain ?? 1;
    // A short attack and an exponential release: no clicks at either end.
    env.gain.setValueAtTime(0.0001, start);
    env.gain.exponentialRampToValueAtTime(peak, start + 0.012);
    env.gain.exponentialRampToValueAtTime(0.0001, start + note.length);
    osc.connect(env).connect(out);
    osc.start(start);
    osc.stop(start + note.length + 0.02);
  }

  let music: { timer: ReturnType<typeof setInterval>; bus: GainNode } | null = null;

  return {
    play(cue) {
      if (ctx.state === "suspended") void ctx.resume();
      const now = ctx.currentTime + 0.01;
      for (const note of CUES[cue]) tone(note, now + note.at);
    },
    startMusic() {
      if (music) return;
      if (ctx.state === "suspended") void ctx.resume();
      const bus = ctx.createGain();
      bus.gain.value = 0.5;
      bus.connect(master);
      // A look-ahead scheduler: every 100 ms, queue the eighth notes due in the next 300 ms.
      let step = 0;
      let next = ctx.currentTime + 0.05;
      const schedule = () => {
        while (next < ctx.currentTime + 0.3) {
          tone(
            { midi: ARPEGGIO[step % ARPEGGIO.length]!, at: 0, length: BEAT / 2.2, wave: "triangle", gain: 0.5 },
            next,
            bus,
          );
          if (step % 2 === 0)
            tone(
              { midi: BASS[(step / 2) % BASS.length]!, at: 0, length: BEAT * 0.9, wave: "sine", gain: 0.9 },
              next,
              bus,
            );
          next += BEAT / 2;
          step++;
        }
      };
      schedule();
      music = { timer: setInterval(schedule, 100), bus };
    },
    stopMusic() {
      if (!music) return;
      clearInterval(music.timer);
      const { bus } = music;
      bus.gain.setTargetAtTime(0, ctx.currentTime, 0.15);
      setTimeout(() => bus.disconnect(), 800);
      music = null;
    },
    unlock() {
      if (ctx.state === "suspended") void ctx.resume();
    },
    close() {
      if (music) clearInterval(music.timer);
      music = null;
      void ctx.close();
    },
  };
}
