import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approveLogin,
  Browser,
  callApi,
  LOGIN_REQUEST,
  registeredBrowser,
  startTestServer,
  type TestServer,
} from "./harness.js";

type LoginRequestAnswer = {
  loginRequest: { __typename: string; data: { consentRequired: boolean; scopes: { key: string }[] } };
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const redirectUrl = "http://localhost:4567/callback?state=abc";

describe("test/login-flow: the XWMS redirect login over real HTTP", () => {
  it("signs a new user in, verifies the token, reads the user, then logs in again without consent", async () => {
    // 1. The partner back end asks for a sign-token with the three SDK headers.
    const signToken = await callApi(server, "/sign-token", server.demo, { redirect_url: redirectUrl });
    expect(signToken.status).toBe(200);
    expect(signToken.body.status).toBe("success");
    const { token, url, client_id, expires_at } = signToken.body.data as {
      token: string;
      url: string;
      client_id: string;
      expires_at: string;
    };
    expect(client_id).toBe(server.demo.clientId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(expires_at).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(url).toBe(`${server.baseUrl}/authorize?token=${token}`);

    // 2. The browser opens the hosted login page (the SPA) and reads what it asks for.
    const page = await new Browser(server.baseUrl).get(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await page.text()).toContain('<div id="root">');

    const { browser, sub, email } = await registeredBrowser(server, "Grace Brewster Hopper");
    const described = await browser.graphql<LoginRequestAnswer>(LOGIN_REQUEST, { token });
    expect(described.data?.loginRequest).toMatchObject({
      __typename: "LoginRequestSuccess",
      data: { clientName: "Demo Client", domain: "localhost", redirectHost: "localhost:4567", consentRequired: true },
    });
    const scopeKeys = described.data?.loginRequest.data.scopes.map((scope) => scope.key);
    expect(scopeKeys).toEqual(["providers", "useraddresses", "userinfo"]);

    // 3. Consent, then the browser is sent to the partner with the token, keeping its query.
    const approved = await approveLogin(browser, token);
    expect(approved?.__typename).toBe("CompleteLoginSuccess");
    const partnerUrl = new URL(String((approved?.data as { redirectUrl?: string } | undefined)?.redirectUrl));
    expect(partnerUrl.origin + partnerUrl.pathname).toBe("http://localhost:4567/callback");
    expect(partnerUrl.searchParams.get("state")).toBe("abc");
    expect(partnerUrl.searchParams.get("token")).toBe(token);
    const consentEvent = await server.db.auditEvent.findFirst({
      where: { action: "consent.granted", clientId: server.demo.clientId, actor: { sub } },
    });
    expect(JSON.parse(consentEvent?.details ?? "{}")).toEqual({
      scopes: ["providers", "useraddresses", "userinfo"],
      domain: "localhost",
    });

    // 4. The partner verifies the token and gets the stable sub and the profile.
    const verified = await callApi(server, "/sign-token-verify", server.demo, { token });
    expect(verified.status).toBe(200);
    expect(verified.body.data).toEqual({
      sub,
      name: "Grace Brewster Hopper",
      given_name: "Grace Brewster",
      family_name: "Hopper",
      email,
      email_verified: false,
      picture: null,
    });
    expect(sub).toMatch(/^\d{16}$/);
    expect(Number(sub)).toBeLessThan(2 ** 53);

    // 5. The partner reads the user through the partner API.
    const info = await callApi(server, "/get/user/info", server.demo, { sub: Number(sub), socials: true });
    expect(info.status).toBe(200);
    expect(info.body.data.user).toMatchObject({ sub, email, name: "Grace Brewster Hopper", socials: [] });

    const user = await server.db.user.findUniqueOrThrow({ where: { sub } });
    const clientUser = await server.db.clientUser.findUniqueOrThrow({
      where: { clientId_userId: { clientId: server.demo.clientId, userId: user.id } },
    });
    expect(clientUser.loginCount).toBe(1);

    // 6. The same user again: no consent screen, the same sub, the login counted.
    const again = await callApi(server, "/sign-token", server.demo, { redirect_url: redirectUrl });
    const secondToken = again.body.data.token as string;
    const secondLook = await browser.graphql<LoginRequestAnswer>(LOGIN_REQUEST, {
      token: secondToken,
    });
    expect(secondLook.data?.loginRequest.data.consentRequired).toBe(false);
    expect((await approveLogin(browser, secondToken))?.__typename).toBe("CompleteLoginSuccess");
    const secondVerify = await callApi(server, "/sign-token-verify", server.demo, { token: secondToken });
    expect(secondVerify.body.data.sub).toBe(sub);
    const after = await server.db.clientUser.findUniqueOrThrow({ where: { id: clientUser.id } });
    expect(after.loginCount).toBe(2);
    expect(after.lastLoginAt.getTime()).toBeGreaterThanOrEqual(clientUser.lastLoginAt.getTime());
  });

  it("accepts the domain ID in X-Client-Domain instead of the root domain", async () => {
    const result = await callApi(
      server,
      "/sign-token",
      { ...server.demo, domain: server.demo.domainId },
      {
        redirect_url: redirectUrl,
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.status).toBe("success");
  });

  it("answers a signed-out browser's completeLogin with NotAuthenticatedError", async () => {
    const signToken = await callApi(server, "/sign-token", server.demo, { redirect_url: redirectUrl });
    const result = await approveLogin(new Browser(server.baseUrl), signToken.body.data.token as string);
    expect(result?.__typename).toBe("NotAuthenticatedError");
  });

  it("runs a returning person's login round trip and get/user/info without one Prisma statement", async () => {
    // The hot path's prepared statements carry it all (issue 12): Prisma costs 0.4-1.8 ms a call before SQL runs.
    const person = await registeredBrowser(server);
    const signIn = async () => {
      const started = await callApi(server, "/sign-token", server.demo, { redirect_url: redirectUrl });
      const token = started.body.data.token as string;
      expect((await approveLogin(person.browser, token))?.__typename).toBe("CompleteLoginSuccess");
      expect((await callApi(server, "/sign-token-verify", server.demo, { token })).status).toBe(200);
    };
    await signIn(); // the first login records consent; the session's last-seen touch is then fresh
    const before = server.sqlCount();
    await signIn();
    expect((await callApi(server, "/get/user/info", server.demo, { sub: person.sub })).status).toBe(200);
    expect(server.sqlCount() - before).toBe(0);
  });

  it("stores only a hash of the login token", async () => {
    const signToken = await callApi(server, "/sign-token", server.demo, { redirect_url: redirectUrl });
    const token = signToken.body.data.token as string;
    const rows = await server.db.loginToken.findMany();
    expect(rows.some((row) => row.tokenHash === token || row.tokenHash.includes(token))).toBe(false);
  });
});
