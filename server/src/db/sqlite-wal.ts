import type Database from "better-sqlite3";

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * SQLite's `synchronous` setting (SQLITE_SYNCHRONOUS). In WAL mode NORMAL syncs at checkpoints only, not on every
 * commit: it never corrupts the file and keeps every commit across a process crash; a power loss may undo the last.
 */
export type SqliteSynchronous = "normal" | "full";

/** The statement that applies it to one connection (it is a per-connection setting). */
export const synchronousPragma = (mode: SqliteSynchronous) =>
  `PRAGMA synchronous = ${mode === "full" ? "FULL" : "NORMAL"}`;

/**
 * Waits out other connections' locks, then switches the file to WAL.
 *
 * Switching the journal mode needs the file to itself, and SQLite answers SQLITE_BUSY at once, without calling the
 * busy handler, when two connections would otherwise deadlock (two processes starting on a new file at the same
 * moment). So the switch is retried here until the timeout.
 */
export function openWal(db: Database.Database, timeoutMs: number): void {
  db.pragma(`busy_timeout = ${timeoutMs}`);
  const deadline = Date.now() + timeoutMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, wait);
    }
  }
}
