import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, registeredBrowser, startTestServer, type TestServer } from "./harness.js";
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

  it("gives a pairwise client its own stable sub per person, the same in the ID token, userinfo and introspection", async () => {
    const login = async (partner: Awaited<ReturnType<typeof oidcPartner>>, browser?: Browser) => {
      const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
      const auth = await authorization(config);
      const person = await signInThrough(server, auth, browser);
      const tokens = await oidc.authorizationCodeGrant(config, person.callback, {
        pkceCodeVerifier: auth.verifier,
        expectedState: auth.state,
        expectedNonce: auth.nonce,
      });
      const sub = String(tokens.claims()?.sub);
      const info = await oidc.fetchUserInfo(config, tokens.access_token, sub);
      const introspected = await oidc.tokenIntrospection(config, tokens.access_token);
      return { sub, info, introspected, browser: person.browser };
    };
    const pairwise = await oidcPartner(server.db);
    await server.db.client.update({ where: { id: pairwise.client.id }, data: { subjectType: "PAIRWISE" } });
    const { browser, sub: publicSub } = await registeredBrowser(server);

    const first = await login(pairwise, browser);
    expect(first.sub).toMatch(/^\d{16}$/);
    expect(first.sub).not.toBe(publicSub);
    expect(first.info.sub).toBe(first.sub);
    expect(first.introspected.sub).toBe(first.sub);
    expect((await login(pairwise, browser)).sub).toBe(first.sub);

    // Another pairwise client gets another sub for the same person; a public client gets the person's sub.
    const other = await oidcPartner(server.db);
    await server.db.client.update({ where: { id: other.client.id }, data: { subjectType: "PAIRWISE" } });
    await server.db.domain.update({ where: { id: other.domain.id }, data: { rootDomain: "127.0.0.1" } });
    const otherSub = (await login(other, browser)).sub;
    expect(otherSub).not.toBe(first.sub);
    expect(otherSub).not.toBe(publicSub);
    expect((await login(await oidcPartner(server.db), browser)).sub).toBe(publicSub);
  });
});
