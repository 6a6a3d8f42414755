// What the teacher's dashboard shows live (pure): per student their latest attempt —
// question x of N or finished — their best score, and the totals.
export interface ProgressAttempt {
  playerId: string;
  nickname: string;
  status: string;
  score: number;
  answeredCount: number;
  questionCount: number;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface ProgressRow {
  playerId: string;
  nickname: string;
  /** The question the student is on (1-based), or null once their latest attempt is finished. */
  onQuestion: number | null;
  questionCount: number;
  /** The latest attempt's score so far. */
  score: number;
  /** The best finished attempt's score. */
  bestScore: number | null;
  attempts: number;
  finished: boolean;
}

export interface LiveProgress {
  joined: number;
  playing: number;
  finished: number;
  students: ProgressRow[];
  at: string;
}

export function liveProgress(attempts: readonly ProgressAttempt[], now: Date): LiveProgress {
  const byPlayer = new Map<string, ProgressRow>();
  const sorted = [...attempts].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  for (const a of sorted) {
    const previous = byPlayer.get(a.playerId);
    const finished = a.status === "finished";
    const best = finished ? Math.max(a.score, previous?.bestScore ?? 0) : (previous?.bestScore ?? null);
    byPlayer.set(a.playerId, {
      playerId: a.playerId,
      nickname: a.nickname,
      onQuestion: finished ? null : Math.min(a.answeredCount + 1, a.questionCount),
      questionCount: a.questionCount,
      score: a.score,
      bestScore: best,
      attempts: (previous?.attempts ?? 0) + 1,
      finished,
    });
  }
  const students = [...byPlayer.values()].sort(
    (a, b) => a.nickname.localeCompare(b.nickname) || a.playerId.localeCompare(b.playerId),
  );
  return {
    joined: students.length,
    playing: students.filter((s) => !s.finished).length,
    finished: students.filter((s) => s.finished).length,
    students,
    at: now.toISOString(),
  };
}

/** For the projector: the same view with every score zeroed out (nothing to read off the wall). */
export function withoutScores(progress: LiveProgress): LiveProgress {
  return { ...progress, students: progress.students.map((s) => ({ ...s, score: 0, bestScore: null })) };
}
