// This instance's side of the live games: the connections (event streams) of each
// game it serves, the game's latest view, and the game's clocks. When the bus says a
// game changed, the hub reads it ONCE (the state, every player's score, the open
// question's answers) and sends the same bytes to every connection of that game, plus
// each player's own small line. Per-answer news goes to the host only: every 250 ms
// while a question is open (or the lobby fills), one count query, sent if it changed.
// Players get one message per phase — never one per answer — so a question costs
// O(players) messages, not O(players²).
import "server-only";
import { timeIsUp } from "@/lib/live/game";
import { revealStats } from "@/lib/live/reveal";
import { rankPlayers, rankTeams } from "@/lib/live/standings";
import { buildMe, buildView, teamName, type LiveMe, type LiveView, type RosterEntry } from "@/lib/live/view";
import { AppError } from "@/lib/app-error";
import type { AppContext } from "../context";
import type { LiveChange } from "./bus";
import { answeredCount, findLiveGameById, moveLiveGame, playerScores, REMOVED_MESSAGE, type LiveGame } from "./games";

export type Role = "host" | "player";

/** One open event stream (or a polling client's last look). */
export interface LiveConnection {
  role: Role;
  playerId: string | null;
  send(chunk: Uint8Array): void;
  /** Ends the stream (a removed player's); the browser is told not to reconnect first. */
  close?(): void;
}

export interface Snapshot {
  game: LiveGame;
  view: LiveView;
  me: Map<string, LiveMe>;
  roster: RosterEntry[];
  /** The encoded SSE events, built once for every connection. */
  stateEvent: Uint8Array;
  hostStateEvent: Uint8Array;
}

const encoder = new TextEncoder();
export const HEARTBEAT_MS = 15_000;
export const HOST_NEWS_MS = 250;
/** A game nobody has streamed or polled for this long is forgotten by this instance. */
const IDLE_MS = 60_000;

