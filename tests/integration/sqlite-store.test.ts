// The SQLite play store: WAL checkpoints in a worker thread, off the request path, and
// answers recorded by group commit.
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, inject, it } from "vitest";
import { startCheckpointer } from "@/lib/server/play/store/checkpointer";
import type { NewAnswer, Scored } from "@/lib/server/play/store";
import { createSqliteStore } from "@/lib/server/play/store/sqlite";

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
    const worker = startCheckpointer(file, 5000, 100);
    fill();
    const deadline = Date.now() + 5000;
    while (size() <= before && Date.now() < deadline) await settle(50);
    expect(size()).toBeGreaterThan(before);
    await worker.stop();
    db.close();
  });
});

// ------------------------------------------------------------------ group commit

/** A fresh copy of the migrated template with `attempts` practice attempts of 3 served questions each. */
function storeWithAttempts(attempts: number, synchronous?: "full" | "normal") {
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
  const store = createSqliteStore(file, 5000, synchronous);
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
    expect(store.commitStats()).toEqual({ commits: 1, answers: 30 });
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
    expect(store.commitStats()).toEqual({ commits: 1, answers: 4 });
    expect(count(`SELECT COUNT(*) AS n FROM "Answer"`)).toBe(2);
    // The foreign-key failure rolled back its savepoint only: attempt 2 holds just the later answer.
    expect(count(`SELECT "score" AS n FROM "Attempt" WHERE "id" = 'attempt2'`)).toBe(1000);
    expect(count(`SELECT "score" AS n FROM "Attempt" WHERE "id" = 'attempt1'`)).toBe(0);
    await store.close();
  });

  it("syncs every commit to disk (FULL: an acknowledged answer survives a power cut) unless set to NORMAL", async () => {
    const durable = storeWithAttempts(2);
    await durable.store.recordAnswer(answer(0, 0), scoreRight);
    expect(durable.store.synchronous()).toBe(2);
    await durable.store.close();
    const fast = storeWithAttempts(2, "normal");
    await fast.store.recordAnswer(answer(0, 0), scoreRight);
    expect(fast.store.synchronous()).toBe(1);
    await fast.store.close();
  });

  it("keeps a commit to at most 100 answers", async () => {
    const { store, count } = storeWithAttempts(250);
    await Promise.all(Array.from({ length: 250 }, (_, i) => store.recordAnswer(answer(i, 0), scoreRight)));
    expect(store.commitStats()).toEqual({ commits: 3, answers: 250 });
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
