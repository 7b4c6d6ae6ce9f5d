import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { migrationsDirs, readMigrations } from "../src/db/migrations.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, "..");
const migrations = readMigrations(migrationsDirs[TEST_DIALECT]);
let database: FreshDatabase;
afterEach(() => database.drop());

const fresh = async () => {
  database = await freshDatabase();
  return database.url;
};

async function withDb<T>(url: string, use: (db: ReturnType<typeof openDatabase>["db"]) => Promise<T>): Promise<T> {
  const { db, close } = openDatabase(url);
  try {
    return await use(db);
  } finally {
    await close();
  }
}

const appliedNames = (url: string) =>
  withDb(url, async (db) =>
    (await db.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM "_prisma_migrations"'))
      .map((row) => row.migration_name)
      .sort(),
  );

describe(`test/migrate (${TEST_DIALECT}): migrations apply once, in Prisma's own bookkeeping`, () => {
  it("applies every migration on an empty database, then nothing", async () => {
    const url = await fresh();
    const names = migrations.map((migration) => migration.name);
    expect((await migrate(url)).applied).toEqual(names);
    expect((await migrate(url)).applied).toEqual([]);
    expect(await appliedNames(url)).toEqual(names);
    // The schema is really there: the app can write and read.
    expect(await withDb(url, (db) => db.country.count())).toBe(0);
  });

  it("migrates once when several processes start at the same moment", async () => {
    const url = await fresh();
    const env = { ...process.env, DATABASE_URL: url };
    // Four, not two: on a new SQLite file two processes switching it to WAL at once collided only now and then.
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => run("pnpm", ["exec", "tsx", "src/db/migrate-cli.ts"], { cwd: serverDir, env })),
    );
    const outputs = results.map((result) => result.stdout).sort();
    expect(outputs[0]).toMatch(/^Applied \d+ migration/);
    for (const later of outputs.slice(1)) expect(later).toMatch(/^Database is up to date/);
    expect(await appliedNames(url)).toHaveLength(migrations.length);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const url = await fresh();
    await migrate(url);
    await withDb(url, (db) => db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET checksum = '${"0".repeat(64)}'`));
    await expect(migrate(url)).rejects.toThrow(/was edited after it was applied/);
  });

  it.runIf(TEST_DIALECT === "sqlite")("leaves nothing for `prisma migrate deploy` to do", async () => {
    const url = await fresh();
    await migrate(url);
    const { stdout } = await run("pnpm", ["exec", "prisma", "migrate", "deploy"], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: url },
    });
    expect(stdout).toMatch(/No pending migrations to apply/);
  });
});

describe("test/migrate: the SQLite file Gatehouse creates", () => {
  it.runIf(TEST_DIALECT === "sqlite")("is readable by its owner only", async () => {
    const url = await fresh();
    await migrate(url);
    expect(statSync(url.slice("file:".length)).mode & 0o777).toBe(0o600);
  });
});
