import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-pg/client.js";
import { attachHotSql } from "./hot/registry.js";
import { type HotSql, openPostgresHotSql, openSqliteHotSql } from "./hot/sql.js";
import { type SqliteSynchronous, synchronousPragma } from "./sqlite-wal.js";
import { type Dialect, dialectOf, isLocalDatabase, sqliteFilePath } from "./url.js";

/** Application code sees one client type; both generated clients share the one data model. */
export type Db = PrismaClient;

/** `hot` runs the hot path's prepared statements (src/db/hot/) on its own handle to the same database. */
export type Database = { db: Db; hot: HotSql; dialect: Dialect; close: () => Promise<void> };

/** Opens the Prisma client for the dialect DATABASE_URL names. */
export type DatabaseOptions = {
  /** PostgreSQL connections of Prisma's pool and, unless hotPoolSize says otherwise, of the hot path's. */
  poolSize?: number;
  /** PostgreSQL connections of the hot path's pool (DATABASE_HOT_POOL_SIZE); see defaultHotPoolSize. */
  hotPoolSize?: number;
  /** SQLite only: `synchronous` on the hot connection and on Prisma's (default NORMAL). */
  sqliteSynchronous?: SqliteSynchronous;
  /** Called with every SQL statement; tests count them to prove a query is not N+1. */
  onQuery?: (sql: string) => void;
};

/**
 * Writes that count against a limit queue on the owner's row lock (db/count-limit.ts); Prisma's default
 * 2 s wait for a transaction turned a burst of them into faults, so they may wait up to the request timeout.
 */
const transactionOptions = { maxWait: 15_000, timeout: 20_000 };

/** Prisma's better-sqlite3 adapter takes no pragmas, so each connection it opens gets `synchronous` set here. */
class SqliteAdapter extends PrismaBetterSQLite3 {
  constructor(
    url: string,
    private readonly synchronous: SqliteSynchronous,
  ) {
    super({ url });
  }

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(synchronousPragma(this.synchronous));
    return adapter;
  }
}

/**
 * The hot path's statements are short indexed reads and writes, so its pool needs only as many connections as the
 * database can run at once. A PostgreSQL on this machine shares its cores with Gatehouse: more connections than cores
 * only add context switches (on the 2-core bench machine, 3 connections cut PostgreSQL's CPU per get/user/info by a
 * third against 10, and served more). A database elsewhere keeps 10, enough to cover its round trips.
 */
export function defaultHotPoolSize(databaseUrl: string): number {
  return isLocalDatabase(databaseUrl) ? availableParallelism() + 1 : 10;
}

export function openDatabase(databaseUrl: string, options: DatabaseOptions = {}): Database {
  const log = options.onQuery ? [{ emit: "event" as const, level: "query" as const }] : [];
  const dialect = dialectOf(databaseUrl);
  let db: Db;
  let hot: HotSql;
  if (dialect === "postgresql") {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
    hot = openPostgresHotSql(databaseUrl, options.hotPoolSize ?? options.poolSize ?? defaultHotPoolSize(databaseUrl));
    // Same models, other provider: the generated types are identical, only the query compiler differs.
    db = new PostgresPrismaClient({ adapter, log, transactionOptions }) as unknown as Db;
  } else {
    const file = sqliteFilePath(databaseUrl);
    mkdirSync(path.dirname(file), { recursive: true });
    const synchronous = options.sqliteSynchronous ?? "normal";
    db = new PrismaClient({ adapter: new SqliteAdapter(file, synchronous), log, transactionOptions });
    hot = openSqliteHotSql(file, synchronous);
  }
  attachHotSql(db, hot);
  const { onQuery } = options;
  if (onQuery) (db as PrismaClient<"query">).$on("query", (event) => onQuery(event.query));
  return {
    db,
    hot,
    dialect,
    close: async () => {
      await Promise.all([db.$disconnect(), hot.close()]);
    },
  };
}
