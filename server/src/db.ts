import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { type Dialect, dialectOf, sqliteFilePath } from "./db/url.js";
import { PrismaClient } from "./generated/prisma/client.js";

export type Db = PrismaClient;

export type Database = { db: Db; dialect: Dialect; close: () => Promise<void> };

/** Opens the Prisma client for the dialect DATABASE_URL names. */
export function openDatabase(databaseUrl: string): Database {
  const dialect = dialectOf(databaseUrl);
  if (dialect !== "sqlite") {
    throw new Error("PostgreSQL support is not built yet; use a file: DATABASE_URL");
  }
  const file = sqliteFilePath(databaseUrl);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) });
  return { db, dialect, close: () => db.$disconnect() };
}
