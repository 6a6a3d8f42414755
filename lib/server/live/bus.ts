// The live game's event bus (`ctx.events`): "game G changed" between every part of the
// app that holds a live game's connections. On SQLite (one instance) an in-process
// emitter; on PostgreSQL LISTEN/NOTIFY, so a move made on one instance reaches the
// players connected to every other. A message carries only the game's id and what
// changed: each instance then reads the game once and fans the result out itself.
import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/config.mjs";

/**
 * What changed: the state (a move), the roster (a join: news for the host only),
 * `removed:PLAYER` (the host removed that player: their screens are told at once), or
 * `seat:PLAYER` (the host moved that player to another team: the host's roster and that
 * player's own line).
 */
export type LiveChange = "state" | "roster" | `removed:${string}` | `seat:${string}`;

/** The change a message names, or null for anything else (a message is only ever one of ours). */
export function parseLiveChange(value: string): LiveChange | null {
  if (value === "state" || value === "roster") return value;
  return /^(removed|seat):[a-z0-9]{10,40}$/i.test(value) ? (value as LiveChange) : null;
}
export type LiveListener = (gameId: string, change: LiveChange) => void;

export interface LiveBus {
  publish(gameId: string, change: LiveChange): Promise<void>;
  /** Every message, from this instance and (on PostgreSQL) every other; returns the unsubscribe. */
  subscribe(listener: LiveListener): () => void;
  /**
   * Called when messages may have been lost (the LISTEN connection dropped and came
   * back): the listener should re-read every game it holds.
   */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = "fact_trail_live";

export function createLiveBus(target: DatabaseTarget): LiveBus {
  return target.provider === "postgres" ? postgresBus(target.url) : memoryBus();
}

export function memoryBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(gameId, change) {
      // Delivered on the next turn, as NOTIFY is: a publisher never re-enters its listeners.
      setImmediate(() => emitter.emit("change", gameId, change));
    },
    subscribe(listener) {
      emitter.on("change", listener);
      return () => emitter.off("change", listener);
    },
    onResync(listener) {
      emitter.on("resync", listener);
      return () => emitter.off("resync", listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * One dedicated connection per instance LISTENs (and sends the NOTIFYs). It opens on
 * the first use, and reconnects after a drop (then asks listeners to resync).
 */
function postgresBus(connectionString: string): LiveBus {
  const local = memoryBus();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const resync = new EventEmitter();

  const connect = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
      c.on("notification", (message) => {
        const payload = message.payload ?? "";
        const colon = payload.indexOf(":");
        const change = colon > 0 ? parseLiveChange(payload.slice(colon + 1)) : null;
        if (change) void local.publish(payload.slice(0, colon), change);
      });
      c.on("error", (error) => {
        console.warn("Live game bus: PostgreSQL connection lost (reconnecting):", error.message);
        dropped(c);
      });
      c.on("end", () => dropped(c));
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
      } catch (error) {
        await c.end().catch(() => {});
        throw error;
      } finally {
        connecting = null;
      }
      client = c;
      return c;
    })();
    return connecting;
  };

  const dropped = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => resync.emit("resync"),
        () => dropped(c),
      );
    }, 1000);
    retry.unref();
  };

  return {
    async publish(gameId, change) {
      const c = await connect();
      await c.query("SELECT pg_notify($1, $2)", [CHANNEL, `${gameId}:${change}`]);
    },
    subscribe(listener) {
      // Listening starts with the first subscriber; a failure is retried on the next publish.
      connect().catch((error: Error) => console.warn("Live game bus: cannot LISTEN yet:", error.message));
      return local.subscribe(listener);
    },
    onResync(listener) {
      resync.on("resync", listener);
      return () => resync.off("resync", listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client ?? (await connecting?.catch(() => null)) ?? null;
      client = null;
      await c?.end().catch(() => {});
      await local.close();
    },
  };
}
