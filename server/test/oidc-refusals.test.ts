import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { registeredBrowser, startTestServer, type TestServer } from "./harness.js";
import { addSecret, authorization, CALLBACK, oidcPartner, relyingParty, signInThrough } from "./oidc.js";

/** The OAuth error code a call was refused with, from the body or the WWW-Authenticate challenge. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const failure = error as { error?: string; cause?: { parameters?: { error?: string } }[] };
    return failure.error ?? failure.cause?.[0]?.parameters?.error ?? String(error);
  }
  return "not refused";
}

describe("test/oidc-refusals: what the OpenID Connect door refuses", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  async function withCode(options: { pkce?: boolean } = {}) {
    const partner = await oidcPartner(server.db);
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(config, options);
    const { callback } = await signInThrough(server, auth);
    return { partner, config, auth, callback, code: callback.searchParams.get("code") ?? "" };
  }

  const redeem = (
    config: oidc.Configuration,
    callback: URL,
    auth: { verifier: string; state: string; nonce: string },
    verifier?: string,
  ) =>
    oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier ?? auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
    });

  /** Opens an authorization URL as a signed-in browser; answers the status and where it was sent, if anywhere. */
  async function open(url: URL) {
    const { browser } = await registeredBrowser(server);
    const response = await browser.get(url.toString());
    return { status: response.status, location: response.headers.get("location"), body: await response.text() };
  }

  it("never redirects to a wrong or unregistered redirect_uri", async () => {
    const partner = await oidcPartner(server.db);
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    for (const redirectUri of [
      "https://evil.example/callback",
      "http://localhost/callback/extra",
      "http://localhost/other",
      `${CALLBACK}?next=https://evil.example`,
    ]) {
      const answer = await open((await authorization(config, { redirectUri })).url);
      expect(answer.status).toBe(400);
      expect(answer.location).toBeNull();
      expect(answer.body).not.toContain("evil.example/callback?");
    }
    // Loopback hosts may use any port (RFC 8252 §7.3): this one is sent on to the hosted pages.
    const loopback = await open((await authorization(config, { redirectUri: "http://localhost:49152/callback" })).url);
    expect(loopback.status).toBe(303);
    expect(new URL(loopback.location ?? "", server.baseUrl).pathname).toMatch(/^\/oauth\/interaction\//);
  });

  it("refuses callbacks of inactive and login-disabled domains, never redirecting to them", async () => {
    for (const flags of [{ active: false }, { allowLogin: false }]) {
      const partner = await oidcPartner(server.db);
      const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
      const auth = await authorization(config);
      await server.db.domain.update({ where: { id: partner.domain.id }, data: flags });
      const answer = await open(auth.url);
      expect(answer.status).toBe(400);
      expect(answer.location).toBeNull();
    }
  });

  it("refuses a code without its PKCE verifier or with a wrong one", async () => {
    const { config, callback, auth } = await withCode();
    expect(
      await refusal(
        oidc.authorizationCodeGrant(config, callback, { expectedState: auth.state, expectedNonce: auth.nonce }),
      ),
    ).toBe("invalid_grant");
    const second = await withCode();
    expect(await refusal(redeem(second.config, second.callback, second.auth, oidc.randomPKCECodeVerifier()))).toBe(
      "invalid_grant",
    );
  });

  it("refuses a reused code and revokes the tokens issued from it", async () => {
    const { config, callback, auth } = await withCode();
    const tokens = await redeem(config, callback, auth);
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(true);
    expect(await refusal(redeem(config, callback, auth))).toBe("invalid_grant");
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
    expect(await refusal(oidc.refreshTokenGrant(config, tokens.refresh_token ?? ""))).toBe("invalid_grant");
  });

  it("refuses an expired code", async () => {
    const { config, callback, auth, code } = await withCode();
    const id = sha256(`AuthorizationCode:${code}`);
    const row = await server.db.oidcRecord.findUniqueOrThrow({ where: { id } });
    // The stored record holds a hash of the code, never the code itself.
    expect(row.payload).not.toContain(code);
    const payload = JSON.parse(row.payload);
    payload.exp = Math.floor(Date.now() / 1000) - 1;
    await server.db.oidcRecord.update({ where: { id }, data: { payload: JSON.stringify(payload) } });
    expect(await refusal(redeem(config, callback, auth))).toBe("invalid_grant");
  });

  it("refuses a revoked secret and a secret not linked to the redirect's domain", async () => {
    const unlinked = await withCode();
    const otherDomain = await server.db.domain.create({
      data: {
        clientId: unlinked.partner.client.id,
        rootDomain: "api.example.com",
        publicId: `dom_${Date.now()}`,
        allowApi: true,
      },
    });
    const secret = await addSecret(server.db, unlinked.partner.client.id, [otherDomain.id]);
    const asUnlinked = await relyingParty(server, unlinked.partner.client.id, secret);
    expect(await refusal(redeem(asUnlinked, unlinked.callback, unlinked.auth))).toBe("invalid_client");
    // The same secret works where it is linked: client_credentials for its API domain.
    expect((await oidc.clientCredentialsGrant(asUnlinked)).access_token).toBeTruthy();

    const revoked = await withCode();
    await server.db.clientSecret.update({
      where: { id: revoked.partner.secretRow.id },
      data: { revokedAt: new Date() },
    });
    expect(await refusal(redeem(revoked.config, revoked.callback, revoked.auth))).toBe("invalid_client");
    expect(await refusal(oidc.clientCredentialsGrant(revoked.config))).toBe("invalid_client");

    const expired = await oidcPartner(server.db, { secret: { expiresAt: new Date(Date.now() - 1000) } });
    const asExpired = await relyingParty(server, expired.client.id, expired.credentials.clientSecret);
    expect(await refusal(oidc.clientCredentialsGrant(asExpired))).toBe("invalid_client");
  });

  it("refuses client_credentials without a linked, active domain that allows API calls", async () => {
    const noApi = await oidcPartner(server.db, { domain: { allowApi: false } });
    const config = await relyingParty(server, noApi.client.id, noApi.credentials.clientSecret);
    expect(await refusal(oidc.clientCredentialsGrant(config))).toBe("invalid_client");

    const inactive = await oidcPartner(server.db);
    const inactiveConfig = await relyingParty(server, inactive.client.id, inactive.credentials.clientSecret);
    await server.db.domain.update({ where: { id: inactive.domain.id }, data: { active: false } });
    expect(await refusal(oidc.clientCredentialsGrant(inactiveConfig))).toBe("invalid_client");

    const unlinked = await oidcPartner(server.db, { secret: { linked: false } });
    const unlinkedConfig = await relyingParty(server, unlinked.client.id, unlinked.credentials.clientSecret);
    expect(await refusal(oidc.clientCredentialsGrant(unlinkedConfig))).toBe("invalid_client");
  });

  it("refuses a foreign client's code", async () => {
    const victim = await withCode();
    const thief = await oidcPartner(server.db);
    const thiefConfig = await relyingParty(server, thief.client.id, thief.credentials.clientSecret);
    expect(await refusal(redeem(thiefConfig, victim.callback, victim.auth))).toBe("invalid_grant");
    // The code is still the victim's to redeem.
    expect((await redeem(victim.config, victim.callback, victim.auth)).access_token).toBeTruthy();
  });

  it("refuses `none` algorithm tokens", async () => {
    const { config, callback, auth } = await withCode();
    const tokens = await redeem(config, callback, auth);
    const claims = tokens.claims();
    const unsigned = (payload: Record<string, unknown>) =>
      `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(
        JSON.stringify(payload),
      ).toString("base64url")}.`;

    // An unsigned ID token as id_token_hint at logout.
    const logout = new URL(`${server.baseUrl}/oauth/logout`);
    logout.searchParams.set("id_token_hint", unsigned({ ...claims }));
    const logoutAnswer = await fetch(logout, { redirect: "manual" });
    expect(logoutAnswer.status).toBe(400);

    // An unsigned JWT as a bearer token at userinfo.
    const userinfo = await fetch(`${server.baseUrl}/oauth/userinfo`, {
      headers: { authorization: `Bearer ${unsigned({ sub: claims?.sub, iss: server.config.publicUrl })}` },
    });
    expect(userinfo.status).toBe(401);

    // An unsigned request object at authorize: refused without a code.
    const request = new URL(`${server.baseUrl}/oauth/authorize`);
    request.searchParams.set("client_id", String(claims?.aud));
    request.searchParams.set("response_type", "code");
    request.searchParams.set("scope", "openid");
    request.searchParams.set("redirect_uri", CALLBACK);
    request.searchParams.set(
      "request",
      unsigned({ client_id: claims?.aud, response_type: "code", redirect_uri: CALLBACK, scope: "openid" }),
    );
    const answer = await fetch(request, { redirect: "manual" });
    const location = answer.headers.get("location") ?? "";
    expect(location).not.toContain("code=");
    expect(answer.status === 400 || new URL(location).searchParams.get("error")).toBeTruthy();

    // The real token still works: the refusals above are about the algorithm, not the person.
    expect((await oidc.fetchUserInfo(config, tokens.access_token, String(claims?.sub))).sub).toBe(claims?.sub);
  });
});
