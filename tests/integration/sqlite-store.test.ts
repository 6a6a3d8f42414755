// The SQLite play store: WAL checkpoints in a worker thread, off the request path, and
// answers recorded by group commit.
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { startCheckpointer } from "@/lib/server/play/store/checkpointer";
import type { NewAnswer, Scored } from "@/lib/server/play/store";
import { createSqliteStore } from "@/lib/server/play/store/sqlite";
import { createWalSync, walFilesOnDisk, type WalFiles } from "@/lib/server/play/store/wal-sync";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A writer like the play store's: WAL, no automatic checkpoints, kept open. */
function writer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ft-ckpt-"));
  dirs.push(dir);
  const file = path.join(dir, "db.sqlite");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.exec("CREATE TABLE t (x TEXT)");
  const size = () => statSync(file).size;
  const fill = () => {
    const insert = db.prepare("INSERT INTO t VALUES (?)");
    for (let i = 0; i < 300; i++) insert.run("x".repeat(500));
  };
  return { file, db, size, fill };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the SQLite checkpointer", () => {
  it("leaves new pages in the WAL when nobody checkpoints (the control)", async () => {
    const { db, size, fill } = writer();
    const before = size();
    fill();
    await settle(700);
    expect(size()).toBe(before);
    db.close();
  });

  it("moves them into the database file from its worker thread", async () => {
    const { file, db, size, fill } = writer();
    const before = size();
    const worker = startCheckpointer(file, 5000, { intervalMs: 100 });
    fill();
    const deadline = Date.now() + 5000;
    while (size() <= before && Date.now() < deadline) await settle(50);
    expect(size()).toBeGreaterThan(before);
    await worker.stop();
    db.close();
  });
});

describe("the WAL under steady writes", () => {
  /** Commits small batches for `ms`, one every 2 ms, except while paused; the WAL's largest size in bytes. */
  async function steadyWrites(restart: boolean, ms = 3000) {
    const { file, db } = writer();
    let paused = false;
    let pauses = 0;
    const checkpointer = startCheckpointer(file, 5000, {
      intervalMs: 50,
      restartPages: 200,
      ...(restart ? { pauseWriter: { pause: () => ((paused = true), pauses++), resume: () => (paused = false) } } : {}),
    });
    const insert = db.prepare("INSERT INTO t VALUES (?)");
    const batch = db.transaction(() => {
      for (let i = 0; i < 20; i++) insert.run("x".repeat(500));
    });
    let largest = 0;
    let commits = 0;
    for (const end = Date.now() + ms; Date.now() < end;) {
      if (!paused) {
        batch.immediate();
        commits++;
      }
      largest = Math.max(largest, statSync(`${file}-wal`).size);
      await settle(2);
    }
    await checkpointer.stop();
    db.close();
    return { largest, commits, pauses, restarts: checkpointer.restarts };
  }

  it("grows without end when passive checkpoints alone run (the control), stays bounded when the WAL restarts", async () => {
    const passive = await steadyWrites(false);
    const restarting = await steadyWrites(true);
    expect(passive.restarts.done).toBe(0);
    expect(restarting.restarts.done).toBeGreaterThan(0);
    expect(restarting.pauses).toBeGreaterThan(0);
    // ~10 KB per commit: without restarts the WAL keeps growing (now and then a passive checkpoint catches up and the
    // writer reuses the file's start: runs here kept 3.7–7.7 KB per commit); with them, about a tick's worth.
    expect(passive.largest).toBeGreaterThan(passive.commits * 2_000);
    expect(restarting.largest).toBeLessThan(passive.largest / 2);
  });
});

// ------------------------------------------------------------------ group commit

