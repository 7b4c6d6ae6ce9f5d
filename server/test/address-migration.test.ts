import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrationsDirs, readMigrations } from "../src/db/migrations.js";
import { sqliteFilePath } from "../src/db/url.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";

const TARGET = "20261128203000_xwms_address_and_project_model";
const migrations = readMigrations(migrationsDirs[TEST_DIALECT]);
const before = migrations.slice(
  0,
  migrations.findIndex((migration) => migration.name === TARGET),
);
const target = migrations.find((migration) => migration.name === TARGET);

/** Runs SQL scripts and queries on the dialect under test, outside Prisma (its client knows only the new model). */
async function connect(url: string) {
  if (TEST_DIALECT === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      exec: async (sql: string) => void (await client.query(sql)),
      all: async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[],
      close: () => client.end(),
    };
  }
  const db = new Database(sqliteFilePath(url));
  return {
    exec: async (sql: string) => void db.exec(sql),
    all: async (sql: string) => db.prepare(sql).all() as Record<string, unknown>[],
    close: async () => void db.close(),
  };
}

let database: FreshDatabase;
afterEach(() => database.drop());

describe(`test/address-migration (${TEST_DIALECT}): ${TARGET}`, () => {
  it("keeps every old address and project, renamed to the XWMS model with numeric ids", async () => {
    expect(target).toBeDefined();
    database = await freshDatabase();
    const db = await connect(database.url);
    try {
      for (const migration of before) await db.exec(migration.sql);
      await db.exec(`
        INSERT INTO "Country" ("id", "shortName", "name", "phonecode", "isEuMember", "isoAlpha3", "region")
          VALUES (528, 'NL', 'Netherlands', '31', true, 'NLD', 'Europe');
        INSERT INTO "User" ("id", "sub", "email", "name", "passwordHash", "createdAt", "updatedAt")
          VALUES ('u1', '1001', 'ada@example.org', 'Ada', 'x', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        INSERT INTO "Address" ("id", "userId", "label", "line1", "line2", "city", "region", "postalCode", "countryId",
            "isDefault", "createdAt", "updatedAt")
          VALUES ('ckwork', 'u1', NULL, 'Damrak 1', NULL, 'Amsterdam', NULL, NULL, 528, false,
            '2026-02-01 00:00:00', '2026-02-01 00:00:00'),
          ('ckhome', 'u1', 'Home', 'Oude Delft 1', '3rd floor', 'Delft', 'Zuid-Holland', '2611 BA', 528, true,
            '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        INSERT INTO "Project" ("id", "slug", "name", "description", "url", "logo", "sortOrder", "createdAt")
          VALUES ('ckp', 'gatehouse', 'Gatehouse', 'One account', 'https://gatehouse.dev', NULL, 1,
            '2026-01-01 00:00:00');
      `);

      await db.exec(target?.sql ?? "");

      const rows = await db.all(
        `SELECT "id", "userId", "type", "name", "street", "houseNumber", "city", "postalCode", "countryId", "isDefault"
         FROM "Address" ORDER BY "id"`,
      );
      // The oldest row becomes 1; line2 joins the street, region the city, label becomes the name.
      expect(rows.map((row) => ({ ...row, isDefault: Boolean(row.isDefault) }))).toEqual([
        {
          id: 1,
          userId: "u1",
          type: "shipping",
          name: "Home",
          street: "Oude Delft 1, 3rd floor",
          houseNumber: null,
          city: "Delft, Zuid-Holland",
          postalCode: "2611 BA",
          countryId: 528,
          isDefault: true,
        },
        {
          id: 2,
          userId: "u1",
          type: "shipping",
          name: null,
          street: "Damrak 1",
          houseNumber: null,
          city: "Amsterdam",
          postalCode: null,
          countryId: 528,
          isDefault: false,
        },
      ]);
      const projects = await db.all(`SELECT "id", "slug", "title", "link", "isNew", "directRedirect" FROM "Project"`);
      expect(
        projects.map((row) => ({ ...row, isNew: Boolean(row.isNew), directRedirect: Boolean(row.directRedirect) })),
      ).toEqual([
        {
          id: 1,
          slug: "gatehouse",
          title: "Gatehouse",
          link: "https://gatehouse.dev",
          isNew: false,
          directRedirect: false,
        },
      ]);

      // New rows continue the numbering instead of colliding with the migrated ones.
      await db.exec(
        `INSERT INTO "Address" ("userId", "street", "city", "countryId", "updatedAt")
         VALUES ('u1', 'Kalverstraat', 'Amsterdam', 528, '2026-03-01 00:00:00')`,
      );
      const ids = await db.all(`SELECT "id" FROM "Address" ORDER BY "id"`);
      expect(ids.map((row) => row.id)).toEqual([1, 2, 3]);
    } finally {
      await db.close();
    }
  });
});
