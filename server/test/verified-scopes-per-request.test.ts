import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphqlCaller, gql } from "./graphql.js";
import {
  approveLogin,
  type ClientHeaders,
  callApi,
  registeredBrowser,
  startTestServer,
  type TestServer,
} from "./harness.js";
import { demoAdminBrowser } from "./staff.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ERRORS = "... on Error { message }";
const op = (name: string, input: string, select = "__typename") =>
  `mutation M($input: ${input}!) { ${name}(input: $input) { ${select} ${ERRORS} } }`;
const CREATE_CLIENT = op("createClient", "CreateClientInput", "__typename ... on CreateClientSuccess { data { id } }");
const CREATE_DOMAIN = op("createDomain", "CreateDomainInput", "__typename ... on CreateDomainSuccess { data { id } }");
const CREATE_SECRET = op(
  "createClientSecret",
  "CreateClientSecretInput",
  "__typename ... on CreateClientSecretSuccess { data { value } }",
);
const ENABLE = op("enableClientScope", "ClientScopeInput");
const VERIFY_DOMAIN = op("verifyDomainOwnership", "VerifyDomainOwnershipInput");
const SEND = op("sendAccessRequest", "SendAccessRequestInput");
const ACCEPT = op("acceptAccessRequest", "AcceptAccessRequestInput");
const ALLOW = op(
  "setVerifiedScopesPerRequest",
  "SetVerifiedScopesPerRequestInput",
  "__typename ... on SetVerifiedScopesPerRequestSuccess { data { clientId allowed } }",
);
const AUDIT = `query A($id: ID!) { client(id: $id) { auditEvents(first: 50) { edges { node { action details } } } } }`;
const INCOMING = `{ viewer { accessRequests { id scopes { key tier } } } }`;
const redirect_url = "http://localhost:4000/cb";

type Payload = { __typename: string; message?: string; data?: Record<string, unknown> };
const payloadOf = (answer: { data?: Record<string, unknown> | null }) => Object.values(answer.data ?? {})[0] as Payload;

/** The demo admin (owner and platform staff) sets up an unverified client whose app people sign in to. */
async function unverifiedClient() {
  const admin: GraphqlCaller = { browser: await demoAdminBrowser(server) };
  const ok = async (query: string, input: Record<string, unknown>) => {
    const payload = payloadOf(await gql(server, admin, query, { input }));
    expect(payload?.__typename, JSON.stringify(payload)).toMatch(/Success$/);
    return payload.data ?? {};
  };
  const clientId = (await ok(CREATE_CLIENT, { name: `Per request ${Date.now().toString(36)}` })).id as string;
  const domainId = (await ok(CREATE_DOMAIN, { clientId, rootDomain: "localhost", allowApi: true })).id as string;
  // A loopback domain cannot publish a proof; as staff, the admin vouches for it (else only test users sign in).
  await ok(VERIFY_DOMAIN, { domainId, note: "Loopback test host." });
  const secret = (await ok(CREATE_SECRET, { clientId, domainIds: [domainId] })).value as string;
  await ok(ENABLE, { clientId, scopeKey: "userinfo" });
  const credentials = { clientId, clientSecret: secret, domain: "localhost" };
  const person = await registeredBrowser(server);
  const signed = await callApi(server, "/sign-token", credentials, { redirect_url });
  expect((await approveLogin(person.browser, signed.body.data.token as string))?.__typename).toBe(
    "CompleteLoginSuccess",
  );
  const verified = await callApi(server, "/sign-token-verify", credentials, { token: signed.body.data.token });
  return { admin, clientId, credentials, person: { ...person, sub: verified.body.data.sub as string } };
}

const askForAddresses = (clientId: string, credentials: ClientHeaders, email: string) =>
  gql(server, { client: credentials }, SEND, {
    input: { clientId, email, kind: "ACCESS", scopeKeys: ["useraddresses"] },
  }).then(payloadOf);

describe("test/verified-scopes-per-request: staff allow the VERIFIED tier per request", () => {
  it("an unverified client is refused with a typed error until staff allow it", async () => {
    const { clientId, credentials, person } = await unverifiedClient();
    const refused = await askForAddresses(clientId, credentials, person.email);
    expect(refused.__typename).toBe("ForbiddenError");
    expect(refused.message).toMatch(/verified partners/i);
    expect(refused.message).toContain("useraddresses");
    const incoming = await person.browser.graphql<{ viewer: { accessRequests: unknown[] } }>(INCOMING);
    expect(incoming.data?.viewer.accessRequests).toEqual([]);
  });

  it("once staff allow it, one person is asked, accepts, and only their addresses are released; audited", async () => {
    const { admin, clientId, credentials, person } = await unverifiedClient();
    const allowed = payloadOf(await gql(server, admin, ALLOW, { input: { clientId, allowed: true } }));
    expect(allowed).toMatchObject({ __typename: "SetVerifiedScopesPerRequestSuccess", data: { allowed: true } });

    expect((await askForAddresses(clientId, credentials, person.email)).__typename).toBe("SendAccessRequestSuccess");
    const incoming = await person.browser.graphql<{
      viewer: { accessRequests: { id: string; scopes: { key: string; tier: string }[] }[] };
    }>(INCOMING);
    const [request] = incoming.data?.viewer.accessRequests ?? [];
    expect(request?.scopes).toEqual([{ key: "useraddresses", tier: "VERIFIED" }]);
    const accepted = payloadOf(await person.browser.graphql(ACCEPT, { input: { accessRequestId: request?.id } }));
    expect(accepted.__typename).toBe("AcceptAccessRequestSuccess");
    const addresses = await callApi(server, "/get/user/address", credentials, { sub: person.sub });
    expect(addresses).toMatchObject({ status: 200, body: { status: "success" } });

    // Signing in again keeps what the person accepted, though the client still may not enable the scope.
    const again = await callApi(server, "/sign-token", credentials, { redirect_url });
    expect((await approveLogin(person.browser, again.body.data.token as string))?.__typename).toBe(
      "CompleteLoginSuccess",
    );
    expect((await callApi(server, "/get/user/address", credentials, { sub: person.sub })).status).toBe(200);

    type Audit = { client: { auditEvents: { edges: { node: { action: string } }[] } } };
    const audit = await gql<Audit>(server, admin, AUDIT, { id: clientId });
    const events = audit.data?.client.auditEvents.edges ?? [];
    expect(events.map((edge) => edge.node.action)).toContain("client.verified_scopes_per_request_changed");

    // Switched off again, the next request is refused.
    await gql(server, admin, ALLOW, { input: { clientId, allowed: false } });
    const other = await registeredBrowser(server);
    expect((await askForAddresses(clientId, credentials, other.email)).__typename).toBe("ForbiddenError");
  });

  it("only staff may flip the switch", async () => {
    const { clientId } = await unverifiedClient();
    const owner = await registeredBrowser(server);
    const refused = payloadOf(
      await gql(server, { browser: owner.browser }, ALLOW, { input: { clientId, allowed: true } }),
    );
    expect(refused.__typename).toBe("ForbiddenError");
  });
});
