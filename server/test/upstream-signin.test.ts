import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSub } from "../src/core/auth/crypto.js";
import { hashPassword } from "../src/core/auth/password.js";
import { purgeExpiredUpstream } from "../src/maintenance/purge-expired.js";
import { createPartner } from "./fixtures.js";
import { gql, signedInPerson } from "./graphql.js";
import { Browser, callApi, SIGN_IN, startTestServer, type TestServer } from "./harness.js";
import { enrolTotp, staffPerson } from "./staff.js";
import { GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, type LocalGoogle, startLocalGoogle } from "./upstream/local-google.js";
import { TwoSiteBrowser, upstreamTrip } from "./upstream/two-site-browser.js";

const VIEWER = `{ viewer { email emailVerified name hasPassword linkedProviders { id provider displayName email } } }`;
const LINK_OFFER = `query Offer($ticket: String!) { providerLinkOffer(ticket: $ticket) {
  __typename ... on ProviderLinkOfferSuccess { data { provider displayName email hasPassword returnTo } } ... on Error { message } } }`;
const CONFIRM = `mutation Confirm($input: ConfirmProviderLinkInput!) { confirmProviderLink(input: $input) {
  __typename ... on ConfirmProviderLinkSuccess { data { returnTo } } ... on Error { message } } }`;
const UNLINK = `mutation Unlink($id: ID!) { unlinkProvider(input: { id: $id }) {
  __typename ... on UnlinkProviderSuccess { data { provider } } ... on Error { message } } }`;
const CREATE_PROVIDER = `mutation Create($input: CreateUpstreamProviderInput!) { createUpstreamProvider(input: $input) {
  __typename ... on CreateUpstreamProviderSuccess { data { slug displayName issuer scopes redirectUri source } }
  ... on ValidationError { fieldErrors { field message } } ... on Error { message } } }`;
const PROVIDERS = `{ signInProviders { slug displayName kind } }`;
const VERIFY = `mutation V($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename } }`;
const CONFIRM_STEP = `mutation Confirm($input: ConfirmProviderLinkInput!) { confirmProviderLink(input: $input) {
  __typename ... on SecondFactorRequiredError { challenge methods } ... on Error { message } } }`;

let google: LocalGoogle;
let server: TestServer;
/** A second Gatehouse with Google set by UPSTREAM_GOOGLE_* variables instead of the dashboard. */
let envServer: TestServer;
let emails = 0;
const freshEmail = (prefix = "grace") => `${prefix}${++emails}-${Date.now()}@gmail.example`;

async function existingAccount(email: string, password = "existing password 42") {
  return server.db.user.create({
    data: { email, name: "Existing Person", sub: newSub(), passwordHash: await hashPassword(password) },
  });
}

beforeAll(async () => {
  google = await startLocalGoogle();
  server = await startTestServer();
  envServer = await startTestServer({
    UPSTREAM_GOOGLE_CLIENT_ID: GOOGLE_CLIENT_ID,
    UPSTREAM_GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT_SECRET,
    UPSTREAM_GOOGLE_ISSUER: google.issuer,
  });
  google.register(`${server.baseUrl}/upstream/google/callback`, `${envServer.baseUrl}/upstream/google/callback`);
  const staff = await staffPerson(server);
  const created = await gql(server, staff.caller, CREATE_PROVIDER, {
    input: { preset: "GOOGLE", issuer: google.issuer, clientId: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET },
  });
  expect(created.data?.createUpstreamProvider, JSON.stringify(created)).toMatchObject({
    __typename: "CreateUpstreamProviderSuccess",
    data: {
      slug: "google",
      displayName: "Google",
      issuer: google.issuer,
      scopes: ["openid", "email", "profile"],
      redirectUri: `${server.baseUrl}/upstream/google/callback`,
      source: "DASHBOARD",
    },
  });
});

afterAll(async () => {
  await server?.close();
  await envServer?.close();
  await google?.close();
});

