// Where a finished attempt stands: rank like the board, personal best, podium, attempts left.
import { expect, it } from "vitest";
import { at } from "@/lib/server/context";
import { insertAssignment } from "@/lib/server/fixtures";
import { getStanding } from "@/lib/server/play/standing";
import { finishedAttempt } from "../helpers/finished-attempts";
import { describeEachDatabase } from "../helpers/test-databases";

describeEachDatabase("standing", (current) => {
  const t = (m: number) => new Date(Date.UTC(2026, 2, 2, 10, m));

  it("ranks the player's best like the class board (ties to the earlier finish), with the top three", async () => {
    const ctx = current();
    const a = await insertAssignment(ctx, { code: "STD479", settings: { attemptsAllowed: 3 } });
    await finishedAttempt(ctx, "Cy", 7000, t(1), { assignmentId: a.id });
    await finishedAttempt(ctx, "Ben", 6500, t(2), { assignmentId: a.id });
    const ana = await finishedAttempt(ctx, "Ana", 4000, t(3), { assignmentId: a.id });
    const again = await finishedAttempt(ctx, "Ana", 6500, t(4), { assignmentId: a.id, playerId: ana.playerId });
    await finishedAttempt(ctx, "Dee", 100, t(5), { assignmentId: a.id });

    const standing = await getStanding(at(ctx, t(6)), again.attemptId);
    expect(standing.rank).toEqual({ place: 3, of: 4, scope: "in this quiz" });
    expect(standing).toMatchObject({ previousBest: 4000, newPersonalBest: true, attemptsLeft: 1 });
    expect(standing.podium).toEqual([
      { rank: 1, nickname: "Cy", score: 7000, you: false },
      { rank: 2, nickname: "Ben", score: 6500, you: false },
      { rank: 3, nickname: "Ana", score: 6500, you: true },
    ]);
    // The first attempt is not a personal best of its own: there was nothing before it.
    expect(
      await getStanding(at(ctx, t(8)), (await finishedAttempt(ctx, "Eve", 50, t(7), { assignmentId: a.id })).attemptId),
    ).toMatchObject({
      previousBest: null,
      newPersonalBest: false,
      rank: { place: 5, of: 5 },
    });
  });

  it("shows no rank or podium when the teacher hides the board, a rank only inside the top 10 when top10", async () => {
    const ctx = current();
    const hidden = await insertAssignment(ctx, { code: "STD473", settings: { leaderboard: "hidden" } });
    const mine = await finishedAttempt(ctx, "Hid", 500, t(1), { assignmentId: hidden.id });
    expect(await getStanding(at(ctx, t(2)), mine.attemptId)).toMatchObject({ rank: null, podium: [] });

    const top = await insertAssignment(ctx, { code: "STD497", settings: { leaderboard: "top10" } });
    for (let i = 0; i < 11; i++) await finishedAttempt(ctx, `T${i}`, 1000 + i, t(i), { assignmentId: top.id });
    const last = await finishedAttempt(ctx, "Last", 1, t(30), { assignmentId: top.id });
    expect((await getStanding(at(ctx, t(31)), last.attemptId)).rank).toBeNull();
    const first = await finishedAttempt(ctx, "First", 5000, t(31), { assignmentId: top.id });
    expect((await getStanding(at(ctx, t(32)), first.attemptId)).rank).toEqual({
      place: 1,
      of: 13,
      scope: "in this quiz",
    });
  });

  it("leaves hidden and removed players out of the count, and no attempt left once the quiz is closed", async () => {
    const ctx = current();
    const { db } = ctx;
    const a = await insertAssignment(ctx, { code: "STD347", closedAt: t(20) });
    const hiddenOne = await finishedAttempt(ctx, "Hidden", 9000, t(1), { assignmentId: a.id });
    await db.assignmentPlayer.create({ data: { assignmentId: a.id, playerId: hiddenOne.playerId, hidden: true } });
    const mine = await finishedAttempt(ctx, "Me", 100, t(2), { assignmentId: a.id });
    expect(await getStanding(at(ctx, t(21)), mine.attemptId)).toMatchObject({
      rank: { place: 1, of: 1 },
      attemptsLeft: 0,
    });
  });

  it("ranks practice against this week's players, with unlimited attempts", async () => {
    const ctx = current();
    const now = new Date("2027-01-06T12:00:00Z"); // a Wednesday no other test uses
    await finishedAttempt(ctx, "Last week", 9000, new Date("2027-01-03T12:00:00Z"));
    await finishedAttempt(ctx, "Better", 8000, new Date("2027-01-05T09:00:00Z"));
    const mine = await finishedAttempt(ctx, "Practiser", 5000, new Date("2027-01-06T11:00:00Z"));
    expect(await getStanding(at(ctx, now), mine.attemptId)).toMatchObject({
      rank: { place: 2, of: 2, scope: "this week" },
      attemptsLeft: null,
      podium: [{ nickname: "Better" }, { nickname: "Practiser", you: true }],
    });
  });

  it("gives a learn round no rank or podium: it is on no board", async () => {
    const ctx = current();
    const now = new Date("2027-01-13T12:00:00Z");
    await finishedAttempt(ctx, "Practice", 9000, new Date("2027-01-13T09:00:00Z"));
    const mine = await finishedAttempt(ctx, "Learner", 5000, new Date("2027-01-13T11:00:00Z"), { mode: "learn" });
    expect(await getStanding(at(ctx, now), mine.attemptId)).toMatchObject({ rank: null, podium: [] });
  });

  it("counts the board's rows, not the attempts: a player's many attempts are one place", async () => {
    const ctx = current();
    const a = await insertAssignment(ctx, { code: "STD743" });
    const busy = await finishedAttempt(ctx, "Busy", 100, t(1), { assignmentId: a.id });
    for (let i = 2; i < 8; i++)
      await finishedAttempt(ctx, "Busy", 100 + i, t(i), { assignmentId: a.id, playerId: busy.playerId });
    await finishedAttempt(ctx, "Top", 9000, t(9), { assignmentId: a.id });
    const mine = await finishedAttempt(ctx, "Me", 50, t(10), { assignmentId: a.id });
    expect((await getStanding(at(ctx, t(11)), mine.attemptId)).rank).toEqual({
      place: 3,
      of: 3,
      scope: "in this quiz",
    });
  });
});
