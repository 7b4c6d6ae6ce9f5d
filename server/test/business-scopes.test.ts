import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "./graphql.js";
import {
  approveLogin,
  type Browser,
  type ClientHeaders,
  callApi,
  registeredBrowser,
  startTestServer,
  type TestServer,
} from "./harness.js";
import { authorization, oidcPartner, relyingParty, signInThrough } from "./oidc.js";
import { demoAdminBrowser } from "./staff.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const op = (name: string, input: string, select = "") =>
  `mutation M($input: ${input}!) { ${name}(input: $input) { __typename ${select} ... on Error { message } } }`;
const ADD = op(
  "addCatalogueScope",
  "AddCatalogueScopeInput",
  "... on AddCatalogueScopeSuccess { data { key releases } }",
);
const DEFINE = op(
  "definePrivateScope",
  "DefinePrivateScopeInput",
  "... on DefinePrivateScopeSuccess { data { key releases private } }",
);
const SET_CLAIMS = op("setScopeClaims", "SetScopeClaimsInput", "... on SetScopeClaimsSuccess { data { claim value } }");
const ENABLE = op("enableClientScope", "ClientScopeInput");
const CATALOGUE = `{ scopes { key } }`;
const CONSENT = `query Q($token: String!) { loginRequest(token: $token) { ... on LoginRequestSuccess {
  data { scopes { key name description releases } } } } }`;
const redirect_url = "http://localhost:4000/cb";

type Payload = { __typename: string; message?: string; data?: unknown };
const payloadOf = (answer: { data?: Record<string, unknown> | null }) => Object.values(answer.data ?? {})[0] as Payload;

/** The demo admin, platform staff with a second factor (staff powers need one). */
const staffBrowser = () => demoAdminBrowser(server);

/** A client made through GraphQL by `browser` (its owner), on localhost, with a linked secret and the given scopes. */
async function clientOf(browser: Browser, scopeKeys: string[]) {
  const run = async (query: string, input: Record<string, unknown>) => {
    const payload = payloadOf(await gql(server, { browser }, query, { input }));
    expect(payload.__typename, JSON.stringify(payload)).toMatch(/Success$/);
    return payload.data as Record<string, string>;
  };
  const clientId = (
    await run(op("createClient", "CreateClientInput", "... on CreateClientSuccess { data { id } }"), {
      name: `Shop ${Date.now().toString(36)}`,
    })
  ).id as string;
  const domainId = (
    await run(op("createDomain", "CreateDomainInput", "... on CreateDomainSuccess { data { id } }"), {
      clientId,
      rootDomain: "localhost",
      allowApi: true,
    })
  ).id as string;
  // A loopback domain cannot publish a proof; staff vouch for it (else only test users sign in).
  const vouched = payloadOf(
    await gql(server, { browser: await staffBrowser() }, op("verifyDomainOwnership", "VerifyDomainOwnershipInput"), {
      input: { domainId, note: "Loopback test host." },
    }),
  );
  expect(vouched.__typename, JSON.stringify(vouched)).toBe("VerifyDomainOwnershipSuccess");
  const secret = (
    await run(
      op("createClientSecret", "CreateClientSecretInput", "... on CreateClientSecretSuccess { data { value } }"),
      { clientId, domainIds: [domainId] },
    )
  ).value as string;
  for (const scopeKey of scopeKeys) await run(ENABLE, { clientId, scopeKey });
  return { clientId, credentials: { clientId, clientSecret: secret, domain: "localhost" } satisfies ClientHeaders };
}

/** A new person signs in to the client's app and approves the consent screen; answers them, their sub and what the screen showed. */
async function signsIn(credentials: ClientHeaders, person?: { browser: Browser; email: string }) {
  const who = person ?? (await registeredBrowser(server));
  const signed = await callApi(server, "/sign-token", credentials, { redirect_url });
  const token = signed.body.data.token as string;
  const shown = await who.browser.graphql<{ loginRequest: { data: { scopes: Record<string, unknown>[] } } }>(CONSENT, {
    token,
  });
  expect((await approveLogin(who.browser, token))?.__typename).toBe("CompleteLoginSuccess");
  const verified = await callApi(server, "/sign-token-verify", credentials, { token });
  return { ...who, sub: verified.body.data.sub as string, consent: shown.data?.loginRequest.data.scopes ?? [] };
}

