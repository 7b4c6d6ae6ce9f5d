import path from "node:path";

/** Repository root: relative `file:` URLs resolve from here, whichever package runs. */
export const repoRoot = path.resolve(import.meta.dirname, "../../..");

export const DEFAULT_DATABASE_URL = "file:.data/gatehouse.db";

export type Dialect = "sqlite" | "postgresql";

export function dialectOf(databaseUrl: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  if (databaseUrl.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${databaseUrl.split(":")[0]}:")`);
}

/** Absolute path of the SQLite file a `file:` URL names. */
export function sqliteFilePath(databaseUrl = DEFAULT_DATABASE_URL): string {
  const raw = databaseUrl.replace(/^file:/, "").split("?")[0] ?? "";
  return path.isAbsolute(raw) ? raw : path.resolve(repoRoot, raw);
}
