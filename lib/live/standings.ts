// Standings of a live game, from one read of every player's score: ranks (ties share
// a place), who moved up since the last question, "120 behind Aru", and team scores
// (a team's score is the average of its members', so a big team gains no edge).
import { ordinal } from "../play/verdict";
import { TEAM_NAMES } from "./settings";

export interface PlayerScore {
  playerId: string;
  nickname: string;
  score: number;
  /** Points from the current question (0 when unanswered). */
  lastPoints: number;
  team: number | null;
  joinedAt: Date;
}

export interface RankedPlayer extends PlayerScore {
  rank: number;
  /** Rank before the current question's points. */
  previousRank: number;
}

export interface TeamScore {
  team: number;
  name: string;
  members: number;
  /** Average of the members' scores, rounded. */
  score: number;
  rank: number;
}

function rankBy<T>(rows: T[], score: (row: T) => number, tie: (a: T, b: T) => number): Map<T, number> {
  const sorted = [...rows].sort((a, b) => score(b) - score(a) || tie(a, b));
  const ranks = new Map<T, number>();
  sorted.forEach((row, i) => {
    const prev = sorted[i - 1];
    ranks.set(row, prev && score(prev) === score(row) ? ranks.get(prev)! : i + 1);
  });
  return ranks;
}

const byJoin = (a: PlayerScore, b: PlayerScore) =>
  a.joinedAt.getTime() - b.joinedAt.getTime() || a.nickname.localeCompare(b.nickname);

/** Everyone ranked, best first; equal scores share a place (listed by who joined first). */
export function rankPlayers(players: PlayerScore[]): RankedPlayer[] {
  const now = rankBy(players, (p) => p.score, byJoin);
  const before = rankBy(players, (p) => p.score - p.lastPoints, byJoin);
  return players
    .map((p) => ({ ...p, rank: now.get(p)!, previousRank: before.get(p)! }))
    .sort((a, b) => a.rank - b.rank || byJoin(a, b));
}

/** Teams ranked by their members' average score. */
export function rankTeams(players: PlayerScore[], teamCount: number): TeamScore[] {
  const teams = Array.from({ length: teamCount }, (_, team) => {
    const members = players.filter((p) => p.team === team);
    const total = members.reduce((sum, p) => sum + p.score, 0);
    return {
      team,
      name: TEAM_NAMES[team] ?? `Team ${team + 1}`,
      members: members.length,
      score: members.length ? Math.round(total / members.length) : 0,
      rank: 0,
    };
  });
  const ranks = rankBy(
    teams,
    (t) => t.score,
    (a, b) => a.team - b.team,
  );
  return teams.map((t) => ({ ...t, rank: ranks.get(t)! })).sort((a, b) => a.rank - b.rank || a.team - b.team);
}

const points = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "point" : "points"}`;

/** "Bek", "Bek and Dana", "Bek, Dana and Erlan", "Bek, Dana and 3 others". */
function names(list: string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  if (list.length > 3) return `${list.slice(0, 2).join(", ")} and ${list.length - 2} others`;
  return `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

/**
 * A player's place in words, after a question:
 * "7th — 120 points behind Aru", "1st — 40 points ahead of Aru", "1st" (alone in the game),
 * "Joint 1st with Bek", "Joint 2nd with Bek — 300 points behind Aru", "5th of 5 — 20 points
 * behind Dana" (last, said plainly), "No one has scored yet" (everyone still on 0).
 */
export function standingLine(ranked: RankedPlayer[], playerId: string): string | null {
  const index = ranked.findIndex((p) => p.playerId === playerId);
  if (index < 0) return null;
  const me = ranked[index]!;
  const others = ranked.filter((p) => p.playerId !== playerId);
  if (others.length > 0 && ranked.every((p) => p.score === 0)) return "No one has scored yet";
  const level = others.filter((p) => p.score === me.score).map((p) => p.nickname);
  const ahead = ranked
    .slice(0, index)
    .reverse()
    .find((p) => p.score > me.score);
  const behind = ranked.slice(index + 1).find((p) => p.score < me.score);
  const last = !behind && level.length === 0 && ranked.length > 2;
  const place = level.length
    ? `Joint ${ordinal(me.rank)} with ${names(level)}`
    : last
      ? `${ordinal(me.rank)} of ${ranked.length}`
      : ordinal(me.rank);
  if (ahead) return `${place} — ${points(ahead.score - me.score)} behind ${ahead.nickname}`;
  if (level.length || !behind) return place;
  return `${place} — ${points(me.score - behind.score)} ahead of ${behind.nickname}`;
}
