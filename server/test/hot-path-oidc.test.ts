import { afterAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../src/config.js";
import { readClientAuth } from "../src/db/hot/client-auth.js";
import {
  consumeOidcRecord,
  deleteOidcGrantRecords,
  deleteOidcRecord,
  type OidcRecordRow,
  readOidcRecord,
  readOidcRecordBy,
  readOidcRecords,
  upsertOidcRecords,
} from "../src/db/hot/oidc-records.js";
import { readOidcClient } from "../src/db/oidc-client-rows.js";
import { oidcAdapterFactory } from "../src/oidc/adapter.js";
import { prepareDatabase } from "../src/startup.js";
import { freshDatabase } from "./databases.js";
import { createPartner } from "./fixtures.js";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function open(dialect: "sqlite" | "postgresql") {
  const database = await freshDatabase(dialect);
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url });
  const prepared = await prepareDatabase(config, { demo: false });
  cleanups.push(async () => {
    await prepared.close();
    await database.drop();
  });
  return prepared;
}

const record = (id: string, extra: Partial<OidcRecordRow> = {}) => ({
  id,
  model: "ClientCredentials",
  payload: JSON.stringify({ clientId: "c1", kind: "ClientCredentials" }),
  grantId: null,
  userCode: null,
  uid: null,
  clientId: "c1",
  accountId: null,
  expiresAt: new Date(Date.now() + 3_600_000),
  ...extra,
});

