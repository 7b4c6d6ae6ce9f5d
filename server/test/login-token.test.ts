import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { createPartner } from "./fixtures.js";
import {
  approveLogin,
  type ClientHeaders,
  callApi,
  LOGIN_REQUEST,
  registeredBrowser,
  startTestServer,
  type TestServer,
} from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const redirect_url = "http://localhost:4567/callback";

async function approvedToken() {
  const signed = await callApi(server, "/sign-token", server.demo, { redirect_url });
  const token = signed.body.data.token as string;
  const person = await registeredBrowser(server);
  const approved = await approveLogin(person.browser, token);
  expect(approved?.__typename).toBe("CompleteLoginSuccess");
  return { token, person };
}

const verify = (token: string, credentials: ClientHeaders = server.demo) =>
  callApi(server, "/sign-token-verify", credentials, { token });

describe("test/login-token: login tokens are single-use, short-lived and bound to their client", () => {
  it("refuses a token that is used twice", async () => {
    const { token } = await approvedToken();
    expect((await verify(token)).status).toBe(200);
    const replay = await verify(token);
    expect(replay.status).toBe(409);
    expect(replay.body).toEqual({ status: "error", message: "This login token has already been used", data: {} });
  });

  it("lets exactly one of two concurrent verifies succeed", async () => {
    const { token } = await approvedToken();
    const results = await Promise.all([verify(token), verify(token)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
  });

  it("lets exactly one of ten concurrent verifies succeed", async () => {
    const { token } = await approvedToken();
    const results = await Promise.all(Array.from({ length: 10 }, () => verify(token)));
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    expect(results.filter((result) => result.status === 409)).toHaveLength(9);
  });

  it("refuses an expired token", async () => {
    const { token } = await approvedToken();
    await server.db.loginToken.update({
      where: { tokenHash: sha256(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const result = await verify(token);
    expect(result.status).toBe(410);
    expect(result.body.message).toBe("This login token has expired");
  });

  it("refuses a token that another client verifies, exactly like an unknown token", async () => {
    const { token } = await approvedToken();
    const other = await createPartner(server.db, { rootDomain: "localhost" });
    const stolen = await verify(token, other.credentials);
    expect(stolen.status).toBe(404);
    expect(stolen.body).toEqual({ status: "error", message: "Unknown login token", data: {} });
    const unknown = await verify("A".repeat(43));
    expect(unknown.body).toEqual(stolen.body);
    // The rightful client can still use it: the failed attempt consumed nothing.
    expect((await verify(token)).status).toBe(200);
  });

  it("refuses a token from another domain of the same client", async () => {
    const { token } = await approvedToken();
    const demoClient = await server.db.client.findUniqueOrThrow({
      where: { id: server.demo.clientId },
      include: { secrets: true },
    });
    const second = await server.db.domain.create({
      data: { clientId: demoClient.id, rootDomain: "127.0.0.1", publicId: "dom_second", allowLogin: true },
    });
    await server.db.secretDomain.create({ data: { secretId: demoClient.secrets[0]!.id, domainId: second.id } });
    const result = await verify(token, { ...server.demo, domain: "127.0.0.1" });
    expect(result.status).toBe(404);
  });

  it("refuses to verify before the user finished signing in", async () => {
    const signed = await callApi(server, "/sign-token", server.demo, { redirect_url });
    const result = await verify(signed.body.data.token as string);
    expect(result.status).toBe(409);
    expect(result.body.message).toBe("The user has not finished signing in yet");
  });

  it("reports a declined login to the partner and to the browser", async () => {
    const signed = await callApi(server, "/sign-token", server.demo, { redirect_url });
    const token = signed.body.data.token as string;
    const person = await registeredBrowser(server);
    const declined = await approveLogin(person.browser, token, false);
    expect(declined).toMatchObject({ __typename: "LoginRequestError", code: "DECLINED" });
    // Without a fallback URI the browser goes back to the app's redirect_url with XWMS's message parameters.
    const back = new URL(String(declined?.redirectUrl));
    expect(`${back.origin}${back.pathname}`).toBe(redirect_url);
    expect(back.searchParams.get("xwmsmessage_status")).toBe("error");
    expect(back.searchParams.has("token")).toBe(false);
    const result = await verify(token);
    expect(result.status).toBe(403);
    expect(result.body.message).toBe("The user declined the login");
  });

  it("cannot be approved twice", async () => {
    const { token, person } = await approvedToken();
    const again = await approveLogin(person.browser, token);
    expect(again).toMatchObject({ __typename: "LoginRequestError", code: "ALREADY_USED" });
  });

  it("shows an expired token's error on the hosted page, with the domain's fallback URI", async () => {
    const partner = await createPartner(server.db, {
      rootDomain: "localhost",
      domain: { fallbackUri: "http://localhost:3000/login-failed?from=gatehouse" },
    });
    const signed = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
    const token = signed.body.data.token as string;
    await server.db.loginToken.update({
      where: { tokenHash: sha256(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const person = await registeredBrowser(server);
    const page = await person.browser.graphql<{ loginRequest: Record<string, string> }>(LOGIN_REQUEST, { token });
    expect(page.data?.loginRequest.code).toBe("EXPIRED");
    const fallback = new URL(page.data?.loginRequest.redirectUrl ?? "");
    expect(fallback.origin + fallback.pathname).toBe("http://localhost:3000/login-failed");
    expect(fallback.searchParams.get("from")).toBe("gatehouse");
    expect(fallback.searchParams.get("xwmsmessage_status")).toBe("error");
    expect(fallback.searchParams.get("xwmsmessage_message")).toMatch(/expired/);
  });

  it("never sends the browser to a fallback URI that is not http(s)", async () => {
    const partner = await createPartner(server.db, {
      rootDomain: "localhost",
      domain: { fallbackUri: "javascript:alert(document.cookie)" },
    });
    const signed = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
    const person = await registeredBrowser(server);
    const declined = await approveLogin(person.browser, signed.body.data.token as string, false);
    expect(declined).toMatchObject({ __typename: "LoginRequestError", code: "DECLINED" });
    // The stored fallback is ignored; the browser returns to the app's own redirect_url instead.
    expect(String(declined?.redirectUrl)).not.toContain("javascript");
    expect(String(declined?.redirectUrl).startsWith(`${redirect_url}?`)).toBe(true);
  });

  it("stops a login on the hosted page when the domain was deactivated or lost login meanwhile", async () => {
    const partner = await createPartner(server.db, { rootDomain: "localhost" });
    const person = await registeredBrowser(server);
    const first = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
    const second = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
    await server.db.domain.update({ where: { id: partner.domain.id }, data: { allowLogin: false } });
    expect(await approveLogin(person.browser, first.body.data.token as string)).toMatchObject({
      code: "LOGIN_NOT_ALLOWED",
    });
    await server.db.domain.update({ where: { id: partner.domain.id }, data: { allowLogin: true, active: false } });
    expect(await approveLogin(person.browser, second.body.data.token as string)).toMatchObject({
      code: "DOMAIN_INACTIVE",
    });
  });

  it("lets only the client's team and test users log in through a test-mode domain", async () => {
    const partner = await createPartner(server.db, { rootDomain: "localhost", domain: { testMode: true } });
    const stranger = await registeredBrowser(server);
    const signed = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
    expect(await approveLogin(stranger.browser, signed.body.data.token as string)).toMatchObject({
      code: "TEST_MODE_DENIED",
    });

    const tester = await registeredBrowser(server);
    const testerUser = await server.db.user.findUniqueOrThrow({ where: { email: tester.email } });
    await server.db.accessRequest.create({
      data: { clientId: partner.client.id, userId: testerUser.id, kind: "TEST_USER", status: "ACCEPTED" },
    });
    const again = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
    expect(await approveLogin(tester.browser, again.body.data.token as string)).toMatchObject({
      __typename: "CompleteLoginSuccess",
    });
  });

  it("only offers VERIFIED scopes of an unverified client to users who accepted an access request", async () => {
    const partner = await createPartner(server.db, { rootDomain: "localhost", scopes: ["userinfo", "useraddresses"] });
    const person = await registeredBrowser(server);
    const signed = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
    const token = signed.body.data.token as string;
    const look = async () =>
      (
        await person.browser.graphql<{ loginRequest: { data: { scopes: { key: string }[] } } }>(LOGIN_REQUEST, {
          token,
        })
      ).data?.loginRequest.data.scopes.map((scope) => scope.key);
    expect(await look()).toEqual(["userinfo"]);
    const user = await server.db.user.findUniqueOrThrow({ where: { email: person.email } });
    const scope = await server.db.scope.findUniqueOrThrow({ where: { key: "useraddresses" } });
    await server.db.accessRequest.create({
      data: {
        clientId: partner.client.id,
        userId: user.id,
        status: "ACCEPTED",
        scopes: { create: [{ scopeId: scope.id }] },
      },
    });
    expect(await look()).toEqual(["useraddresses", "userinfo"]);
  });
});
