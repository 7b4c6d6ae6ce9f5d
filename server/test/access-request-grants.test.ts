import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphqlCaller, gql } from "./graphql.js";
import {
  approveLogin,
  Browser,
  callApi,
  registeredBrowser,
  SIGN_IN,
  startTestServer,
  type TestServer,
} from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// Everything below goes through GraphQL and the REST door, as the dashboard, partner tooling and SDKs do.
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
const REQUEST_VERIFICATION = op(
  "requestVerification",
  "RequestVerificationInput",
  "__typename ... on RequestVerificationSuccess { data { id } }",
);
const APPROVE = op("approveVerification", "ApproveVerificationInput");
const VERIFY_DOMAIN = op("verifyDomainOwnership", "VerifyDomainOwnershipInput");
const REVOKE = op("revokeVerification", "RevokeVerificationInput");
const SEND = op("sendAccessRequest", "SendAccessRequestInput");
const ACCEPT = op("acceptAccessRequest", "AcceptAccessRequestInput");
const DECLINE = op("declineAccessRequest", "DeclineAccessRequestInput");
const INCOMING = `{ viewer { accessRequests { id kind client { name } scopes { key description tier } } } }`;

const redirect_url = "http://localhost:4000/cb";

/**
 * The demo admin (an owner who is also platform staff) sets up a client whose `useraddresses` scope
 * is enabled but no longer verified: staff approved it, the owner enabled it, then staff revoked the
 * verification. So the client may not ask everyone for addresses, only people who accept a request.
 */
async function clientWithUnverifiedAddresses() {
  const browser = new Browser(server.baseUrl);
  const signedIn = await browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, {
    input: { email: server.demo.adminEmail, password: server.demo.adminPassword },
  });
  expect(signedIn.data?.signIn.__typename).toBe("SignInSuccess");
  const admin: GraphqlCaller = { browser };
  const ok = async (query: string, input: Record<string, unknown>) => {
    const answer = await gql(server, admin, query, { input });
    const payload = Object.values(answer.data ?? {})[0] as { __typename: string; data?: Record<string, unknown> };
    expect(payload?.__typename, JSON.stringify(answer)).toMatch(/Success$/);
    return payload.data ?? {};
  };
  const clientId = (await ok(CREATE_CLIENT, { name: `Requests ${Date.now().toString(36)}` })).id as string;
  const domainId = (await ok(CREATE_DOMAIN, { clientId, rootDomain: "localhost", allowApi: true })).id as string;
  // A loopback domain cannot publish a proof; as staff, the admin vouches for it (else only test users sign in).
  await ok(VERIFY_DOMAIN, { domainId, note: "Loopback test host." });
  const secret = (await ok(CREATE_SECRET, { clientId, domainIds: [domainId] })).value as string;
  await ok(ENABLE, { clientId, scopeKey: "userinfo" });
  const requestId = (await ok(REQUEST_VERIFICATION, { clientId, domainIds: [domainId], scopeKeys: ["useraddresses"] }))
    .id as string;
  await ok(APPROVE, { requestId });
  await ok(ENABLE, { clientId, scopeKey: "useraddresses" });
  await ok(REVOKE, { requestId, note: "Only per person from now on." });
  const credentials = { clientId, clientSecret: secret, domain: "localhost" };
  return { clientId, credentials };
}

/** A person registers and signs in to the app through the hosted login; answers their browser and sub. */
async function signsInThroughApp(credentials: { clientId: string; clientSecret: string; domain: string }) {
  const person = await registeredBrowser(server);
  const signed = await callApi(server, "/sign-token", credentials, { redirect_url });
  const token = signed.body.data.token as string;
  expect((await approveLogin(person.browser, token))?.__typename).toBe("CompleteLoginSuccess");
  const verified = await callApi(server, "/sign-token-verify", credentials, { token });
  return { ...person, sub: verified.body.data.sub as string };
}

describe("test/access-request-grants: an accepted access request grants its scopes to that person at once", () => {
  it("the person sees exactly what is asked; accepting releases the fields on the next API call, for them only", async () => {
    const { clientId, credentials } = await clientWithUnverifiedAddresses();
    const asked = await signsInThroughApp(credentials);
    const other = await signsInThroughApp(credentials);
    const addresses = (sub: string) => callApi(server, "/get/user/address", credentials, { sub });
    expect((await addresses(asked.sub)).status).toBe(403);

    // Partner tooling (client credentials) sends the request.
    const sent = await gql(server, { client: credentials }, SEND, {
      input: { clientId, email: asked.email, kind: "ACCESS", scopeKeys: ["useraddresses"], message: "For delivery." },
    });
    expect(sent.data?.sendAccessRequest.__typename).toBe("SendAccessRequestSuccess");

    const incoming = await asked.browser.graphql<{
      viewer: { accessRequests: { id: string; kind: string; client: { name: string }; scopes: { key: string }[] }[] };
    }>(INCOMING);
    const [request] = incoming.data?.viewer.accessRequests ?? [];
    expect(request).toMatchObject({ kind: "ACCESS", scopes: [{ key: "useraddresses", tier: "VERIFIED" }] });
    expect(request?.scopes).toHaveLength(1);

    const accepted = await asked.browser.graphql<{ acceptAccessRequest: { __typename: string } }>(ACCEPT, {
      input: { accessRequestId: request?.id },
    });
    expect(accepted.data?.acceptAccessRequest.__typename).toBe("AcceptAccessRequestSuccess");

    // No new login: the very next partner call releases the addresses of this person, and only theirs.
    const released = await addresses(asked.sub);
    expect(released).toMatchObject({ status: 200, body: { status: "success", data: { addresses: [] } } });
    expect((await addresses(other.sub)).status).toBe(403);
    const info = await callApi(server, "/get/user/info", credentials, { sub: asked.sub });
    expect(info.body.data.user).toMatchObject({ email: asked.email });

    // Signing in again keeps the grant and asks nothing new.
    const again = await callApi(server, "/sign-token", credentials, { redirect_url });
    const next = await approveLogin(asked.browser, again.body.data.token as string);
    expect(next?.__typename).toBe("CompleteLoginSuccess");
    expect((await addresses(asked.sub)).status).toBe(200);
  });

  it("a declined request grants nothing", async () => {
    const { clientId, credentials } = await clientWithUnverifiedAddresses();
    const person = await signsInThroughApp(credentials);
    await gql(server, { client: credentials }, SEND, {
      input: { clientId, email: person.email, kind: "ACCESS", scopeKeys: ["useraddresses"] },
    });
    const incoming = await person.browser.graphql<{ viewer: { accessRequests: { id: string }[] } }>(INCOMING);
    const declined = await person.browser.graphql<{ declineAccessRequest: { __typename: string } }>(DECLINE, {
      input: { accessRequestId: incoming.data?.viewer.accessRequests[0]?.id },
    });
    expect(declined.data?.declineAccessRequest.__typename).toBe("DeclineAccessRequestSuccess");
    expect((await callApi(server, "/get/user/address", credentials, { sub: person.sub })).status).toBe(403);
  });
});
