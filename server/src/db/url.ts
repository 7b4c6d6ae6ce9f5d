import { isIPv4 } from "node:net";
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

/** Whether a postgresql:// URL names this machine: localhost, a loopback address or a Unix socket directory. */
export function isLocalDatabase(databaseUrl: string): boolean {
  // A socket directory rides in the query (`?host=/var/run/postgresql`), often with no host before the path.
  const socket = databaseUrl.match(/[?&]host=([^&]*)/)?.[1];
  if (socket !== undefined) return decodeURIComponent(socket).startsWith("/");
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return host === "" || host === "localhost" || host === "::1" || (isIPv4(host) && host.startsWith("127."));
}
