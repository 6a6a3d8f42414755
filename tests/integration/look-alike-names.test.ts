// Issue 13, finding 10 (the rest): names are compared by their UTS #39 skeleton within an assignment, a
// live game and a class roster, so "Аlice" (Cyrillic А) or "𝐀lice" beside "Alice" is refused with a 409
// (a form error on the roster). The unique index on the skeleton is the judge of a race, on each
// database; rows from before skeletons are filled at start-up, oldest first, and their players play on.
import { expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { nameSkeleton } from "@/lib/name-skeleton";
import { insertAssignment } from "@/lib/server/fixtures";
import { joinLiveGame } from "@/lib/server/live/games";
import { fillNameSkeletons } from "@/lib/server/name-skeletons";
import { joinAssignment } from "@/lib/server/play/join-assignment";
import { findPlayer } from "@/lib/server/play/player";
import { addStudents } from "@/lib/server/teacher/students";
import { hostedLiveGame, teacherWithClass } from "../helpers/live-games";
import { describeEachDatabase } from "../helpers/test-databases";

const CYRILLIC_ALICE = "\u0410lice";
const BOLD_ALICE = "\u{1D400}lice";
const LOOKS_TAKEN = "That name looks like one already taken — pick another.";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      return error;
    },
  );

describeEachDatabase("look-alike names", (current) => {
  it("an assignment refuses a nickname that looks like a player's (Cyrillic, mathematical letters), creating nothing", async () => {
    const { db } = current();
    const assignment = await insertAssignment(current(), { code: "NKA347" });
    const alice = await joinAssignment(current(), { code: "NKA347", nickname: "Alice", player: null });
    const [players, attempts] = [await db.player.count(), await db.attempt.count()];
    for (const [nickname, message] of [
      [CYRILLIC_ALICE, LOOKS_TAKEN],
      ["Ali\u0441e", LOOKS_TAKEN],
      ["AIice", LOOKS_TAKEN],
      // NFKC makes it "Alice" itself.
      [BOLD_ALICE, "Someone in this quiz is already called Alice. Pick another name."],
    ] as const) {
      const refused = await failure(joinAssignment(current(), { code: "NKA347", nickname, player: null }));
      expect([refused.status, refused.code, refused.message], nickname).toEqual([409, "nickname_taken", message]);
      expect(refused.details?.suggestion, nickname).toMatch(/ \d\d$/);
    }
    expect([await db.player.count(), await db.attempt.count()]).toEqual([players, attempts]);
    // The skeleton is stored: one row per player in the assignment, Alice's.
    expect(await db.assignmentName.findMany({ where: { assignmentId: assignment.id } })).toEqual([
      expect.objectContaining({ playerId: (await findPlayer(current(), alice.newCookie))!.id, skeleton: "Alice" }),
    ]);
    // Names a reader tells apart still join: another letter, another case.
    for (const nickname of ["Alina", "alice"])
      await expect(joinAssignment(current(), { code: "NKA347", nickname, player: null })).resolves.toMatchObject({
        resumed: false,
      });
  });

  it("an assignment lets one of several look-alike names that join at once in, on any database (the index judges)", async () => {
    const { db } = current();
    const assignment = await insertAssignment(current(), { code: "NKR347", settings: { attemptsAllowed: null } });
    const players = await db.player.count();
    const results = await Promise.allSettled(
      ["Alice", CYRILLIC_ALICE, "Ali\u0441e", "AIice", "A1ice", "\u0391lice"].map((nickname) =>
        joinAssignment(current(), { code: "NKR347", nickname, player: null }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ status: 409, code: "nickname_taken" });
    expect(await db.assignmentName.count({ where: { assignmentId: assignment.id } })).toBe(1);
    expect(await db.attempt.count({ where: { assignmentId: assignment.id } })).toBe(1);
    // The losers' players were not kept.
    expect(await db.player.count()).toBe(players + 1);
    // The same browser joining twice at once is one player with one name, not a clash with itself.
    const winner = results.find((r) => r.status === "fulfilled")!.value;
    const me = (await findPlayer(current(), winner.newCookie))!;
    await db.attempt.update({ where: { id: winner.attemptId }, data: { status: "finished", finishedAt: new Date() } });
    const again = await Promise.all(
      [1, 2].map(() => joinAssignment(current(), { code: "NKR347", nickname: me.nickname, player: me })),
    );
    expect(again.map((j) => j.newCookie)).toEqual([null, null]);
  });

  it("a live game refuses a look-alike nickname, and of a racing pair lets one in", async () => {
    const ctx = current();
    const { code, gameId } = await hostedLiveGame(ctx);
    const join = (nickname: string) => joinLiveGame(ctx, { code, nickname, player: null });
    await join("Dana");
    const refused = await failure(join("D\u0430na"));
    expect([refused.status, refused.code, refused.message]).toEqual([409, "nickname_taken", LOOKS_TAKEN]);
    expect(await ctx.db.livePlayer.findMany({ where: { gameId }, select: { nicknameSkeleton: true } })).toEqual([
      { nicknameSkeleton: nameSkeleton("Dana") },
    ]);
    const race = await Promise.allSettled(["Timur", "Tirnur", "T\u0456mur"].map(join));
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await ctx.db.livePlayer.count({ where: { gameId } })).toBe(2);
    expect(await ctx.db.attempt.count({ where: { assignment: { live: { id: gameId } } } })).toBe(2);
  });

  it("a roster refuses a name that looks like one on it or earlier in the list; the index holds without the check", async () => {
    const ctx = current();
    const { ownerId, classId } = await teacherWithClass(ctx);
    await addStudents(ctx, ownerId, classId, { names: "Alice\nAigerim" });
    const onRoster = await failure(addStudents(ctx, ownerId, classId, { names: `Bek\n${CYRILLIC_ALICE}` }));
    expect(onRoster.status).toBe(400);
    expect(onRoster.fieldErrors.names).toContain(
      `“${CYRILLIC_ALICE}” looks like Alice, already on the roster: change a letter so students can tell them apart.`,
    );
    const inList = await failure(addStudents(ctx, ownerId, classId, { names: "Bek\nB\u0435k" }));
    expect(inList.fieldErrors.names).toContain("“B\u0435k” looks like Bek, earlier in the list");
    expect(await ctx.db.student.count({ where: { classId } })).toBe(2);
    // A write that skipped the check (a race between two forms) meets the unique index.
    const sneaked = await ctx.db.student
      .create({
        data: {
          classroom: { connect: { id: classId } },
          name: CYRILLIC_ALICE,
          nameSkeleton: nameSkeleton(CYRILLIC_ALICE),
          codeCipher: "x",
          player: { create: { nickname: CYRILLIC_ALICE } },
        },
      })
      .catch((error: unknown) => error);
    expect(sneaked).toMatchObject({ code: "P2002" });
  });

  it("fills the skeletons of names from before, oldest first; a look-alike from then keeps playing, a new one is refused", async () => {
    const ctx = current();
    const { db } = ctx;
    const assignment = await insertAssignment(ctx, { code: "NKF347", settings: { attemptsAllowed: null } });
    // Two players who joined before names were compared: as the migration left them, no skeletons.
    const first = await joinAssignment(ctx, { code: "NKF347", nickname: "Alice", player: null });
    const second = await joinAssignment(ctx, { code: "NKF347", nickname: "Bob", player: null });
    const secondPlayer = (await findPlayer(ctx, second.newCookie))!;
    await db.player.update({ where: { id: secondPlayer.id }, data: { nickname: CYRILLIC_ALICE } });
    await db.assignmentName.updateMany({ where: { assignmentId: assignment.id }, data: { skeleton: null } });
    await db.assignmentName.update({
      where: { assignmentId_playerId: { assignmentId: assignment.id, playerId: secondPlayer.id } },
      data: { createdAt: new Date(Date.now() + 1000) },
    });
    const { ownerId, classId } = await teacherWithClass(ctx);
    await addStudents(ctx, ownerId, classId, { names: "Yerlan" });
    await db.student.updateMany({ where: { classId }, data: { nameSkeleton: null } });

    const filled = await fillNameSkeletons(ctx);
    expect(filled.filled).toBeGreaterThanOrEqual(2);
    expect(filled.lookAlikes).toBeGreaterThanOrEqual(1);
    const rows = await db.assignmentName.findMany({
      where: { assignmentId: assignment.id },
      select: { playerId: true, skeleton: true },
    });
    const alicePlayer = (await findPlayer(ctx, first.newCookie))!;
    expect(new Map(rows.map((r) => [r.playerId, r.skeleton]))).toEqual(
      new Map([
        [alicePlayer.id, "Alice"],
        [secondPlayer.id, null],
      ]),
    );
    expect(await db.student.findFirst({ where: { classId }, select: { nameSkeleton: true } })).toEqual({
      nameSkeleton: "Yerlan",
    });
    // Nothing left to fill but the look-alike: a second start changes nothing.
    expect((await fillNameSkeletons(ctx)).filled).toBe(0);

    // The look-alike from before plays on; a new look-alike is refused.
    const legacy = (await findPlayer(ctx, second.newCookie))!;
    await expect(
      joinAssignment(ctx, { code: "NKF347", nickname: CYRILLIC_ALICE, player: legacy }),
    ).resolves.toMatchObject({ attemptId: second.attemptId, resumed: true });
    await db.attempt.update({ where: { id: second.attemptId }, data: { status: "finished", finishedAt: new Date() } });
    await expect(
      joinAssignment(ctx, { code: "NKF347", nickname: CYRILLIC_ALICE, player: legacy }),
    ).resolves.toMatchObject({ resumed: false });
    const refused = await failure(joinAssignment(ctx, { code: "NKF347", nickname: "Ali\u0441e", player: null }));
    expect([refused.status, refused.message]).toEqual([409, LOOKS_TAKEN]);
  });
});