/** A fresh copy of the migrated template with `attempts` practice attempts of 3 served questions each. */
function storeWithAttempts(attempts: number, synchronous?: "full" | "normal", walFiles?: WalFiles) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ft-group-"));
  dirs.push(dir);
  const file = path.join(dir, "db.sqlite");
  copyFileSync(inject("sqliteTemplate"), file);
  const seed = new Database(file);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const rules = JSON.stringify({
    count: 3,
    kinds: ["multiple-choice"],
    timeLimitSeconds: null,
    speedBonus: false,
    streakBonus: true,
  });
  seed.transaction(() => {
    for (let i = 0; i < attempts; i++) {
      seed
        .prepare(`INSERT INTO "Player" ("id", "nickname", "secretHash", "createdAt") VALUES (?, ?, 'x', ?)`)
        .run(`player${i}`, `Player ${i}`, now);
      seed
        .prepare(
          `INSERT INTO "Attempt" ("id", "playerId", "topic", "mode", "seed", "settings", "questionCount", "startedAt") VALUES (?, ?, 'kazakhstan-2022', 'practice', 1, ?, 3, ?)`,
        )
        .run(`attempt${i}`, `player${i}`, rules, now);
      for (let position = 0; position < 3; position++)
        seed
          .prepare(
            `INSERT INTO "AttemptQuestion" ("id", "attemptId", "position", "questionId", "question", "servedAt") VALUES (?, ?, ?, 'q', '{}', ?)`,
          )
          .run(`attempt${i}q${position}`, `attempt${i}`, position, now);
    }
  })();
  seed.close();
  const store = createSqliteStore(file, 5000, synchronous, walFiles);
  const count = (sql: string) => {
    const reader = new Database(file, { readonly: true });
    try {
      return (reader.prepare(sql).get() as { n: number }).n;
    } finally {
      reader.close();
    }
  };
  return { store, count };
}

const answer = (attempt: number, position: number): NewAnswer => ({
  attemptId: `attempt${attempt}`,
  attemptQuestionId: `attempt${attempt}q${position}`,
  response: '"a"',
  credit: 1,
  elapsedMs: 1000,
  createdAt: new Date(),
});
/** 1000 points per answer, +100 streak bonus from the second right answer in a row. */
const scoreRight = (streakBefore: number): Scored => ({
  correct: true,
  points: 1000 + (streakBefore > 0 ? 100 : 0),
  streakAfter: streakBefore + 1,
  detail: "{}",
});

