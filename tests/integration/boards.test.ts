// The leaderboards' own rows (LeaderboardEntry), kept by the play store as attempts finish:
// after quizzes played through the real path, each board equals one recomputed from the
// stored answers (moderated players left out), and the migration's backfill builds the same rows.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { rankBestAttempts, weekKey, type FinishedAttempt } from "@/lib/play/leaderboard";
import { at, type AppContext } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { assignmentLeaderboard, practiceLeaderboard } from "@/lib/server/play/leaderboards";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { playAgain } from "@/lib/server/play/play-again";
import { findPlayer } from "@/lib/server/play/player";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { startPractice } from "@/lib/server/play/start-attempt";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import { questionSchema } from "@/lib/quiz/question";
import { describeEachDatabase, type Provider } from "../helpers/test-databases";

const lastWeek = new Date("2026-02-25T09:00:00Z"); // a Wednesday
const thisWeek = new Date("2026-03-03T09:00:00Z"); // the Tuesday after
const now = new Date("2026-03-04T12:00:00Z");

let rng = 7;
const random = () => (rng = (rng * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

/** Plays an attempt to its end from `start`: each question served, then answered (right or wrong, fast or slow). */
async function playThrough(ctx: AppContext, attemptId: string, playerId: string, start: Date): Promise<Date> {
  let t = start.getTime();
  for (;;) {
    let served;
    try {
      served = await serveCurrentQuestion(at(ctx, new Date(t)), attemptId, playerId);
    } catch {
      return new Date(t); // finished
    }
    const row = await ctx.db.attemptQuestion.findUniqueOrThrow({
      where: { attemptId_position: { attemptId, position: served.position } },
    });
    const q = questionSchema.parse(JSON.parse(row.question));
    const right = random() < 0.6;
    const response =
      q.type === "timeline"
        ? right
          ? q.answer
          : [...q.answer].reverse()
        : right
          ? q.answer
          : q.options.find((o) => o.id !== q.answer)!.id;
    // Some answers share a time to the millisecond, so scores and finishes tie.
    t += random() < 0.3 ? 2000 : 1000 + Math.floor(random() * 20_000);
    await submitAnswer(at(ctx, new Date(t)), { attemptId, playerId, position: served.position, response });
  }
}

/** The board as recomputed from the stored answers: each finished attempt's points, each player's best. */
async function recomputed(
  ctx: AppContext,
  where: { assignmentId?: string; mode?: string; finishedAt?: { gte: Date } },
  excluded: string[] = [],
): Promise<FinishedAttempt[]> {
  const attempts = await ctx.db.attempt.findMany({
    where: { ...where, status: "finished", playerId: { notIn: excluded } },
    select: {
      id: true,
      playerId: true,
      questionCount: true,
      finishedAt: true,
      player: { select: { nickname: true } },
      answers: { select: { points: true, correct: true } },
    },
  });
  return rankBestAttempts(
    attempts.map((a) => ({
      attemptId: a.id,
      playerId: a.playerId,
      nickname: a.player.nickname,
      score: a.answers.reduce((sum, w) => sum + w.points, 0),
      correctCount: a.answers.filter((w) => w.correct).length,
      questionCount: a.questionCount,
      finishedAt: a.finishedAt!,
    })),
    100,
  );
}

/** The migration's backfill statement for `provider` (everything after its "-- Backfill" line). */
function backfillSql(provider: Provider): string {
  const dir = path.join(process.cwd(), "prisma", provider, "migrations");
  const folder = readdirSync(dir).find((f) => f.endsWith("_leaderboard_entries"))!;
  const text = readFileSync(path.join(dir, folder, "migration.sql"), "utf8");
  return text.slice(text.indexOf("-- Backfill")).split("\n").slice(1).join("\n");
}

describeEachDatabase("leaderboard rows", (current) => {
  it("equal boards recomputed from the stored answers, after quizzes played through the play path", async () => {
    const ctx = current();
    const { db } = ctx;
    const assignment = await insertAssignment(ctx, { code: "TRK749", settings: { count: 3, attemptsAllowed: null } });
    const players: { id: string; attemptId: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const started = await joinAssignment(at(ctx, thisWeek), { code: "TRK749", nickname: `Class ${i}`, player: null });
      const player = (await findPlayer(ctx, started.newCookie))!;
      let attemptId = started.attemptId;
      let t = await playThrough(ctx, attemptId, player.id, new Date(thisWeek.getTime() + i * 1000));
      for (let again = 0; again < i % 3; again++) {
        attemptId = (await playAgain(at(ctx, t), { attemptId, player })).attemptId;
        t = await playThrough(ctx, attemptId, player.id, t);
      }
      players.push({ id: player.id, attemptId });
    }
    for (let i = 0; i < 3; i++) {
      const started = await startPractice(at(ctx, lastWeek), {
        nickname: `Practice ${i}`,
        player: null,
        topic: "kazakhstan-2022",
      });
      const player = (await findPlayer(ctx, started.newCookie))!;
      const t = await playThrough(ctx, started.attemptId, player.id, new Date(lastWeek.getTime() + i * 7000));
      if (i === 2) continue; // played last week only
      const next = await playAgain(at(ctx, thisWeek), { attemptId: started.attemptId, player });
      await playThrough(ctx, next.attemptId, player.id, new Date(Math.max(t.getTime(), thisWeek.getTime())));
    }
    // The teacher hides one player and removes another: both leave the board, not its rows.
    await db.assignmentPlayer.create({ data: { assignmentId: assignment.id, playerId: players[1]!.id, hidden: true } });
    await db.assignmentPlayer.create({
      data: { assignmentId: assignment.id, playerId: players[4]!.id, removed: true },
    });

    const moderated = [players[1]!.id, players[4]!.id];
    const classBoard = await assignmentLeaderboard(at(ctx, now), "TRK749");
    expect(classBoard.entries).toHaveLength(6);
    expect(classBoard.entries).toEqual(await recomputed(ctx, { assignmentId: assignment.id }, moderated));
    const all = await practiceLeaderboard(at(ctx, now), "kazakhstan-2022", "all");
    expect(all.entries).toHaveLength(3);
    expect(all.entries).toEqual(await recomputed(ctx, { mode: "practice" }));
    const week = await practiceLeaderboard(at(ctx, now), "kazakhstan-2022", "week");
    expect(week.entries).toHaveLength(2);
    expect(week.entries).toEqual(
      await recomputed(ctx, { mode: "practice", finishedAt: { gte: new Date("2026-03-02T00:00:00Z") } }),
    );
    expect(weekKey(now)).toBe("2026-03-02");
    const lastWeekBoard = await ctx.store.leaderboard(`practice-week:kazakhstan-2022:2026-02-23`, 100, null);
    expect(lastWeekBoard).toHaveLength(3);

    // The migration's backfill, run over the same attempts, builds exactly the rows the play store kept.
    const rows = () => db.leaderboardEntry.findMany({ orderBy: [{ board: "asc" }, { playerId: "asc" }] });
    const kept = await rows();
    expect(kept.length).toBe(8 + 3 + 3 + 2);
    await db.leaderboardEntry.deleteMany();
    await db.$executeRawUnsafe(backfillSql(ctx.config.database.provider));
    expect(await rows()).toEqual(kept);
  });
});
