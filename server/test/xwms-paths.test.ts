import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { createPartner } from "./fixtures.js";
import { sdkHeaders, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const manual = (path: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${path}`, { redirect: "manual", ...init });

describe("test/xwms-paths: XWMS paths at the origin's root", () => {
  it("answers an SDK call without /api/ with an envelope naming the right URL", async () => {
    const partner = await createPartner(server.db);
    const base = `${server.config.publicUrl}/api/`;
    for (const [method, path] of [
      ["POST", "/sign-token"],
      ["POST", "/sign-token-verify"],
      ["POST", "/get/user/info"],
      ["POST", "/get/user/address"],
      ["POST", "/user/address"],
      ["POST", "/global/countries"],
      ["GET", "/global/projects"],
      ["GET", "/info"],
    ] as const) {
      const response = await manual(path, {
        method,
        headers: sdkHeaders(partner.credentials),
        ...(method === "POST" ? { body: JSON.stringify({ redirect_url: "https://example.com/cb" }) } : {}),
      });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      const body = await response.json();
      expect(body).toEqual({
        status: "error",
        message: `The XWMS API lives under ${base}: call ${base}${path.slice(1)}. Set your SDK's API URL (XWMS_API_URI) to ${base} with the trailing slash.`,
        data: { api_url: base, endpoint: `${base}${path.slice(1)}` },
      });
    }
    // Nothing was started: no login token exists for the partner.
    expect(await server.db.loginToken.count({ where: { clientId: partner.client.id } })).toBe(0);
  });

  it("leaves a person's browser on the SPA for the same paths", async () => {
    const response = await manual("/info", { headers: { Accept: "text/html" } });
    expect(response.headers.get("content-type") ?? "").not.toMatch(/application\/json/);
  });

  it("redirects the XWMS page paths to Gatehouse's pages, keeping the query", async () => {
    for (const [from, to] of [
      ["/login?next=1", "/signin?next=1"],
      ["/sign", "/signin"],
      ["/signup", "/register"],
      ["/logout", "/signout"],
      ["/account/general", "/account"],
    ] as const) {
      const response = await manual(from);
      expect(response.status, from).toBe(302);
      expect(response.headers.get("location"), from).toBe(to);
    }
  });

  it("starts a login from /oauth/login for a registered redirect_uri, as sign-token does", async () => {
    const partner = await createPartner(server.db, { rootDomain: "oauth-shop.example" });
    const redirect = "https://oauth-shop.example/xwms/validateToken";
    const query = new URLSearchParams({
      client_id: partner.client.id,
      redirect_uri: redirect,
      fallback_uri: "https://oauth-shop.example/",
    });
    const response = await manual(`/oauth/login?${query}`);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(`${server.config.publicUrl}/authorize`);
    const token = location.searchParams.get("token") ?? "";
    const login = await server.db.loginToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(login).toMatchObject({ clientId: partner.client.id, domainId: partner.domain.id, redirectUrl: redirect });
  });

  it("refuses /oauth/login for a foreign redirect_uri, and follows fallback_uri only on the client's domain", async () => {
    const partner = await createPartner(server.db, { rootDomain: "careful-shop.example" });
    const evil = "https://evil.example/steal";
    const refused = await manual(
      `/oauth/login?${new URLSearchParams({ client_id: partner.client.id, redirect_uri: evil, fallback_uri: evil })}`,
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/does not name a redirect_uri that the app registered/);

    const fallback = "https://careful-shop.example/login-failed";
    const sentBack = await manual(
      `/oauth/login?${new URLSearchParams({ client_id: partner.client.id, redirect_uri: evil, fallback_uri: fallback })}`,
    );
    expect(sentBack.status).toBe(302);
    expect(sentBack.headers.get("location")).toBe(fallback);

    const unknown = await manual(`/oauth/login?${new URLSearchParams({ client_id: "nope", redirect_uri: evil })}`);
    expect(unknown.status).toBe(400);
    const missing = await manual("/oauth/login");
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(/missing client_id or redirect_uri/);
    expect(await server.db.loginToken.count({ where: { clientId: partner.client.id } })).toBe(0);
  });
});
