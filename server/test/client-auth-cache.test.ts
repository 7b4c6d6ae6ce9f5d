import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { type Database, openDatabase } from "../src/db/client.js";
import { clientAuthFacts } from "../src/db/hot/client-auth-cache.js";
import { createHttpServer } from "../src/http/serve.js";
import { TEST_DIALECT } from "./databases.js";
import { clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { callApi, startTestServer, TestClock, type TestServer } from "./harness.js";

/** Instance A is the test server; B is a second app with its own connections (and cache) on the same database. */
let a: TestServer;
let b: { apiUrl: string; database: Database; clock: TestClock; close: () => Promise<void> };

beforeAll(async () => {
  a = await startTestServer();
  const database = openDatabase(a.config.databaseUrl);
  const clock = new TestClock();
  const silent = { request() {}, info() {}, warn() {}, error() {} };
  const server = createHttpServer(createApp({ db: database.db, config: a.config, clock, logger: silent })).listen(
    0,
    "127.0.0.1",
  );
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  b = {
    apiUrl: `http://localhost:${(server.address() as AddressInfo).port}/api`,
    database,
    clock,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const CREATE_SECRET = `mutation C($input: CreateClientSecretInput!) { createClientSecret(input: $input) {
  __typename ... on CreateClientSecretSuccess { data { value secret { id } } } ... on Error { message } } }`;
const REVOKE = `mutation R($input: RevokeClientSecretInput!) { revokeClientSecret(input: $input) {
  __typename ... on Error { message } } }`;
const UNLINK = `mutation U($input: SecretDomainInput!) { unlinkSecretFromDomain(input: $input) {
  __typename ... on Error { message } } }`;

/** A client set up through instance A's GraphQL, with one domain and one secret linked to it. */
async function partnerThroughA() {
  const owner = await signedInPerson(a);
  const clientId = await clientOwnedBy(a, owner, "Cached Shop");
  const domain = await a.db.domain.create({
    data: { clientId, rootDomain: "shop.example", publicId: newDomainPublicId(), allowLogin: true, allowApi: true },
  });
  const created = (await gql(a, owner.caller, CREATE_SECRET, { input: { clientId, domainIds: [domain.id] } })).data
    ?.createClientSecret;
  expect(created.__typename).toBe("CreateClientSecretSuccess");
  const credentials = { clientId, clientSecret: created.data.value as string, domain: "shop.example" };
  return { owner, clientId, domain, secretId: created.data.secret.id as string, credentials };
}

const signToken = (
  server: { apiUrl: string },
  credentials: Awaited<ReturnType<typeof partnerThroughA>>["credentials"],
) => callApi(server, "/sign-token", credentials, { redirect_url: "https://shop.example/callback" });

/** B has authenticated the client and holds its facts: reading them again gives the very same object. */
async function cachedOnB(clientId: string) {
  const facts = await clientAuthFacts(b.database.hot, clientId);
  expect(facts).not.toBeNull();
  expect(await clientAuthFacts(b.database.hot, clientId)).toBe(facts);
}

describe(`test/client-auth-cache (${TEST_DIALECT}): cached client facts never outlive a change`, () => {
  it("refuses on instance B, at once, a secret revoked through instance A after B cached the client", async () => {
    const partner = await partnerThroughA();
    expect((await signToken(b, partner.credentials)).status).toBe(200);
    await cachedOnB(partner.clientId);
    expect((await signToken(b, partner.credentials)).status).toBe(200);

    const revoked = await gql(a, partner.owner.caller, REVOKE, { input: { secretId: partner.secretId } });
    expect(revoked.data?.revokeClientSecret.__typename).toBe("RevokeClientSecretSuccess");
    const refused = await signToken(b, partner.credentials);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe("This client secret has been revoked");
  });

  it("refuses on B, at once, a secret unlinked from its domain through A after B cached the client", async () => {
    const partner = await partnerThroughA();
    expect((await signToken(b, partner.credentials)).status).toBe(200);
    await cachedOnB(partner.clientId);
    const input = { secretId: partner.secretId, domainId: partner.domain.id };
    expect((await gql(a, partner.owner.caller, UNLINK, { input })).data?.unlinkSecretFromDomain.__typename).toBe(
      "UnlinkSecretFromDomainSuccess",
    );
    const refused = await signToken(b, partner.credentials);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("This client secret is not linked to the domain");
  });

  it("refuses on B, at once, a domain deactivated or closed to API calls after B cached the client", async () => {
    const partner = await partnerThroughA();
    const userInfo = () => callApi(b, "/get/user/info", partner.credentials, { sub: "nobody" });
    // Authenticated: whatever it answers about an unknown person, it is not a refusal of the client.
    expect([401, 403]).not.toContain((await userInfo()).status);
    await cachedOnB(partner.clientId);

    await a.db.domain.update({ where: { id: partner.domain.id }, data: { allowApi: false } });
    const closed = await userInfo();
    expect(closed.status).toBe(403);
    expect(closed.body.message).toBe("API access is not allowed for this domain");

    await a.db.domain.update({ where: { id: partner.domain.id }, data: { allowApi: true, active: false } });
    const inactive = await signToken(b, partner.credentials);
    expect(inactive.status).toBe(403);
    expect(inactive.body.message).toBe("This domain is inactive");
  });

  it("sees a callback URL added through A on B's next sign-token", async () => {
    const partner = await partnerThroughA();
    const elsewhere = { redirect_url: "https://partner-app.example/return" };
    expect((await callApi(b, "/sign-token", partner.credentials, elsewhere)).status).not.toBe(200);
    await cachedOnB(partner.clientId);
    await a.db.domainUrl.create({
      data: { domainId: partner.domain.id, kind: "CALLBACK", url: elsewhere.redirect_url },
    });
    expect((await callApi(b, "/sign-token", partner.credentials, elsewhere)).status).toBe(200);
  });

  it("writes a busy secret's lastUsedAt at most once a minute per instance", async () => {
    const partner = await partnerThroughA();
    const lastUsedAt = async () =>
      (await a.db.clientSecret.findUniqueOrThrow({ where: { id: partner.secretId } })).lastUsedAt?.getTime();
    expect(await lastUsedAt()).toBeUndefined();

    const first = b.clock.now().getTime();
    expect((await signToken(b, partner.credentials)).status).toBe(200);
    // B's clock moved by nothing yet: the write carries about the moment of the call.
    const written = await lastUsedAt();
    expect(written).toBeGreaterThanOrEqual(first);
    for (let call = 0; call < 3; call++) expect((await signToken(b, partner.credentials)).status).toBe(200);
    b.clock.advance(30_000);
    expect((await signToken(b, partner.credentials)).status).toBe(200);
    expect(await lastUsedAt()).toBe(written);

    b.clock.advance(31_000);
    expect((await signToken(b, partner.credentials)).status).toBe(200);
    expect(await lastUsedAt()).toBeGreaterThan((written ?? 0) + 60_000);
  });
});