/** The person as the client's get/user/info answers them. */
const info = async (credentials: ClientHeaders, sub: string) => {
  const answer = await callApi(server, "/get/user/info", credentials, { sub });
  return answer.body.data.user as Record<string, unknown>;
};

describe("test/business-scopes: scopes staff add to the catalogue", () => {
  it("staff add one with validated, unique keys; it shows on the consent screen and releases exactly its fields", async () => {
    const staff = await staffBrowser();
    const key = `newsletter-${Date.now().toString(36)}`;
    const input = {
      key,
      name: "Newsletter",
      description: "Your name and e-mail, to send you our newsletter",
      tier: "BASIC",
      claims: ["name", "email"],
    };
    expect(payloadOf(await gql(server, { browser: staff }, ADD, { input }))).toMatchObject({
      __typename: "AddCatalogueScopeSuccess",
      data: { key, releases: ["name", "email"] },
    });
    expect(payloadOf(await gql(server, { browser: staff }, ADD, { input })).__typename).toBe("ConflictError");
    for (const bad of [
      { key: "openid" },
      { key: "userinfo" },
      { key: "Bad Key" },
      { key: "acme:x" },
      { claims: ["password_hash"] },
    ]) {
      expect(
        payloadOf(await gql(server, { browser: staff }, ADD, { input: { ...input, key: `${key}-2`, ...bad } }))
          .__typename,
      ).toBe("ValidationError");
    }
    const outsider = await registeredBrowser(server);
    expect(
      payloadOf(await gql(server, { browser: outsider.browser }, ADD, { input: { ...input, key: `${key}-3` } }))
        .__typename,
    ).toBe("ForbiddenError");
    const audit = await server.db.auditEvent.findFirst({ where: { action: "scope.created", targetId: key } });
    expect(audit).not.toBeNull();

    const { credentials } = await clientOf(staff, [key]);
    const person = await signsIn(credentials);
    expect(person.consent).toEqual([expect.objectContaining({ key, name: "Newsletter", releases: ["name", "email"] })]);
    const user = await info(credentials, person.sub);
    expect(user).toMatchObject({ name: "Ada Lovelace", email: person.email, given_name: null, gender: null });
    expect(user.scopes).toEqual([key]);
  });
});

