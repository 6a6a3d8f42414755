// The live game on each database: hosting, every move legal and illegal (with the
// version check), answers only while their question is open, late join, rejoin
// keeping the score, removal, team scoring, and the podium finishing every attempt.
import { expect, it, vi } from "vitest";
import type { LiveMove } from "@/lib/live/game";
import { rankTeams } from "@/lib/live/standings";
import { at, type AppContext } from "@/lib/server/context";
import {
  answeredCount,
  findLiveGame,
  hostLiveGame,
  joinLiveGame,
  moveLiveGame,
  playerScores,
  rejoinCodes,
  removeLivePlayer,
  setLivePlayerTeam,
  submitLiveAnswer,
  type LiveGame,
} from "@/lib/server/live/games";
import { findPlayer, type PlayerCookie } from "@/lib/server/play/player";
import { getAssignment, reopenAssignment } from "@/lib/server/teacher/assignments";
import { serveCurrentQuestion } from "@/lib/server/play/serve-question";
import { submitAnswer } from "@/lib/server/play/submit-answer";
import type { Question } from "@/lib/quiz/question";
import { hostedLiveGame, SHORT_GAME, teacherWithClass } from "../helpers/live-games";
import { describeEachDatabase, rejection } from "../helpers/test-databases";

const t0 = new Date("2026-03-02T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

/** Three questions of both kinds, 20 s each. */
const SETTINGS = { ...SHORT_GAME, count: 3, kinds: ["timeline", "multiple-choice"], timeLimitSeconds: 20 };

async function hosted(ctx: AppContext, settings: Partial<typeof SETTINGS> = {}) {
  const host = await hostedLiveGame(at(ctx, t0), { ...SETTINGS, ...settings });
  const { code, gameId } = host;
  const move = (m: LiveMove, ms: number, expectedVersion?: number) =>
    moveLiveGame(at(ctx, later(ms)), { gameId, move: m, ownerId: host.ownerId, expectedVersion });
  return { ...host, move, game: () => findLiveGame(ctx, code) };
}

async function join(ctx: AppContext, code: string, nickname: string, ms = 0, cookie: PlayerCookie | null = null) {
  const player = await findPlayer(ctx, cookie);
  const seat = await joinLiveGame(at(ctx, later(ms)), { code, nickname, player });
  return { ...seat, cookie: seat.newCookie ?? cookie! };
}

const right = (q: Question) => q.answer;
const wrong = (q: Question) =>
  q.type === "timeline" ? [...q.answer].reverse() : q.options.find((o) => o.id !== q.answer)!.id;

function answer(ctx: AppContext, game: LiveGame, cookie: PlayerCookie, position: number, correct: boolean, ms: number) {
  const q = game.questions[position]!;
  return submitLiveAnswer(at(ctx, later(ms)), {
    code: game.code,
    cookie,
    position,
    response: correct ? right(q) : wrong(q),
  });
}

/** A game with one player, `nickname`, who answered the first question right 1 s after it opened. */
async function oneRightAnswer(ctx: AppContext, nickname: string) {
  const g = await hosted(ctx);
  const player = await join(ctx, g.code, nickname);
  await g.move("start", 1000);
  await answer(ctx, await g.game(), player.cookie, 0, true, 2000);
  return { g, player };
}

describeEachDatabase("the live game", (current) => {
  it("hosts a game in the lobby with a join code, its own questions and an assignment behind it", async () => {
    const ctx = current();
    const g = await hosted(ctx);
    const game = await g.game();
    expect(game.code).toMatch(/^[A-Z0-9]{6}$/);
    expect(game.state).toMatchObject({ phase: "lobby", questionIndex: -1, questionCount: 3, version: 0 });
    expect(game.questions).toHaveLength(3);
    const assignment = await ctx.db.assignment.findUniqueOrThrow({ where: { id: game.assignmentId } });
    expect(assignment.classId).toBe(g.classId);
    expect(JSON.parse(assignment.settings)).toMatchObject({ attemptsAllowed: 1, sameQuestions: true });
  });

  it("refuses bad settings with a message per field, and another teacher's class", async () => {
    const ctx = current();
    const host = await teacherWithClass(ctx);
    const bad = await rejection(
      hostLiveGame(ctx, host.ownerId, host.classId, { ...SETTINGS, count: 0, teams: 1, timeLimitSeconds: 2 }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["count", "teams", "timeLimitSeconds"]);
    const other = await teacherWithClass(ctx);
    expect((await rejection(hostLiveGame(ctx, other.ownerId, host.classId, SETTINGS))).status).toBe(404);
    expect(await ctx.db.liveGame.count({ where: { assignment: { ownerId: host.ownerId } } })).toBe(0);
  });

  it("moves through a whole game and refuses every illegal move, a stale version and a stranger", async () => {
    const ctx = current();
    const g = await hosted(ctx);
    const refused = async (m: LiveMove, ms: number, expectedVersion?: number) => {
      const before = await g.game();
      const error = await rejection(g.move(m, ms, expectedVersion));
      expect(error.status).toBe(409);
      expect((await g.game()).state.version).toBe(before.state.version);
    };
    await refused("next", 1);
    await refused("pause", 1);
    await refused("time-up", 1);
    const other = await teacherWithClass(ctx);
    const stranger = await rejection(moveLiveGame(ctx, { gameId: g.gameId, move: "start", ownerId: other.ownerId }));
    expect(stranger.status).toBe(404);

    expect((await g.move("start", 1000, 0)).state).toMatchObject({ phase: "question", questionIndex: 0 });
    // A second press of "start" (or "next") on the screen that saw version 0 moves nothing.
    await refused("next", 1100, 0);
    await refused("start", 1100);
    await refused("resume", 1100);
    await refused("time-up", 2000);
    expect((await g.move("pause", 6000)).state.pausedRemainingMs).toBe(15_000);
    await refused("pause", 6000);
    expect((await g.move("resume", 60_000)).state.deadline).toEqual(later(75_000));
    // The clock closes the question once its (shifted) time is up.
    await refused("time-up", 74_000);
    expect((await moveLiveGame(at(ctx, later(75_000)), { gameId: g.gameId, move: "time-up" })).state.phase).toBe(
      "reveal",
    );
    await refused("skip", 76_000);
    await refused("all-answered", 76_000);
    expect((await g.move("next", 77_000)).state.phase).toBe("leaderboard");
    expect((await g.move("next", 78_000)).state).toMatchObject({ phase: "question", questionIndex: 1 });
    expect((await g.move("skip", 79_000)).state).toMatchObject({ phase: "question", questionIndex: 2 });
    expect((await moveLiveGame(at(ctx, later(80_000)), { gameId: g.gameId, move: "all-answered" })).state.phase).toBe(
      "reveal",
    );
    expect((await g.move("hide-leaderboard", 81_000)).state.showLeaderboard).toBe(false);
    await refused("hide-leaderboard", 81_000);
    expect((await g.move("next", 82_000)).state.phase).toBe("podium");
    for (const m of ["next", "end", "start", "unlock", "show-leaderboard"] as const) await refused(m, 83_000);
    // The podium closes the code: no new joins.
    const assignment = await ctx.db.assignment.findFirstOrThrow({ where: { code: g.code } });
    expect(assignment.closedAt).toEqual(later(82_000));
    expect((await rejection(join(ctx, g.code, "Too Late", 84_000))).status).toBe(410);
    // …for good: a live game is not an assignment to reopen.
    const reopen = await rejection(reopenAssignment(ctx, g.ownerId, assignment.id));
    expect([reopen.status, reopen.code]).toEqual([409, "live_game"]);
    expect((await ctx.db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).closedAt).toEqual(
      later(82_000),
    );
    expect((await getAssignment(ctx, g.ownerId, assignment.id)).isLive).toBe(true);
  });

  it("only one of two moves made on the same version applies", async () => {
    const ctx = current();
    const g = await hosted(ctx);
    const results = await Promise.allSettled([g.move("start", 1000), g.move("start", 1000), g.move("end", 1000)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await g.game()).state.version).toBe(1);
  });

  it("accepts answers only while their question is open, scores them by the game's clock, once", async () => {
    const ctx = current();
    const g = await hosted(ctx, { streakBonus: false });
    const aru = await join(ctx, g.code, "Aru");
    const closed = async (position: number, ms: number) => {
      const error = await rejection(answer(ctx, await g.game(), aru.cookie, position, true, ms));
      expect(error.status).toBe(409);
      expect(error.code).toBe("question_closed");
    };
    await closed(0, 500); // lobby
    await g.move("start", 1000);
    await closed(1, 2000); // not the open question
    // While the host has paused the clock, answers wait (409 "paused") and nothing is stored.
    await g.move("pause", 3000);
    const paused = await rejection(answer(ctx, await g.game(), aru.cookie, 0, true, 3000));
    expect([paused.status, paused.code]).toEqual([409, "paused"]);
    expect(await ctx.db.answer.count({ where: { attemptId: aru.attemptId } })).toBe(0);
    await g.move("resume", 3000); // at once: the question's clock is as it was
    const game = await g.game();
    expect(await answer(ctx, game, aru.cookie, 0, true, 6000)).toEqual({ position: 0, locked: true, repeated: false });
    // The reply says nothing about right or wrong; a repeat scores nothing more.
    expect(await answer(ctx, game, aru.cookie, 0, false, 7000)).toMatchObject({ repeated: true });
    const attempt = await ctx.db.attempt.findUniqueOrThrow({ where: { id: aru.attemptId } });
    // 5 s into a 20 s question: 1000 × (1 − 5/40).
    expect(attempt.score).toBe(875);
    expect(await answeredCount(ctx, game)).toEqual({ players: 1, answered: 1 });
    await closed(0, 21_500); // time is up, even before the clock has moved the game
    await g.move("next", 22_000);
    await closed(0, 22_500); // reveal
    await g.move("next", 23_000);
    await closed(0, 23_500); // leaderboard
    // A live attempt is answered through the live game only, never the self-paced routes.
    expect((await rejection(serveCurrentQuestion(ctx, aru.attemptId, aru.playerId))).code).toBe("live_game");
    const direct = submitAnswer(ctx, { attemptId: aru.attemptId, playerId: aru.playerId, position: 1, response: null });
    expect((await rejection(direct)).code).toBe("live_game");
    // Bad input changes nothing.
    const open = await g.move("next", 24_000);
    for (const position of [-1, 1.5, "0", 99]) {
      const error = await rejection(
        submitLiveAnswer(at(ctx, later(25_000)), { code: g.code, cookie: aru.cookie, position, response: "x" }),
      );
      expect(error.status).toBe(400);
    }
    const badResponse = await rejection(
      submitLiveAnswer(at(ctx, later(25_000)), { code: g.code, cookie: aru.cookie, position: 1, response: ["nope"] }),
    );
    expect(badResponse.status).toBe(400);
    const stranger = await rejection(
      submitLiveAnswer(at(ctx, later(25_000)), {
        code: g.code,
        cookie: { playerId: "cnobodyatallherexxxxxxxxx", secret: "x".repeat(32) },
        position: 1,
        response: null,
      }),
    );
    expect(stranger.status).toBe(403);
    expect(open.state).toMatchObject({ phase: "question", questionIndex: 1 });
    expect(await ctx.db.answer.count({ where: { attemptId: aru.attemptId } })).toBe(1);
  });

  it("an answer is one plain-SQL read of the game, the seat and the question, then the write: no Prisma", async () => {
    const ctx = current();
    const g = await hosted(ctx, { streakBonus: false });
    const aru = await join(ctx, g.code, "Aru");
    await g.move("start", 1000);
    await g.move("pause", 5000); // 4 s in: the clock stops with 16 s left
    await g.move("resume", 60_000); // the deadline moves to 76 s
    const game = await g.game();
    const noPrisma = new Proxy(ctx.db, {
      get: (_, key) => {
        throw new Error(`Prisma used on the answer path: db.${String(key)}`);
      },
    });
    const liveRead = vi.spyOn(ctx.store, "liveAnswerContext");
    const plainRead = vi.spyOn(ctx.store, "answerContext");
    try {
      // 2 s after resuming: 6 s into the question by the game's clock, however long the pause.
      const reply = await answer({ ...ctx, db: noPrisma }, game, aru.cookie, 0, true, 62_000);
      expect(reply).toEqual({ position: 0, locked: true, repeated: false });
      expect(liveRead).toHaveBeenCalledTimes(1);
      expect(plainRead).not.toHaveBeenCalled();
    } finally {
      liveRead.mockRestore();
      plainRead.mockRestore();
    }
    // 1000 × (1 − 6/40).
    expect((await ctx.db.attempt.findUniqueOrThrow({ where: { id: aru.attemptId } })).score).toBe(850);
    // A cookie whose secret is wrong is refused as a stranger, and changes nothing.
    const forged = { playerId: aru.cookie.playerId, secret: "y".repeat(32) };
    await g.move("skip", 63_000);
    const stranger = await rejection(answer(ctx, await g.game(), forged, 1, true, 64_000));
    expect(stranger.status).toBe(404);
    expect(await ctx.db.answer.count({ where: { attemptId: aru.attemptId } })).toBe(1);
    const unknown = await rejection(
      submitLiveAnswer(ctx, { code: "ZZZZZZ", cookie: aru.cookie, position: 0, response: "x" }),
    );
    expect(unknown.status).toBe(404);
  });

  it("lets a late joiner in at the current question, and the lock keeps newcomers out", async () => {
    const ctx = current();
    const g = await hosted(ctx);
    await join(ctx, g.code, "Early");
    await g.move("start", 1000);
    await g.move("next", 2000);
    await g.move("next", 3000);
    await g.move("next", 4000); // question 2 (index 1) open
    const late = await join(ctx, g.code, "Late Comer", 5000);
    expect(late.rejoined).toBe(false);
    const game = await g.game();
    await answer(ctx, game, late.cookie, 1, true, 6000);
    const q = await ctx.db.attemptQuestion.findMany({
      where: { attemptId: late.attemptId },
      orderBy: { position: "asc" },
    });
    expect(q.map((r) => r.servedAt !== null)).toEqual([false, true, false]);
    expect((await ctx.db.attempt.findUniqueOrThrow({ where: { id: late.attemptId } })).score).toBeGreaterThan(0);
    await g.move("lock", 7000);
    const locked = await rejection(join(ctx, g.code, "Locked Out", 7500));
    expect(locked.status).toBe(423);
    // A player already in still gets their seat back while locked.
    expect((await join(ctx, g.code, "anything", 7600, late.cookie)).rejoined).toBe(true);
    await g.move("unlock", 8000);
    expect((await join(ctx, g.code, "Now In", 8500)).rejoined).toBe(false);
    const taken = await rejection(join(ctx, g.code, "Now In", 8600));
    expect([taken.status, taken.code]).toEqual([409, "nickname_taken"]);
  });

  it("a rejoin (reload, lost connection) keeps the name, the seat and the score", async () => {
    const ctx = current();
    const { g, player: dana } = await oneRightAnswer(ctx, "Dana");
    const before = await ctx.db.attempt.findUniqueOrThrow({ where: { id: dana.attemptId } });
    const again = await join(ctx, g.code, "Someone Else", 3000, dana.cookie);
    expect(again).toMatchObject({ rejoined: true, attemptId: dana.attemptId, nickname: "Dana", newCookie: null });
    const after = await ctx.db.attempt.findUniqueOrThrow({ where: { id: dana.attemptId } });
    expect(after.score).toBe(before.score);
    expect(after.score).toBeGreaterThan(0);
    expect(await ctx.db.livePlayer.count({ where: { gameId: g.gameId } })).toBe(1);
    expect(await ctx.db.attempt.count({ where: { playerId: dana.playerId } })).toBe(1);
  });

  it("another device of the same player rejoins with the seat's rejoin code, never by name alone", async () => {
    const ctx = current();
    const g = await hosted(ctx, { streakBonus: false });
    const dana = await join(ctx, g.code, "Dana");
    await g.move("start", 1000);
    await answer(ctx, await g.game(), dana.cookie, 0, true, 2000);
    const scored = (await ctx.db.attempt.findUniqueOrThrow({ where: { id: dana.attemptId } })).score;
    const laptop = (rejoinCode: unknown, cookie: PlayerCookie | null = null) =>
      findPlayer(ctx, cookie).then((player) =>
        joinLiveGame(at(ctx, later(3000)), { code: g.code, nickname: undefined, rejoinCode, player }),
      );
    // The name alone takes no seat: it is someone else's.
    expect((await rejection(join(ctx, g.code, "Dana", 2500))).code).toBe("nickname_taken");
    for (const wrong of ["AAAAAA", "x", 42, "DANA"]) {
      const error = await rejection(laptop(wrong));
      expect([error.status, error.code]).toEqual([404, "bad_code"]);
    }
    const { rejoinCode } = await ctx.db.livePlayer.findUniqueOrThrow({
      where: { gameId_playerId: { gameId: g.gameId, playerId: dana.playerId } },
    });
    expect(rejoinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    // Typed in lower case with a dash: the laptop becomes Dana, with her seat and score.
    const typed = `${rejoinCode!.slice(0, 3)}-${rejoinCode!.slice(3)}`.toLowerCase();
    const seat = await laptop(typed);
    expect(seat).toMatchObject({
      rejoined: true,
      playerId: dana.playerId,
      attemptId: dana.attemptId,
      nickname: "Dana",
    });
    expect(seat.newCookie?.playerId).toBe(dana.playerId);
    expect(seat.newCookie?.secret).not.toBe(dana.cookie.secret);
    // Both devices are Dana now; the laptop answers the next question on the same attempt.
    expect(await findPlayer(ctx, dana.cookie)).toMatchObject({ id: dana.playerId });
    await g.move("next", 4000);
    await g.move("next", 5000);
    await g.move("next", 6000);
    await answer(ctx, await g.game(), seat.newCookie!, 1, true, 7000);
    expect((await ctx.db.attempt.findUniqueOrThrow({ where: { id: dana.attemptId } })).score).toBeGreaterThan(scored);
    expect(await ctx.db.livePlayer.count({ where: { gameId: g.gameId } })).toBe(1);
    expect(await ctx.db.attempt.count({ where: { playerId: dana.playerId } })).toBe(1);
    // The same browser again needs no new cookie; a removed player's code opens nothing.
    expect((await laptop(rejoinCode, seat.newCookie)).newCookie).toBeNull();
    await removeLivePlayer(ctx, g.ownerId, g.code, dana.playerId);
    expect((await rejection(laptop(rejoinCode))).code).toBe("bad_code");
  });

  it("draws another rejoin code when a new seat's would collide with one in the game", async () => {
    const ctx = current();
    const g = await hosted(ctx);
    const aru = await join(ctx, g.code, "Aru");
    const { rejoinCode } = await ctx.db.livePlayer.findUniqueOrThrow({
      where: { gameId_playerId: { gameId: g.gameId, playerId: aru.playerId } },
    });
    const draw = vi.spyOn(rejoinCodes, "next").mockReturnValueOnce(rejoinCode!);
    try {
      const bek = await join(ctx, g.code, "Bek");
      expect(draw).toHaveBeenCalledTimes(2);
      const seats = await ctx.db.livePlayer.findMany({ where: { gameId: g.gameId }, select: { rejoinCode: true } });
      expect(new Set(seats.map((s) => s.rejoinCode)).size).toBe(2);
      expect(await ctx.db.attempt.count({ where: { playerId: bek.playerId } })).toBe(1);
    } finally {
      draw.mockRestore();
    }
  });

  it("removes a name: the seat goes and that browser cannot come back", async () => {
    const ctx = current();
    const g = await hosted(ctx);
    const kid = await join(ctx, g.code, "Prankster");
    const other = await teacherWithClass(ctx);
    expect((await rejection(removeLivePlayer(ctx, other.ownerId, g.code, kid.playerId))).status).toBe(404);
    await removeLivePlayer(ctx, g.ownerId, g.code, kid.playerId);
    expect(await ctx.db.livePlayer.count({ where: { gameId: g.gameId } })).toBe(0);
    expect((await rejection(join(ctx, g.code, "Prankster", 100, kid.cookie))).status).toBe(403);
  });

  it("spreads players over balanced teams and scores a team by its members' average", async () => {
    const ctx = current();
    const g = await hosted(ctx, { teams: 2, streakBonus: false, speedBonus: false });
    const players = [];
    for (const name of ["Aru", "Bek", "Dana", "Erlan", "Farida"]) players.push(await join(ctx, g.code, name));
    expect(players.map((p) => p.team)).toEqual([0, 1, 0, 1, 0]);
    await g.move("start", 1000);
    const game = await g.game();
    // Team 0 (Aru, Dana, Farida): one right of three; team 1 (Bek, Erlan): both right.
    await answer(ctx, game, players[0]!.cookie, 0, true, 2000);
    await answer(ctx, game, players[1]!.cookie, 0, true, 2000);
    await answer(ctx, game, players[2]!.cookie, 0, false, 2000);
    await answer(ctx, game, players[3]!.cookie, 0, true, 2000);
    const scores = await playerScores(ctx, await g.game());
    const teams = rankTeams(scores, 2);
    expect(teams.map((t) => [t.name, t.members, t.score])).toEqual([
      ["Blue", 2, 1000],
      ["Red", 3, 333],
    ]);
  });

  it("the host moves a player to another team in the lobby; a team still scores its members' average", async () => {
    const ctx = current();
    const g = await hosted(ctx, { teams: 2, streakBonus: false, speedBonus: false });
    const [aru, bek, dana] = [
      await join(ctx, g.code, "Aru"),
      await join(ctx, g.code, "Bek"),
      await join(ctx, g.code, "Dana"),
    ];
    expect([aru.team, bek.team, dana.team]).toEqual([0, 1, 0]);
    const other = await teacherWithClass(ctx);
    const refused = async (owner: string, playerId: unknown, team: unknown) =>
      rejection(setLivePlayerTeam(ctx, owner, g.code, { playerId, team }));
    expect((await refused(other.ownerId, dana.playerId, 1)).status).toBe(404);
    expect((await refused(g.ownerId, "cnobodyatallherexxxxxxxxx", 1)).status).toBe(404);
    for (const bad of [2, -1, 0.5, "1", null]) expect((await refused(g.ownerId, dana.playerId, bad)).status).toBe(400);
    expect(await setLivePlayerTeam(ctx, g.ownerId, g.code, { playerId: dana.playerId, team: 1 })).toEqual({
      playerId: dana.playerId,
      team: 1,
    });
    await g.move("start", 1000);
    expect([
      (await refused(g.ownerId, aru.playerId, 1)).status,
      (await refused(g.ownerId, aru.playerId, 1)).code,
    ]).toEqual([409, "started"]);
    const game = await g.game();
    await answer(ctx, game, aru.cookie, 0, true, 2000);
    await answer(ctx, game, bek.cookie, 0, true, 2000);
    await answer(ctx, game, dana.cookie, 0, false, 2000);
    // Red: Aru alone (1000); Blue: Bek and Dana, (1000 + 0) / 2.
    const teams = rankTeams(await playerScores(ctx, await g.game()), 2);
    expect(teams.map((t) => [t.name, t.members, t.score])).toEqual([
      ["Red", 1, 1000],
      ["Blue", 2, 500],
    ]);
    const plain = await hosted(ctx);
    const solo = await join(ctx, plain.code, "Solo");
    const noTeams = await rejection(
      setLivePlayerTeam(ctx, plain.ownerId, plain.code, { playerId: solo.playerId, team: 0 }),
    );
    expect([noTeams.status, noTeams.code]).toEqual([409, "no_teams"]);
  });

  it("the podium finishes every attempt, so the report and the board count the game", async () => {
    const ctx = current();
    const { g, player: a } = await oneRightAnswer(ctx, "Aru");
    await g.move("end", 3000);
    const attempt = await ctx.db.attempt.findUniqueOrThrow({ where: { id: a.attemptId } });
    expect(attempt).toMatchObject({ status: "finished", finishedAt: later(3000), answeredCount: 1 });
    const board = await ctx.store.leaderboard(`assignment:${attempt.assignmentId}`, 100, attempt.assignmentId);
    expect(board).toMatchObject([{ attemptId: a.attemptId, score: attempt.score, finishedAt: later(3000) }]);
  });

  it("a question left unanswered breaks the streak", async () => {
    const ctx = current();
    const { g, player: a } = await oneRightAnswer(ctx, "Aru");
    expect((await ctx.db.attempt.findUniqueOrThrow({ where: { id: a.attemptId } })).streak).toBe(1);
    await g.move("next", 3000);
    await g.move("next", 4000);
    await g.move("next", 5000);
    await g.move("next", 6000); // question 2 closed, unanswered
    expect((await ctx.db.attempt.findUniqueOrThrow({ where: { id: a.attemptId } })).streak).toBe(0);
  });
});