describe("test/upstream-signin (a local oidc-provider as Google, over real HTTP)", () => {
  it("lists Google for the sign-in page's buttons, and stores its secret encrypted", async () => {
    const answer = await gql(server, { anonymous: true }, PROVIDERS);
    expect(answer.data?.signInProviders).toEqual([{ slug: "google", displayName: "Google", kind: "GOOGLE" }]);
    const row = await server.db.upstreamProvider.findUniqueOrThrow({ where: { slug: "google" } });
    expect(row.clientSecretEncrypted).not.toContain(GOOGLE_CLIENT_SECRET);
    const audit = await server.db.auditEvent.findFirstOrThrow({ where: { action: "upstream_provider.created" } });
    expect(audit.details).not.toContain(GOOGLE_CLIENT_SECRET);
  });

  it("creates an account at the first sign-in with an unknown verified e-mail, and signs in again through the link", async () => {
    const email = freshEmail();
    const browser = new TwoSiteBrowser(server.baseUrl);
    const trip = await upstreamTrip(browser, "/upstream/google/start?return=/account/apps", email);
    expect(trip).toEqual({ landing: "/account/apps", callbackStatus: 302 });
    const viewer = (await browser.graphql(VIEWER)).data?.viewer;
    expect(viewer).toMatchObject({ email, emailVerified: true, name: "Grace Hopper", hasPassword: false });
    expect(viewer?.linkedProviders).toEqual([
      expect.objectContaining({ provider: "google", displayName: "Google", email }),
    ]);
    // A password sign-in cannot get into an account that has no password.
    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    expect(await server.db.upstreamIdentity.count({ where: { userId: user.id } })).toBe(1);

    const again = new TwoSiteBrowser(server.baseUrl);
    expect((await upstreamTrip(again, "/upstream/google/start", email)).landing).toBe("/account");
    expect((await again.graphql(VIEWER)).data?.viewer?.email).toBe(email);
    expect(await server.db.user.count({ where: { email } })).toBe(1);
  });

  it("asks an account's second factor after Google too: no session until the code, then signed in", async () => {
    const email = freshEmail("twostep");
    const browser = new TwoSiteBrowser(server.baseUrl);
    expect((await upstreamTrip(browser, "/upstream/google/start", email)).landing).toBe("/account");
    const started = await browser.graphql(
      `mutation { startTotpEnrolment { ... on StartTotpEnrolmentSuccess { data { secret } } } }`,
    );
    const secret: string = started.data?.startTotpEnrolment.data.secret ?? "";
    const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    const confirmed = await browser.graphql(
      `mutation C($code: String!) { confirmTotp(input: { code: $code }) { __typename } }`,
      { code: totp.generate() },
    );
    expect(confirmed.data?.confirmTotp.__typename).toBe("ConfirmTotpSuccess");

    // Google alone no longer signs this account in: the browser lands on the second step, unsigned.
    const again = new TwoSiteBrowser(server.baseUrl);
    const trip = await upstreamTrip(again, "/upstream/google/start?return=/account/apps", email);
    const landing = new URL(trip.landing ?? "", server.baseUrl);
    expect(landing.pathname).toBe("/signin");
    const step = new URLSearchParams(landing.hash.slice(1));
    expect(step.get("methods")).toBe("TOTP,RECOVERY_CODE");
    expect(step.get("return")).toBe("/account/apps");
    expect((await again.graphql(VIEWER)).data?.viewer).toBeNull();

    const wrong = await again.graphql(VERIFY, {
      input: { challenge: step.get("second_factor"), method: "TOTP", code: "000000" },
    });
    expect(wrong.data?.verifySignIn.__typename).toBe("InvalidSecondFactorError");
    expect((await again.graphql(VIEWER)).data?.viewer).toBeNull();

    // The enrolment used this step's code; the next step's is inside the ±1 window and not yet used.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    const verified = await again.graphql(VERIFY, {
      input: { challenge: step.get("second_factor"), method: "TOTP", code: next },
    });
    expect(verified.data?.verifySignIn.__typename).toBe("VerifySignInSuccess");
    expect((await again.graphql(VIEWER)).data?.viewer?.email).toBe(email);
  });

  it("refuses an upstream e-mail the provider did not verify: no account, no session", async () => {
    const email = freshEmail("unverified");
    const browser = new TwoSiteBrowser(server.baseUrl);
    const trip = await upstreamTrip(browser, "/upstream/google/start", email);
    expect(trip.landing).toBe("/signin?upstream_error=EMAIL_UNVERIFIED");
    expect((await browser.graphql(VIEWER)).data?.viewer).toBeNull();
    expect(await server.db.user.count({ where: { email } })).toBe(0);
  });

  it("links to an existing account only after its password: a wrong one is refused, the right one links and signs in", async () => {
    const email = freshEmail();
    const existing = await existingAccount(email);
    const browser = new TwoSiteBrowser(server.baseUrl);
    const trip = await upstreamTrip(browser, "/upstream/google/start?return=/account", email);
    const ticket = /^\/signin\/link#ticket=([\w-]+)$/.exec(trip.landing ?? "")?.[1];
    expect(ticket, String(trip.landing)).toBeTruthy();
    // Not signed in, not linked: nothing happened silently.
    expect((await browser.graphql(VIEWER)).data?.viewer).toBeNull();
    expect(await server.db.upstreamIdentity.count({ where: { userId: existing.id } })).toBe(0);

    const offer = await browser.graphql(LINK_OFFER, { ticket });
    expect(offer.data?.providerLinkOffer.data).toEqual({
      provider: "google",
      displayName: "Google",
      email,
      hasPassword: true,
      returnTo: "/account",
    });

    const wrong = await browser.graphql(CONFIRM, { input: { ticket, password: "not the password" } });
    expect(wrong.data?.confirmProviderLink.__typename).toBe("WrongPasswordError");
    expect((await browser.graphql(VIEWER)).data?.viewer).toBeNull();
    expect(await server.db.upstreamIdentity.count({ where: { userId: existing.id } })).toBe(0);

    const right = await browser.graphql(CONFIRM, { input: { ticket, password: "existing password 42" } });
    expect(right.data?.confirmProviderLink).toEqual({
      __typename: "ConfirmProviderLinkSuccess",
      data: { returnTo: "/account" },
    });
    const viewer = (await browser.graphql(VIEWER)).data?.viewer;
    expect(viewer).toMatchObject({ email, hasPassword: true, name: "Existing Person" });
    expect(viewer?.linkedProviders).toHaveLength(1);
    expect(await server.db.auditEvent.count({ where: { action: "upstream.linked", targetId: existing.id } })).toBe(1);

    // The ticket is spent.
    const replay = await browser.graphql(CONFIRM, { input: { ticket, password: "existing password 42" } });
    expect(replay.data?.confirmProviderLink).toMatchObject({ __typename: "InvalidLinkError" });

    // From now on Google signs this person straight in.
    const later = new TwoSiteBrowser(server.baseUrl);
    expect((await upstreamTrip(later, "/upstream/google/start", email)).landing).toBe("/account");
    expect((await later.graphql(VIEWER)).data?.viewer?.email).toBe(email);
  });

  it("refuses to unlink the last way to sign in, and unlinks once a password exists", async () => {
    const email = freshEmail();
    const browser = new TwoSiteBrowser(server.baseUrl);
    await upstreamTrip(browser, "/upstream/google/start", email);
    const [link] = (await browser.graphql(VIEWER)).data?.viewer?.linkedProviders ?? [];
    expect(link?.provider).toBe("google");

    // A link to a provider that no longer exists is no way in: it does not make Google removable.
    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    const stale = await server.db.upstreamIdentity.create({
      data: { userId: user.id, providerSlug: "removed-sso", issuer: "https://gone.example", subject: `s-${email}` },
    });
    const refused = await browser.graphql(UNLINK, { id: link.id });
    expect(refused.data?.unlinkProvider).toMatchObject({
      __typename: "ConflictError",
      message: expect.stringMatching(/only way to sign in/),
    });
    expect(await server.db.upstreamIdentity.count({ where: { id: link.id } })).toBe(1);
    // The stale link itself may go: Google still signs the person in.
    expect((await browser.graphql(UNLINK, { id: stale.id })).data?.unlinkProvider.__typename).toBe(
      "UnlinkProviderSuccess",
    );

    // Someone else's link is not theirs to remove, and answers as unknown.
    const other = new TwoSiteBrowser(server.baseUrl);
    await upstreamTrip(other, "/upstream/google/start", freshEmail());
    expect((await other.graphql(UNLINK, { id: link.id })).data?.unlinkProvider.__typename).toBe("NotFoundError");

    await server.db.user.update({ where: { email }, data: { passwordHash: await hashPassword("a new password 77") } });
    const unlinked = await browser.graphql(UNLINK, { id: link.id });
    expect(unlinked.data?.unlinkProvider).toEqual({
      __typename: "UnlinkProviderSuccess",
      data: { provider: "google" },
    });
    expect((await browser.graphql(VIEWER)).data?.viewer?.linkedProviders).toEqual([]);
    expect(await server.db.auditEvent.count({ where: { action: "upstream.unlinked" } })).toBeGreaterThanOrEqual(1);
  });

  it("counts a passkey as another way to sign in: Google can go once the account has one", async () => {
    const email = freshEmail("passkeyonly");
    const browser = new TwoSiteBrowser(server.baseUrl);
    await upstreamTrip(browser, "/upstream/google/start", email);
    const [link] = (await browser.graphql(VIEWER)).data?.viewer?.linkedProviders ?? [];
    expect((await browser.graphql(UNLINK, { id: link.id })).data?.unlinkProvider.__typename).toBe("ConflictError");
    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    await server.db.passkey.create({
      data: { userId: user.id, credentialId: `cred-${email}`, publicKey: "pk", name: "Phone" },
    });
    expect((await browser.graphql(UNLINK, { id: link.id })).data?.unlinkProvider.__typename).toBe(
      "UnlinkProviderSuccess",
    );
  });

  it("refuses a callback whose state is not this browser's", async () => {
    const email = freshEmail();
    const browser = new TwoSiteBrowser(server.baseUrl);
    const trip = await upstreamTrip(browser, "/upstream/google/start", email, {
      tamperCallback: (url) => {
        url.searchParams.set("state", "someone-elses-state");
        return url;
      },
    });
    expect(trip.landing).toBe("/signin?upstream_error=STATE_MISMATCH");
    expect(await server.db.user.count({ where: { email } })).toBe(0);

    // A callback arriving in a browser that never started the flow (no state cookie) is refused too.
    const victim = new TwoSiteBrowser(server.baseUrl);
    const attacker = new TwoSiteBrowser(server.baseUrl);
    let stolen: URL | null = null;
    await upstreamTrip(attacker, "/upstream/google/start", freshEmail(), {
      tamperCallback: (url) => {
        stolen = new URL(url);
        url.searchParams.set("code", "spent-by-test");
        return url;
      },
    });
    const forced = await victim.request(stolen as unknown as URL);
    expect(forced.headers.get("location")).toBe("/signin?upstream_error=STATE_MISMATCH");
  });

  it("refuses an ID token whose nonce is not the one this flow sent", async () => {
    const email = freshEmail();
    const browser = new TwoSiteBrowser(server.baseUrl);
    const trip = await upstreamTrip(browser, "/upstream/google/start", email, {
      tamperAuthorization: (url) => {
        expect(url.searchParams.get("nonce")).toBeTruthy();
        expect(url.searchParams.get("code_challenge_method")).toBe("S256");
        url.searchParams.set("nonce", "a-nonce-gatehouse-never-sent");
        return url;
      },
    });
    expect(trip.landing).toBe("/signin?upstream_error=PROVIDER_ERROR");
    expect(await server.db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a replayed callback: each flow is used once", async () => {
    const email = freshEmail();
    const browser = new TwoSiteBrowser(server.baseUrl);
    let callback: URL | null = null;
    const trip = await upstreamTrip(browser, "/upstream/google/start", email, {
      tamperCallback: (url) => {
        callback = new URL(url);
        return url;
      },
    });
    expect(trip.landing).toBe("/account");
    const state = (callback as unknown as URL).searchParams.get("state") ?? "";
    const replay = await fetch(callback as unknown as URL, {
      headers: { cookie: `gatehouse_upstream_state=${state}` },
      redirect: "manual",
    });
    expect(replay.headers.get("location")).toBe("/signin?upstream_error=EXPIRED");
  });

  it("purges flows a day after they expire, and keeps the fresh ones", async () => {
    const browser = new TwoSiteBrowser(server.baseUrl);
    await browser.request("/upstream/google/start");
    const fresh = await server.db.upstreamFlow.count({ where: { consumedAt: null } });
    expect(fresh).toBeGreaterThan(0);
    expect((await purgeExpiredUpstream(server.db)).flows).toBe(0);
    const later = new Date(Date.now() + 25 * 3600 * 1000 + 10 * 60 * 1000);
    expect((await purgeExpiredUpstream(server.db, later)).flows).toBeGreaterThanOrEqual(fresh);
    expect(await server.db.upstreamFlow.count()).toBe(0);
  });

  it("sends an unknown provider and a foreign return path nowhere", async () => {
    const browser = new TwoSiteBrowser(server.baseUrl);
    const unknown = await browser.request("/upstream/nope/start");
    expect(unknown.headers.get("location")).toBe("/signin?upstream_error=UNKNOWN_PROVIDER");
    const email = freshEmail();
    const trip = await upstreamTrip(
      browser,
      `/upstream/google/start?return=${encodeURIComponent("//evil.example/x")}`,
      email,
    );
    expect(trip.landing).toBe("/account");
  });

  it("resumes the app's XWMS login and releases the linked provider with the providers scope", async () => {
    const partner = await createPartner(server.db, { verified: true, scopes: ["userinfo", "providers"] });
    const signToken = await callApi(server, "/sign-token", partner.credentials, {
      redirect_url: "https://example.com/callback",
    });
    const token = String(signToken.body.data.token);
    const email = freshEmail();
    const browser = new TwoSiteBrowser(server.baseUrl);
    const returnTo = `/authorize?token=${token}`;
    const trip = await upstreamTrip(browser, `/upstream/google/start?return=${encodeURIComponent(returnTo)}`, email);
    expect(trip.landing).toBe(returnTo);

    const completed = await browser.graphql(
      `mutation Complete($input: CompleteLoginInput!) { completeLogin(input: $input) { __typename ... on CompleteLoginSuccess { data { redirectUrl } } } }`,
      { input: { token, approve: true } },
    );
    expect(completed.data?.completeLogin.data.redirectUrl).toBe(`https://example.com/callback?token=${token}`);
    const verified = await callApi(server, "/sign-token-verify", partner.credentials, { token });
    expect(verified.body.data.email).toBe(email);

    const info = await callApi(server, "/get/user/info", partner.credentials, {
      sub: Number(verified.body.data.sub),
      socials: true,
    });
    expect(info.status).toBe(200);
    expect((info.body.data.user as { socials: unknown }).socials).toEqual([
      { platform: "google", username: email, url: null },
    ]);
  });
});

