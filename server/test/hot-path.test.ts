import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { sha256 } from "../src/core/auth/crypto.js";
import { clientMayRead } from "../src/core/consent/release.js";
import { grantableScopes } from "../src/core/login/login-scopes.js";
import { readClientAuth } from "../src/db/hot/client-auth.js";
import { clientAuthFactsAndCounter } from "../src/db/hot/client-auth-cache.js";
import { approveLoginToken } from "../src/db/hot/login-approval.js";
import {
  consumeLoginToken,
  insertLoginToken,
  loginTokenState,
  readLoginForBrowser,
} from "../src/db/hot/login-token.js";
import { readCounter } from "../src/db/hot/rate-limit.js";
import { readSession, touchSession } from "../src/db/hot/sessions.js";
import type { Param } from "../src/db/hot/sql.js";
import { CONSENTED_PERSON_FIELDS, readConsentFacts, upsertClientUser } from "../src/db/hot/users.js";
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

// The same SQL runs on both dialects here, whichever GATEHOUSE_TEST_DATABASE the suite uses.
describe.each(["sqlite", "postgresql"] as const)("test/hot-path (%s): prepared statements match Prisma", (dialect) => {
  it("reads a client, its domains with callbacks and its secrets with links exactly as Prisma does", async () => {
    const { db, hot } = await open(dialect);
    const partner = await createPartner(db, { secret: { expiresAt: new Date(Date.now() + 86_400_000) } });
    await db.domain.create({
      data: {
        clientId: partner.client.id,
        rootDomain: "shop.example.com",
        publicId: "dom_hot_test",
        testMode: true,
        // Only active callbacks count: an inactive one and a webhook must not appear among them.
        urls: {
          create: [
            { kind: "CALLBACK", url: "https://shop.example.com/a" },
            { kind: "CALLBACK", url: "https://shop.example.com/b" },
            { kind: "CALLBACK", url: "https://shop.example.com/off", active: false },
            { kind: "WEBHOOK", url: "https://shop.example.com/hook" },
          ],
        },
      },
    });
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const asPrismaReads = async (clientId: string) => {
      const { domains, secrets, ...client } = await db.client.findUniqueOrThrow({
        where: { id: clientId },
        include: { domains: { include: { urls: true } }, secrets: { include: { domainLinks: true } } },
      });
      const withCallbacks = domains.map(({ urls, ...domain }) => ({
        ...domain,
        callbacks: urls
          .filter((url) => url.kind === "CALLBACK" && url.active)
          .map((url) => url.url)
          .sort(),
      }));
      const linked = secrets.map(({ domainLinks, ...secret }) => ({
        ...secret,
        linkedDomainIds: domainLinks.map((link) => link.domainId).sort(),
      }));
      return { client, domains: byId(withCallbacks), secrets: byId(linked) };
    };
    const asRead = async (clientId: string) => {
      const found = await readClientAuth(hot, clientId);
      if (!found) return null;
      const secrets = found.secrets.map((secret) => ({
        ...secret,
        linkedDomainIds: [...secret.linkedDomainIds].sort(),
      }));
      const domains = found.domains.map((domain) => ({ ...domain, callbacks: [...domain.callbacks].sort() }));
      return { client: found.client, domains: byId(domains), secrets: byId(secrets) };
    };
    expect(await asRead(partner.client.id)).toEqual(await asPrismaReads(partner.client.id));

    // More secrets: one linked to two domains, a revoked one linked to none; each appears once with all its links.
    const shop = await db.domain.findFirstOrThrow({ where: { publicId: "dom_hot_test" } });
    await db.clientSecret.create({
      data: {
        clientId: partner.client.id,
        secretHash: sha256(`two-links-${dialect}`),
        prefix: "gh_two",
        lastUsedAt: new Date(),
        domainLinks: { create: [{ domainId: partner.domain.id }, { domainId: shop.id }] },
      },
    });
    await db.clientSecret.create({
      data: {
        clientId: partner.client.id,
        secretHash: sha256(`none-${dialect}`),
        prefix: "gh_no",
        revokedAt: new Date(),
      },
    });
    const three = await asRead(partner.client.id);
    expect(three?.secrets.map((secret) => secret.linkedDomainIds.length).sort()).toEqual([0, 1, 2]);
    expect(three?.domains).toHaveLength(2);
    expect(three).toEqual(await asPrismaReads(partner.client.id));
    // One statement: one read lock on SQLite, one round trip on PostgreSQL.
    const statements: string[] = [];
    const counted = {
      ...hot,
      all: (text: string, params: Param[]) => {
        statements.push(text);
        return hot.all(text, params);
      },
    };
    await readClientAuth(counted, partner.client.id);
    expect(statements).toHaveLength(1);

    // A client with no domain and no secret is still found, with empty lists.
    const bare = await db.client.create({ data: { name: "Bare", ownerId: partner.owner.id } });
    expect(await readClientAuth(hot, bare.id)).toEqual({ ...(await asPrismaReads(bare.id)), domains: [], secrets: [] });
    expect(await readClientAuth(hot, "no-such-client")).toBeNull();
  });

  it("issues a login token that exactly one of many concurrent consumers wins", async () => {
    const { db, hot } = await open(dialect);
    const partner = await createPartner(db);
    const key = { tokenHash: sha256(`token-${dialect}`), clientId: partner.client.id, domainId: partner.domain.id };
    await insertLoginToken(hot, {
      ...key,
      redirectUrl: "https://app.example.com/cb",
      email: null,
      expiresAt: new Date(Date.now() + 600_000),
    });
    const now = new Date();
    // Not yet approved: nobody wins.
    expect(await consumeLoginToken(hot, key, now)).toBeNull();
    await db.loginToken.update({
      where: { tokenHash: key.tokenHash },
      data: { approvedAt: now, userId: partner.owner.id, scopes: "userinfo" },
    });
    // Another client's or domain's key never wins.
    expect(await consumeLoginToken(hot, { ...key, domainId: "other" }, now)).toBeNull();
    const results = await Promise.all(Array.from({ length: 12 }, () => consumeLoginToken(hot, key, new Date())));
    expect(results.filter((result) => result !== null)).toEqual([{ userId: partner.owner.id, scopes: "userinfo" }]);
    const state = await loginTokenState(hot, key.tokenHash);
    expect(state?.consumedAt).toBeInstanceOf(Date);
    expect(await db.loginToken.findUniqueOrThrow({ where: { tokenHash: key.tokenHash } })).toMatchObject({
      consumedAt: state?.consumedAt,
      redirectUrl: "https://app.example.com/cb",
    });
  });

  it("reads a login token with its client's name, its domain and the domain's active callbacks as Prisma does", async () => {
    const { db, hot } = await open(dialect);
    const partner = await createPartner(db, { domain: { fallbackUri: "https://example.com/oops", testMode: true } });
    await db.domainUrl.createMany({
      data: [
        { domainId: partner.domain.id, kind: "CALLBACK", url: "https://example.com/cb", active: true },
        { domainId: partner.domain.id, kind: "CALLBACK", url: "https://example.com/old", active: false },
      ],
    });
    const tokenHash = sha256(`browser-${dialect}`);
    await insertLoginToken(hot, {
      tokenHash,
      clientId: partner.client.id,
      domainId: partner.domain.id,
      redirectUrl: "https://example.com/cb",
      email: "hint@example.com",
      expiresAt: new Date(Date.now() + 600_000),
    });
    const prisma = await db.loginToken.findUniqueOrThrow({
      where: { tokenHash },
      include: { client: true, domain: { include: { urls: { where: { kind: "CALLBACK", active: true } } } } },
    });
    const {
      client,
      tokenHash: _hash,
      domainId: _domainId,
      userId: _userId,
      scopes: _scopes,
      createdAt: _at,
      ...login
    } = prisma;
    expect(await readLoginForBrowser(hot, tokenHash)).toEqual({ ...login, client: { name: client.name } });
    expect(await readLoginForBrowser(hot, sha256("unknown"))).toBeNull();
  });

  it("upserts the client user and reads the consent facts the visibility rule decides on", async () => {
    const { db, hot } = await open(dialect);
    const partner = await createPartner(db);
    const person = partner.owner;
    const entry = { clientId: partner.client.id, userId: person.id, domainId: partner.domain.id };
    const readable = async (clientId: string) => {
      const facts = await readConsentFacts(hot, clientId, person.sub);
      return facts ? clientMayRead(facts) : null;
    };
    expect(await readConsentFacts(hot, partner.client.id, "no-such-sub")).toBeNull();
    expect(await readConsentFacts(hot, partner.client.id, person.sub)).toMatchObject({
      signedInThrough: false,
      consent: null,
    });
    expect(await readable(partner.client.id)).toBeNull();
    await upsertClientUser(hot, entry, new Date());
    await upsertClientUser(hot, entry, new Date());
    const row = await db.clientUser.findUniqueOrThrow({
      where: { clientId_userId: { clientId: partner.client.id, userId: person.id } },
    });
    expect(row).toMatchObject({ loginCount: 2, domainId: partner.domain.id, isTestUser: false });

    const scopes = await db.scope.findMany({ where: { key: { in: ["userinfo", "useraddresses"] } } });
    const consent = await db.consent.create({
      data: {
        userId: person.id,
        clientId: partner.client.id,
        scopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
      },
    });
    const facts = await readConsentFacts(hot, partner.client.id, person.sub);
    const select = Object.fromEntries(CONSENTED_PERSON_FIELDS.map((field) => [field, true]));
    expect(facts?.user).toEqual(await db.user.findUniqueOrThrow({ where: { id: person.id }, select }));
    // A partner read never loads what it cannot release.
    expect(facts?.user).not.toHaveProperty("passwordHash");
    expect(facts?.signedInThrough).toBe(true);
    expect(facts?.consent).toEqual({ revokedAt: null, scopeKeys: expect.any(Array) });
    expect([...(facts?.consent?.scopeKeys ?? [])].sort()).toEqual(["useraddresses", "userinfo"]);
    expect([...((await readable(partner.client.id)) ?? [])].sort()).toEqual(["useraddresses", "userinfo"]);
    // Another client never sees the person; a revoked consent hides them, and the facts say why.
    expect(await readable("other-client")).toBeNull();
    const revokedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    await db.consent.update({ where: { id: consent.id }, data: { revokedAt } });
    expect((await readConsentFacts(hot, partner.client.id, person.sub))?.consent?.revokedAt).toEqual(revokedAt);
    expect(await readable(partner.client.id)).toBeNull();
  });

  it("grants the client's enabled BASIC scopes, and VERIFIED ones only through an accepted request", async () => {
    const { db } = await open(dialect);
    const partner = await createPartner(db, { scopes: ["userinfo", "useraddresses"] });
    const person = partner.owner;
    const keys = async () =>
      (await grantableScopes(db, partner.client.id, person.id, partner.domain.id)).map((scope) => scope.key);
    expect(await keys()).toEqual(["userinfo"]);
    const addresses = await db.scope.findUniqueOrThrow({ where: { key: "useraddresses" } });
    await db.accessRequest.create({
      data: {
        clientId: partner.client.id,
        userId: person.id,
        status: "ACCEPTED",
        scopes: { create: [{ scopeId: addresses.id }] },
      },
    });
    expect(await keys()).toEqual(["useraddresses", "userinfo"]);
    await db.clientScope.update({
      where: { clientId_scopeId: { clientId: partner.client.id, scopeId: addresses.id } },
      data: { enabled: false },
    });
    expect(await keys()).toEqual(["userinfo"]);
    const scopes = await grantableScopes(db, partner.client.id, undefined, partner.domain.id);
    expect(scopes).toEqual([await db.scope.findUniqueOrThrow({ where: { key: "userinfo" } })]);
  });

  it("approves an open login token once, replacing the consent's scopes and auditing it", async () => {
    const { db, hot } = await open(dialect);
    const partner = await createPartner(db, { verified: true, scopes: ["userinfo", "useraddresses"] });
    const person = partner.owner;
    const [addresses, userinfo] = await db.scope.findMany({
      where: { key: { in: ["useraddresses", "userinfo"] } },
      orderBy: { key: "asc" },
    });
    if (!addresses || !userinfo) throw new Error("catalogue scopes missing");
    const token = async (n: number, expiresIn = 600_000) => {
      const tokenHash = sha256(`approve-${dialect}-${n}`);
      const key = { tokenHash, clientId: partner.client.id, domainId: partner.domain.id };
      await insertLoginToken(hot, {
        ...key,
        redirectUrl: "https://app.example.com/cb",
        email: null,
        expiresAt: new Date(Date.now() + expiresIn),
      });
      return (await db.loginToken.findUniqueOrThrow({ where: { tokenHash } })).id;
    };
    const approval = (loginId: string, scopes: { id: string; key: string }[]) => ({
      loginId,
      clientId: partner.client.id,
      userId: person.id,
      scopes,
      details: { scopes: scopes.map((scope) => scope.key), domain: "example.com" },
      ip: "203.0.113.9",
      userAgent: "x".repeat(600),
    });
    const consentKeys = async () => {
      const consent = await db.consent.findUniqueOrThrow({
        where: { userId_clientId: { userId: person.id, clientId: partner.client.id } },
        include: { scopes: { include: { scope: true } } },
      });
      return { revokedAt: consent.revokedAt, keys: consent.scopes.map((entry) => entry.scope.key).sort() };
    };

    const first = await token(1);
    expect(await approveLoginToken(hot, approval(first, [addresses, userinfo]))).toBe(true);
    expect(await db.loginToken.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      userId: person.id,
      scopes: "useraddresses userinfo",
      approvedAt: expect.any(Date),
    });
    expect(await consentKeys()).toEqual({ revokedAt: null, keys: ["useraddresses", "userinfo"] });
    const [event] = await db.auditEvent.findMany({ where: { action: "consent.granted", clientId: partner.client.id } });
    const consent = await db.consent.findFirstOrThrow({ where: { userId: person.id } });
    expect(event).toMatchObject({
      actorUserId: person.id,
      actorClient: null,
      targetType: "Consent",
      targetId: consent.id,
      ip: "203.0.113.9",
      userAgent: "x".repeat(512),
    });
    expect(JSON.parse(event?.details ?? "")).toEqual({ scopes: ["useraddresses", "userinfo"], domain: "example.com" });
    // A token approves once; an expired one never.
    expect(await approveLoginToken(hot, approval(first, [userinfo]))).toBe(false);
    expect(await approveLoginToken(hot, approval(await token(2, -1000), [userinfo]))).toBe(false);
    expect(await consentKeys()).toEqual({ revokedAt: null, keys: ["useraddresses", "userinfo"] });

    // A revoked consent comes back with exactly the newly approved scopes, its id kept.
    await db.consent.update({ where: { id: consent.id }, data: { revokedAt: new Date() } });
    expect(await approveLoginToken(hot, approval(await token(3), [userinfo]))).toBe(true);
    expect(await consentKeys()).toEqual({ revokedAt: null, keys: ["userinfo"] });
    expect((await db.consent.findFirstOrThrow({ where: { userId: person.id } })).id).toBe(consent.id);

    // Many approvals of one person at once: each wins its own token, one consent, one audit event each.
    const tokens = await Promise.all(Array.from({ length: 8 }, (_, n) => token(10 + n)));
    const results = await Promise.all(tokens.map((id) => approveLoginToken(hot, approval(id, [addresses, userinfo]))));
    expect(results).toEqual(tokens.map(() => true));
    expect(await consentKeys()).toEqual({ revokedAt: null, keys: ["useraddresses", "userinfo"] });
    expect(await db.consent.count({ where: { userId: person.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "consent.granted", clientId: partner.client.id } })).toBe(10);
  });

  it("reads a session with its person as Prisma does, and touches it once among concurrent touches", async () => {
    const { db, hot } = await open(dialect);
    const partner = await createPartner(db);
    const seen = new Date(Date.now() - 120_000);
    const created = await db.session.create({
      data: {
        tokenHash: sha256(`session-${dialect}`),
        userId: partner.owner.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        lastSeenAt: seen,
        persistent: true,
      },
      include: { user: true },
    });
    expect(await readSession(hot, created.tokenHash)).toEqual({
      id: created.id,
      expiresAt: created.expiresAt,
      lastSeenAt: created.lastSeenAt,
      persistent: true,
      user: created.user,
    });
    expect(await readSession(hot, sha256("no such session"))).toBeNull();

    const at = new Date();
    const later = new Date(at.getTime() + 86_400_000);
    const touch = { id: created.id, at, staleBefore: new Date(at.getTime() - 60_000), expiresAt: later };
    const touched = await Promise.all(Array.from({ length: 6 }, () => touchSession(hot, touch)));
    expect(touched.filter(Boolean)).toHaveLength(1);
    const row = await db.session.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.lastSeenAt, row.expiresAt]).toEqual([at, later]);
    // Touched within the interval: no write; without an end, the end stays.
    expect(await touchSession(hot, touch)).toBe(false);
    const next = new Date(at.getTime() + 120_000);
    expect(await touchSession(hot, { id: created.id, at: next, staleBefore: new Date(next.getTime() - 60_000) })).toBe(
      true,
    );
    const after = await db.session.findUniqueOrThrow({ where: { id: created.id } });
    expect([after.lastSeenAt, after.expiresAt]).toEqual([next, later]);
  });

  it("reads each row as an object by column name, a repeated name taking its last column", async () => {
    const { hot } = await open(dialect);
    const rows = await hot.all(`SELECT 1 AS "a", 'two' AS "b", 3 AS "a" UNION ALL SELECT 4, NULL, 6`, []);
    expect(rows).toEqual([
      { a: 3, b: "two" },
      { a: 6, b: null },
    ]);
  });

  it("reads a rate-limit counter row and ignores an expired one", async () => {
    const { db, hot } = await open(dialect);
    await db.rateLimiterFlexible.create({ data: { key: "k:live", points: 7, expire: new Date(Date.now() + 60_000) } });
    await db.rateLimiterFlexible.create({ data: { key: "k:old", points: 9, expire: new Date(Date.now() - 1000) } });
    expect(await readCounter(hot, "k:live")).toMatchObject({ points: 7 });
    expect(await readCounter(hot, "k:old")).toBeNull();
    expect(await readCounter(hot, "k:none")).toBeNull();
  });

  it("reads a client's facts and a counter row in one statement, each present or not", async () => {
    const { db, hot } = await open(dialect);
    const partner = await createPartner(db);
    const clientId = partner.client.id;
    const expire = new Date(Date.now() + 60_000);
    await db.rateLimiterFlexible.create({ data: { key: "f:live", points: 21, expire } });
    await db.rateLimiterFlexible.create({ data: { key: "f:old", points: 30, expire: new Date(Date.now() - 1000) } });

    const both = await clientAuthFactsAndCounter(hot, clientId, "f:live");
    expect(both.facts).toEqual(await readClientAuth(hot, clientId));
    expect(both.counter).toEqual({ points: 21, expire });
    const noCounter = await clientAuthFactsAndCounter(hot, clientId, "f:none");
    expect(noCounter.facts?.client.id).toBe(clientId);
    expect(noCounter.counter).toBeNull();
    expect((await clientAuthFactsAndCounter(hot, clientId, "f:old")).counter).toBeNull();
    // An unknown client id still gets its source's count: a lockout holds for ids that do not exist.
    expect(await clientAuthFactsAndCounter(hot, "no-such-client", "f:live")).toEqual({
      facts: null,
      counter: { points: 21, expire },
    });
  });
});

describe("test/hot-path (sqlite): SQLITE_SYNCHRONOUS", () => {
  // PRAGMA synchronous answers 1 for NORMAL and 2 for FULL; it is per connection, so both are asked.
  it.each([
    [undefined, 1],
    ["normal", 1],
    ["full", 2],
  ] as const)("SQLITE_SYNCHRONOUS=%s reaches the hot connection and Prisma's", async (setting, level) => {
    const database = await freshDatabase("sqlite");
    const env = { NODE_ENV: "test", DATABASE_URL: database.url, ...(setting ? { SQLITE_SYNCHRONOUS: setting } : {}) };
    const prepared = await prepareDatabase(loadConfig(env), { demo: false });
    cleanups.push(async () => {
      await prepared.close();
      await database.drop();
    });
    const [hot] = await prepared.hot.all("PRAGMA synchronous", []);
    const [prisma] = await prepared.db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    expect(Number(hot?.synchronous)).toBe(level);
    expect(Number(prisma?.synchronous)).toBe(level);
  });
});
