// Pushing the live game: one read per state change per instance, then the same bytes to
// every connection; players get one message per phase (never one per answer), the host
// gets the answered count, coalesced; Last-Event-ID resume; the clock closes a question
// at its deadline and when everyone answered; and, on PostgreSQL, the host on one app
// instance and the players on another, through LISTEN/NOTIFY.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LiveMe, LiveView } from "@/lib/live/view";
import { closeContext, createContext, type AppContext } from "@/lib/server/context";
import {
  findLiveGame,
  joinLiveGame,
  moveLiveGame,
  REMOVED_MESSAGE,
  removeLivePlayer,
  setLivePlayerTeam,
  submitLiveAnswer,
} from "@/lib/server/live/games";
import { LiveHub, type LiveConnection } from "@/lib/server/live/hub";
import { findPlayer, type PlayerCookie } from "@/lib/server/play/player";
import type { Question } from "@/lib/quiz/question";
import { hostedLiveGame } from "../helpers/live-games";
import { availableProviders, describeEachDatabase, openTestDatabase, testConfig } from "../helpers/test-databases";

interface Received {
  event: string;
  id?: string;
  data: unknown;
}

/** A connection that parses what it is sent, as a browser's EventSource would. */
function fakeConnection(role: "host" | "player", playerId: string | null) {
  const events: Received[] = [];
  const status = { closed: false };
  const decoder = new TextDecoder();
  let buffer = "";
  const connection: LiveConnection = {
    role,
    playerId,
    send(chunk) {
      buffer += decoder.decode(chunk);
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(":")) {
          events.push({ event: "ping", data: null });
          continue;
        }
        const fields = Object.fromEntries(
          block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
        );
        events.push({ event: fields.event ?? "message", id: fields.id, data: JSON.parse(fields.data ?? "null") });
      }
    },
    close() {
      status.closed = true;
    },
  };
  const of = (event: string) => events.filter((e) => e.event === event);
  return { connection, events, of, status, states: () => of("state").map((e) => e.data as LiveView) };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(20);
  }
}

async function seat(ctx: AppContext, code: string, nickname: string) {
  const s = await joinLiveGame(ctx, { code, nickname, player: await findPlayer(ctx, null) });
  return { playerId: s.playerId, cookie: s.newCookie as PlayerCookie };
}

const hubs: LiveHub[] = [];
const extraContexts: AppContext[] = [];
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) hub.close();
  for (const ctx of extraContexts.splice(0)) await closeContext(ctx);
  for (const drop of drops.splice(0)) await drop();
});

function newHub(ctx: AppContext) {
  const hub = new LiveHub(ctx);
  hubs.push(hub);
  return hub;
}

const answerOf = (q: Question) => (q.type === "multiple-choice" ? q.answer : q.answer);