describe("test/upstream-signin (linking from an app's hosted login, with a second factor)", () => {
  it("goes back to the app's login after the password and the code, not to the account page", async () => {
    const partner = await createPartner(server.db, { verified: true, scopes: ["userinfo"] });
    const signToken = await callApi(server, "/sign-token", partner.credentials, {
      redirect_url: "https://example.com/callback",
    });
    const token = String(signToken.body.data.token);
    const email = freshEmail("linkstep");
    await existingAccount(email);
    const first = new Browser(server.baseUrl);
    await first.graphql(SIGN_IN, { input: { email, password: "existing password 42" } });
    const secret = await enrolTotp(first);

    const browser = new TwoSiteBrowser(server.baseUrl);
    const returnTo = `/authorize?token=${token}`;
    const trip = await upstreamTrip(browser, `/upstream/google/start?return=${encodeURIComponent(returnTo)}`, email);
    const ticket = /^\/signin\/link#ticket=([\w-]+)$/.exec(trip.landing ?? "")?.[1] ?? "";
    // The link page reads where to go on from the offer, before the ticket is spent.
    const offer = await browser.graphql(LINK_OFFER, { ticket });
    expect(offer.data?.providerLinkOffer.data.returnTo).toBe(returnTo);
    const step = await browser.graphql(CONFIRM_STEP, { input: { ticket, password: "existing password 42" } });
    expect(step.data?.confirmProviderLink).toMatchObject({ __typename: "SecondFactorRequiredError" });
    expect((await browser.graphql(VIEWER)).data?.viewer).toBeNull();
    const code = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
      timestamp: Date.now() + 30_000,
    });
    const verified = await browser.graphql(VERIFY, {
      input: { challenge: step.data?.confirmProviderLink.challenge, method: "TOTP", code },
    });
    expect(verified.data?.verifySignIn.__typename).toBe("VerifySignInSuccess");
    const completed = await browser.graphql(
      `mutation Complete($input: CompleteLoginInput!) { completeLogin(input: $input) { __typename ... on CompleteLoginSuccess { data { redirectUrl } } } }`,
      { input: { token, approve: true } },
    );
    expect(completed.data?.completeLogin.data.redirectUrl).toBe(`https://example.com/callback?token=${token}`);
  });
});

