import { chmodSync, existsSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { servingProcesses } from "./serving-marker.js";
import { dialectOf, sqliteFilePath } from "./url.js";

export class BackupError extends Error {}

const POSTGRES_HINT =
  "On PostgreSQL use pg_dump -Fc and pg_restore (see the README's production section); Gatehouse does not wrap them.";

function sqliteOnly(databaseUrl: string): string {
  if (dialectOf(databaseUrl) !== "sqlite") throw new BackupError(POSTGRES_HINT);
  return sqliteFilePath(databaseUrl);
}

/**
 * An online, consistent copy of the SQLite database through SQLite's backup API: the server keeps
 * serving (and writing) while it runs. The copy is readable by its owner only.
 */
export async function backupSqlite(databaseUrl: string, target: string): Promise<{ file: string; bytes: number }> {
  const source = sqliteOnly(databaseUrl);
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name.`);
  const sqlite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 10000");
    const { totalPages } = await sqlite.backup(target);
    chmodSync(target, 0o600);
    const pageSize = Number(sqlite.pragma("page_size", { simple: true }));
    return { file: target, bytes: totalPages * pageSize };
  } finally {
    sqlite.close();
  }
}

/** A backup must be a sound Gatehouse database before it replaces the live one. */
function checkBackup(file: string): number {
  if (!existsSync(file)) throw new BackupError(`There is no backup at ${file}.`);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    if (sqlite.pragma("integrity_check", { simple: true }) !== "ok") throw new Error("integrity check failed");
    const row = sqlite.prepare(`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`).get();
    return (row as { n: number }).n;
  } catch (error) {
    throw new BackupError(`${file} is not a Gatehouse SQLite backup (${(error as Error).message}).`);
  } finally {
    sqlite?.close();
  }
}

/** Replaces the SQLite database with a backup; refused while any server process serves it. */
export async function restoreSqlite(
  databaseUrl: string,
  backup: string,
): Promise<{ file: string; migrations: number }> {
  const target = sqliteOnly(databaseUrl);
  const serving = servingProcesses(databaseUrl);
  if (serving.length) {
    throw new BackupError(
      `Gatehouse is serving ${target} (pid ${serving.join(", ")}). Stop every instance before restoring.`,
    );
  }
  const migrations = checkBackup(backup);
  // A stale write-ahead log would be replayed onto the restored file.
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  const sqlite = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await sqlite.backup(target);
  } finally {
    sqlite.close();
  }
  chmodSync(target, 0o600);
  return { file: target, migrations };
}
