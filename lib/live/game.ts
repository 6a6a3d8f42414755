// The live game as a pure state machine (issue 14): lobby → question N open →
// reveal → leaderboard (if shown) → … → podium. The server stores a LiveState
// and moves it only through `applyMove`, which refuses an illegal move with the
// reason; the store (lib/server/live/) writes the result under a version check.
// Host moves: start, next, skip, pause, resume, end, lock/unlock, show/hide the board.
// Clock moves: time-up (the deadline passed) and all-answered.

export const LIVE_PHASES = ["lobby", "question", "reveal", "leaderboard", "podium"] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];

export interface LiveState {
  phase: LivePhase;
  /** The current question, 0-based; -1 in the lobby. */
  questionIndex: number;
  questionCount: number;
  phaseStartedAt: Date;
  /** When the open question's time is up; null outside a question and while paused. */
  deadline: Date | null;
  /** While paused: what the question had left. */
  pausedRemainingMs: number | null;
  locked: boolean;
  /** Show the leaderboard after each reveal. */
  showLeaderboard: boolean;
  version: number;
}

export const HOST_MOVES = [
  "start",
  "next",
  "skip",
  "pause",
  "resume",
  "end",
  "lock",
  "unlock",
  "show-leaderboard",
  "hide-leaderboard",
] as const;
export type HostMove = (typeof HOST_MOVES)[number];
export type ClockMove = "time-up" | "all-answered";
export type LiveMove = HostMove | ClockMove;

export type MoveResult = { ok: true; state: LiveState } | { ok: false; reason: string };

export function isHostMove(value: unknown): value is HostMove {
  return typeof value === "string" && (HOST_MOVES as readonly string[]).includes(value);
}

/** The state a new game starts in. */
export function lobbyState(questionCount: number, now: Date, showLeaderboard = true): LiveState {
  return {
    phase: "lobby",
    questionIndex: -1,
    questionCount,
    phaseStartedAt: now,
    deadline: null,
    pausedRemainingMs: null,
    locked: false,
    showLeaderboard,
    version: 0,
  };
}

/** Milliseconds the open question has left at `now` (frozen while paused; 0 outside a question). */
export function remainingMs(state: LiveState, now: Date): number {
  if (state.phase !== "question") return 0;
  if (state.pausedRemainingMs !== null) return state.pausedRemainingMs;
  if (!state.deadline) return 0;
  return Math.max(0, state.deadline.getTime() - now.getTime());
}

/** The server-measured time into the open question: what the score's speed factor reads. */
export function elapsedMs(state: LiveState, limitSeconds: number, now: Date): number {
  return Math.max(0, limitSeconds * 1000 - remainingMs(state, now));
}

/** Whether the open question's clock is paused (answers wait until it resumes). */
export function isPaused(state: LiveState): boolean {
  return state.phase === "question" && state.pausedRemainingMs !== null;
}

/**
 * Whether an answer to question `index` is accepted at `now`: only while that question
 * is open, its clock running (not paused: the host has stopped the room) and in time.
 */
export function acceptsAnswer(state: LiveState, index: number, now: Date): boolean {
  return state.phase === "question" && state.questionIndex === index && !isPaused(state) && remainingMs(state, now) > 0;
}

/** Whether the clock should close the question at `now`. */
export function timeIsUp(state: LiveState, now: Date): boolean {
  return (
    state.phase === "question" &&
    state.pausedRemainingMs === null &&
    state.deadline !== null &&
    now.getTime() >= state.deadline.getTime()
  );
}

const refuse = (reason: string): MoveResult => ({ ok: false, reason });

/**
 * Applies `move` at `now` with `limitSeconds` per question. Every accepted move
 * returns a new state with the version one higher; a refused one says why.
 */
export function applyMove(state: LiveState, move: LiveMove, now: Date, limitSeconds: number): MoveResult {
  const to = (patch: Partial<LiveState>): MoveResult => ({
    ok: true,
    state: { ...state, ...patch, version: state.version + 1 },
  });
  const phaseTo = (phase: LivePhase, patch: Partial<LiveState> = {}) =>
    to({ phase, phaseStartedAt: now, deadline: null, pausedRemainingMs: null, ...patch });
  const openQuestion = (index: number) =>
    index >= state.questionCount
      ? phaseTo("podium")
      : phaseTo("question", { questionIndex: index, deadline: new Date(now.getTime() + limitSeconds * 1000) });
  const { phase } = state;

  if (phase === "podium") return refuse("The game is over.");
  switch (move) {
    case "start":
      if (phase !== "lobby") return refuse("The game has already started.");
      if (state.questionCount < 1) return refuse("This game has no questions.");
      return openQuestion(0);
    case "next":
      if (phase === "lobby") return refuse("Start the game first.");
      if (phase === "question") return phaseTo("reveal");
      if (phase === "reveal" && state.showLeaderboard) return phaseTo("leaderboard");
      return openQuestion(state.questionIndex + 1);
    case "skip":
      if (phase !== "question") return refuse("Only an open question can be skipped.");
      return openQuestion(state.questionIndex + 1);
    case "pause":
      if (phase !== "question") return refuse("Only an open question's clock can be paused.");
      if (state.pausedRemainingMs !== null) return refuse("The clock is already paused.");
      return to({ pausedRemainingMs: remainingMs(state, now), deadline: null });
    case "resume":
      if (phase !== "question" || state.pausedRemainingMs === null) return refuse("The clock is not paused.");
      return to({ deadline: new Date(now.getTime() + state.pausedRemainingMs), pausedRemainingMs: null });
    case "end":
      return phaseTo("podium");
    case "lock":
      if (state.locked) return refuse("The game is already locked.");
      return to({ locked: true });
    case "unlock":
      if (!state.locked) return refuse("The game is not locked.");
      return to({ locked: false });
    case "show-leaderboard":
      if (state.showLeaderboard) return refuse("The leaderboard is already shown.");
      return to({ showLeaderboard: true });
    case "hide-leaderboard":
      if (!state.showLeaderboard) return refuse("The leaderboard is already hidden.");
      return to({ showLeaderboard: false });
    case "time-up":
      if (!timeIsUp(state, now)) return refuse("The question's time is not up.");
      return phaseTo("reveal");
    case "all-answered":
      if (phase !== "question") return refuse("No question is open.");
      return phaseTo("reveal");
  }
}