describe("test/business-scopes: a client's private scopes and custom claims", () => {
  it("are released only to that client and only for people who consented to them", async () => {
    const owner = await staffBrowser();
    const a = await clientOf(owner, ["userinfo"]);
    const b = await clientOf(owner, ["userinfo"]);
    // Someone signs in to A before it defines its scope: their consent does not hold it.
    const before = await signsIn(a.credentials);

    const defined = payloadOf(
      await gql(server, { browser: owner }, DEFINE, {
        input: {
          clientId: a.clientId,
          name: "loyalty",
          displayName: "Loyalty card",
          description: "Your loyalty tier and points at the shop",
          claims: ["tier", "points"],
        },
      }),
    );
    const scopeKey = `${a.clientId}:loyalty`;
    expect(defined).toMatchObject({
      __typename: "DefinePrivateScopeSuccess",
      data: { key: scopeKey, releases: ["tier", "points"], private: true },
    });
    const clash = await gql(server, { browser: owner }, DEFINE, {
      input: { clientId: a.clientId, name: "loyalty2", displayName: "X", description: "X", claims: ["email"] },
    });
    expect(payloadOf(clash).__typename).toBe("ValidationError");

    // The catalogue never lists it, and client B cannot enable it.
    const catalogue = await gql<{ scopes: { key: string }[] }>(server, { browser: owner }, CATALOGUE);
    expect(catalogue.data?.scopes.map((scope) => scope.key)).not.toContain(scopeKey);
    expect(
      payloadOf(await gql(server, { browser: owner }, ENABLE, { input: { clientId: b.clientId, scopeKey } }))
        .__typename,
    ).toBe("NotFoundError");

    const person = await signsIn(a.credentials);
    expect(person.consent.map((scope) => scope.key)).toEqual(expect.arrayContaining([scopeKey, "userinfo"]));
    await signsIn(b.credentials, person);

    // A sets the claims through the partner API; a null clears one.
    const set = await callApi(server, "/user/claims", a.credentials, {
      sub: person.sub,
      scope: scopeKey,
      claims: { tier: "gold", points: "120" },
    });
    expect(set).toMatchObject({
      status: 200,
      body: { status: "success", data: { claims: { tier: "gold", points: "120" } } },
    });
    const cleared = await callApi(server, "/user/claims", a.credentials, {
      sub: person.sub,
      scope: scopeKey,
      claims: { points: null },
    });
    expect(cleared.body.data.claims).toEqual({ tier: "gold" });
    expect((await info(a.credentials, person.sub)).custom_claims).toEqual({ tier: "gold" });

    // Client B neither sees nor sets them, for the same person.
    const seenByB = await info(b.credentials, person.sub);
    expect(seenByB.email).toBe(person.email);
    expect(seenByB).not.toHaveProperty("custom_claims");
    const bSets = await callApi(server, "/user/claims", b.credentials, {
      sub: person.sub,
      scope: scopeKey,
      claims: { tier: "platinum" },
    });
    expect(bSets).toMatchObject({ status: 404, body: { status: "error" } });
    const bGraphql = await gql(server, { client: b.credentials }, SET_CLAIMS, {
      input: { clientId: a.clientId, scopeKey, sub: person.sub, claims: [{ claim: "tier", value: "platinum" }] },
    });
    expect(payloadOf(bGraphql).__typename).toMatch(/NotFoundError|ForbiddenError/);
    expect((await info(a.credentials, person.sub)).custom_claims).toEqual({ tier: "gold" });

    // The person who did not consent to the scope gets nothing set and nothing released.
    const notConsented = await callApi(server, "/user/claims", a.credentials, {
      sub: before.sub,
      scope: scopeKey,
      claims: { tier: "gold" },
    });
    expect(notConsented).toMatchObject({ status: 404, body: { status: "error", message: "User not found" } });
    expect(await info(a.credentials, before.sub)).not.toHaveProperty("custom_claims");

    // An unknown claim is refused; GraphQL with A's own credentials works too.
    const unknown = await callApi(server, "/user/claims", a.credentials, {
      sub: person.sub,
      scope: scopeKey,
      claims: { secret: "x" },
    });
    expect(unknown.status).toBe(400);
    const viaGraphql = await gql(server, { client: a.credentials }, SET_CLAIMS, {
      input: { clientId: a.clientId, scopeKey, sub: person.sub, claims: [{ claim: "points", value: "7" }] },
    });
    expect(payloadOf(viaGraphql)).toMatchObject({
      data: [
        { claim: "points", value: "7" },
        { claim: "tier", value: "gold" },
      ],
    });
    const audited = await server.db.auditEvent.count({ where: { clientId: a.clientId, action: "scope_claims.set" } });
    expect(audited).toBe(3);
  });
});

describe("test/business-scopes: custom claims through OpenID Connect", () => {
  it("userinfo carries custom_claims for the owning client once the person consented and the client set them", async () => {
    const partner = await oidcPartner(server.db);
    const scope = await server.db.scope.create({
      data: {
        key: `${partner.client.id}:club`,
        name: "Club",
        description: "Your club membership",
        claims: "level",
        ownerClientId: partner.client.id,
      },
    });
    await server.db.clientScope.create({ data: { clientId: partner.client.id, scopeId: scope.id } });
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(config);
    const { callback } = await signInThrough(server, auth);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
    });
    const sub = String(tokens.claims()?.sub);
    expect((await oidc.fetchUserInfo(config, tokens.access_token, sub)).custom_claims).toEqual({});
    const set = await callApi(server, "/user/claims", partner.credentials, {
      sub,
      scope: scope.key,
      claims: { level: "3" },
    });
    expect(set.status).toBe(200);
    expect((await oidc.fetchUserInfo(config, tokens.access_token, sub)).custom_claims).toEqual({ level: "3" });
  });
});
