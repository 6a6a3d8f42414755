// The live game's store and actions (issue 14): hosting a game from a class, reading
// it, moving its state machine (lib/live/game.ts) with a version-checked update,
// joining (late joiners enter at the current question; the same browser rejoins with
// its name and score), answering through the graded path while the question is open,
// and the standings. A live game rides on an assignment: its join code, attempts
// (mode "live", all with the game's questions), report and moderation.
import "server-only";
import { randomInt } from "node:crypto";
import { AppError, invalidForm, notFoundOrNotYours, requireId } from "@/lib/app-error";
import { DEFAULT_TOPIC, loadTopic } from "@/lib/content/load-topic";
import {
  acceptsAnswer,
  applyMove,
  elapsedMs,
  isPaused,
  lobbyState,
  type LiveMove,
  type LivePhase,
  type LiveState,
} from "@/lib/live/game";
import { balancedTeam, liveSettingsSchema, parseLiveSettings, type LiveSettings } from "@/lib/live/settings";
import { nameSkeleton } from "@/lib/name-skeleton";
import { normaliseJoinCode } from "@/lib/play/join-code";
import type { AssignmentSettings } from "@/lib/play/settings";
import type { Question } from "@/lib/quiz/question";
import { generateQuiz } from "@/lib/quiz/quiz";
import type { AppContext } from "../context";
import { postAssignmentBoard } from "../play/leaderboards";
import type { LiveGameRow } from "../play/store";
import type { LiveChange } from "./bus";
import { newPlayerSecret, withDeviceSecret, type Player, type PlayerCookie } from "../play/player";
import {
  createAttempt,
  drawQuestion,
  nicknameTaken,
  playerFor,
  requireNickname,
  type DrawnQuestion,
} from "../play/start-attempt";
import { submitAnswer } from "../play/submit-answer";
import { ensureQuizFits, insertWithFreshCode } from "../teacher/assignments";
import { hiddenQuestionIds } from "../teacher/question-bank";

/** A live game as the server holds it: its state, settings and questions (with their keys). */
export interface LiveGame {
  id: string;
  assignmentId: string;
  code: string;
  title: string;
  ownerId: string | null;
  settings: LiveSettings;
  /** The game's questions with their keys, in the game's own opaque ids (every player's attempt stores the same). */
  questions: Question[];
  drawn: DrawnQuestion[];
  state: LiveState;
}

const gameSelect = {
  id: true,
  assignmentId: true,
  phase: true,
  questionIndex: true,
  questionCount: true,
  phaseStartedAt: true,
  deadline: true,
  pausedRemainingMs: true,
  locked: true,
  settings: true,
  questions: true,
  version: true,
  assignment: { select: { code: true, title: true, ownerId: true } },
} as const;

/** What gameSelect reads: the game's state and settings (as an answer reads them), its questions and its assignment. */
type GameRow = LiveGameRow & {
  questions: string;
  assignment: { code: string; title: string; ownerId: string | null };
};

/** Parsed questions per game (they never change once the game exists). */
const questionCache = new Map<string, DrawnQuestion[]>();

function toGame(row: GameRow): LiveGame {
  let drawn = questionCache.get(row.id);
  if (!drawn) {
    drawn = JSON.parse(row.questions) as DrawnQuestion[];
    if (questionCache.size > 500) questionCache.clear();
    questionCache.set(row.id, drawn);
  }
  const settings = liveSettingsOf(row.settings);
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    code: row.assignment.code,
    title: row.assignment.title,
    ownerId: row.assignment.ownerId,
    settings,
    questions: drawn.map((d) => d.question),
    drawn,
    state: liveStateOf(row, settings.showLeaderboard),
  };
}

const noSuchGame = (code: string) =>
  new AppError(404, "unknown_code", `No live game uses the code ${code}. Check it with your teacher.`);

