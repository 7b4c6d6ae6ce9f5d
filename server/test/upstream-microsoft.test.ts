import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";
import { staffCaller } from "./staff.js";
import { GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, type LocalGoogle, startLocalGoogle } from "./upstream/local-google.js";
import { TwoSiteBrowser, upstreamTrip } from "./upstream/two-site-browser.js";

const CREATE_PROVIDER = `mutation Create($input: CreateUpstreamProviderInput!) { createUpstreamProvider(input: $input) {
  __typename ... on Error { message } } }`;
const VIEWER = `{ viewer { email emailVerified } }`;

let microsoft: LocalGoogle;
let generic: LocalGoogle;
let server: TestServer;
let emails = 0;
const fresh = (prefix: string) => `${prefix}${++emails}-${Date.now()}@contoso.example`;

beforeAll(async () => {
  // One local oidc-provider behaves as Microsoft (no email_verified; xms_edov or verified_primary_email);
  // a second sends the same claims but is set up as a generic provider, which must not trust them.
  microsoft = await startLocalGoogle({ microsoft: true });
  generic = await startLocalGoogle({ microsoft: true });
  server = await startTestServer();
  microsoft.register(`${server.baseUrl}/upstream/microsoft/callback`);
  generic.register(`${server.baseUrl}/upstream/contoso-sso/callback`);
  const staff = await staffCaller(server);
  for (const input of [
    { preset: "MICROSOFT", issuer: microsoft.issuer },
    { preset: "GENERIC", issuer: generic.issuer, slug: "contoso-sso", displayName: "Contoso SSO" },
  ]) {
    const created = await gql(server, staff, CREATE_PROVIDER, {
      input: { ...input, clientId: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET },
    });
    expect(created.data?.createUpstreamProvider.__typename, JSON.stringify(created)).toBe(
      "CreateUpstreamProviderSuccess",
    );
  }
});

afterAll(async () => {
  await server?.close();
  await microsoft?.close();
  await generic?.close();
});

async function firstSignIn(slug: string, email: string) {
  const browser = new TwoSiteBrowser(server.baseUrl);
  const trip = await upstreamTrip(browser, `/upstream/${slug}/start`, email);
  return { browser, trip };
}

describe("test/upstream-microsoft (a local oidc-provider standing in for Microsoft)", () => {
  it("lets a newcomer in on xms_edov, with no email_verified in the token", async () => {
    const email = fresh("edov");
    const { browser, trip } = await firstSignIn("microsoft", email);
    expect(trip.landing).toBe("/account");
    expect((await browser.graphql(VIEWER)).data?.viewer).toEqual({ email, emailVerified: true });
  });

  it("lets a newcomer in when verified_primary_email lists the address", async () => {
    const email = fresh("primary");
    const { browser, trip } = await firstSignIn("microsoft", email);
    expect(trip.landing).toBe("/account");
    expect((await browser.graphql(VIEWER)).data?.viewer).toEqual({ email, emailVerified: true });
  });

  it("refuses a bare email claim, and the same signals from a provider that is not the Microsoft preset", async () => {
    const bare = fresh("bare");
    expect((await firstSignIn("microsoft", bare)).trip.landing).toBe("/signin?upstream_error=EMAIL_UNVERIFIED");
    const viaGeneric = fresh("edov");
    expect((await firstSignIn("contoso-sso", viaGeneric)).trip.landing).toBe("/signin?upstream_error=EMAIL_UNVERIFIED");
    expect(await server.db.user.count({ where: { email: { in: [bare, viaGeneric] } } })).toBe(0);
  });
});