export function sseEvent(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

class Channel {
  readonly connections = new Set<LiveConnection>();
  snapshot: Snapshot | null = null;
  lastUsed = Date.now();
  news = { players: -1, answered: -1 };
  private refreshing: Promise<Snapshot> | null = null;
  private stale = false;
  private deadlineTimer: NodeJS.Timeout | null = null;
  private newsTimer: NodeJS.Timeout | null = null;
  private newsBusy = false;
  rosterDirty = false;

  constructor(
    private readonly hub: LiveHub,
    readonly gameId: string,
  ) {}

  hosts(): number {
    let n = 0;
    for (const c of this.connections) if (c.role === "host") n++;
    return n;
  }

  /** The latest snapshot, reading the game once if there is none (or it is stale). */
  current(): Promise<Snapshot> {
    if (this.snapshot && !this.stale) return Promise.resolve(this.snapshot);
    return this.refresh();
  }

  /** Reads the game once, however many changes arrive meanwhile (they coalesce into one more read). */
  refresh(): Promise<Snapshot> {
    if (this.refreshing) {
      this.stale = true;
      return this.refreshing;
    }
    this.stale = false;
    this.refreshing = this.hub
      .read(this.gameId)
      .then((snapshot) => {
        const previous = this.snapshot;
        this.snapshot = snapshot;
        this.news = {
          players: snapshot.view.players,
          answered: previous?.game.state.version === snapshot.game.state.version ? this.news.answered : 0,
        };
        // The first read of a channel is sent by attach() to the connections waiting for it.
        if (previous && previous.game.state.version !== snapshot.game.state.version) this.broadcast(snapshot);
        else if (this.rosterDirty) this.sendHosts(encoder.encode(sseEvent("roster", snapshot.roster)));
        this.rosterDirty = false;
        this.arm(snapshot);
        return snapshot;
      })
      .finally(() => {
        this.refreshing = null;
        if (this.stale) void this.refresh().catch(() => {});
      });
    return this.refreshing;
  }

  private broadcast(snapshot: Snapshot) {
    for (const c of this.connections) {
      if (c.role === "host") c.send(snapshot.hostStateEvent);
      else {
        c.send(snapshot.stateEvent);
        const me = c.playerId ? snapshot.me.get(c.playerId) : undefined;
        if (me) c.send(encoder.encode(sseEvent("me", me)));
      }
    }
  }

  /** A removed player's screens hear it at once and their streams end; the host's roster follows on its tick. */
  removePlayer(playerId: string) {
    const gone = encoder.encode(sseEvent("gone", { code: "removed", message: REMOVED_MESSAGE }));
    for (const c of this.connections)
      if (c.role === "player" && c.playerId === playerId) {
        this.connections.delete(c);
        c.send(gone);
        c.close?.();
      }
    this.snapshot?.me.delete(playerId);
    this.rosterDirty = true;
  }

  sendHosts(chunk: Uint8Array) {
    for (const c of this.connections) if (c.role === "host") c.send(chunk);
  }

  /** The clocks: time-up at the deadline, and the host's news while the lobby fills or a question is open. */
  private arm(snapshot: Snapshot) {
    const { state } = snapshot.game;
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = null;
    if (state.phase === "question" && state.deadline && this.connections.size > 0) {
      const wait = Math.max(0, state.deadline.getTime() - this.hub.ctx.clock.now().getTime()) + 20;
      this.deadlineTimer = setTimeout(() => void this.hub.clockMove(this.gameId, "time-up"), wait);
      this.deadlineTimer.unref();
    }
    const wantsNews = (state.phase === "lobby" || state.phase === "question") && this.hosts() > 0;
    if (wantsNews && !this.newsTimer) {
      this.newsTimer = setInterval(() => void this.hostNews(), HOST_NEWS_MS);
      this.newsTimer.unref();
    } else if (!wantsNews && this.newsTimer) {
      clearInterval(this.newsTimer);
      this.newsTimer = null;
    }
  }

  rearm() {
    if (this.snapshot) this.arm(this.snapshot);
  }

  /** One count query per tick: "23 of 31 answered" to the host; everyone answered closes the question. */
  private async hostNews() {
    const snapshot = this.snapshot;
    if (!snapshot || this.newsBusy || this.refreshing) return;
    this.newsBusy = true;
    try {
      const counts = await answeredCount(this.hub.ctx, snapshot.game);
      if (this.snapshot !== snapshot) return;
      const rosterChanged = counts.players !== this.news.players || this.rosterDirty;
      if (counts.players !== this.news.players || counts.answered !== this.news.answered) {
        this.news = counts;
        this.sendHosts(encoder.encode(sseEvent("count", counts)));
      }
      if (rosterChanged) {
        this.rosterDirty = false;
        const roster = await this.hub.roster(snapshot.game);
        snapshot.roster = roster;
        this.sendHosts(encoder.encode(sseEvent("roster", roster)));
      }
      if (snapshot.game.state.phase === "question" && counts.players > 0 && counts.answered >= counts.players)
        await this.hub.clockMove(this.gameId, "all-answered");
    } catch (error) {
      console.warn("Live game: the host's count failed:", (error as Error).message);
    } finally {
      this.newsBusy = false;
    }
  }

  stop() {
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    if (this.newsTimer) clearInterval(this.newsTimer);
    this.deadlineTimer = this.newsTimer = null;
  }
}

export class LiveHub {
  private readonly channels = new Map<string, Channel>();
  private readonly unsubscribe: (() => void)[] = [];
  private readonly heartbeat: NodeJS.Timeout;

  constructor(readonly ctx: AppContext) {
    this.unsubscribe.push(ctx.events.subscribe((gameId, change) => this.changed(gameId, change)));
    this.unsubscribe.push(ctx.events.onResync(() => this.resync()));
    const ping = encoder.encode(": ping\n\n");
    this.heartbeat = setInterval(() => {
      const now = Date.now();
      for (const [id, channel] of this.channels) {
        for (const c of channel.connections) c.send(ping);
        if (channel.connections.size === 0 && now - channel.lastUsed > IDLE_MS) {
          channel.stop();
          this.channels.delete(id);
        }
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private channel(gameId: string): Channel {
    let channel = this.channels.get(gameId);
    if (!channel) this.channels.set(gameId, (channel = new Channel(this, gameId)));
    channel.lastUsed = Date.now();
    return channel;
  }

  private changed(gameId: string, change: LiveChange) {
    const channel = this.channels.get(gameId);
    if (!channel) return; // nobody here watches this game: nothing to read
    if (change.startsWith("removed:")) {
      channel.removePlayer(change.slice("removed:".length));
      return;
    }
    if (change.startsWith("seat:")) {
      void this.reseat(channel, change.slice("seat:".length));
      return;
    }
    if (change === "roster") {
      // Joins are news for the host only, picked up by the host's next 250 ms tick (one read for many joins).
      channel.rosterDirty = true;
      return;
    }
    void channel.refresh().catch((error: Error) => console.warn("Live game: refresh failed:", error.message));
  }

  private resync() {
    for (const channel of this.channels.values())
      void channel.refresh().catch((error: Error) => console.warn("Live game: resync failed:", error.message));
  }

  /** The one read per change: the game, every player's score and the open question's answers. */
  async read(gameId: string): Promise<Snapshot> {
    const game = await findLiveGameById(this.ctx, gameId);
    if (!game) throw new AppError(404, "unknown_game", "This live game no longer exists.");
    const scores = await playerScores(this.ctx, game);
    const ranked = rankPlayers(scores);
    const extra = new Map(scores.map((s) => [s.playerId, s]));
    const { state } = game;
    const question = state.questionIndex >= 0 ? game.questions[state.questionIndex] : undefined;
    const stats =
      question && (state.phase === "reveal" || state.phase === "leaderboard")
        ? revealStats(
            question,
            scores.flatMap((s) => (s.answer ? [s.answer] : [])),
          )
        : null;
    const view = buildView({
      state,
      code: game.code,
      title: game.title,
      limitSeconds: game.settings.timeLimitSeconds,
      teams: game.settings.teams,
      questions: game.questions,
      ranked,
      teamBoard: game.settings.teams > 0 ? rankTeams(scores, game.settings.teams) : null,
      stats,
    });
    const me = buildMe(
      ranked.map((p) => {
        const { streak, answer, rejoinCode } = extra.get(p.playerId)!;
        return { ...p, streak, answer, rejoinCode };
      }),
      state,
    );
    const roster = scores
      .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())
      .map((s) => ({ playerId: s.playerId, nickname: s.nickname, team: teamName(s.team) }));
    const stateEvent = encoder.encode(sseEvent("state", view, state.version));
    const hostStateEvent = encoder.encode(
      sseEvent("state", view, state.version) +
        sseEvent("roster", roster) +
        sseEvent("count", {
          players: scores.length,
          answered: stats?.answered ?? scores.filter((s) => s.answer).length,
        }),
    );
    return { game, view, me, roster, stateEvent, hostStateEvent };
  }

  async roster(game: LiveGame): Promise<RosterEntry[]> {
    const rows = await this.ctx.db.livePlayer.findMany({
      where: { gameId: game.id },
      orderBy: { joinedAt: "asc" },
      select: { playerId: true, nickname: true, team: true },
    });
    return rows.map((r) => ({ ...r, team: teamName(r.team) }));
  }

  /** The clock's moves: refused quietly when another instance (or the host) moved first. */
  async clockMove(gameId: string, move: "time-up" | "all-answered"): Promise<void> {
    try {
      await moveLiveGame(this.ctx, { gameId, move });
    } catch (error) {
      if (error instanceof AppError && (error.status === 409 || error.status === 404)) return;
      console.warn(`Live game: the clock's ${move} failed:`, (error as Error).message);
    }
  }

  /**
   * Opens a connection on the game: sends the current view unless `lastVersion` says the
   * browser has it already (Last-Event-ID), then the player's own line. Returns the detach.
   */
  async attach(gameId: string, connection: LiveConnection, lastVersion: number | null): Promise<() => void> {
    const channel = this.channel(gameId);
    // This connection's own reading of the server's clock, first: the view it gets may be the one
    // cached when the phase began (a late joiner, a reload), so the view carries no clock.
    connection.send(encoder.encode(sseEvent("clock", { now: this.ctx.clock.now().toISOString() })));
    channel.connections.add(connection);
    const detach = () => {
      channel.connections.delete(connection);
      channel.lastUsed = Date.now();
      channel.rearm();
    };
    try {
      await channel.current();
      // The latest (a change may have landed while this connection waited).
      const snapshot = channel.snapshot!;
      if (connection.role === "host") {
        if (lastVersion !== snapshot.game.state.version) connection.send(snapshot.hostStateEvent);
        else connection.send(encoder.encode(sseEvent("roster", snapshot.roster)));
      } else {
        if (lastVersion !== snapshot.game.state.version) connection.send(snapshot.stateEvent);
        const me = await this.meFor(snapshot, connection.playerId);
        if (me) connection.send(encoder.encode(sseEvent("me", me)));
      }
      channel.rearm();
    } catch (error) {
      detach();
      throw error;
    }
    return detach;
  }

  /** A player's seat changed (their team): their own line is read again for their screens here, and the host's roster. */
  private async reseat(channel: Channel, playerId: string) {
    channel.rosterDirty = true;
    const snapshot = channel.snapshot;
    if (!snapshot) return;
    snapshot.me.delete(playerId);
    const screens = [...channel.connections].filter((c) => c.role === "player" && c.playerId === playerId);
    if (screens.length === 0) return;
    try {
      const me = await this.meFor(snapshot, playerId);
      if (!me) return;
      snapshot.me.set(playerId, me);
      const chunk = encoder.encode(sseEvent("me", me));
      for (const c of screens) c.send(chunk);
    } catch (error) {
      console.warn("Live game: a player's line could not be read:", (error as Error).message);
    }
  }

  /**
   * A player's own line: from the snapshot, except while a question is open (whether
   * they answered it is read for this one connection) or when they joined after it.
   */
  private async meFor(snapshot: Snapshot, playerId: string | null): Promise<LiveMe | null> {
    if (!playerId) return null;
    const cached = snapshot.me.get(playerId);
    if (cached && snapshot.game.state.phase !== "question") return cached;
    const { game } = snapshot;
    const seat = await this.ctx.db.livePlayer.findUnique({
      where: { gameId_playerId: { gameId: game.id, playerId } },
      select: {
        nickname: true,
        team: true,
        rejoinCode: true,
        attempt: {
          select: {
            score: true,
            streak: true,
            answers: {
              where: { attemptQuestion: { position: Math.max(0, game.state.questionIndex) } },
              select: { points: true },
            },
          },
        },
      },
    });
    if (!seat) return null;
    return {
      playerId,
      nickname: seat.nickname,
      team: teamName(seat.team),
      score: seat.attempt.score,
      rank: cached?.rank ?? null,
      of: snapshot.view.players,
      line: null,
      streak: seat.attempt.streak,
      answered: game.state.questionIndex >= 0 && seat.attempt.answers.length > 0,
      last: null,
      rejoinCode: seat.rejoinCode,
    };
  }

  /** For the polling fallback: the current view (and a player's line), moving a question whose time is up. */
  async look(
    gameId: string,
    role: Role,
    playerId: string | null,
  ): Promise<{
    view: LiveView;
    me: LiveMe | null;
    roster?: RosterEntry[];
    count?: { players: number; answered: number };
  }> {
    const channel = this.channel(gameId);
    let snapshot = await channel.current();
    if (timeIsUp(snapshot.game.state, this.ctx.clock.now())) {
      await this.clockMove(gameId, "time-up");
      snapshot = await channel.refresh();
    }
    if (role === "host") {
      const count = await answeredCount(this.ctx, snapshot.game);
      return { view: snapshot.view, me: null, roster: await this.roster(snapshot.game), count };
    }
    return { view: snapshot.view, me: await this.meFor(snapshot, playerId) };
  }

  /** Connections this instance holds (the benchmark's memory figure divides by it). */
  connectionCount(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.connections.size;
    return n;
  }

  close() {
    clearInterval(this.heartbeat);
    for (const off of this.unsubscribe) off();
    for (const channel of this.channels.values()) channel.stop();
    this.channels.clear();
  }
}

const hubs = new WeakMap<object, LiveHub>();

/** The hub of this context's bus (one per process in the app; one per test context in tests). */
export function liveHub(ctx: AppContext): LiveHub {
  let hub = hubs.get(ctx.events);
  if (!hub) hubs.set(ctx.events, (hub = new LiveHub(ctx)));
  return hub;
}

/** Stops the context's hub (its timers), if it has one. */
export function closeLiveHub(ctx: AppContext): void {
  hubs.get(ctx.events)?.close();
  hubs.delete(ctx.events);
}
