// Durable answers without an fsync on the event loop (docs/decisions/010): the play store's
// connection runs at synchronous = NORMAL (a commit writes the WAL, syncs nothing) and, after
// each group commit, this module fdatasyncs the -wal file on libuv's thread pool before the
// batch's answers are acknowledged. At most one sync is in flight; the commits made while it
// runs wait for the next one, which then serves them all.
//
// Why syncing the WAL file is enough: a commit's frames are in the WAL, or, once a checkpoint
// has copied them, in the database file. A checkpoint syncs the WAL before it copies and the
// database after; the WAL is restarted (its frames overwritten, or the file truncated by
// journal_size_limit or a TRUNCATE checkpoint) only after a complete checkpoint. So when a
// sync that started after a commit returns, the commit is on disk in one file or the other.
// The file is the same inode while the store's connection is open (truncation keeps it); if it
// was deleted and made again (every connection closed), the new one is opened, and its
// directory synced once, as SQLite does for a new WAL; if there is none, nothing is pending.
import "server-only";
import { open, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";

/** The file operations a sync needs: the real ones, or a test's. */
export interface WalFiles {
  /** The file's inode, or null if there is none. */
  inode(file: string): Promise<number | null>;
  open(file: string): Promise<{ inode(): Promise<number>; datasync(): Promise<void>; close(): Promise<void> }>;
  /** fsync of a directory (a new file's name is on disk only once its directory is). */
  syncDirectory(dir: string): Promise<void>;
}

export const walFilesOnDisk: WalFiles = {
  async inode(file) {
    try {
      return (await stat(file)).ino;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  },
  async open(file) {
    const handle: FileHandle = await open(file, "r");
    return {
      inode: async () => (await handle.stat()).ino,
      datasync: () => handle.datasync(),
      close: () => handle.close(),
    };
  },
  async syncDirectory(dir) {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

export interface WalSync {
  /** Resolves once everything written to the WAL before the call is on disk; rejects if the sync failed. */
  sync(): Promise<void>;
  /** Waits for the syncs asked for, then closes the file. */
  close(): Promise<void>;
  /** Syncs run since the store opened. */
  readonly count: number;
}

export function createWalSync(
  walFile: string,
  files: WalFiles = walFilesOnDisk,
  onSynced: (ms: number) => void = () => {},
): WalSync {
  let file: { handle: Awaited<ReturnType<WalFiles["open"]>>; inode: number } | null = null;
  let running: Promise<void> | null = null;
  let next: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | null = null;
  let count = 0;

  const closeFile = async () => {
    const open = file;
    file = null;
    await open?.handle.close();
  };

  const syncOnce = async () => {
    const started = performance.now();
    const inode = await files.inode(walFile);
    if (inode === null) {
      // No WAL: the last connection checkpointed it into the (synced) database file and deleted it.
      await closeFile();
      return;
    }
    if (file?.inode !== inode) {
      await closeFile();
      const handle = await files.open(walFile);
      file = { handle, inode: await handle.inode() };
      await files.syncDirectory(path.dirname(walFile));
    }
    try {
      await file.handle.datasync();
    } catch (error) {
      // After a failed fsync the kernel may have dropped the pages it could not write: never
      // trust this descriptor again (the next sync reopens the file).
      await closeFile().catch(() => undefined);
      throw error;
    }
    count++;
    onSynced(performance.now() - started);
  };

  const start = (): Promise<void> => {
    const run = syncOnce().finally(() => {
      running = null;
      const waiting = next;
      next = null;
      if (waiting) start().then(waiting.resolve, waiting.reject);
    });
    running = run;
    return run;
  };

  return {
    sync() {
      if (!running) return start();
      if (!next) {
        let resolve!: () => void;
        let reject!: (error: unknown) => void;
        const promise = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        next = { promise, resolve, reject };
      }
      return next.promise;
    },
    async close() {
      while (running || next) await (next?.promise ?? running)!.catch(() => undefined);
      await closeFile();
    },
    get count() {
      return count;
    },
  };
}