// The OpenID Connect door's statements, the same SQL on both dialects.
describe.each(["sqlite", "postgresql"] as const)("test/hot-path-oidc (%s): oidc-provider records", (dialect) => {
  it("stores, finds, updates and deletes a record as Prisma sees it", async () => {
    const { db, hot } = await open(dialect);
    const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
    await upsertOidcRecords(hot, [record("k1", { expiresAt, uid: "u1" })], new Date());
    const prisma = await db.oidcRecord.findUniqueOrThrow({ where: { id: "k1" } });
    expect(prisma).toMatchObject({
      model: "ClientCredentials",
      clientId: "c1",
      uid: "u1",
      expiresAt,
      consumedAt: null,
    });
    expect(await readOidcRecord(hot, "k1")).toEqual({ payload: prisma.payload, consumedAt: null, expiresAt });
    expect(await readOidcRecordBy(hot, "ClientCredentials", "uid", "u1")).toMatchObject({ payload: prisma.payload });
    expect(await readOidcRecordBy(hot, "Session", "uid", "u1")).toBeUndefined();

    // An upsert of the same id replaces the payload, never adds a row.
    await upsertOidcRecords(hot, [record("k1", { payload: '{"v":2}', userCode: "UC" })], new Date());
    expect(await db.oidcRecord.count({ where: { id: "k1" } })).toBe(1);
    expect((await readOidcRecordBy(hot, "ClientCredentials", "userCode", "UC"))?.payload).toBe('{"v":2}');

    await deleteOidcRecord(hot, "k1");
    expect(await readOidcRecord(hot, "k1")).toBeUndefined();
  });

  it("consumes a record exactly once among concurrent consumers", async () => {
    const { hot } = await open(dialect);
    await upsertOidcRecords(hot, [record("code1", { model: "AuthorizationCode" })], new Date());
    const at = new Date();
    const wins = await Promise.all(Array.from({ length: 8 }, () => consumeOidcRecord(hot, "code1", at)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect((await readOidcRecord(hot, "code1"))?.consumedAt?.getTime()).toBe(at.getTime());
  });

  it("revokes a grant's records of one model only", async () => {
    const { hot } = await open(dialect);
    await upsertOidcRecords(hot, [record("a1", { model: "AccessToken", grantId: "g1" })], new Date());
    await upsertOidcRecords(hot, [record("r1", { model: "RefreshToken", grantId: "g1" })], new Date());
    await upsertOidcRecords(hot, [record("a2", { model: "AccessToken", grantId: "g2" })], new Date());
    await deleteOidcGrantRecords(hot, "g1", "AccessToken");
    expect(await readOidcRecord(hot, "a1")).toBeUndefined();
    expect(await readOidcRecord(hot, "r1")).toBeDefined();
    expect(await readOidcRecord(hot, "a2")).toBeDefined();
  });

  it("reads several records in one statement, leaving out the missing ones", async () => {
    const { hot } = await open(dialect);
    const consumedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    await upsertOidcRecords(hot, [record("m1", { payload: '{"n":1}' })], new Date());
    await upsertOidcRecords(hot, [record("m2", { payload: '{"n":2}', expiresAt: null })], new Date());
    await consumeOidcRecord(hot, "m2", consumedAt);
    const found = await readOidcRecords(hot, ["m1", "nope", "m2"]);
    expect([...found.keys()].sort()).toEqual(["m1", "m2"]);
    expect(found.get("m1")).toEqual(await readOidcRecord(hot, "m1"));
    expect(found.get("m2")).toEqual({ payload: '{"n":2}', consumedAt, expiresAt: null });
    expect((await readOidcRecords(hot, [])).size).toBe(0);
  });

  it("saves several records in one statement, a record given twice as its last version", async () => {
    const { db, hot } = await open(dialect);
    await upsertOidcRecords(hot, [record("s0", { payload: '{"v":0}' })], new Date());
    const writes = vi.spyOn(hot, "run");
    try {
      await upsertOidcRecords(
        hot,
        [
          record("s0", { payload: '{"v":1}' }),
          record("s1", { payload: '{"v":1}', uid: "u1" }),
          record("s0", { payload: '{"v":2}', grantId: "g1" }),
        ],
        new Date(),
      );
      expect(writes).toHaveBeenCalledTimes(1);
    } finally {
      writes.mockRestore();
    }
    expect(await db.oidcRecord.count({ where: { id: { in: ["s0", "s1"] } } })).toBe(2);
    expect(await db.oidcRecord.findUniqueOrThrow({ where: { id: "s0" } })).toMatchObject({
      payload: '{"v":2}',
      grantId: "g1",
    });
    expect((await readOidcRecordBy(hot, "ClientCredentials", "uid", "u1"))?.payload).toBe('{"v":1}');
  });

  it("the adapter saves the tokens of concurrent requests in one statement, each stored once it resolves", async () => {
    const { db, hot } = await open(dialect);
    const credentials = new (oidcAdapterFactory(db))("ClientCredentials");
    const writes = vi.spyOn(hot, "run");
    try {
      const ids = Array.from({ length: 5 }, (_, n) => `cc${n}`);
      await Promise.all(ids.map((id) => credentials.upsert(id, { clientId: "c1", kind: "ClientCredentials" }, 60)));
      expect(writes).toHaveBeenCalledTimes(1);
      for (const id of ids) expect(await credentials.find(id)).toMatchObject({ jti: id, clientId: "c1" });
    } finally {
      writes.mockRestore();
    }
  });

  it("the adapter reads a token's three possible models in one statement, each getting its own record", async () => {
    const { db, hot } = await open(dialect);
    const Adapter = oidcAdapterFactory(db);
    const [access, credentials, refresh] = ["AccessToken", "ClientCredentials", "RefreshToken"].map(
      (model) => new Adapter(model),
    );
    await credentials?.upsert("tok", { clientId: "c1", kind: "ClientCredentials", exp: 1, iat: 0 }, 3600);
    await refresh?.upsert("other", { clientId: "c1", kind: "RefreshToken", exp: 1, iat: 0 }, 3600);
    const reads = vi.spyOn(hot, "all");
    try {
      const found = await Promise.all([access?.find("tok"), credentials?.find("tok"), refresh?.find("tok")]);
      expect(found).toEqual([undefined, expect.objectContaining({ kind: "ClientCredentials", jti: "tok" }), undefined]);
      expect(reads).toHaveBeenCalledTimes(1);
      // Alone, a read is the single-row statement; the other id is found in its own model.
      expect(await refresh?.find("other")).toMatchObject({ kind: "RefreshToken", jti: "other" });
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });

  it("reads a client's secrets exactly as the full client read does, current after a revocation", async () => {
    const { db, hot } = await open(dialect);
    const partner = await createPartner(db);
    expect((await readOidcClient(hot, partner.client.id))?.secrets).toEqual(
      (await readClientAuth(hot, partner.client.id))?.secrets,
    );
    await db.clientSecret.update({ where: { id: partner.secretRow.id }, data: { revokedAt: new Date() } });
    expect((await readOidcClient(hot, partner.client.id))?.secrets[0]?.revokedAt).toBeInstanceOf(Date);
    expect(await readOidcClient(hot, "no-such-client")).toBeUndefined();
  });
});