/** The live game a code opens (any phase), or a 404. */
export async function findLiveGame(ctx: AppContext, rawCode: unknown): Promise<LiveGame> {
  const code = normaliseJoinCode(rawCode);
  if (!code) throw new AppError(404, "unknown_code", "That is not a join code.");
  const row = await ctx.db.liveGame.findFirst({ where: { assignment: { code } }, select: gameSelect });
  if (!row) throw noSuchGame(code);
  return toGame(row);
}

export async function findLiveGameById(ctx: AppContext, gameId: string): Promise<LiveGame | null> {
  const row = await ctx.db.liveGame.findUnique({ where: { id: gameId }, select: gameSelect });
  return row ? toGame(row) : null;
}

/** The game, if `ownerId` hosts it; otherwise the same 404 as for no game. */
export async function hostedGame(ctx: AppContext, ownerId: string, rawCode: unknown): Promise<LiveGame> {
  const game = await findLiveGame(ctx, rawCode).catch(() => null);
  if (!game || game.ownerId !== ownerId) throw notFoundOrNotYours("live game");
  return game;
}

/** Reads a form's or a JSON body's settings: checkboxes as "on", numbers as text. */
function settingsFrom(
  raw: FormData | Record<string, unknown>,
): { ok: true; settings: LiveSettings } | { ok: false; errors: Record<string, string> } {
  const get = (name: string): unknown => (raw instanceof FormData ? raw.get(name) : raw[name]);
  const all = (name: string): unknown[] => (raw instanceof FormData ? raw.getAll(name) : [raw[name]].flat());
  const num = (name: string) => {
    const v = get(name);
    return typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  };
  const flag = (name: string) => {
    const v = get(name);
    return v === true || v === "on" || v === "true";
  };
  const parsed = liveSettingsSchema.safeParse({
    count: num("count"),
    // A form sends "both" (or one kind); JSON may send the list.
    kinds: all("kinds")
      .filter((k) => k !== null && k !== undefined && k !== "")
      .flatMap((k) => (k === "both" ? ["timeline", "multiple-choice"] : [k])),
    timeLimitSeconds: num("timeLimitSeconds"),
    speedBonus: flag("speedBonus"),
    streakBonus: flag("streakBonus"),
    teams: num("teams"),
    showLeaderboard: flag("showLeaderboard"),
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const words: Record<string, string> = {
    count: "Choose 1 to 30 questions.",
    kinds: "Choose timelines, multiple choice or both.",
    timeLimitSeconds: "Choose 5 to 240 seconds per question.",
    teams: "Choose no teams, or 2 to 6 teams.",
  };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= words[field] ?? issue.message;
  }
  return { ok: false, errors };
}

/** "Host live" from a class: a live game with a fresh join code, in the lobby. */
export async function hostLiveGame(
  ctx: AppContext,
  ownerId: string,
  classId: string,
  raw: FormData | Record<string, unknown>,
): Promise<{ gameId: string; code: string }> {
  const { db } = ctx;
  requireId(classId, "class");
  const owned = await db.classroom.findFirst({ where: { id: classId, ownerId }, select: { id: true, name: true } });
  if (!owned) throw notFoundOrNotYours("class");
  const form = settingsFrom(raw);
  if (!form.ok) throw invalidForm(form.errors);
  const { settings } = form;
  const topic = DEFAULT_TOPIC;
  await ensureQuizFits(ctx, ownerId, topic, settings);
  const questions = generateQuiz(loadTopic(topic), {
    seed: randomInt(2 ** 31),
    count: settings.count,
    kinds: settings.kinds,
    exclude: await hiddenQuestionIds(ctx, ownerId, topic),
  }).map(drawQuestion);
  const assignmentSettings: AssignmentSettings = {
    count: questions.length,
    kinds: settings.kinds,
    timeLimitSeconds: settings.timeLimitSeconds,
    speedBonus: settings.speedBonus,
    streakBonus: settings.streakBonus,
    attemptsAllowed: 1,
    sameQuestions: true,
    leaderboard: "full",
  };
  const now = ctx.clock.now();
  const day = now.toISOString().slice(0, 10);
  const assignment = await insertWithFreshCode(ctx, {
    title: `Live game — ${owned.name}, ${day}`,
    topic,
    settings: JSON.stringify(assignmentSettings),
    ownerId,
    classId,
  });
  const state = lobbyState(questions.length, now, settings.showLeaderboard);
  const game = await db.liveGame.create({
    data: {
      assignmentId: assignment.id,
      questionCount: state.questionCount,
      phaseStartedAt: now,
      settings: JSON.stringify(settings),
      questions: JSON.stringify(questions),
    },
    select: { id: true },
  });
  return { gameId: game.id, code: assignment.code };
}

/** Tells every instance the game changed. A bus that is down must not undo a move: the clocks and polls catch up. */
async function publish(ctx: AppContext, gameId: string, change: LiveChange): Promise<void> {
  try {
    await ctx.events.publish(gameId, change);
  } catch (error) {
    console.warn("Live game: could not publish a change:", (error as Error).message);
  }
}

/** What a removed player's screens are told, at once (the hub's push) and on every later look. */
export const REMOVED_MESSAGE = "The teacher removed you from this game.";

/** A removed player asks again (a reload, the polling fallback, a rejoin): the same answer every time. */
export const removedFromGame = () => new AppError(403, "removed", REMOVED_MESSAGE);

/** Whether the host removed this player from the game (read only when they hold no seat: a rare path). */
export async function wasRemoved(ctx: AppContext, game: { assignmentId: string }, playerId: string): Promise<boolean> {
  const row = await ctx.db.assignmentPlayer.findUnique({
    where: { assignmentId_playerId: { assignmentId: game.assignmentId, playerId } },
    select: { removed: true },
  });
  return row?.removed === true;
}

const conflict = (reason: string) => new AppError(409, "illegal_move", reason);

/**
 * Moves the game: the host's moves (given `ownerId`, checked) or the clock's. The
 * update names the version it read: if another move landed first, this one is refused
 * (409) rather than applied to a state it was not meant for. `expectedVersion` lets
 * the host's screen say which state it saw (a double press of "next" moves once).
 */
export async function moveLiveGame(
  ctx: AppContext,
  input: { gameId: string; move: LiveMove; ownerId?: string; expectedVersion?: number },
): Promise<LiveGame> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const game = await findLiveGameById(ctx, input.gameId);
  if (!game || (input.ownerId !== undefined && game.ownerId !== input.ownerId)) throw notFoundOrNotYours("live game");
  if (input.expectedVersion !== undefined && input.expectedVersion !== game.state.version)
    throw conflict("The game has moved on since your screen last saw it.");
  const result = applyMove(game.state, input.move, now, game.settings.timeLimitSeconds);
  if (!result.ok) throw conflict(result.reason);
  const next = result.state;
  const settings =
    next.showLeaderboard !== game.settings.showLeaderboard
      ? { ...game.settings, showLeaderboard: next.showLeaderboard }
      : game.settings;
  const { count } = await db.liveGame.updateMany({
    where: { id: game.id, version: game.state.version },
    data: {
      phase: next.phase,
      questionIndex: next.questionIndex,
      phaseStartedAt: next.phaseStartedAt,
      deadline: next.deadline,
      pausedRemainingMs: next.pausedRemainingMs,
      locked: next.locked,
      settings: JSON.stringify(settings),
      version: next.version,
    },
  });
  if (count === 0) throw conflict("Another move reached the game first.");
  await afterMove(ctx, game, next, now);
  await publish(ctx, game.id, "state");
  return { ...game, settings, state: next };
}

