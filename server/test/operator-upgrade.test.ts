import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { migrationStatus } from "../src/db/migration-status.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";
import { startInstance } from "./instances.js";
import { runGatehouse } from "./operator.js";

const FUTURE = "29991231000000_from_a_newer_gatehouse";

/** What a newer Gatehouse leaves behind: an applied migration this code has never seen. */
async function recordFutureMigration(url: string) {
  if (TEST_DIALECT === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, 'x', now(), $2, now(), 1)`,
      [randomUUID(), FUTURE],
    );
    await client.end();
    return;
  }
  const { db, close } = openDatabase(url);
  await db.$executeRawUnsafe(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('${randomUUID()}', 'x', '2999-12-31T00:00:00Z', '${FUTURE}', '2999-12-31T00:00:00Z', 1)`,
  );
  await close();
}

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.drop());

describe("test/operator-upgrade: db status and a database newer than the code", () => {
  it("db status shows every migration pending on an empty database without creating anything", async () => {
    const status = await runGatehouse(["db", "status"], { DATABASE_URL: database.url });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/0 applied, \d+ pending, 0 unknown/);
    expect(status.stdout).toContain("pending  20261127000000_init");
    expect((await migrationStatus(database.url)).applied).toEqual([]);
  }, 60_000);

  it("refuses to start, and to migrate, when the database has an unknown newer migration", async () => {
    await migrate(database.url);
    expect((await migrationStatus(database.url)).pending).toEqual([]);
    await recordFutureMigration(database.url);

    await expect(migrate(database.url)).rejects.toThrow(/newer than this version of Gatehouse.*29991231000000/);
    const status = await runGatehouse(["db", "status", "--json"], { DATABASE_URL: database.url });
    expect(status.json()).toMatchObject({ ok: true, data: { unknown: [FUTURE], pending: [] } });
    // The CLI's data commands refuse the mismatched schema too.
    expect((await runGatehouse(["client", "list"], { DATABASE_URL: database.url })).code).toBe(1);

    await expect(startInstance({ DATABASE_URL: database.url })).rejects.toThrow(
      /The database is newer than this version of Gatehouse/,
    );
  }, 180_000);
});
