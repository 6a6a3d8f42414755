// Ranking: a player's best finished attempt counts; ties go to whoever finished first.

export interface FinishedAttempt {
  attemptId: string;
  playerId: string;
  nickname: string;
  score: number;
  correctCount: number;
  questionCount: number;
  finishedAt: Date;
}

export interface LeaderboardEntry extends FinishedAttempt {
  rank: number;
}

/** A leaderboard as served: its title, what the teacher lets students see, and the ranked entries. */
export interface Board {
  title: string;
  visibility: "full" | "top10" | "hidden";
  entries: LeaderboardEntry[];
}

export function compareAttempts(a: FinishedAttempt, b: FinishedAttempt): number {
  return b.score - a.score || a.finishedAt.getTime() - b.finishedAt.getTime() || a.attemptId.localeCompare(b.attemptId);
}

export function rankBestAttempts(attempts: readonly FinishedAttempt[], limit = Infinity): LeaderboardEntry[] {
  const seen = new Set<string>();
  const ranked: LeaderboardEntry[] = [];
  for (const attempt of [...attempts].sort(compareAttempts)) {
    if (seen.has(attempt.playerId)) continue;
    seen.add(attempt.playerId);
    ranked.push({ ...attempt, rank: ranked.length + 1 });
    if (ranked.length >= limit) break;
  }
  return ranked;
}

/** The week's name on a board: its Monday (UTC), YYYY-MM-DD. */
export function weekKey(at: Date): string {
  return startOfWeek(at).toISOString().slice(0, 10);
}

/** Start of the leaderboard week: Monday 00:00 UTC. */
export function startOfWeek(now: Date): Date {
  const day = (now.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
}