/** What a phase change does to the rows the scores live in. */
async function afterMove(ctx: AppContext, game: LiveGame, next: LiveState, now: Date): Promise<void> {
  const { db } = ctx;
  const before = game.state;
  if (next.phase === "question" && (before.phase !== "question" || before.questionIndex !== next.questionIndex)) {
    // Every player's copy of the question opens at once (one statement for the whole class).
    await db.attemptQuestion.updateMany({
      where: { position: next.questionIndex, servedAt: null, attempt: { assignmentId: game.assignmentId } },
      data: { servedAt: now },
    });
  }
  if (before.phase === "question" && next.phase !== "question") {
    // No answer to a question breaks a streak, as a wrong one does.
    await db.attempt.updateMany({
      where: {
        assignmentId: game.assignmentId,
        streak: { gt: 0 },
        answers: { none: { attemptQuestion: { position: before.questionIndex } } },
      },
      data: { streak: 0 },
    });
  }
  if (next.phase === "podium") {
    // The game is over: every attempt counts as finished (the report and the board read them), and the code closes.
    // The board's rows change in the same transaction (lib/server/play/leaderboards.ts).
    await db.$transaction([
      db.attempt.updateMany({
        where: { assignmentId: game.assignmentId, status: "in_progress" },
        data: { status: "finished", finishedAt: now },
      }),
      postAssignmentBoard(ctx, game.assignmentId),
    ]);
    await db.assignment.update({ where: { id: game.assignmentId }, data: { closedAt: now } });
  }
}

