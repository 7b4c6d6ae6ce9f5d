import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_FAILURE_MESSAGES } from "../src/core/errors.js";
import { createPartner } from "./fixtures.js";
import {
  approveLogin,
  Browser,
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

const redirect_url = "http://localhost:4567/xwms/validateToken?lang=nl";

/** The page the browser is sent to, and XWMS's message parameters on it. */
function landing(url: unknown) {
  const parsed = new URL(String(url));
  return {
    page: `${parsed.origin}${parsed.pathname}`,
    lang: parsed.searchParams.get("lang"),
    status: parsed.searchParams.get("xwmsmessage_status"),
    message: parsed.searchParams.get("xwmsmessage_message"),
    token: parsed.searchParams.get("token"),
  };
}

async function signToken(options: Parameters<typeof createPartner>[1] = {}) {
  const partner = await createPartner(server.db, { rootDomain: "localhost", ...options });
  const signed = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
  expect(signed.status).toBe(200);
  return { partner, token: signed.body.data.token as string };
}

describe("test/login-failure-redirect: a failed or declined login returns to the app when there is no fallback URI", () => {
  it("a declined login goes back to redirect_url with xwmsmessage_status=error, and the token stays unusable", async () => {
    const { partner, token } = await signToken();
    const person = await registeredBrowser(server);
    const declined = await approveLogin(person.browser, token, false);
    expect(declined).toMatchObject({ __typename: "LoginRequestError", code: "DECLINED" });
    expect(landing(declined?.redirectUrl)).toEqual({
      page: "http://localhost:4567/xwms/validateToken",
      lang: "nl",
      status: "error",
      message: LOGIN_FAILURE_MESSAGES.DECLINED,
      token: null,
    });
    // The app that checks anyway learns the same from the REST door.
    const verify = await callApi(server, "/sign-token-verify", partner.credentials, { token });
    expect(verify.status).toBe(403);
    expect(verify.body).toMatchObject({ status: "error", message: "The user declined the login" });
  });

  it("a person refused by test mode is sent back with the reason", async () => {
    const { token } = await signToken({ domain: { testMode: true } });
    const outsider = await registeredBrowser(server);
    const refused = await approveLogin(outsider.browser, token, true);
    expect(refused).toMatchObject({ __typename: "LoginRequestError", code: "TEST_MODE_DENIED" });
    expect(landing(refused?.redirectUrl)).toMatchObject({
      page: "http://localhost:4567/xwms/validateToken",
      status: "error",
      message: LOGIN_FAILURE_MESSAGES.TEST_MODE_DENIED,
    });
  });

  it("an expired or already used sign-in link opened again goes back to the app too", async () => {
    const { token } = await signToken();
    const person = await registeredBrowser(server);
    const approved = await approveLogin(person.browser, token, true);
    expect(approved?.__typename).toBe("CompleteLoginSuccess");
    const reopened = await person.browser.graphql<{ loginRequest: Record<string, unknown> }>(LOGIN_REQUEST, { token });
    expect(reopened.data?.loginRequest).toMatchObject({ __typename: "LoginRequestError", code: "ALREADY_USED" });
    expect(landing(reopened.data?.loginRequest.redirectUrl)).toMatchObject({
      status: "error",
      message: LOGIN_FAILURE_MESSAGES.ALREADY_USED,
    });

    const { token: late } = await signToken();
    await server.db.loginToken.updateMany({ where: { approvedAt: null }, data: { expiresAt: new Date(0) } });
    const expired = await new Browser(server.baseUrl).graphql<{ loginRequest: Record<string, unknown> }>(
      LOGIN_REQUEST,
      { token: late },
    );
    expect(expired.data?.loginRequest).toMatchObject({ __typename: "LoginRequestError", code: "EXPIRED" });
    expect(landing(expired.data?.loginRequest.redirectUrl)).toMatchObject({
      page: "http://localhost:4567/xwms/validateToken",
      status: "error",
      message: LOGIN_FAILURE_MESSAGES.EXPIRED,
    });
  });

  it("a fallback URI still wins, as in XWMS", async () => {
    const { token } = await signToken({ domain: { fallbackUri: "http://localhost:4567/failed" } });
    const person = await registeredBrowser(server);
    const declined = await approveLogin(person.browser, token, false);
    expect(landing(declined?.redirectUrl)).toMatchObject({ page: "http://localhost:4567/failed", status: "error" });
  });

  it("never redirects for a link Gatehouse does not know, or to an address the domain no longer accepts", async () => {
    const unknown = await new Browser(server.baseUrl).graphql<{ loginRequest: Record<string, unknown> }>(
      LOGIN_REQUEST,
      { token: "not-a-token" },
    );
    expect(unknown.data?.loginRequest).toMatchObject({ code: "NOT_FOUND", redirectUrl: null });

    const { partner, token } = await signToken();
    // The owner moved the domain after the login started: its old redirect_url is no longer theirs.
    await server.db.domain.update({ where: { id: partner.domain.id }, data: { rootDomain: "moved.example" } });
    const person = await registeredBrowser(server);
    const declined = await approveLogin(person.browser, token, false);
    expect(declined).toMatchObject({ __typename: "LoginRequestError", code: "DECLINED", redirectUrl: null });
  });
});
