import { MAX_ADDRESSES } from "../../src/core/account/address.service.js";
import { newSub } from "../../src/core/auth/crypto.js";
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
  const perUser = await server.db.address.groupBy({ by: ["userId"], _count: { _all: true } });
  return perUser
    .filter((row) => row._count._all > MAX_ADDRESSES)
    .map((row) => `user ${row.userId} has ${row._count._all} addresses (limit ${MAX_ADDRESSES})`);
}