export interface LiveSeat {
  gameId: string;
  code: string;
  playerId: string;
  attemptId: string;
  nickname: string;
  team: number | null;
  newCookie: PlayerCookie | null;
  rejoined: boolean;
}

/** Rejoin codes: 6 characters without look-alikes (0/O, 1/I/L), about 887 million of them. */
const REJOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const REJOIN_CODE_LENGTH = 6;
/** Where new rejoin codes come from (an object, so a test can make two collide). */
export const rejoinCodes = {
  next: () =>
    Array.from({ length: REJOIN_CODE_LENGTH }, () => REJOIN_ALPHABET[randomInt(REJOIN_ALPHABET.length)]).join(""),
};
/** What a player types: any case, spaces or dashes ignored; null unless it can be a rejoin code. */
export function normaliseRejoinCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 20) return null;
  const code = raw.toUpperCase().replace(/[\s-]/g, "");
  return code.length === REJOIN_CODE_LENGTH && [...code].every((c) => REJOIN_ALPHABET.includes(c)) ? code : null;
}

const badRejoinCode = () =>
  new AppError(
    404,
    "bad_code",
    `That rejoin code is not in this game. It has ${REJOIN_CODE_LENGTH} letters and digits: check it on your other screen.`,
  );

/**
 * Another device takes the seat its player holds, by the rejoin code the first device shows
 * (never by name alone: anyone could take a seat). The device becomes that player (one more
 * device secret, as a roster student's devices are; the first device stays in). A code that
 * opens no seat counts against the address as a wrong join code does (guardCodeLookup).
 */
async function rejoinByCode(ctx: AppContext, game: LiveGame, raw: unknown, current: Player | null) {
  const rejoinCode = normaliseRejoinCode(raw);
  if (!rejoinCode) throw badRejoinCode();
  const row = await ctx.db.livePlayer.findUnique({
    where: { gameId_rejoinCode: { gameId: game.id, rejoinCode } },
    select: { playerId: true, attemptId: true, nickname: true, team: true },
  });
  if (!row) throw badRejoinCode();
  if (current?.id === row.playerId) return { row, newCookie: null };
  const player = await ctx.db.player.findUniqueOrThrow({ where: { id: row.playerId }, select: { secretHash: true } });
  const secret = newPlayerSecret();
  await ctx.db.player.update({
    where: { id: row.playerId },
    data: { secretHash: withDeviceSecret(player.secretHash, secret) },
  });
  return { row, newCookie: { playerId: row.playerId, secret } };
}

/**
 * Joins a live game, or rejoins it: the browser whose cookie is already in the game
 * gets its seat back (name, score, team), whatever name it types; another device of the
 * same player gets it with the seat's rejoin code. A newcomer needs a free name, an
 * unlocked game that is not over, and enters at the current question.
 */
