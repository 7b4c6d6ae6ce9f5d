import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ADDRESSES } from "../src/core/account/address.service.js";
import { newSub } from "../src/core/auth/crypto.js";
import { createPartner } from "./fixtures.js";
import { gql, signedInPerson } from "./graphql.js";
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
});
