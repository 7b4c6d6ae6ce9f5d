import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** Which database the suite runs on: `GATEHOUSE_TEST_DATABASE=postgresql pnpm test` for PostgreSQL. */
export const TEST_DIALECT: "sqlite" | "postgresql" =
  process.env.GATEHOUSE_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type FreshDatabase = { url: string; drop: () => Promise<void> };

async function onPostgresAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database of the dialect under test; dropped again by `drop`. */
export async function freshDatabase(dialect = TEST_DIALECT): Promise<FreshDatabase> {
  if (dialect === "postgresql") {
    const name = `gatehouse_test_${randomBytes(6).toString("hex")}`;
    await onPostgresAdmin(`CREATE DATABASE "${name}"`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    return { url: url.toString(), drop: () => onPostgresAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-test-"));
  return {
    url: `file:${path.join(dir, "gatehouse.db")}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
