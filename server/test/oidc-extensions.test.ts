import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registeredBrowser, startTestServer, type TestServer } from "./harness.js";
import { authorization, browse, oidcPartner, relyingParty, signInThrough, verifiedWithJwks } from "./oidc.js";

const header = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[0] ?? "", "base64url").toString());

describe("test/oidc-extensions: PAR, DPoP, JWT access tokens and back-channel logout", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The back-channel receiver listens on this machine, which only WEBHOOK_ALLOW_PRIVATE lets oidc-provider reach.
    server = await startTestServer({ OIDC_KEYS_REFRESH_SECONDS: "0", WEBHOOK_ALLOW_PRIVATE: "true" });
  });
  afterAll(async () => server?.close());

  it("advertises PAR, DPoP and back-channel logout in discovery", async () => {
    const meta = (await (await fetch(`${server.baseUrl}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(meta.pushed_authorization_request_endpoint).toBe(`${server.config.publicUrl}/oauth/par`);
    expect(meta.require_pushed_authorization_requests).not.toBe(true);
    expect(meta.dpop_signing_alg_values_supported).toEqual(expect.arrayContaining(["ES256"]));
    expect(meta.backchannel_logout_supported).toBe(true);
    expect(meta.backchannel_logout_session_supported).toBe(true);
  });

  it("logs a person in through a pushed authorization request (request_uri)", async () => {
    const partner = await oidcPartner(server.db);
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(config);
    const parameters = Object.fromEntries(auth.url.searchParams);
    const url = await oidc.buildAuthorizationUrlWithPAR(config, parameters);
    expect(url.pathname).toBe("/oauth/authorize");
    expect(url.searchParams.get("request_uri")).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(url.searchParams.get("redirect_uri")).toBeNull();

    const { callback } = await signInThrough(server, { ...auth, url });
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
      idTokenExpected: true,
    });
    expect(tokens.claims()?.aud).toBe(partner.client.id);

    // A request_uri is single-use.
    const again = await browse(server, (await registeredBrowser(server)).browser, url);
    expect(again.redirect?.searchParams.get("error")).toBe("invalid_request_uri");
  });

  it("refuses to push a request with a redirect URI the client has not registered, or without the secret", async () => {
    const partner = await oidcPartner(server.db);
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(config, { redirectUri: "https://attacker.example/callback" });
    await expect(
      oidc.buildAuthorizationUrlWithPAR(config, Object.fromEntries(auth.url.searchParams)),
    ).rejects.toMatchObject({ error: "invalid_request", error_description: expect.stringMatching(/redirect_uri/) });
    const wrong = await relyingParty(server, partner.client.id, "gh_wrong_secret_value");
    const good = await authorization(wrong);
    const refused = await oidc
      .buildAuthorizationUrlWithPAR(wrong, Object.fromEntries(good.url.searchParams))
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 401, code: "OAUTH_WWW_AUTHENTICATE_CHALLENGE" });
    expect(JSON.stringify((refused as { cause: unknown }).cause)).toContain("invalid_client");
  });

  it("binds tokens to a DPoP key: userinfo answers only with a proof of that key", async () => {
    const partner = await oidcPartner(server.db);
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const key = await oidc.randomDPoPKeyPair("ES256");
    const DPoP = oidc.getDPoPHandle(config, key);
    const auth = await authorization(config);
    const { callback } = await signInThrough(server, auth);
    const tokens = await oidc.authorizationCodeGrant(
      config,
      callback,
      { pkceCodeVerifier: auth.verifier, expectedState: auth.state, expectedNonce: auth.nonce },
      undefined,
      { DPoP },
    );
    expect(tokens.token_type.toLowerCase()).toBe("dpop");
    const sub = String(tokens.claims()?.sub);
    const info = await oidc.fetchUserInfo(config, tokens.access_token, sub, { DPoP });
    expect(info.sub).toBe(sub);

    // Without a proof, as a bearer token or as a DPoP token: refused.
    const bearer = await fetch(`${server.baseUrl}/oauth/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(bearer.status).toBe(401);
    expect(await bearer.json()).toMatchObject({ error: "invalid_token" });
    const unproven = await fetch(`${server.baseUrl}/oauth/userinfo`, {
      headers: { authorization: `DPoP ${tokens.access_token}` },
    });
    expect(unproven.status).toBe(400);
    expect(await unproven.json()).toMatchObject({ error: "invalid_request" });
    // With a proof of another key: refused.
    const other = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair("ES256"));
    await expect(oidc.fetchUserInfo(config, tokens.access_token, sub, { DPoP: other })).rejects.toMatchObject({
      status: 401,
    });
    // A confidential client's refresh token is not key-bound (RFC 9449 §5); what it yields is bound to the new proof.
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? "", undefined, { DPoP: other });
    expect(refreshed.token_type.toLowerCase()).toBe("dpop");
    expect((await oidc.fetchUserInfo(config, refreshed.access_token, sub, { DPoP: other })).sub).toBe(sub);
    await expect(oidc.fetchUserInfo(config, refreshed.access_token, sub, { DPoP })).rejects.toMatchObject({
      status: 401,
    });
  });

  it("issues a JWT access token (RFC 9068) for the client's own API named as resource", async () => {
    const partner = await oidcPartner(server.db, { rootDomain: "api.partner.example" });
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const resource = "https://api.partner.example/v1";
    const grant = await oidc.clientCredentialsGrant(config, { resource, scope: "api" });
    expect(grant.scope).toBe("api");
    expect(header(grant.access_token)).toMatchObject({ typ: "at+jwt", alg: "RS256" });
    const claims = await verifiedWithJwks(server, grant.access_token);
    expect(claims).toMatchObject({
      iss: server.config.publicUrl,
      aud: resource,
      sub: partner.client.id,
      client_id: partner.client.id,
      scope: "api",
    });
    expect(typeof claims.jti).toBe("string");
    const now = Date.now() / 1000;
    expect(Number(claims.iat)).toBeLessThanOrEqual(now + 5);
    expect(Number(claims.exp)).toBeGreaterThan(now);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);

    // Without a resource the token stays opaque, as before.
    const opaque = await oidc.clientCredentialsGrant(config);
    expect(opaque.access_token.split(".")).toHaveLength(1);
  });

  it("refuses a resource that is not one of the client's active API domains", async () => {
    const partner = await oidcPartner(server.db, { rootDomain: "api2.partner.example" });
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    for (const resource of [
      "https://other.example/",
      "http://api2.partner.example/",
      "https://api2.partner.example.evil/",
    ]) {
      await expect(oidc.clientCredentialsGrant(config, { resource })).rejects.toMatchObject({
        error: "invalid_target",
      });
    }
    await server.db.domain.update({ where: { id: partner.domain.id }, data: { allowApi: false } });
    await server.db.domain.create({
      data: {
        clientId: partner.client.id,
        rootDomain: "calls.partner.example",
        publicId: `p${Date.now()}`,
        allowApi: true,
      },
    });
    await server.db.secretDomain.create({
      data: {
        secretId: partner.secretRow.id,
        domainId: (await server.db.domain.findFirstOrThrow({ where: { rootDomain: "calls.partner.example" } })).id,
      },
    });
    await expect(
      oidc.clientCredentialsGrant(config, { resource: "https://api2.partner.example/" }),
    ).rejects.toMatchObject({ error: "invalid_target" });
  });

  describe("back-channel logout", () => {
    let receiver: Server;
    let port = 0;
    const received: string[] = [];
    beforeAll(async () => {
      receiver = createServer((request, response) => {
        let body = "";
        request.on("data", (chunk) => {
          body += chunk;
        });
        request.on("end", () => {
          if (request.method === "POST" && request.url === "/backchannel") {
            received.push(new URLSearchParams(body).get("logout_token") ?? "");
          }
          response.writeHead(200).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, resolve));
      port = (receiver.address() as AddressInfo).port;
    });
    afterAll(async () => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it("posts a signed logout token to the client's receiver when the person signs out", async () => {
      const partner = await oidcPartner(server.db);
      await server.db.client.update({
        where: { id: partner.client.id },
        data: { backchannelLogoutUri: `http://localhost:${port}/backchannel` },
      });
      const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
      expect(
        (await (await fetch(`${server.baseUrl}/.well-known/openid-configuration`)).json()).backchannel_logout_supported,
      ).toBe(true);
      const auth = await authorization(config);
      const person = await signInThrough(server, auth);
      const tokens = await oidc.authorizationCodeGrant(config, person.callback, {
        pkceCodeVerifier: auth.verifier,
        expectedState: auth.state,
        expectedNonce: auth.nonce,
      });
      const idClaims = tokens.claims();
      expect(idClaims?.sid).toBeDefined();

      // RP-initiated logout: the confirmation page, then the person's "yes, sign me out".
      const end = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? "" });
      const page = await person.browser.get(end.toString());
      expect(page.status).toBe(200);
      const html = await page.text();
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
      const action = /action="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(xsrf).not.toBe("");
      expect(received).toHaveLength(0);
      const confirmed = await person.browser.post(action, { xsrf, logout: "yes" });
      expect([302, 303]).toContain(confirmed.status);

      for (let wait = 0; wait < 50 && received.length === 0; wait++) await new Promise((r) => setTimeout(r, 100));
      expect(received).toHaveLength(1);
      const logoutToken = received[0] ?? "";
      expect(header(logoutToken)).toMatchObject({ typ: "logout+jwt", alg: "RS256" });
      const claims = await verifiedWithJwks(server, logoutToken);
      expect(claims).toMatchObject({
        iss: server.config.publicUrl,
        aud: partner.client.id,
        sub: idClaims?.sub,
        sid: idClaims?.sid,
        events: { "http://schemas.openid.net/event/backchannel-logout": {} },
      });
      expect(claims.nonce).toBeUndefined();
    });

    it("sends nothing to a URI that is not on an active domain of the client", async () => {
      const partner = await oidcPartner(server.db);
      await server.db.client.update({
        where: { id: partner.client.id },
        data: { backchannelLogoutUri: `http://127.0.0.1:${port}/backchannel` },
      });
      const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
      expect(config.clientMetadata().backchannel_logout_uri).toBeUndefined();
      const before = received.length;
      const auth = await authorization(config);
      const person = await signInThrough(server, auth);
      const tokens = await oidc.authorizationCodeGrant(config, person.callback, {
        pkceCodeVerifier: auth.verifier,
        expectedState: auth.state,
        expectedNonce: auth.nonce,
      });
      const page = await person.browser.get(
        oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? "" }).toString(),
      );
      const html = await page.text();
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
      const action = /action="([^"]+)"/.exec(html)?.[1] ?? "";
      await person.browser.post(action, { xsrf, logout: "yes" });
      await new Promise((r) => setTimeout(r, 500));
      expect(received.length).toBe(before);
    });
  });
});
