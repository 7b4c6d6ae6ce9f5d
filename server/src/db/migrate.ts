import { migratePostgres } from "./migrate-postgres.js";
import { migrateSqlite } from "./migrate-sqlite.js";
import type { MigrationResult } from "./migrations.js";
import { dialectOf, sqliteFilePath } from "./url.js";

/** Applies pending migrations for the dialect DATABASE_URL names; safe from several processes at once. */
export async function migrate(databaseUrl: string): Promise<MigrationResult> {
  return dialectOf(databaseUrl) === "postgresql"
    ? migratePostgres(databaseUrl)
    : migrateSqlite(sqliteFilePath(databaseUrl));
}
