// What the live game's screens receive (issue 14). One `LiveView` per state change,
// the same for every screen of the game (host, projector, players), built once per
// instance and sent as one string; the host also gets the roster and the answered
// count; each player gets their own small `LiveMe`. Nothing here maps a question to
// its answer before the reveal.
import type { PublicQuestion, Question } from "../quiz/question";
import { toPublic } from "../quiz/question";
import type { LiveState } from "./game";
import type { RevealStats } from "./reveal";
import { TEAM_NAMES } from "./settings";
import { standingLine, type RankedPlayer, type TeamScore } from "./standings";

export interface BoardRow {
  rank: number;
  nickname: string;
  score: number;
  /** Places gained with the last question (negative: lost). */
  moved: number;
  team: string | null;
}

export interface LiveView {
  version: number;
  phase: LiveState["phase"];
  code: string;
  title: string;
  /** The current question, 0-based (-1 in the lobby), and how many there are. */
  index: number;
  count: number;
  limitSeconds: number;
  /** ISO; null outside a question and while paused. */
  deadline: string | null;
  pausedMs: number | null;
  locked: boolean;
  showLeaderboard: boolean;
  teams: number;
  players: number;
  question: PublicQuestion | null;
  reveal: {
    answer: string | string[];
    explanation: string;
    sources: Question["sources"];
    evidence: string[];
    stats: RevealStats;
  } | null;
  /** The top 5 (leaderboard and podium). */
  leaderboard: BoardRow[] | null;
  teamBoard: TeamScore[] | null;
}

export interface LiveMe {
  playerId: string;
  nickname: string;
  team: string | null;
  score: number;
  rank: number | null;
  of: number;
  /** "7th — 120 behind Aru". */
  line: string | null;
  streak: number;
  /** Whether they answered the current question (all a screen may know while it is open). */
  answered: boolean;
  /** Their result on the current question once it has closed: null when none was given, or still open. */
  last: { points: number; credit: number; correct: boolean } | null;
  /** The code another device of theirs rejoins with (only ever sent to this player's own screens). */
  rejoinCode: string | null;
}

export interface RosterEntry {
  playerId: string;
  nickname: string;
  team: string | null;
}

export const teamName = (team: number | null) => (team === null ? null : (TEAM_NAMES[team] ?? `Team ${team + 1}`));

export function buildView(input: {
  state: LiveState;
  code: string;
  title: string;
  limitSeconds: number;
  teams: number;
  questions: Question[];
  ranked: RankedPlayer[];
  teamBoard: TeamScore[] | null;
  stats: RevealStats | null;
}): LiveView {
  const { state } = input;
  const q = state.questionIndex >= 0 ? (input.questions[state.questionIndex] ?? null) : null;
  const showsQuestion = state.phase === "question" || state.phase === "reveal" || state.phase === "leaderboard";
  const revealed = (state.phase === "reveal" || state.phase === "leaderboard") && q && input.stats;
  const board = state.phase === "leaderboard" || state.phase === "podium";
  return {
    version: state.version,
    phase: state.phase,
    code: input.code,
    title: input.title,
    index: state.questionIndex,
    count: state.questionCount,
    limitSeconds: input.limitSeconds,
    deadline: state.deadline?.toISOString() ?? null,
    pausedMs: state.pausedRemainingMs,
    locked: state.locked,
    showLeaderboard: state.showLeaderboard,
    teams: input.teams,
    players: input.ranked.length,
    question: showsQuestion && q ? toPublic(q) : null,
    reveal: revealed
      ? {
          answer: q.answer,
          explanation: q.explanation,
          sources: q.sources,
          evidence: q.evidence,
          stats: input.stats!,
        }
      : null,
    // The podium shows only those who scored: nobody stands on it for 0 points.
    leaderboard: board
      ? input.ranked
          .filter((p) => state.phase !== "podium" || p.score > 0)
          .slice(0, 5)
          .map((p) => ({
            rank: p.rank,
            nickname: p.nickname,
            score: p.score,
            moved: state.phase === "podium" ? 0 : p.previousRank - p.rank,
            team: teamName(p.team),
          }))
      : null,
    teamBoard: board ? (input.teamBoard?.filter((t) => state.phase !== "podium" || t.score > 0) ?? null) : null,
  };
}

/** What the podium says when every player ended on 0 points. */
export const NOBODY_SCORED = "Nobody scored this time, so there is no podium.";

/** Each player's own line, from the same ranking. */
export function buildMe(
  ranked: (RankedPlayer & {
    streak: number;
    answer: { points: number; credit: number } | null;
    rejoinCode: string | null;
  })[],
  state: LiveState,
): Map<string, LiveMe> {
  const me = new Map<string, LiveMe>();
  const afterQuestion = state.phase === "reveal" || state.phase === "leaderboard" || state.phase === "podium";
  // A game nobody scored in has no winner: no one "finished 1st".
  const nobodyScored = state.phase === "podium" && ranked.every((p) => p.score === 0);
  for (const p of ranked) {
    me.set(p.playerId, {
      playerId: p.playerId,
      nickname: p.nickname,
      team: teamName(p.team),
      score: p.score,
      rank: state.phase === "lobby" || nobodyScored ? null : p.rank,
      of: ranked.length,
      line: nobodyScored ? NOBODY_SCORED : afterQuestion ? standingLine(ranked, p.playerId) : null,
      streak: p.streak,
      answered: p.answer !== null,
      last:
        afterQuestion && p.answer
          ? { points: p.answer.points, credit: p.answer.credit, correct: p.answer.credit === 1 }
          : null,
      rejoinCode: p.rejoinCode,
    });
  }
  return me;
}
