import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./url.js";

export type MigrationResult = { applied: string[] };

/** Guards against a migration edited after it ran somewhere. */
export function assertUnchanged(migration: Migration, appliedChecksum: string): void {
  if (appliedChecksum !== migration.checksum) {
    throw new Error(`Migration ${migration.name} was edited after it was applied (checksum differs)`);
  }
}

/** Refuses a database migrated by a newer Gatehouse: its schema may not match what this code expects. */
export function assertNoUnknownMigrations(appliedNames: Iterable<string>, known: Migration[]): void {
  const names = new Set(known.map((migration) => migration.name));
  const unknown = [...appliedNames].filter((name) => !names.has(name)).sort();
  if (unknown.length) {
    throw new Error(
      `The database is newer than this version of Gatehouse: it has migration(s) this code does not know (${unknown.join(", ")}). ` +
        "Start the newer version, or restore the backup taken before the upgrade.",
    );
  }
}

export type Migration = { name: string; sql: string; checksum: string };

/** Each dialect's own Prisma-generated migrations (the PostgreSQL ones are derived, see derive-postgres.ts). */
export const migrationsDirs = {
  sqlite: path.join(repoRoot, "prisma/migrations"),
  postgresql: path.join(repoRoot, "prisma/postgresql/migrations"),
} as const;

/** The Prisma-generated migrations, in the order Prisma applies them (by folder name). */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma's checksum: SHA-256 of the file's bytes, hex.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}
