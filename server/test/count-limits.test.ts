import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ADDRESSES } from "../src/core/account/address.service.js";
import { newSub } from "../src/core/auth/crypto.js";
import { COUNT_LIMITS } from "../src/core/count-limits.js";
import { createPartner } from "./fixtures.js";
import { clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { callApi, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CREATE_ADDRESS = `mutation A($input: CreateAddressInput!) { createAddress(input: $input) { __typename ... on Error { message } } }`;
const CONCURRENT = MAX_ADDRESSES + 10;

describe("test/count-limits: count limits hold under concurrent creates on every database", () => {
  // Found by fuzzing on PostgreSQL: count-then-insert outside a lock left 22 addresses for one person.
  it("the partner API never stores more than the address limit for one person", async () => {
    const partner = await createPartner(server.db, { scopes: ["userinfo", "useraddresses"] });
    const user = await server.db.user.create({
      data: { email: `limit-${Date.now()}@example.org`, name: "Limit", sub: newSub(), passwordHash: "unused" },
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
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        callApi(server, "/user/address", partner.credentials, {
          sub: user.sub,
          action: "create",
          address: { street: `Street ${i}`, city: "Delft", country: "NL" },
        }),
      ),
    );
    const created = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(created).toHaveLength(MAX_ADDRESSES);
    expect(refused).toHaveLength(CONCURRENT - MAX_ADDRESSES);
    expect(refused[0]?.body).toEqual({
      status: "error",
      message: `At most ${MAX_ADDRESSES} addresses can be saved. Delete one first.`,
      data: {},
    });
    expect(await server.db.address.count({ where: { userId: user.id } })).toBe(MAX_ADDRESSES);
    expect(
      await server.db.auditEvent.count({ where: { action: "address.created", clientId: partner.client.id } }),
    ).toBe(MAX_ADDRESSES);
  });

  it("GraphQL never stores more than the address limit for one person", async () => {
    const person = await signedInPerson(server);
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        gql(server, person.caller, CREATE_ADDRESS, {
          input: { street: `Street ${i}`, city: "Delft", countryCode: "NLD" },
        }),
      ),
    );
    const typenames = answers.map((answer) => answer.data?.createAddress.__typename);
    expect(typenames.filter((name) => name === "CreateAddressSuccess")).toHaveLength(MAX_ADDRESSES);
    expect(typenames.filter((name) => name === "ConflictError")).toHaveLength(CONCURRENT - MAX_ADDRESSES);
    expect(await server.db.address.count({ where: { userId: person.user.id } })).toBe(MAX_ADDRESSES);
  });

  /**
   * Each limit is filled to a few below its maximum in the database, then more creates than the
   * room left arrive at once: exactly the room left succeeds, the rest get the typed conflict.
   */
  const ROOM = 3;
  const RACERS = 10;

  async function race(mutation: string, inputs: Record<string, unknown>[], caller: Parameters<typeof gql>[1]) {
    const answers = await Promise.all(inputs.map((input) => gql(server, caller, mutation, { input })));
    return answers.map((answer) => {
      const [payload] = Object.values(answer.data ?? {}) as { __typename: string; message?: string }[];
      return payload ?? { __typename: `errors: ${JSON.stringify(answer.errors)}` };
    });
  }

  function expectExactlyRoom(payloads: { __typename: string; message?: string }[], success: string, message: string) {
    expect(payloads.filter((payload) => payload.__typename === success)).toHaveLength(ROOM);
    const refused = payloads.filter((payload) => payload.__typename === "ConflictError");
    expect(refused).toHaveLength(RACERS - ROOM);
    expect(refused[0]?.message).toBe(message);
  }

  it("a client never holds more live secrets than the limit; revoked ones do not count", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner);
    const max = COUNT_LIMITS.secretsPerClient;
    await server.db.clientSecret.createMany({
      data: Array.from({ length: max - ROOM }, (_, i) => ({
        clientId,
        secretHash: `live-${clientId}-${i}`,
        prefix: "x",
      })),
    });
    await server.db.clientSecret.create({
      data: { clientId, secretHash: `revoked-${clientId}`, prefix: "x", revokedAt: new Date() },
    });
    const mutation = `mutation S($input: CreateClientSecretInput!) { createClientSecret(input: $input) { __typename ... on Error { message } } }`;
    const payloads = await race(
      mutation,
      Array.from({ length: RACERS }, (_, i) => ({ clientId, label: `Racer ${i}` })),
      owner.caller,
    );
    expectExactlyRoom(
      payloads,
      "CreateClientSecretSuccess",
      `A client can have at most ${max} live secrets. Revoke one first.`,
    );
    expect(await server.db.clientSecret.count({ where: { clientId, revokedAt: null } })).toBe(max);
    expect(await server.db.auditEvent.count({ where: { clientId, action: "secret.created" } })).toBe(ROOM);
  });

  it("a client never holds more domains than the limit", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner);
    const max = COUNT_LIMITS.domainsPerClient;
    const existing = await server.db.domain.count({ where: { clientId } });
    await server.db.domain.createMany({
      data: Array.from({ length: max - ROOM - existing }, (_, i) => ({
        clientId,
        rootDomain: `filler${i}.example.org`,
        publicId: `dom_filler_${clientId}_${i}`,
      })),
    });
    const mutation = `mutation D($input: CreateDomainInput!) { createDomain(input: $input) { __typename ... on Error { message } } }`;
    const payloads = await race(
      mutation,
      Array.from({ length: RACERS }, (_, i) => ({ clientId, rootDomain: `racer${i}.example.org` })),
      owner.caller,
    );
    expectExactlyRoom(payloads, "CreateDomainSuccess", `A client can have at most ${max} domains. Delete one first.`);
    expect(await server.db.domain.count({ where: { clientId } })).toBe(max);
  });

  it("a domain never holds more callback and webhook URLs than the limit", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner);
    const domain = await server.db.domain.create({
      data: { clientId, rootDomain: "urls.example.org", publicId: `dom_urls_${clientId}` },
    });
    const max = COUNT_LIMITS.urlsPerDomain;
    await server.db.domainUrl.createMany({
      data: Array.from({ length: max - ROOM }, (_, i) => ({
        domainId: domain.id,
        kind: "CALLBACK" as const,
        url: `https://urls.example.org/filler/${i}`,
      })),
    });
    const mutation = `mutation U($input: AddDomainUrlInput!) { addDomainUrl(input: $input) { __typename ... on Error { message } } }`;
    const payloads = await race(
      mutation,
      Array.from({ length: RACERS }, (_, i) => ({
        domainId: domain.id,
        kind: i % 2 ? "WEBHOOK" : "CALLBACK",
        url: `https://urls.example.org/racer/${i}`,
      })),
      owner.caller,
    );
    expectExactlyRoom(
      payloads,
      "AddDomainUrlSuccess",
      `A domain can have at most ${max} callback and webhook URLs. Remove one first.`,
    );
    expect(await server.db.domainUrl.count({ where: { domainId: domain.id } })).toBe(max);
  });

  it("a client never holds more members than the limit, and a full client answers the same for unknown addresses", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner);
    const max = COUNT_LIMITS.membersPerClient;
    const stamp = Date.now();
    const filler = max - ROOM - (await server.db.member.count({ where: { clientId } }));
    await server.db.user.createMany({
      data: Array.from({ length: filler + RACERS }, (_, i) => ({
        email: `crowd${i}-${stamp}@example.org`,
        name: `Crowd ${i}`,
        sub: newSub(),
        passwordHash: "unused",
        emailVerified: true,
      })),
    });
    const crowd = await server.db.user.findMany({
      where: { email: { endsWith: `-${stamp}@example.org` } },
      orderBy: { email: "asc" },
    });
    const [fillers, racers] = [crowd.slice(0, filler), crowd.slice(filler)];
    const viewer = await server.db.role.findUniqueOrThrow({ where: { clientId_key: { clientId, key: "viewer" } } });
    await server.db.member.createMany({
      data: fillers.map((user) => ({ clientId, userId: user.id, roleId: viewer.id })),
    });
    const mutation = `mutation M($input: AddMemberInput!) { addMember(input: $input) { __typename ... on Error { message } } }`;
    const full = `A client can have at most ${max} members. Remove one first.`;
    const payloads = await race(
      mutation,
      racers.map((user) => ({ clientId, email: user.email, roleId: viewer.id })),
      owner.caller,
    );
    expectExactlyRoom(payloads, "AddMemberSuccess", full);
    expect(await server.db.member.count({ where: { clientId } })).toBe(max);
    // Full: a known and an unknown address get the same refusal, so the limit is no existence oracle.
    const [unknown] = await race(
      mutation,
      [{ clientId, email: `nobody-${stamp}@example.org`, roleId: viewer.id }],
      owner.caller,
    );
    expect(unknown).toEqual({ __typename: "ConflictError", message: full });
  });
});
