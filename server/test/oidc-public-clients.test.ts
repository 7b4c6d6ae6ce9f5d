import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestServer, type TestServer } from "./harness.js";
import { authorization, browse, CALLBACK, oidcPartner, relyingParty, signInThrough } from "./oidc.js";

describe("test/oidc-public-clients: single-page and native apps without a secret", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OIDC_KEYS_REFRESH_SECONDS: "0" });
  });
  afterAll(async () => server?.close());

  async function publicPartner() {
    const partner = await oidcPartner(server.db);
    await server.db.client.update({ where: { id: partner.client.id }, data: { oidcPublic: true } });
    const config = await oidc.discovery(new URL(server.baseUrl), partner.client.id, undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    return { partner, config };
  }

  /** The authorization endpoint's answer to a request that never reaches a sign-in page. */
  async function refusal(url: URL) {
    const result = await browse(server, new Browser(server.baseUrl), url);
    expect(result.redirect?.origin).toBe(new URL(CALLBACK).origin);
    return result.redirect?.searchParams;
  }

  it("logs a person in with code + PKCE S256 and no secret, and rotates its refresh token", async () => {
    const { partner, config } = await publicPartner();
    const discovered = config.clientMetadata();
    expect(discovered.token_endpoint_auth_method).toBeUndefined();

    const auth = await authorization(config);
    const { callback } = await signInThrough(server, auth);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
      idTokenExpected: true,
    });
    expect(tokens.claims()?.aud).toBe(partner.client.id);
    const info = await oidc.fetchUserInfo(config, tokens.access_token, String(tokens.claims()?.sub));
    expect(info.sub).toBe(tokens.claims()?.sub);

    const refresh = tokens.refresh_token ?? "";
    expect(refresh).not.toBe("");
    const rotated = await oidc.refreshTokenGrant(config, refresh);
    expect(rotated.refresh_token).toBeDefined();
    expect(rotated.refresh_token).not.toBe(refresh);
    await expect(oidc.refreshTokenGrant(config, refresh)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("takes a loopback redirect URI on any port, but nothing else than its callbacks", async () => {
    const { config } = await publicPartner();
    const auth = await authorization(config, { redirectUri: "http://localhost:51734/callback" });
    const { callback } = await signInThrough(server, auth);
    expect(callback.origin).toBe("http://localhost:51734");
    await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
    });

    const foreign = await authorization(config, { redirectUri: "https://attacker.example/callback" });
    const answer = await new Browser(server.baseUrl).get(foreign.url.toString());
    expect(answer.status).toBe(400);
    expect(answer.headers.get("location")).toBeNull();
  });

  it("refuses an authorization without PKCE, and with the plain method", async () => {
    const { config } = await publicPartner();
    const without = await authorization(config, { pkce: false });
    const missing = await refusal(without.url);
    expect(missing?.get("error")).toBe("invalid_request");
    expect(missing?.get("error_description")).toMatch(/PKCE/i);

    const plain = await authorization(config, { pkce: false });
    plain.url.searchParams.set("code_challenge", plain.verifier);
    plain.url.searchParams.set("code_challenge_method", "plain");
    const refused = await refusal(plain.url);
    expect(refused?.get("error")).toBe("invalid_request");
    expect(refused?.get("error_description")).toMatch(/code_challenge_method/);
  });

  it("refuses a code exchanged without its verifier, and client_credentials for a public client", async () => {
    const { config } = await publicPartner();
    const auth = await authorization(config);
    const { callback } = await signInThrough(server, auth);
    const code = callback.searchParams.get("code") ?? "";
    const answer = await fetch(`${server.baseUrl}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: CALLBACK,
        client_id: config.clientMetadata().client_id,
      }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toBe("invalid_grant");

    await expect(oidc.clientCredentialsGrant(config)).rejects.toMatchObject({
      error: "invalid_request",
      error_description: "requested grant type is not allowed for this client",
    });
  });

  it("still makes a confidential client authenticate, with or without PKCE", async () => {
    const partner = await oidcPartner(server.db);
    const confidential = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(confidential);
    const { callback } = await signInThrough(server, auth);

    // The same code, exchanged with PKCE but without the secret: the client is not authenticated.
    const unauthenticated = await oidc.discovery(new URL(server.baseUrl), partner.client.id, undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    await expect(
      oidc.authorizationCodeGrant(unauthenticated, callback, {
        pkceCodeVerifier: auth.verifier,
        expectedState: auth.state,
        expectedNonce: auth.nonce,
      }),
    ).rejects.toMatchObject({ error: "invalid_client" });

    // A confidential client may leave PKCE out (it is accepted, not required, from it).
    const withoutPkce = await authorization(confidential, { pkce: false });
    const second = await signInThrough(server, withoutPkce);
    const tokens = await oidc.authorizationCodeGrant(confidential, second.callback, {
      expectedState: withoutPkce.state,
      expectedNonce: withoutPkce.nonce,
    });
    expect(tokens.access_token).toBeDefined();
  });
});
