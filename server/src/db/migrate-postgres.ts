import { randomUUID } from "node:crypto";
import pg from "pg";
import {
  assertNoUnknownMigrations,
  assertUnchanged,
  type MigrationResult,
  migrationsDirs,
  readMigrations,
} from "./migrations.js";

// The table Prisma's `migrate deploy` creates on PostgreSQL, so either tool can take over from the other.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; every Gatehouse instance must use the same one.
const MIGRATION_LOCK_KEY = 7_311_042_026;

/**
 * Prisma's WASM engine cannot run `migrate deploy` on PostgreSQL here, so the Prisma-generated
 * migration.sql files are applied in order, each in its own transaction, under an advisory lock.
 */
export async function migratePostgres(connectionString: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    const migrations = readMigrations(migrationsDirs.postgresql);
    assertNoUnknownMigrations(done.keys(), migrations);
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        assertUnchanged(migration, checksum);
        continue;
      }
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    // Closing the session releases the advisory lock as well.
    await client.end();
  }
}
