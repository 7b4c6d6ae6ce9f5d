import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import lockfile from "proper-lockfile";
import { dialectOf, sqliteFilePath } from "./url.js";

// Not the migration lock's key: migrate() takes that one itself while this one is held.
const STARTUP_LOCK_KEY = 7_311_042_027;

/**
 * Runs `work` (migrate and seed) while no other Gatehouse instance on the same database does, so
 * instances that start together set the database up once. PostgreSQL: an advisory lock;
 * SQLite: a lock beside the database file.
 */
export async function withStartupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  if (dialectOf(databaseUrl) === "postgresql") {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
      return await work();
    } finally {
      await client.end(); // ends the session, which releases the lock
    }
  }
  const file = sqliteFilePath(databaseUrl);
  mkdirSync(path.dirname(file), { recursive: true });
  const release = await lockfile.lock(file, {
    realpath: false,
    stale: 30_000,
    retries: { retries: 600, minTimeout: 50, maxTimeout: 100 },
  });
  try {
    return await work();
  } finally {
    await release();
  }
}
