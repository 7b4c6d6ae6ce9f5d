import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import {
  derivePostgresSchema,
  postgresMigrationsDir,
  postgresSchemaFile,
  sqliteMigrationsDir,
  sqliteSchemaFile,
} from "../src/db/derive-postgres.js";
import { migrate } from "../src/db/migrate.js";
import { getDatamodel } from "../src/generated/prisma/pothos-types.js";
import { freshDatabase } from "./databases.js";

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Every table and column the data model says should exist. */
function modelColumns(): string[] {
  const { models } = getDatamodel().datamodel;
  return Object.entries(models)
    .flatMap(([model, { fields }]) =>
      fields
        .filter((field) => field.kind === "scalar" || field.kind === "enum")
        .map((field) => `${model}.${field.name}`),
    )
    .sort();
}

async function migratedColumns(dialect: "sqlite" | "postgresql"): Promise<string[]> {
  const database = await freshDatabase(dialect);
  try {
    await migrate(database.url);
    const { db, close } = openDatabase(database.url);
    try {
      const rows =
        dialect === "sqlite"
          ? await db.$queryRawUnsafe<{ t: string; c: string }[]>(
              `SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_prisma_migrations'`,
            )
          : await db.$queryRawUnsafe<{ t: string; c: string }[]>(
              // information_schema speaks the `name` type, which the pg adapter cannot read: cast to text.
              `SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
            );
      // Prisma names its implicit many-to-many join tables `_AToB`; they have no model of their own.
      return rows
        .filter((row) => !row.t.startsWith("_"))
        .map((row) => `${row.t}.${row.c}`)
        .sort();
    } finally {
      await close();
    }
  } finally {
    await database.drop();
  }
}

describe("test/schema-drift: one data model, two dialects", () => {
  it("keeps prisma/postgresql/schema.prisma derived from prisma/schema.prisma (run `pnpm db:derive`)", () => {
    expect(readFileSync(postgresSchemaFile, "utf8")).toBe(derivePostgresSchema(readFileSync(sqliteSchemaFile, "utf8")));
  });

  it("has a PostgreSQL migration for every SQLite migration, and no other", () => {
    expect(folders(postgresMigrationsDir)).toEqual(folders(sqliteMigrationsDir));
  });

  it.each(["sqlite", "postgresql"] as const)(
    "builds every model column from the %s migrations, and nothing else",
    async (dialect) => {
      expect(await migratedColumns(dialect)).toEqual(modelColumns());
    },
  );
});
