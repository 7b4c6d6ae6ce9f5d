import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";
import { authorization, oidcPartner, relyingParty, signInThrough, verifiedWithJwks } from "./oidc.js";

describe("test/oidc-flow: OpenID Connect through openid-client", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ OIDC_KEYS_REFRESH_SECONDS: "0" });
  });
  afterAll(async () => server?.close());

  it("publishes discovery with issuer = PUBLIC_URL and every endpoint", async () => {
    const response = await fetch(`${server.baseUrl}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const meta = (await response.json()) as Record<string, unknown>;
    expect(meta.issuer).toBe(server.config.publicUrl);
    for (const key of [
      "authorization_endpoint",
      "token_endpoint",
      "userinfo_endpoint",
      "jwks_uri",
      "introspection_endpoint",
      "revocation_endpoint",
      "end_session_endpoint",
    ]) {
      expect(String(meta[key])).toMatch(new RegExp(`^${server.config.publicUrl}/oauth/`));
    }
    expect(meta.code_challenge_methods_supported).toEqual(["S256"]);
    expect(meta.id_token_signing_alg_values_supported).toEqual(["RS256"]);
  });

  it("logs a person in with code + PKCE, state and nonce; the ID token verifies against the JWKS", async () => {
    const partner = await oidcPartner(server.db);
    const { clientId, clientSecret } = partner.credentials;
    const config = await relyingParty(server, clientId, clientSecret);
    const auth = await authorization(config);
    const { callback } = await signInThrough(server, auth);
    expect(callback.searchParams.get("state")).toBe(auth.state);

    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.id_token ?? "";
    const claims = await verifiedWithJwks(server, idToken);
    expect(claims.iss).toBe(server.config.publicUrl);
    expect(claims.aud).toBe(clientId);
    expect(claims.nonce).toBe(auth.nonce);
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000);

    const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
    expect(info.sub).toBe(claims.sub);
    expect(info.email).toMatch(/@example\.org$/);
  });
});