describe("test/upstream-signin (Google configured by environment variables)", () => {
  it("offers Google, signs a newcomer in, and keeps the provider read-only for staff", async () => {
    const answer = await gql(envServer, { anonymous: true }, PROVIDERS);
    expect(answer.data?.signInProviders).toEqual([{ slug: "google", displayName: "Google", kind: "GOOGLE" }]);
    const email = freshEmail();
    const browser = new TwoSiteBrowser(envServer.baseUrl);
    expect((await upstreamTrip(browser, "/upstream/google/start", email)).landing).toBe("/account");
    expect((await browser.graphql(VIEWER)).data?.viewer?.email).toBe(email);

    const staff = await staffPerson(envServer);
    const list = await gql(
      envServer,
      staff.caller,
      `{ upstreamProviders { __typename ... on UpstreamProvidersSuccess { data { slug source } } } }`,
    );
    expect(list.data?.upstreamProviders.data).toEqual([{ slug: "google", source: "ENVIRONMENT" }]);
    const duplicate = await gql(envServer, staff.caller, CREATE_PROVIDER, {
      input: { preset: "GOOGLE", clientId: "x", clientSecret: "y" },
    });
    expect(duplicate.data?.createUpstreamProvider.__typename).toBe("ConflictError");
    // A person who is not staff sees no provider configuration at all.
    const person = await signedInPerson(envServer);
    const refused = await gql(envServer, person.caller, `{ upstreamProviders { __typename } }`);
    expect(refused.data?.upstreamProviders.__typename).toBe("ForbiddenError");
  });
});