describe("recording answers (SQLite group commit)", () => {
  it("records answers that arrive together in one commit, each with its own outcome", async () => {
    const { store, count } = storeWithAttempts(30);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => store.recordAnswer(answer(i, 0), scoreRight)),
    );
    expect(outcomes.every((o) => o.outcome === "recorded")).toBe(true);
    expect(store.commitStats()).toMatchObject({ commits: 1, answers: 30 });
    expect(count(`SELECT COUNT(*) AS n FROM "Answer"`)).toBe(30);
    expect(count(`SELECT SUM("score") AS n FROM "Attempt"`)).toBe(30_000);
    await store.close();
  });

  it("applies answers to one attempt in order within a commit (the second sees the first's streak)", async () => {
    const { store, count } = storeWithAttempts(1);
    const [first, second] = await Promise.all([
      store.recordAnswer(answer(0, 0), scoreRight),
      store.recordAnswer(answer(0, 1), scoreRight),
    ]);
    expect(store.commitStats().commits).toBe(1);
    expect(first).toMatchObject({ outcome: "recorded", attempt: { score: 1000, streak: 1 } });
    expect(second).toMatchObject({ outcome: "recorded", attempt: { score: 2100, streak: 2 } });
    expect(count(`SELECT "score" AS n FROM "Attempt"`)).toBe(2100);
    await store.close();
  });

  it("scores a question once when the same answer is sent twice in one commit", async () => {
    const { store, count } = storeWithAttempts(1);
    const outcomes = await Promise.all([
      store.recordAnswer(answer(0, 0), scoreRight),
      store.recordAnswer(answer(0, 0), scoreRight),
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(["recorded", "duplicate"]);
    expect(count(`SELECT "score" AS n FROM "Attempt"`)).toBe(1000);
    await store.close();
  });

  it("fails only the answer that fails: the rest of its commit is stored, nothing of it", async () => {
    const { store, count } = storeWithAttempts(3);
    const broken = (): Scored => {
      throw new Error("scoring failed");
    };
    const settled = await Promise.allSettled([
      store.recordAnswer(answer(0, 0), scoreRight),
      store.recordAnswer(answer(1, 0), broken),
      store.recordAnswer({ ...answer(2, 0), attemptQuestionId: "no-such-question" }, scoreRight),
      store.recordAnswer(answer(2, 1), scoreRight),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error("scoring failed"));
    expect(store.commitStats()).toMatchObject({ commits: 1, answers: 4 });
    expect(count(`SELECT COUNT(*) AS n FROM "Answer"`)).toBe(2);
    // The foreign-key failure rolled back its savepoint only: attempt 2 holds just the later answer.
    expect(count(`SELECT "score" AS n FROM "Attempt" WHERE "id" = 'attempt2'`)).toBe(1000);
    expect(count(`SELECT "score" AS n FROM "Attempt" WHERE "id" = 'attempt1'`)).toBe(0);
    await store.close();
  });

  it("keeps a commit to at most 100 answers", async () => {
    const { store, count } = storeWithAttempts(250);
    await Promise.all(Array.from({ length: 250 }, (_, i) => store.recordAnswer(answer(i, 0), scoreRight)));
    expect(store.commitStats()).toMatchObject({ commits: 3, answers: 250 });
    expect(count(`SELECT COUNT(*) AS n FROM "Answer"`)).toBe(250);
    await store.close();
  });

  it("records what is queued before closing the connection", async () => {
    const { store, count } = storeWithAttempts(2);
    const pending = [store.recordAnswer(answer(0, 0), scoreRight), store.recordAnswer(answer(1, 0), scoreRight)];
    await store.close();
    expect((await Promise.all(pending)).map((o) => o.outcome)).toEqual(["recorded", "recorded"]);
    expect(count(`SELECT COUNT(*) AS n FROM "Answer"`)).toBe(2);
  });
});

// ------------------------------------------------------------------ durability (decision 010)

/** The real WAL file operations, with each fdatasync held until the test lets it finish (or fail). */
function heldSyncs() {
  const log: string[] = [];
  const held: { release: () => void; fail: (error: Error) => void }[] = [];
  let opens = 0;
  const real = walFilesOnDisk;
  const files: WalFiles = {
    inode: (file) => real.inode(file),
    syncDirectory: (dir) => real.syncDirectory(dir),
    async open(file) {
      opens++;
      const handle = await real.open(file);
      return {
        ...handle,
        async datasync() {
          log.push("sync started");
          await new Promise<void>((resolve, reject) => held.push({ release: resolve, fail: reject }));
          await handle.datasync();
          log.push("sync done");
        },
      };
    },
  };
  return { files, log, held, opens: () => opens };
}

const turn = () => new Promise((r) => setImmediate(r));
async function until(condition: () => boolean) {
  // Up to 10 s: the real syncs before the held one (the directory's fsync) can take seconds on a busy disk.
  for (let i = 0; i < 2000 && !condition(); i++) await settle(5);
  expect(condition()).toBe(true);
}

describe("durable answers (SQLite, SQLITE_SYNCHRONOUS=full): the WAL synced off the event loop", () => {
  it("acknowledges an answer only after the WAL holding its commit is synced", async () => {
    const sync = heldSyncs();
    const { store, count } = storeWithAttempts(1, "full", sync.files);
    let acknowledged = false;
    const pending = store.recordAnswer(answer(0, 0), scoreRight).then((o) => {
      sync.log.push("acknowledged");
      acknowledged = true;
      return o;
    });
    await until(() => sync.held.length === 1);
    // Committed (readers see it), not yet acknowledged: the sync is still running.
    expect(count(`SELECT COUNT(*) AS n FROM "Answer"`)).toBe(1);
    await settle(20);
    expect(acknowledged).toBe(false);
    sync.held[0]!.release();
    expect(await pending).toMatchObject({ outcome: "recorded" });
    expect(sync.log).toEqual(["sync started", "sync done", "acknowledged"]);
    expect(store.commitStats()).toEqual({ commits: 1, answers: 1, walSyncs: 1 });
    await store.close();
  });

  it("runs one sync at a time: the commits made meanwhile share the next one", async () => {
    const sync = heldSyncs();
    const { store } = storeWithAttempts(4, "full", sync.files);
    const first = store.recordAnswer(answer(0, 0), scoreRight);
    await until(() => sync.held.length === 1);
    // Three more commits, one per turn of the event loop, while the first sync runs.
    const later: Promise<unknown>[] = [];
    for (let i = 1; i < 4; i++) {
      later.push(store.recordAnswer(answer(i, 0), scoreRight));
      await turn();
      await turn();
    }
    expect(store.commitStats().commits).toBe(4);
    expect(sync.held).toHaveLength(1);
    sync.held[0]!.release();
    await first;
    await until(() => sync.held.length === 2);
    sync.held[1]!.release();
    await Promise.all(later);
    expect(sync.held).toHaveLength(2);
    expect(store.commitStats()).toEqual({ commits: 4, answers: 4, walSyncs: 2 });
    await store.close();
  });

  it("rejects a commit's answers when its sync fails; they may be stored, and a retry is a duplicate", async () => {
    const sync = heldSyncs();
    const { store, count } = storeWithAttempts(2, "full", sync.files);
    const failed = Promise.allSettled([
      store.recordAnswer(answer(0, 0), scoreRight),
      store.recordAnswer(answer(1, 0), scoreRight),
    ]);
    await until(() => sync.held.length === 1);
    const error = Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" });
    sync.held[0]!.fail(error);
    expect((await failed).map((s) => s.status === "rejected" && s.reason)).toEqual([error, error]);
    expect(vi.mocked(console.error).mock.calls[0]?.[0]).toMatch(/Syncing the SQLite WAL failed/);
    vi.mocked(console.error).mockClear();
    expect(count(`SELECT COUNT(*) AS n FROM "Answer"`)).toBe(2);
    // The student's retry: the answer is there, so it is a duplicate (submitAnswer replays its feedback),
    // acknowledged once a new sync (on a reopened file: never trust a descriptor whose fsync failed) is done.
    const retry = store.recordAnswer(answer(0, 0), scoreRight);
    await until(() => sync.held.length === 2);
    sync.held[1]!.release();
    expect(await retry).toEqual({ outcome: "duplicate" });
    expect(sync.opens()).toBe(2);
    expect(count(`SELECT "score" AS n FROM "Attempt" WHERE "id" = 'attempt0'`)).toBe(1000);
    await store.close();
  });

  it("close() waits for the answers it records to be synced", async () => {
    const sync = heldSyncs();
    const { store, count } = storeWithAttempts(2, "full", sync.files);
    const pending = [store.recordAnswer(answer(0, 0), scoreRight), store.recordAnswer(answer(1, 0), scoreRight)];
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await until(() => sync.held.length === 1);
    await settle(20);
    expect(closed).toBe(false);
    sync.held[0]!.release();
    await closing;
    expect((await Promise.all(pending)).map((o) => o.outcome)).toEqual(["recorded", "recorded"]);
    expect(count(`SELECT COUNT(*) AS n FROM "Answer"`)).toBe(2);
  });

  it("syncs through the real file system by default, and not at all when set to normal", async () => {
    const durable = storeWithAttempts(2);
    await durable.store.recordAnswer(answer(0, 0), scoreRight);
    expect(durable.store.commitStats().walSyncs).toBe(1);
    await durable.store.close();
    const fast = storeWithAttempts(2, "normal");
    await fast.store.recordAnswer(answer(0, 0), scoreRight);
    expect(fast.store.commitStats().walSyncs).toBe(0);
    await fast.store.close();
  });
});

describe("the WAL sync's file", () => {
  function fakeFiles() {
    const calls: string[] = [];
    let inode: number | null = 1;
    const files: WalFiles = {
      inode: async () => inode,
      async open() {
        const opened = inode!;
        calls.push(`open ${opened}`);
        return {
          inode: async () => opened,
          datasync: async () => void calls.push(`datasync ${opened}`),
          close: async () => void calls.push(`close ${opened}`),
        };
      },
      syncDirectory: async () => void calls.push("sync directory"),
    };
    return { files, calls, setInode: (n: number | null) => (inode = n) };
  }

  it("keeps one descriptor while the file stays, reopens it when the file is made again, skips it when there is none", async () => {
    const fake = fakeFiles();
    const wal = createWalSync("/db/x.sqlite-wal", fake.files);
    await wal.sync();
    await wal.sync();
    fake.setInode(2);
    await wal.sync();
    fake.setInode(null);
    await wal.sync();
    await wal.close();
    expect(fake.calls).toEqual([
      "open 1",
      "sync directory",
      "datasync 1",
      "datasync 1",
      "close 1",
      "open 2",
      "sync directory",
      "datasync 2",
      "close 2",
    ]);
    expect(wal.count).toBe(3);
  });
});
