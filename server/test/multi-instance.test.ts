import { readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../src/db/client.js";
import { migrationsDirs, readMigrations } from "../src/db/migrations.js";
import { type DemoCredentials, demoCredentialsFile } from "../src/seed/demo.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";
import { approveLogin, callApi, registeredBrowser } from "./harness.js";
import { type Instance, startInstance } from "./instances.js";

let database: FreshDatabase;
let one: Instance;
let two: Instance;
let db: Db;
let closeDb: () => Promise<void>;
let demo: DemoCredentials;

beforeAll(async () => {
  database = await freshDatabase();
  // Both start at the same moment on an empty database.
  [one, two] = await Promise.all([
    startInstance({ DATABASE_URL: database.url, SEED_DEMO: "true" }),
    startInstance({ DATABASE_URL: database.url, SEED_DEMO: "true" }),
  ]);
  ({ db, close: closeDb } = openDatabase(database.url));
  demo = JSON.parse(readFileSync(demoCredentialsFile(database.url), "utf8")) as DemoCredentials;
}, 120_000);

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await closeDb?.();
  rmSync(demoCredentialsFile(database.url), { force: true });
  await database?.drop();
});

const redirect_url = "http://localhost:4567/callback";

describe(`test/multi-instance (${TEST_DIALECT}): two server processes on one database behave as one`, () => {
  it("migrated and seeded the empty database once", async () => {
    const migrations = readMigrations(migrationsDirs[TEST_DIALECT]);
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(rows.map((row) => row.migration_name).sort()).toEqual(migrations.map((migration) => migration.name));
    const outputs = [one.output(), two.output()];
    expect(outputs.filter((output) => output.includes("Applied "))).toHaveLength(1);
    expect(outputs.filter((output) => output.includes("Gatehouse demo data"))).toHaveLength(1);
    expect(await db.user.count({ where: { email: demo.adminEmail } })).toBe(1);
    expect(await db.client.count()).toBe(1);
    expect(await db.country.count()).toBe(249);
  });

  it("verifies on one instance a login started and completed on the other", async () => {
    const signed = await callApi(one, "/sign-token", demo, { redirect_url });
    expect(signed.status).toBe(200);
    const token = signed.body.data.token as string;
    const person = await registeredBrowser(two);
    expect((await approveLogin(person.browser, token))?.__typename).toBe("CompleteLoginSuccess");
    const verified = await callApi(two, "/sign-token-verify", demo, { token });
    expect(verified.status).toBe(200);
    expect(verified.body.data.sub).toBe(person.sub);
  });

  it("lets exactly one of two verifies of one token succeed when they hit both instances at once", async () => {
    for (let round = 0; round < 5; round++) {
      const signed = await callApi(one, "/sign-token", demo, { redirect_url });
      const token = signed.body.data.token as string;
      const person = await registeredBrowser(one);
      await approveLogin(person.browser, token);
      const results = await Promise.all([
        callApi(one, "/sign-token-verify", demo, { token }),
        callApi(two, "/sign-token-verify", demo, { token }),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    }
  });

  it("keeps a session made on one instance valid on the other", async () => {
    const person = await registeredBrowser(one);
    const viewer = await fetch(`${two.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-gatehouse-csrf": "1", cookie: person.browser.cookieHeader() },
      body: JSON.stringify({ query: "{ viewer { sub } }" }),
    });
    expect((await viewer.json()).data.viewer.sub).toBe(person.sub);
  });

  it("refuses a revoked secret on both instances at once", async () => {
    expect((await callApi(two, "/sign-token", demo, { redirect_url })).status).toBe(200);
    // No admin API revokes secrets yet; the revocation is the row change any instance would make.
    await db.clientSecret.updateMany({ where: { clientId: demo.clientId }, data: { revokedAt: new Date() } });
    for (const instance of [one, two]) {
      const result = await callApi(instance, "/sign-token", demo, { redirect_url });
      expect(result.status).toBe(401);
      expect(result.body.message).toBe("This client secret has been revoked");
    }
  });
});