export async function joinLiveGame(
  ctx: AppContext,
  input: { code: unknown; nickname: unknown; player: Player | null; rejoinCode?: unknown },
): Promise<LiveSeat> {
  const { db } = ctx;
  const game = await findLiveGame(ctx, input.code);
  const seatOf = (row: { playerId: string; attemptId: string; nickname: string; team: number | null }) => ({
    gameId: game.id,
    code: game.code,
    ...row,
  });
  if (input.rejoinCode !== undefined) {
    if (game.state.phase === "podium") throw new AppError(410, "over", "This live game is over.");
    const { row, newCookie } = await rejoinByCode(ctx, game, input.rejoinCode, input.player);
    return { ...seatOf(row), newCookie, rejoined: true };
  }
  if (input.player) {
    const [seat, moderation] = await Promise.all([
      db.livePlayer.findUnique({
        where: { gameId_playerId: { gameId: game.id, playerId: input.player.id } },
        select: { playerId: true, attemptId: true, nickname: true, team: true },
      }),
      db.assignmentPlayer.findUnique({
        where: { assignmentId_playerId: { assignmentId: game.assignmentId, playerId: input.player.id } },
        select: { removed: true },
      }),
    ]);
    if (moderation?.removed) throw removedFromGame();
    if (seat) return { ...seatOf(seat), newCookie: null, rejoined: true };
  }
  if (game.state.phase === "podium") throw new AppError(410, "over", "This live game is over.");
  if (game.state.locked)
    throw new AppError(423, "locked", "Your teacher has locked the lobby: no one new can join now.");
  const nickname = requireNickname(input.nickname);
  // No two players of a game look alike ("Аlice" with a Cyrillic А is "Alice"): compared by skeleton.
  const nicknameSkeleton = nameSkeleton(nickname);
  const taken = await db.livePlayer.findFirst({
    where: { gameId: game.id, nicknameSkeleton },
    select: { nickname: true },
  });
  if (taken) throw nicknameTaken("game", nickname, taken.nickname);
  const { playerId, newCookie } = await playerFor(ctx, nickname, input.player);
  const attemptId = await createAttempt(ctx, {
    playerId,
    topic: DEFAULT_TOPIC,
    mode: "live",
    assignmentId: game.assignmentId,
    rules: {
      count: game.questions.length,
      kinds: game.settings.kinds,
      timeLimitSeconds: game.settings.timeLimitSeconds,
      speedBonus: game.settings.speedBonus,
      streakBonus: game.settings.streakBonus,
    },
    seed: 0,
    drawn: game.drawn,
  });
  let team: number | null = null;
  if (game.settings.teams > 0) {
    const sizes = await db.livePlayer.groupBy({ by: ["team"], where: { gameId: game.id }, _count: { _all: true } });
    const counts = Array.from(
      { length: game.settings.teams },
      (_, t) => sizes.find((s) => s.team === t)?._count._all ?? 0,
    );
    team = balancedTeam(counts);
  }
  // A rejoin code may collide with another seat's (about 1 in 90,000 per join at 10,000 seats): draw again.
  for (let tries = 1; ; tries++) {
    try {
      await db.livePlayer.create({
        data: {
          gameId: game.id,
          playerId,
          attemptId,
          nickname,
          nicknameSkeleton,
          team,
          rejoinCode: rejoinCodes.next(),
        },
      });
      break;
    } catch (error) {
      // The unique index judged a race between look-alike names (on any instance), or the codes collided.
      const winner =
        (error as { code?: string }).code === "P2002"
          ? await db.livePlayer.findFirst({ where: { gameId: game.id, nicknameSkeleton }, select: { nickname: true } })
          : null;
      if ((error as { code?: string }).code === "P2002" && !winner && tries < 5) continue;
      await db.attempt.delete({ where: { id: attemptId } });
      if ((error as { code?: string }).code === "P2002") throw nicknameTaken("game", nickname, winner?.nickname ?? "");
      throw error;
    }
  }
  // A late joiner enters at the current question: its copy opens now (the score reads the game's clock).
  if (game.state.phase === "question")
    await db.attemptQuestion.updateMany({
      where: { attemptId, position: game.state.questionIndex, servedAt: null },
      data: { servedAt: ctx.clock.now() },
    });
  await publish(ctx, game.id, "roster");
  return { ...seatOf({ playerId, attemptId, nickname, team }), newCookie, rejoined: false };
}

