import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrate.js";
import { readMigrations } from "../src/db/migrations.js";

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, "..");
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const freshUrl = () => {
  dir = mkdtempSync(path.join(tmpdir(), "gatehouse-migrate-"));
  return `file:${path.join(dir, "db.sqlite")}`;
};

const appliedRows = (url: string) => {
  const sqlite = new Database(url.slice("file:".length));
  try {
    return sqlite.prepare('SELECT migration_name, checksum FROM "_prisma_migrations"').all();
  } finally {
    sqlite.close();
  }
};

describe("test/migrate: migrations apply once, in Prisma's own bookkeeping", () => {
  it("applies every migration on an empty database, then nothing", async () => {
    const url = freshUrl();
    const all = readMigrations().map((migration) => migration.name);
    expect((await migrate(url)).applied).toEqual(all);
    expect((await migrate(url)).applied).toEqual([]);
    expect(appliedRows(url)).toHaveLength(all.length);
  });

  it("migrates once when two processes start at the same moment", async () => {
    const url = freshUrl();
    const env = { ...process.env, DATABASE_URL: url };
    const results = await Promise.all(
      [1, 2].map(() => run("pnpm", ["exec", "tsx", "src/db/migrate-cli.ts"], { cwd: serverDir, env })),
    );
    const outputs = results.map((result) => result.stdout).sort();
    expect(outputs[0]).toMatch(/^Applied \d+ migration/);
    expect(outputs[1]).toMatch(/^Database is up to date/);
    expect(appliedRows(url)).toHaveLength(readMigrations().length);
  });

  it("leaves nothing for `prisma migrate deploy` to do", async () => {
    const url = freshUrl();
    await migrate(url);
    const { stdout } = await run("pnpm", ["exec", "prisma", "migrate", "deploy"], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: url },
    });
    expect(stdout).toMatch(/No pending migrations to apply/);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const url = freshUrl();
    await migrate(url);
    const sqlite = new Database(url.slice("file:".length));
    sqlite.prepare('UPDATE "_prisma_migrations" SET checksum = ?').run("0".repeat(64));
    sqlite.close();
    await expect(migrate(url)).rejects.toThrow(/was edited after it was applied/);
  });
});
