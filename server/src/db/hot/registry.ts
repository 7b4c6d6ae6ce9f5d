import type { HotSql } from "./sql.js";

/**
 * The hot path's handle for each open Prisma client, so code that is handed `db` reaches the same
 * database's prepared statements without every caller passing a second handle.
 */
const handles = new WeakMap<object, HotSql>();

export function attachHotSql(db: object, sql: HotSql): void {
  handles.set(db, sql);
}

export function hotSqlOf(db: object): HotSql {
  const sql = handles.get(db);
  if (!sql) throw new Error("This database was not opened with openDatabase, so it has no hot path");
  return sql;
}