/** The seat the cookie's player holds in the game, or null. */
export async function seatOf(ctx: AppContext, gameId: string, playerId: string) {
  return ctx.db.livePlayer.findUnique({
    where: { gameId_playerId: { gameId, playerId } },
    select: { playerId: true, attemptId: true, nickname: true, team: true },
  });
}

/**
 * An answer to the open question, graded and scored on the existing path with the
 * game's clock. Accepted only while that question is open (409 otherwise). Returns
 * only that it is locked in: right or wrong is for the reveal, for everyone at once.
 */
export async function submitLiveAnswer(
  ctx: AppContext,
  input: { code: unknown; cookie: PlayerCookie | null; position: unknown; response: unknown },
): Promise<{ position: number; locked: true; repeated: boolean }> {
  const now = ctx.clock.now();
  const code = normaliseJoinCode(input.code);
  if (!code) throw new AppError(404, "unknown_code", "That is not a join code.");
  const position = input.position;
  if (typeof position !== "number" || !Number.isInteger(position) || position < 0)
    throw new AppError(400, "bad_position", "That is not a question of this game.");
  // One read (plain SQL, docs/decisions/004): the game's state, the seat, and the seat's attempt and question.
  const read = input.cookie ? await ctx.store.liveAnswerContext(code, input.cookie.playerId, position) : null;
  if (input.cookie && !read) throw noSuchGame(code);
  if (!input.cookie || !read) throw new AppError(403, "not_in_game", "Join the game first.");
  const { game, context } = read;
  if (position >= game.questionCount) throw new AppError(400, "bad_position", "That is not a question of this game.");
  const state = liveStateOf(game);
  if (isPaused(state) && state.questionIndex === position)
    throw new AppError(409, "paused", "The game is paused: answer when your teacher resumes the clock.");
  if (!acceptsAnswer(state, position, now))
    throw new AppError(409, "question_closed", `Question ${position + 1} is not open: answers are closed.`);
  if (!context) {
    if (await wasRemoved(ctx, game, input.cookie.playerId)) throw removedFromGame();
    throw new AppError(403, "not_in_game", "Join the game first.");
  }
  const feedback = await submitAnswer(ctx, {
    attemptId: context.attempt.id,
    cookie: input.cookie,
    position,
    response: input.response,
    liveElapsedMs: elapsedMs(state, liveSettingsOf(game.settings).timeLimitSeconds, now),
    context,
  });
  return { position, locked: true, repeated: feedback.repeated };
}

/** Parsed settings by their JSON (a game's change only when the host shows or hides the leaderboard). */
const settingsCache = new Map<string, LiveSettings>();
function liveSettingsOf(json: string): LiveSettings {
  let settings = settingsCache.get(json);
  if (!settings) {
    if (settingsCache.size > 500) settingsCache.clear();
    settingsCache.set(json, (settings = parseLiveSettings(json)));
  }
  return settings;
}

/** A game's stored columns as the state machine's state. */
function liveStateOf(row: LiveGameRow, showLeaderboard = false): LiveState {
  return {
    phase: row.phase as LivePhase,
    questionIndex: row.questionIndex,
    questionCount: row.questionCount,
    phaseStartedAt: row.phaseStartedAt,
    deadline: row.deadline,
    pausedRemainingMs: row.pausedRemainingMs,
    locked: row.locked,
    showLeaderboard,
    version: row.version,
  };
}

