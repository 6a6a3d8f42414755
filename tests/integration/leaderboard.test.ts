// Leaderboards: best attempt per player, ties to the earlier finish, weekly window —
// and the reads are served by an index in order (query plans checked on each database).
// Attempts here are finished by hand, so each is posted to its boards as the play store
// posts an attempt its last answer finishes (tests/integration/boards.test.ts plays them).
import { expect, it } from "vitest";
import { at } from "@/lib/server/context";
import type { AppContext } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { assignmentLeaderboard, practiceLeaderboard } from "@/lib/server/play/leaderboards";
import { BOARD_SELECT } from "@/lib/server/play/store/sql";
import { finishedAttempt } from "../helpers/finished-attempts";
import { describeEachDatabase, type Provider } from "../helpers/test-databases";

async function plan(db: AppContext["db"], provider: Provider, sql: string, params: unknown[]): Promise<string> {
  if (provider === "sqlite") {
    const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
    return rows.map((r) => r.detail).join("\n");
  }
  // The tables are tiny, so make the planner show whether the index *can* serve the query, in
  // order: with sorting discouraged, a Sort still appears if no index gives the order.
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN ${sql.replaceAll(
        "?",
        (() => {
          let i = 0;
          return () => `$${++i}`;
        })(),
      )}`,
      ...params,
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describeEachDatabase("leaderboards", (current) => {
  it("ranks each player's best attempt, earlier finish first on a tie, with the assignment's visibility", async () => {
    const a = await insertAssignment(current(), { code: "TRK479", settings: { leaderboard: "full" } });
    const t = (m: number) => new Date(Date.UTC(2026, 2, 2, 10, m));
    const { playerId: ana } = await finishedAttempt(current(), "Ana", 4000, t(1), { assignmentId: a.id });
    await finishedAttempt(current(), "Ana", 6500, t(9), { assignmentId: a.id, playerId: ana });
    await finishedAttempt(current(), "Ben", 6500, t(5), { assignmentId: a.id });
    await finishedAttempt(current(), "Cy", 7000, t(7), { assignmentId: a.id });
    await finishedAttempt(current(), "Practice only", 9999, t(2));
    const board = await assignmentLeaderboard(current(), "TRK479");
    expect(board.entries.map((e) => [e.rank, e.nickname, e.score])).toEqual([
      [1, "Cy", 7000],
      [2, "Ben", 6500],
      [3, "Ana", 6500],
    ]);
  });

  it("shows only the top 10, or nothing, when the teacher says so", async () => {
    const top = await insertAssignment(current(), { code: "TRK473", settings: { leaderboard: "top10" } });
    const hidden = await insertAssignment(current(), { code: "TRK497", settings: { leaderboard: "hidden" } });
    for (let i = 0; i < 12; i++) {
      await finishedAttempt(current(), `P${i}`, i * 100, new Date(), { assignmentId: top.id });
      await finishedAttempt(current(), `H${i}`, i * 100, new Date(), { assignmentId: hidden.id });
    }
    expect((await assignmentLeaderboard(current(), "TRK473")).entries).toHaveLength(10);
    expect(await assignmentLeaderboard(current(), "TRK497")).toMatchObject({ visibility: "hidden", entries: [] });
  });

  it("keeps this week's practice board to attempts since Monday", async () => {
    const now = new Date("2026-03-04T12:00:00Z"); // a Wednesday
    await finishedAttempt(current(), "Last week", 8000, new Date("2026-03-01T12:00:00Z"));
    await finishedAttempt(current(), "This week", 3000, new Date("2026-03-02T08:00:00Z"));
    const week = await practiceLeaderboard(at(current(), now), "kazakhstan-2022", "week");
    const all = await practiceLeaderboard(at(current(), now), "kazakhstan-2022", "all");
    expect(week.entries.map((e) => e.nickname)).toContain("This week");
    expect(week.entries.map((e) => e.nickname)).not.toContain("Last week");
    expect(all.entries.map((e) => e.nickname)).toEqual(expect.arrayContaining(["This week", "Last week"]));
  });

  it("reads the assignment board through its index, in order, without a sort step", async () => {
    const { db, config } = current();
    const text = await plan(
      db,
      config.database.provider,
      `SELECT "id", "playerId", "score", "finishedAt" FROM "Attempt" WHERE "assignmentId" = ? AND "status" = ? ORDER BY "score" DESC, "finishedAt" ASC, "id" ASC LIMIT 200`,
      ["x", "finished"],
    );
    expect(text).toMatch(/Attempt_assignmentId_status_score_finishedAt_id_idx/);
    expect(text).not.toMatch(/TEMP B-TREE|Sort/i);
  });

  it("reads the practice board through its index, in order, without a sort step", async () => {
    const { db, config } = current();
    const text = await plan(
      db,
      config.database.provider,
      `SELECT "id", "playerId", "score", "finishedAt" FROM "Attempt" WHERE "topic" = ? AND "mode" = ? AND "status" = ? ORDER BY "score" DESC, "finishedAt" ASC, "id" ASC LIMIT 200`,
      ["kazakhstan-2022", "practice", "finished"],
    );
    expect(text).toMatch(/Attempt_topic_mode_status_score_finishedAt_id_idx/);
    expect(text).not.toMatch(/TEMP B-TREE|Sort/i);
  });

  it("reads a board as one range of its index, in order, without a sort step", async () => {
    const { db, config } = current();
    const text = await plan(db, config.database.provider, BOARD_SELECT, ["assignment:x", "x", 100]);
    expect(text).toMatch(/LeaderboardEntry_board_score_finishedAt_attemptId_idx/);
    expect(text).not.toMatch(/TEMP B-TREE|Sort/i);
  });
});
