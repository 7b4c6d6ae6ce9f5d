import { MAX_ADDRESSES } from "../../src/core/account/address.service.js";
import { newSub } from "../../src/core/auth/crypto.js";
import { COUNT_LIMITS } from "../../src/core/count-limits.js";
import { createPartner } from "../fixtures.js";
import { clientOwnedBy, signedInPerson } from "../graphql.js";
import type { ClientHeaders, TestServer } from "../harness.js";

/** What the fuzzer acts with: a signed-in owner of a client, a partner and a person who consented to it. */
export async function fuzzFixture(server: TestServer) {
  const owner = await signedInPerson(server, { name: "Fuzz Owner" });
  const clientId = await clientOwnedBy(server, owner, "Fuzz Client");
  const domain = await server.db.domain.create({
    data: { clientId, rootDomain: "fuzz-owner.example", publicId: `dom_fuzz${Date.now()}` },
  });
  const partner = await createPartner(server.db, {
    rootDomain: "fuzz-partner.example",
    scopes: ["userinfo", "useraddresses"],
  });
  const consented = async () => {
    const user = await server.db.user.create({
      data: { email: `fuzz-${newSub()}@example.org`, name: "Fuzz Person", sub: newSub(), passwordHash: "unused" },
    });
    await server.db.clientUser.create({ data: { clientId: partner.client.id, userId: user.id, loginCount: 1 } });
    const scopes = await server.db.scope.findMany({ where: { key: { in: ["userinfo", "useraddresses"] } } });
    await server.db.consent.create({
      data: {
        clientId: partner.client.id,
        userId: user.id,
        scopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
      },
    });
    return user;
  };
  const person = await consented();
  return {
    owner,
    clientId,
    domainId: domain.id,
    partner: partner.credentials as ClientHeaders,
    person,
    consented,
    /** Ids a resolver can find, so fuzzed arguments get past "not found" into the real work. */
    knownIds: () => [clientId, domain.id, domain.publicId, owner.user.id, person.sub, partner.client.id],
  };
}

export type FuzzFixture = Awaited<ReturnType<typeof fuzzFixture>>;

/** Row counts of every table a refused request must leave alone. */
export async function tableCounts(server: TestServer): Promise<Record<string, number>> {
  const db = server.db;
  const counts = await Promise.all([
    db.user.count(),
    db.session.count(),
    db.client.count(),
    db.domain.count(),
    db.domainUrl.count(),
    db.clientSecret.count(),
    db.member.count(),
    db.role.count(),
    db.address.count(),
    db.accessRequest.count(),
    db.apiToken.count(),
    db.loginToken.count(),
    db.consent.count(),
  ]);
  const names = "users sessions clients domains urls secrets members roles addresses requests tokens logins consents";
  return Object.fromEntries(names.split(" ").map((name, i) => [name, counts[i] ?? 0]));
}

/** Count limits the fuzzer checks after every round: none may ever be exceeded. */
export async function limitsExceeded(server: TestServer): Promise<string[]> {
  const { db } = server;
  const [addresses, secrets, domains, urls, members] = await Promise.all([
    db.address.groupBy({ by: ["userId"], _count: { _all: true } }),
    db.clientSecret.groupBy({ by: ["clientId"], where: { revokedAt: null }, _count: { _all: true } }),
    db.domain.groupBy({ by: ["clientId"], _count: { _all: true } }),
    db.domainUrl.groupBy({ by: ["domainId"], _count: { _all: true } }),
    db.member.groupBy({ by: ["clientId"], _count: { _all: true } }),
  ]);
  const over = (rows: { _count: { _all: number } }[], max: number, say: (row: never, count: number) => string) =>
    rows.filter((row) => row._count._all > max).map((row) => say(row as never, row._count._all));
  return [
    ...over(addresses, MAX_ADDRESSES, (row: { userId: string }, n) => `user ${row.userId} has ${n} addresses`),
    ...over(
      secrets,
      COUNT_LIMITS.secretsPerClient,
      (row: { clientId: string }, n) => `client ${row.clientId} has ${n} live secrets`,
    ),
    ...over(
      domains,
      COUNT_LIMITS.domainsPerClient,
      (row: { clientId: string }, n) => `client ${row.clientId} has ${n} domains`,
    ),
    ...over(urls, COUNT_LIMITS.urlsPerDomain, (row: { domainId: string }, n) => `domain ${row.domainId} has ${n} URLs`),
    ...over(
      members,
      COUNT_LIMITS.membersPerClient,
      (row: { clientId: string }, n) => `client ${row.clientId} has ${n} members`,
    ),
  ];
}