describeEachDatabase("pushing the live game", (current) => {
  it("gives each connection the server's clock as it attaches, not the time of the cached view", async () => {
    let now = new Date("2026-03-02T09:00:00Z");
    const ctx: AppContext = { ...current(), clock: { now: () => now } };
    const hub = newHub(ctx);
    const g = await hostedLiveGame(ctx);
    const late = await seat(ctx, g.code, "Aru");
    const host = fakeConnection("host", null);
    await hub.attach(g.gameId, host.connection, null);
    expect(host.events[0]).toEqual({ event: "clock", data: { now: now.toISOString() } });
    await moveLiveGame(ctx, { gameId: g.gameId, move: "start", ownerId: g.ownerId });
    await until(() => host.states().at(-1)?.phase === "question", "the question");
    const opened = host.states().at(-1)!;
    // The view is shared by every screen and cached for the phase: it carries no clock of its own.
    expect(opened).not.toHaveProperty("now");
    expect(host.of("clock")).toHaveLength(1);

    // 20 s into the question, a player reloads: the view is the one cached when it opened, and the
    // connection's own clock event (sent before it) is what the countdown's offset is read from.
    now = new Date(now.getTime() + 20_000);
    const phone = fakeConnection("player", late.playerId);
    await hub.attach(g.gameId, phone.connection, null);
    expect(phone.events[0]).toEqual({ event: "clock", data: { now: now.toISOString() } });
    expect(phone.of("clock")).toHaveLength(1);
    expect(phone.states().at(-1)).toEqual(opened);
    const clock = (phone.events[0]!.data as { now: string }).now;
    expect(Date.parse(phone.states().at(-1)!.deadline!) - Date.parse(clock)).toBe(10_000);
  });

  it("reads once per change and sends every player one state and their own line per phase", async () => {
    const ctx = current();
    const hub = newHub(ctx);
    const read = vi.spyOn(hub, "read");
    const g = await hostedLiveGame(ctx);
    const players = await Promise.all(["Aru", "Bek", "Dana"].map((n) => seat(ctx, g.code, n)));
    const host = fakeConnection("host", null);
    const screens = players.map((p) => fakeConnection("player", p.playerId));
    await hub.attach(g.gameId, host.connection, null);
    for (const s of screens) await hub.attach(g.gameId, s.connection, null);
    expect(read).toHaveBeenCalledTimes(1);
    expect(screens.map((s) => s.states().map((v) => v.phase))).toEqual([["lobby"], ["lobby"], ["lobby"]]);
    // Players never get the roster or the count.
    for (const s of screens) expect(s.of("roster").length + s.of("count").length).toBe(0);
    expect(host.of("roster").at(-1)?.data).toHaveLength(3);

    await moveLiveGame(ctx, { gameId: g.gameId, move: "start", ownerId: g.ownerId });
    await until(() => screens.every((s) => s.states().length === 2), "the question on every screen");
    expect(read).toHaveBeenCalledTimes(2);
    const view = screens[0]!.states()[1]!;
    expect(view).toMatchObject({ phase: "question", index: 0, count: 2, reveal: null });
    expect(view.question).not.toHaveProperty("answer");
    expect(JSON.stringify(view)).not.toContain("explanation");

    // Answers: nothing to the players; a coalesced count to the host.
    const game = await findLiveGame(ctx, g.code);
    const q = game.questions[0]!;
    const before = screens.map((s) => s.events.length);
    await submitLiveAnswer(ctx, { code: g.code, cookie: players[0]!.cookie, position: 0, response: answerOf(q) });
    await submitLiveAnswer(ctx, { code: g.code, cookie: players[1]!.cookie, position: 0, response: answerOf(q) });
    await until(
      () => host.of("count").some((e) => (e.data as { answered: number }).answered === 2),
      "the host's count of 2",
    );
    expect(screens.map((s) => s.events.length)).toEqual(before);

    // The third answer: everyone answered, so the clock reveals (one more read, one state each).
    await submitLiveAnswer(ctx, { code: g.code, cookie: players[2]!.cookie, position: 0, response: answerOf(q) });
    await until(() => screens.every((s) => s.states().at(-1)?.phase === "reveal"), "the reveal");
    const reveal = screens[0]!.states().at(-1)!;
    expect(reveal.reveal?.answer).toBe(q.answer);
    expect(reveal.reveal?.stats.answered).toBe(3);
    const me = screens[0]!.of("me").at(-1)!.data as LiveMe;
    expect(me).toMatchObject({ nickname: "Aru", of: 3, answered: true });
    // Each screen gets its own rejoin code, and no one else's.
    const codes = screens.map((s) => (s.of("me").at(-1)!.data as LiveMe).rejoinCode);
    expect(new Set(codes).size).toBe(3);
    for (const [i, s] of screens.entries()) {
      expect(codes[i]).toMatch(/^[A-Z2-9]{6}$/);
      for (const code of codes.filter((_, j) => j !== i)) expect(JSON.stringify(s.events)).not.toContain(code);
    }
    expect(JSON.stringify(host.events)).not.toContain(codes[0]);
    expect(me.last?.correct).toBe(true);
    expect(me.line).toMatch(/(1st|2nd|3rd)/);
    for (const s of screens) expect(s.states().map((v) => v.phase)).toEqual(["lobby", "question", "reveal"]);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it("resumes with Last-Event-ID: the latest version is not sent again, an older one is", async () => {
    const ctx = current();
    const hub = newHub(ctx);
    const g = await hostedLiveGame(ctx);
    const p = await seat(ctx, g.code, "Erlan");
    await moveLiveGame(ctx, { gameId: g.gameId, move: "start", ownerId: g.ownerId });
    const upToDate = fakeConnection("player", p.playerId);
    await hub.attach(g.gameId, upToDate.connection, 1);
    expect(upToDate.states()).toHaveLength(0);
    expect(upToDate.of("me")).toHaveLength(1);
    const behind = fakeConnection("player", p.playerId);
    await hub.attach(g.gameId, behind.connection, 0);
    expect(behind.states().map((v) => v.version)).toEqual([1]);
    expect(behind.of("state")[0]!.id).toBe("1");
  });

  it("the clock closes the question at its deadline", async () => {
    const ctx = current();
    const hub = newHub(ctx);
    const g = await hostedLiveGame(ctx, { timeLimitSeconds: 5 });
    const p = await seat(ctx, g.code, "Farida");
    const screen = fakeConnection("player", p.playerId);
    await hub.attach(g.gameId, screen.connection, null);
    // Open the question with its deadline already passed (a clock 6 s ahead), as after a long wait.
    await moveLiveGame(ctx, { gameId: g.gameId, move: "start", ownerId: g.ownerId });
    // Bring the deadline near (a 5 s wait in a test would be long): the hub's timer moves the game.
    await ctx.db.liveGame.update({
      where: { id: g.gameId },
      data: { deadline: new Date(Date.now() + 300), version: { increment: 1 } },
    });
    await ctx.events.publish(g.gameId, "state");
    await until(() => screen.states().at(-1)?.phase === "reveal", "time-up", 8000);
  });

  it("tells a removed player's screens at once and ends their streams; the others hear nothing", async () => {
    const ctx = current();
    const hub = newHub(ctx);
    const g = await hostedLiveGame(ctx);
    const kid = await seat(ctx, g.code, "Prankster");
    const stays = await seat(ctx, g.code, "Aru");
    const phone = fakeConnection("player", kid.playerId);
    const laptop = fakeConnection("player", kid.playerId);
    const other = fakeConnection("player", stays.playerId);
    for (const s of [phone, laptop, other]) await hub.attach(g.gameId, s.connection, null);
    await moveLiveGame(ctx, { gameId: g.gameId, move: "start", ownerId: g.ownerId });
    await until(() => other.states().at(-1)?.phase === "question", "the question");
    const before = other.events.length;
    await removeLivePlayer(ctx, g.ownerId, g.code, kid.playerId);
    for (const s of [phone, laptop]) {
      await until(() => s.status.closed, "the removed player's stream to end");
      expect(s.of("gone").at(-1)?.data).toEqual({ code: "removed", message: REMOVED_MESSAGE });
    }
    expect(other.status.closed).toBe(false);
    expect(other.events.length).toBe(before);
    expect(hub.connectionCount()).toBe(1);
    // The removed player cannot answer, nor watch again by reloading or polling.
    const q = (await findLiveGame(ctx, g.code)).questions[0]!;
    const answer = submitLiveAnswer(ctx, { code: g.code, cookie: kid.cookie, position: 0, response: answerOf(q) });
    await expect(answer).rejects.toMatchObject({ status: 403, code: "removed", message: REMOVED_MESSAGE });
    const rejoin = joinLiveGame(ctx, {
      code: g.code,
      nickname: "Prankster",
      player: await findPlayer(ctx, kid.cookie),
    });
    await expect(rejoin).rejects.toMatchObject({ status: 403, code: "removed" });
  });

  it("a team change reaches that player's screen and the host's roster at once, and no one else", async () => {
    const ctx = current();
    const hub = newHub(ctx);
    const g = await hostedLiveGame(ctx, { teams: 2 });
    const aru = await seat(ctx, g.code, "Aru");
    const bek = await seat(ctx, g.code, "Bek");
    const host = fakeConnection("host", null);
    const phone = fakeConnection("player", aru.playerId);
    const other = fakeConnection("player", bek.playerId);
    for (const c of [host, phone, other]) await hub.attach(g.gameId, c.connection, null);
    expect((phone.of("me").at(-1)!.data as LiveMe).team).toBe("Red");
    const before = other.events.length;
    await setLivePlayerTeam(ctx, g.ownerId, g.code, { playerId: aru.playerId, team: 1 });
    await until(() => (phone.of("me").at(-1)!.data as LiveMe).team === "Blue", "the player's new team");
    await until(
      () => (host.of("roster").at(-1)!.data as { nickname: string; team: string }[]).every((r) => r.team === "Blue"),
      "the host's roster",
    );
    expect(other.events.length).toBe(before);
  });

  it("a player's polling fallback reads the cached view, and closes a question whose time is up", async () => {
    const ctx = current();
    const hub = newHub(ctx);
    const g = await hostedLiveGame(ctx);
    const p = await seat(ctx, g.code, "Galym");
    await moveLiveGame(ctx, { gameId: g.gameId, move: "start", ownerId: g.ownerId });
    const look = await hub.look(g.gameId, "player", p.playerId);
    expect(look.view.phase).toBe("question");
    expect(look.me).toMatchObject({ nickname: "Galym", answered: false });
    await ctx.db.liveGame.update({
      where: { id: g.gameId },
      data: { deadline: new Date(Date.now() - 1000), version: { increment: 1 } },
    });
    await ctx.events.publish(g.gameId, "state");
    // Once this instance has read the change, a look finds the time up and closes the question.
    let phase = "question";
    for (let i = 0; i < 50 && phase !== "reveal"; i++) {
      await wait(100);
      phase = (await hub.look(g.gameId, "player", p.playerId)).view.phase;
    }
    expect(phase).toBe("reveal");
  });
});

// SQLite is one instance by design (its bus is in-process); several instances need PostgreSQL.
if (availableProviders().includes("postgres"))
  describe("pushing the live game between two app instances [postgres]", () => {
    it("with the host on one app instance and the players on another, every player gets each phase", async () => {
      // Two instances: each its own context (pools, bus, hub) on the same database.
      const database = await openTestDatabase("postgres");
      const ctx = createContext(testConfig(database.url));
      const other = createContext(testConfig(database.url));
      extraContexts.push(ctx, other);
      drops.push(database.drop);
      const hostHub = newHub(ctx);
      const playerHub = newHub(other);
      const g = await hostedLiveGame(ctx);
      const players = await Promise.all(["Aru", "Bek", "Dana"].map((n) => seat(other, g.code, n)));
      const host = fakeConnection("host", null);
      await hostHub.attach(g.gameId, host.connection, null);
      const screens = players.map((p) => fakeConnection("player", p.playerId));
      for (const s of screens) await playerHub.attach(g.gameId, s.connection, null);
      const read = vi.spyOn(playerHub, "read");
      await wait(300); // both LISTEN connections up
      await moveLiveGame(ctx, { gameId: g.gameId, move: "start", ownerId: g.ownerId });
      await until(() => screens.every((s) => s.states().at(-1)?.phase === "question"), "the question on instance B");
      expect(read).toHaveBeenCalledTimes(1);
      const q = (await findLiveGame(other, g.code)).questions[0]!;
      for (const p of players)
        await submitLiveAnswer(other, { code: g.code, cookie: p.cookie, position: 0, response: answerOf(q) });
      // The host's instance counts the answers made on the other, and closes the question.
      await until(() => host.states().at(-1)?.phase === "reveal", "the reveal on instance A");
      await until(() => screens.every((s) => s.states().at(-1)?.phase === "reveal"), "the reveal on instance B");
      expect(host.of("count").some((e) => (e.data as { answered: number }).answered === 3)).toBe(true);
      // A removal made on the host's instance reaches the removed player's screen on the other at once.
      await removeLivePlayer(ctx, g.ownerId, g.code, players[0]!.playerId);
      await until(() => screens[0]!.status.closed, "the removal on instance B");
      expect(screens[0]!.of("gone").at(-1)?.data).toMatchObject({ code: "removed" });
      expect(screens[1]!.status.closed).toBe(false);
    });
  });
