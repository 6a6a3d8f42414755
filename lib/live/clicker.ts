// A presenter's clicker on the host's screen: Space, → or Page Down moves the game on. A
// clicker often sends a press twice; the second must not end the question the first one
// opened. Only a press within a second of the previous press (or of the question opening
// on this screen) is taken for that double press — a deliberate press a moment later
// reveals the answer, so the teacher never presses into a silence.

/** How close a second press must come to count as the same press, in milliseconds. */
export const DOUBLE_PRESS_MS = 1000;

export const DOUBLE_PRESS_MESSAGE = "Pressed twice? Press again to reveal the answer.";

/**
 * Whether a key press is a double press to swallow: only while a question is open, and only
 * within DOUBLE_PRESS_MS of the previous key press or of the phase change this screen saw.
 */
export function isDoublePress(input: {
  phase: string;
  now: number;
  lastPressAt: number;
  changedAt: number;
  guardMs?: number;
}): boolean {
  if (input.phase !== "question") return false;
  return input.now - Math.max(input.lastPressAt, input.changedAt) < (input.guardMs ?? DOUBLE_PRESS_MS);
}
