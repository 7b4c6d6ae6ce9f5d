import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptionKey } from "../src/core/auth/sealed-box.js";
import { rotateSigningKey } from "../src/core/oidc/signing-keys.js";
import { callApi, LOGIN_REQUEST, registeredBrowser, startTestServer, type TestServer } from "./harness.js";
import { authorization, browse, oidcPartner, relyingParty, signInThrough, verifiedWithJwks } from "./oidc.js";

const REVOKE_CONSENT = `mutation C($input: RevokeConsentInput!) { revokeConsent(input: $input) { __typename } }`;
const CONNECTED_APPS = `{ viewer { connectedApps { id client { id } } } }`;

describe("test/oidc-tokens: refresh, client credentials, introspection, keys, shared consent", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OIDC_KEYS_REFRESH_SECONDS: "0" });
  });
  afterAll(async () => server?.close());

  async function loggedIn() {
    const partner = await oidcPartner(server.db);
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(config);
    const person = await signInThrough(server, auth);
    const tokens = await oidc.authorizationCodeGrant(config, person.callback, {
      pkceCodeVerifier: auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
    });
    return { partner, config, person, tokens };
  }

  const active = async (config: oidc.Configuration, token: string) =>
    (await oidc.tokenIntrospection(config, token)).active;

  it("rotates refresh tokens: the old one is refused, and its reuse revokes the whole family", async () => {
    const { config, tokens } = await loggedIn();
    const first = tokens.refresh_token ?? "";
    expect(first).not.toBe("");
    const rotated = await oidc.refreshTokenGrant(config, first);
    expect(rotated.refresh_token).toBeDefined();
    expect(rotated.refresh_token).not.toBe(first);
    expect(await active(config, rotated.access_token)).toBe(true);

    await expect(oidc.refreshTokenGrant(config, first)).rejects.toMatchObject({ error: "invalid_grant" });
    // The reuse revoked the family: the newest refresh token and its access token are dead too.
    await expect(oidc.refreshTokenGrant(config, rotated.refresh_token ?? "")).rejects.toMatchObject({
      error: "invalid_grant",
    });
    expect(await active(config, rotated.access_token)).toBe(false);
    expect(await active(config, tokens.access_token)).toBe(false);
  });

  it("issues client_credentials tokens to client_secret_basic and client_secret_post", async () => {
    const partner = await oidcPartner(server.db);
    for (const method of ["basic", "post"] as const) {
      const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret, method);
      const grant = await oidc.clientCredentialsGrant(config);
      expect(grant.token_type.toLowerCase()).toBe("bearer");
      const introspected = await oidc.tokenIntrospection(config, grant.access_token);
      expect(introspected).toMatchObject({ active: true, client_id: partner.client.id });
    }
  });

  it("introspection says active before revocation and inactive after", async () => {
    const first = await loggedIn();
    expect(await active(first.config, first.tokens.access_token)).toBe(true);
    // Another partner learns nothing of this person's tokens: live ones read as inactive, with no sub or client.
    const stranger = await oidcPartner(server.db);
    const strangerConfig = await relyingParty(server, stranger.client.id, stranger.credentials.clientSecret);
    for (const token of [first.tokens.access_token, first.tokens.refresh_token ?? ""]) {
      expect(await oidc.tokenIntrospection(strangerConfig, token)).toEqual({ active: false });
    }
    expect(await active(first.config, first.tokens.access_token)).toBe(true);
    await oidc.tokenRevocation(first.config, first.tokens.access_token);
    expect(await active(first.config, first.tokens.access_token)).toBe(false);

    // Revoking a refresh token ends it and the access tokens of its grant (RFC 7009 §2.1).
    const second = await loggedIn();
    const refresh = second.tokens.refresh_token ?? "";
    expect(await active(second.config, refresh)).toBe(true);
    await oidc.tokenRevocation(second.config, refresh);
    expect(await active(second.config, refresh)).toBe(false);
    expect(await active(second.config, second.tokens.access_token)).toBe(false);
    await expect(oidc.refreshTokenGrant(second.config, refresh)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("publishes a rotated key before it signs, and keeps the old key until its tokens have expired", async () => {
    const kids = async () =>
      ((await (await fetch(`${server.baseUrl}/oauth/jwks`)).json()) as { keys: { kid: string; d?: string }[] }).keys;
    const kidOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[0] ?? "", "base64url").toString()).kid;

    const before = await loggedIn();
    const oldToken = before.tokens.id_token ?? "";
    const oldKid = kidOf(oldToken);
    expect((await kids()).every((key) => key.d === undefined)).toBe(true);

    const secret = await encryptionKey(server.db, server.config);
    const fresh = await rotateSigningKey(server.db, secret);
    expect((await kids()).map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, fresh.kid]));
    expect(fresh.privateKeyEncrypted).not.toContain('"d"');
    // Published, but not yet signing: relying parties' cached key sets get the time to pick it up.
    expect(kidOf((await loggedIn()).tokens.id_token ?? "")).toBe(oldKid);

    // The publish lead has passed: the new key signs, and the old token still verifies.
    await server.db.signingKey.updateMany({
      where: { kid: oldKid },
      data: { createdAt: new Date(Date.now() - 1200_000), retiredAt: new Date(Date.now() - 601_000) },
    });
    await server.db.signingKey.update({ where: { id: fresh.id }, data: { createdAt: new Date(Date.now() - 601_000) } });
    const after = await loggedIn();
    expect(kidOf(after.tokens.id_token ?? "")).toBe(fresh.kid);
    await verifiedWithJwks(server, after.tokens.id_token ?? "");
    expect((await verifiedWithJwks(server, oldToken)).aud).toBe(before.partner.client.id);

    // Once every token the old key signed has expired, the key leaves the JWKS.
    await server.db.signingKey.updateMany({
      where: { kid: oldKid },
      data: { retiredAt: new Date(Date.now() - (600 + 3600 + 1) * 1000) },
    });
    expect((await kids()).map((key) => key.kid)).toEqual([fresh.kid]);
    await expect(verifiedWithJwks(server, oldToken)).rejects.toThrow(/not published/);
  });

  it("shares consent with the XWMS door: no second consent, and revoking it ends the OIDC grant", async () => {
    const { partner, config, person, tokens } = await loggedIn();
    const apps = await person.browser.graphql<{ viewer: { connectedApps: { id: string; client: { id: string } }[] } }>(
      CONNECTED_APPS,
    );
    const app = apps.data?.viewer.connectedApps.find((entry) => entry.client.id === partner.client.id);
    expect(app).toBeDefined();

    // The XWMS door sees the consent given through OpenID Connect: its sign-in asks nothing again.
    const signToken = await callApi(server, "/sign-token", partner.credentials, {
      redirect_url: "http://localhost/xwms",
    });
    const request = await person.browser.graphql<{ loginRequest: { data: { consentRequired: boolean } } }>(
      LOGIN_REQUEST,
      { token: signToken.body.data.token },
    );
    expect(request.data?.loginRequest.data.consentRequired).toBe(false);

    const revoked = await person.browser.graphql<{ revokeConsent: { __typename: string } }>(REVOKE_CONSENT, {
      input: { consentId: app?.id },
    });
    expect(revoked.data?.revokeConsent.__typename).toBe("RevokeConsentSuccess");
    expect(await active(config, tokens.access_token)).toBe(false);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? "")).rejects.toMatchObject({
      error: "invalid_grant",
    });

    // The next OIDC authorization asks for consent again on the hosted page.
    const again = await authorization(config);
    const stop = await browseUntilHostedPage(again.url, person.browser);
    const page = await person.browser.graphql<{ loginRequest: { data: { consentRequired: boolean } } }>(LOGIN_REQUEST, {
      token: stop,
    });
    expect(page.data?.loginRequest.data.consentRequired).toBe(true);
  });

  it("a person who consented through XWMS is not asked again by the OIDC door", async () => {
    const partner = await oidcPartner(server.db);
    const { browser } = await registeredBrowser(server);
    const signToken = await callApi(server, "/sign-token", partner.credentials, {
      redirect_url: "http://localhost/xwms",
    });
    const xwms = await browse(server, browser, String(signToken.body.data.url));
    expect(xwms.redirect?.searchParams.get("token")).toBeTruthy();

    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(config);
    const token = await browseUntilHostedPage(auth.url, browser);
    const page = await browser.graphql<{ loginRequest: { data: { consentRequired: boolean } } }>(LOGIN_REQUEST, {
      token,
    });
    expect(page.data?.loginRequest.data.consentRequired).toBe(false);
  });

  /** Follows the authorization to the hosted page and answers its login token, without completing it. */
  async function browseUntilHostedPage(start: URL, browser: Awaited<ReturnType<typeof registeredBrowser>>["browser"]) {
    let next = start;
    for (let hop = 0; hop < 6; hop++) {
      if (next.pathname === "/authorize") return next.searchParams.get("token");
      const response = await browser.get(next.toString());
      const location = response.headers.get("location");
      if (!location) throw new Error(`stopped at ${next} with ${response.status}`);
      next = new URL(location, next);
    }
    throw new Error("no hosted page");
  }
});
