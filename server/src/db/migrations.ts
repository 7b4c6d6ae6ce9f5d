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
