// SQLite WAL checkpoints run in a worker thread, off the request path.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startCheckpointer } from "@/lib/server/play/checkpointer";

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
