import { dialectOf } from "../src/db/url.js";
import type { TestServer } from "./harness.js";

export type Hit = { table: string; needle: string; row: string };

/** Every table of the database under test (migrations' bookkeeping aside), read from the catalogue. */
export async function everyTable(server: Pick<TestServer, "db" | "config">): Promise<string[]> {
  const rows =
    dialectOf(server.config.databaseUrl) === "sqlite"
      ? await server.db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
        )
      : await server.db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name::text AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
        );
  return rows.map((row) => row.name).sort();
}

const text = (row: unknown) =>
  JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? value.toString() : value)).toLowerCase();

/** Rows of any table, in any column, that still contain one of `needles` (case-insensitive). */
export async function personalDataLeft(server: Pick<TestServer, "db" | "config">, needles: string[]): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (const table of await everyTable(server)) {
    // PostgreSQL renders each row as JSON itself, so no column type needs a driver mapping.
    const rows =
      dialectOf(server.config.databaseUrl) === "sqlite"
        ? await server.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}"`)
        : await server.db.$queryRawUnsafe<unknown[]>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`);
    for (const row of rows) {
      const serialised = text(row);
      for (const needle of needles) {
        if (serialised.includes(needle.toLowerCase())) hits.push({ table, needle, row: serialised.slice(0, 300) });
      }
    }
  }
  return hits;
}
