import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";
import { authorization, CALLBACK, oidcPartner, relyingParty, signInThrough } from "./oidc.js";

/** The pages oidc-provider renders itself: Gatehouse's look, escaped, and no third-party requests. */
describe("test/oidc-pages: the OpenID Connect door's own error and logout pages", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const get = async (path: string) => {
    const response = await fetch(`${server.baseUrl}${path}`, { redirect: "manual" });
    return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
  };

  it("explains a request it cannot send back to the app, escaping what the request carried", async () => {
    const partner = await oidcPartner(server.db);
    const query = new URLSearchParams({
      client_id: partner.client.id,
      redirect_uri: "https://evil.example/<script>alert(1)</script>",
      response_type: "code",
      scope: "openid",
    });
    const answer = await get(`/oauth/authorize?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain("text/html");
    expect(answer.body).toContain("This sign-in cannot continue");
    expect(answer.body).toContain("<code>invalid_redirect_uri</code>");
    expect(answer.body).not.toContain("<script>alert(1)");
    expect(answer.body).not.toMatch(/https?:\/\/(?!evil)[a-z.]*(googleapis|gstatic)/);
    expect(answer.body).not.toContain("oops");
  });

  it("answers an unknown client with the same page, never a redirect", async () => {
    const query = new URLSearchParams({
      client_id: "no-such-client",
      redirect_uri: CALLBACK,
      response_type: "code",
      scope: "openid",
    });
    const answer = await get(`/oauth/authorize?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("<code>invalid_client</code>");
  });

  it("asks before an app signs the person out, in Gatehouse's words, then confirms it", async () => {
    const partner = await oidcPartner(server.db);
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(config);
    const person = await signInThrough(server, auth);
    const tokens = await oidc.authorizationCodeGrant(config, person.callback, {
      pkceCodeVerifier: auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
    });
    // No post_logout_redirect_uri: the person stays on Gatehouse and sees the confirmation.
    const end = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? "" });
    const question = await person.browser.get(end.toString());
    const html = await question.text();
    expect(question.status).toBe(200);
    expect(html).toContain("Sign out of Gatehouse?");
    expect(html).toContain(`${partner.client.name} asks to sign you out.`);
    expect(html).toContain('form="op.logoutForm"');
    expect(html).not.toContain("fonts.googleapis.com");

    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? "";
    const confirmed = await person.browser.post(action, { xsrf, logout: "yes" });
    const done = confirmed.headers.get("location");
    expect(done).toBeTruthy();
    const success = await person.browser.get(new URL(done ?? "", server.baseUrl).toString());
    const successHtml = await success.text();
    expect(successHtml).toContain("You are signed out");
    expect(successHtml).not.toContain("fonts.googleapis.com");
  });
});
