import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  assertNoUnknownMigrations,
  assertUnchanged,
  type MigrationResult,
  migrationsDirs,
  readMigrations,
} from "./migrations.js";
import { openWal } from "./sqlite-wal.js";

// The table Prisma's `migrate deploy` creates, so either tool can take over from the other.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function migrateSqlite(file: string): MigrationResult {
  mkdirSync(path.dirname(file), { recursive: true });
  const created = !existsSync(file);
  const sqlite = new Database(file);
  // The database holds hashes and personal data: a file Gatehouse creates is readable by its owner only.
  if (created) chmodSync(file, 0o600);
  try {
    openWal(sqlite, 60_000);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock first, so a second process waits and then finds nothing to do.
    const run = sqlite.transaction(() => {
      sqlite.exec(MIGRATIONS_TABLE);
      const rows = sqlite
        .prepare(
          `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
        )
        .all() as { migration_name: string; checksum: string }[];
      const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
      const migrations = readMigrations(migrationsDirs.sqlite);
      assertNoUnknownMigrations(done.keys(), migrations);
      for (const migration of migrations) {
        const checksum = done.get(migration.name);
        if (checksum !== undefined) {
          assertUnchanged(migration, checksum);
          continue;
        }
        const startedAt = new Date().toISOString();
        sqlite.exec(migration.sql);
        sqlite
          .prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
          )
          .run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
        applied.push(migration.name);
      }
    });
    run.immediate();
    return { applied };
  } finally {
    sqlite.close();
  }
}
