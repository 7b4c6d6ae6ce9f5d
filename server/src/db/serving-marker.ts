import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dialectOf, sqliteFilePath } from "./url.js";

/** One file per serving process (named by pid) beside the SQLite file; `db restore` checks them. */
export function servingDir(databaseUrl: string): string {
  return `${sqliteFilePath(databaseUrl)}.serving`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Marks this process as serving the SQLite database until it exits; returns the unmark function. */
export function markServing(databaseUrl: string): () => void {
  if (dialectOf(databaseUrl) !== "sqlite") return () => {};
  const dir = servingDir(databaseUrl);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, String(process.pid));
  writeFileSync(file, `${new Date().toISOString()}\n`, { mode: 0o600 });
  const unmark = () => rmSync(file, { force: true });
  process.once("exit", unmark);
  return unmark;
}

/** Pids of live processes serving the SQLite database (markers of crashed ones are ignored). */
export function servingProcesses(databaseUrl: string): number[] {
  let names: string[];
  try {
    names = readdirSync(servingDir(databaseUrl));
  } catch {
    return [];
  }
  return names.map(Number).filter((pid) => Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid));
}
