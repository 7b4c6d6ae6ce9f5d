import Database from "better-sqlite3";
import pg from "pg";
import { openWal, type SqliteSynchronous, synchronousPragma } from "../sqlite-wal.js";
import type { Dialect } from "../url.js";
import { pipelinedConnections } from "./pipelined.js";

export type Row = Record<string, unknown>;
/** An array only as a PostgreSQL array parameter (`? ::text[]`). */
export type Param = string | number | boolean | Date | null | string[];

/**
 * The hot path's SQL runner: one statement text for both dialects (`?` placeholders, quoted Prisma
 * names), prepared once per text on better-sqlite3 and as a named prepared statement on pg.
 */
export type HotQueries = {
  dialect: Dialect;
  all(sql: string, params: Param[]): Promise<Row[]>;
  /** Rows changed by an INSERT/UPDATE without RETURNING. */
  run(sql: string, params: Param[]): Promise<number>;
};

export type HotSql = HotQueries & {
  /**
   * Runs `body` in one transaction on one connection: committed when it resolves, rolled back when it
   * throws, and the connection always handed back (no pool slot can leak, whatever the body does).
   */
  transaction<T>(body: (tx: HotQueries) => Promise<T>): Promise<T>;
  /** Pool usage for /metrics (SQLite has one synchronous connection). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
};

/** Prisma's better-sqlite3 adapter stores DateTime as ISO text with "+00:00" and Boolean as 0/1. */
const sqliteParam = (value: Param) => {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
};

/**
 * Rows of a statement read as arrays, made into objects of one shape: better-sqlite3 builds each row object
 * key by key, which costs several times more for the hot path's wide rows (a domain has 20 columns). A later
 * column of the same name wins, as it does in better-sqlite3's own objects.
 */
function rowMaker(names: string[]): (values: unknown[]) => Row {
  const shape: Row = Object.fromEntries(names.map((name) => [name, null]));
  return (values) => {
    const row = { ...shape };
    for (let index = 0; index < names.length; index++) row[names[index] as string] = values[index];
    return row;
  };
}

export function openSqliteHotSql(file: string, synchronous: SqliteSynchronous = "normal"): HotSql {
  const db = new Database(file);
  // Prisma's own connection writes too; WAL lets readers go on while one writes, the timeout waits out a lock.
  openWal(db, 5000);
  db.exec(synchronousPragma(synchronous));
  const statements = new Map<string, Database.Statement>();
  const readers = new Map<string, { statement: Database.Statement; toRow: (values: unknown[]) => Row }>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const reader = (sql: string) => {
    let found = readers.get(sql);
    if (!found) {
      const statement = db.prepare(sql).raw(true);
      found = { statement, toRow: rowMaker(statement.columns().map((column) => column.name)) };
      readers.set(sql, found);
    }
    return found;
  };
  const all = (sql: string, params: Param[]) => {
    const { statement, toRow } = reader(sql);
    return (statement.all(...params.map(sqliteParam)) as unknown[][]).map(toRow);
  };
  const run = (sql: string, params: Param[]) => prepared(sql).run(...params.map(sqliteParam)).changes;
  // One connection for every request: while a transaction is open, other requests' statements wait for it,
  // or they would run (and be rolled back) inside it.
  let open: Promise<void> | null = null;
  const tx: HotQueries = {
    dialect: "sqlite",
    all: async (sql, params) => all(sql, params),
    run: async (sql, params) => run(sql, params),
  };
  return {
    dialect: "sqlite",
    all: async (sql, params) => {
      while (open) await open;
      return all(sql, params);
    },
    run: async (sql, params) => {
      while (open) await open;
      return run(sql, params);
    },
    transaction: async (body) => {
      // The check and the claim happen in one synchronous step, so two transactions never both pass.
      while (open) await open;
      let done = () => {};
      open = new Promise((resolve) => {
        done = resolve;
      });
      try {
        // IMMEDIATE takes the write lock up front, so Prisma's connection cannot turn it into a deadlock later.
        db.exec("BEGIN IMMEDIATE");
        const result = await body(tx);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      } finally {
        open = null;
        done();
      }
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: async () => {
      db.close();
    },
  };
}

/** `?` → `$1, $2 …`; the hot path's SQL has no `?` inside string literals. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * Single statements run pipelined over at most `max` connections (pipelined.ts); a transaction takes a connection
 * of its own from a pool of at most `max` more, since nothing else may run on it between BEGIN and COMMIT.
 */
export function openPostgresHotSql(connectionString: string, max: number): HotSql {
  const pool = new pg.Pool({ connectionString, max });
  // A connection the server ends while it sits idle (a restart, a failover, an administrator) is dropped
  // by the pool and replaced on the next query; without a listener its error would end the process.
  pool.on("error", () => {});
  // pool.end() resolves once every client was asked to end; close() waits until they have.
  const ended = new Set<Promise<void>>();
  pool.on("connect", (client) => {
    client.on("error", () => {});
    ended.add(new Promise((resolve) => client.once("end", () => resolve())));
  });
  const names = new Map<string, { name: string; text: string }>();
  const statement = (sql: string) => {
    let named = names.get(sql);
    if (!named) {
      named = { name: `hot_${names.size}`, text: numbered(sql) };
      names.set(sql, named);
    }
    return named;
  };
  /** Statements through the pipelined connections, or through one connection of the pool inside a transaction. */
  const on = (queryable: { query(config: pg.QueryConfig): Promise<pg.QueryResult> }): HotQueries => ({
    dialect: "postgresql",
    all: async (sql, params) => (await queryable.query({ ...statement(sql), values: params })).rows as Row[],
    run: async (sql, params) => (await queryable.query({ ...statement(sql), values: params })).rowCount ?? 0,
  });
  const pipelined = pipelinedConnections(connectionString, max);
  return {
    ...on(pipelined),
    transaction: async (body) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await body(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        // A connection that cannot even roll back is closed instead of going back to the pool mid-transaction.
        await client.query("ROLLBACK").catch((rollbackFailed: Error) => {
          broken = rollbackFailed;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    poolStats: () => {
      const lanes = pipelined.stats();
      return { total: pool.totalCount + lanes.open, idle: pool.idleCount + lanes.idle, waiting: pool.waitingCount };
    },
    close: async () => {
      await Promise.all([pipelined.close(), pool.end()]);
      await Promise.all(ended);
    },
  };
}

/**
 * Whether a key taken from a request could be stored at all: PostgreSQL text holds no NUL, and neither driver
 * takes a lone UTF-16 surrogate. Such a key names nothing, so lookups answer "not found" without asking the
 * database, which would fail the statement (and every request sharing it) instead.
 */
export const storable = (text: string): boolean => !text.includes("\u0000") && text.isWellFormed();

/** A DateTime column as a Date, from either driver. */
export const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(typeof value === "number" ? value : String(value));
};

export const toDateOrThrow = (value: unknown): Date => {
  const date = toDate(value);
  if (!date) throw new Error("A required DateTime column was null");
  return date;
};

/** A Boolean column from either driver (SQLite answers 0/1). */
export const toBool = (value: unknown): boolean => value === true || value === 1 || value === 1n;

export const toStr = (value: unknown): string => String(value);
export const toStrOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
export const toIntOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
