import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { type Dialect, dialectOf, sqliteFilePath } from "./db/url.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-pg/client.js";

/** Application code sees one client type; both generated clients share the one data model. */
export type Db = PrismaClient;

export type Database = { db: Db; dialect: Dialect; close: () => Promise<void> };

/** Opens the Prisma client for the dialect DATABASE_URL names. */
export function openDatabase(databaseUrl: string, options: { poolSize?: number } = {}): Database {
  const dialect = dialectOf(databaseUrl);
  let db: Db;
  if (dialect === "postgresql") {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
    // Same models, other provider: the generated types are identical, only the query compiler differs.
    db = new PostgresPrismaClient({ adapter }) as unknown as Db;
  } else {
    const file = sqliteFilePath(databaseUrl);
    mkdirSync(path.dirname(file), { recursive: true });
    db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) });
  }
  return { db, dialect, close: () => db.$disconnect() };
}
