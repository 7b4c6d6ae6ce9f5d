import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { migrationsDirs, readMigrations } from "./migrations.js";
import { dialectOf, sqliteFilePath } from "./url.js";

export type MigrationStatus = {
  dialect: "sqlite" | "postgresql";
  applied: { name: string; finishedAt: string }[];
  /** What the next start (or `pnpm db:migrate`) of this code will apply. */
  pending: string[];
  /** Applied by a newer Gatehouse; this code refuses to start on such a database. */
  unknown: string[];
};

type Row = { migration_name: string; finished_at: string | Date };

const APPLIED_SQL = `SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`;

async function appliedRows(databaseUrl: string): Promise<Row[]> {
  if (dialectOf(databaseUrl) === "postgresql") {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS name`);
      if (!table.rows[0]?.name) return [];
      return (await client.query<Row>(APPLIED_SQL)).rows;
    } finally {
      await client.end();
    }
  }
  const file = sqliteFilePath(databaseUrl);
  // Reading the status never creates the database file.
  if (!existsSync(file)) return [];
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`);
    if (!table.get()) return [];
    return sqlite.prepare(APPLIED_SQL).all() as Row[];
  } finally {
    sqlite.close();
  }
}

/** Applied, pending and unknown (newer) migrations of a database, without changing it. */
export async function migrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  const dialect = dialectOf(databaseUrl);
  const known = readMigrations(migrationsDirs[dialect]).map((migration) => migration.name);
  const rows = await appliedRows(databaseUrl);
  const applied = rows.map((row) => ({
    name: row.migration_name,
    finishedAt: new Date(row.finished_at).toISOString(),
  }));
  const appliedNames = new Set(applied.map((row) => row.name));
  return {
    dialect,
    applied,
    pending: known.filter((name) => !appliedNames.has(name)),
    unknown: applied.map((row) => row.name).filter((name) => !known.includes(name)),
  };
}