/** How many players are in the game and how many answered the open question (one query each). */
export async function answeredCount(ctx: AppContext, game: LiveGame): Promise<{ players: number; answered: number }> {
  const [players, answered] = await Promise.all([
    ctx.db.livePlayer.count({ where: { gameId: game.id } }),
    game.state.phase === "question"
      ? ctx.db.answer.count({
          where: {
            attemptQuestion: { position: game.state.questionIndex },
            attempt: { assignmentId: game.assignmentId, livePlayer: { isNot: null } },
          },
        })
      : Promise.resolve(0),
  ]);
  return { players, answered };
}

/** Removes a name from the game (the lobby's "remove"): the seat goes, and that browser cannot join again. */
export async function removeLivePlayer(
  ctx: AppContext,
  ownerId: string,
  rawCode: unknown,
  rawPlayerId: unknown,
): Promise<void> {
  const game = await hostedGame(ctx, ownerId, rawCode);
  const playerId = requireId(rawPlayerId, "player");
  const { db } = ctx;
  const seat = await seatOf(ctx, game.id, playerId);
  if (!seat) throw notFoundOrNotYours("player");
  await db.$transaction([
    db.assignmentPlayer.upsert({
      where: { assignmentId_playerId: { assignmentId: game.assignmentId, playerId } },
      create: { assignmentId: game.assignmentId, playerId, removed: true },
      update: { removed: true },
    }),
    db.attempt.update({ where: { id: seat.attemptId }, data: { status: "removed" } }),
    db.livePlayer.delete({ where: { gameId_playerId: { gameId: game.id, playerId } } }),
  ]);
  await publish(ctx, game.id, `removed:${playerId}`);
}

/**
 * The host puts a player in another team (teams chosen by the teacher; joins are balanced
 * automatically). Only in the lobby: a team's score is its members' average, so a move
 * mid-game would carry points from one team to another.
 */
export async function setLivePlayerTeam(
  ctx: AppContext,
  ownerId: string,
  rawCode: unknown,
  input: { playerId: unknown; team: unknown },
): Promise<{ playerId: string; team: number }> {
  const game = await hostedGame(ctx, ownerId, rawCode);
  const playerId = requireId(input.playerId, "player");
  const { team } = input;
  if (game.settings.teams === 0) throw new AppError(409, "no_teams", "This game is played without teams.");
  if (typeof team !== "number" || !Number.isInteger(team) || team < 0 || team >= game.settings.teams)
    throw new AppError(400, "bad_team", `Choose one of the game's ${game.settings.teams} teams.`);
  if (game.state.phase !== "lobby")
    throw new AppError(409, "started", "Teams are set in the lobby: the game has started.");
  const { count } = await ctx.db.livePlayer.updateMany({ where: { gameId: game.id, playerId }, data: { team } });
  if (count === 0) throw notFoundOrNotYours("player");
  await publish(ctx, game.id, `seat:${playerId}`);
  return { playerId, team };
}

/** Every player's score and their points from question `position` (one read), for the standings. */
export async function playerScores(ctx: AppContext, game: LiveGame) {
  const position = Math.max(0, game.state.questionIndex);
  const rows = await ctx.db.livePlayer.findMany({
    where: { gameId: game.id },
    select: {
      playerId: true,
      nickname: true,
      team: true,
      joinedAt: true,
      rejoinCode: true,
      attempt: {
        select: {
          score: true,
          streak: true,
          answers: {
            where: { attemptQuestion: { position } },
            select: { points: true, credit: true, response: true },
          },
        },
      },
    },
  });
  return rows.map((r) => {
    const answer = game.state.questionIndex >= 0 ? (r.attempt.answers[0] ?? null) : null;
    return {
      playerId: r.playerId,
      nickname: r.nickname,
      team: r.team,
      joinedAt: r.joinedAt,
      rejoinCode: r.rejoinCode,
      score: r.attempt.score,
      streak: r.attempt.streak,
      lastPoints: answer?.points ?? 0,
      answer: answer
        ? { credit: answer.credit, points: answer.points, response: JSON.parse(answer.response) as unknown }
        : null,
    };
  });
}
