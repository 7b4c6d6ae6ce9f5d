import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { callApi, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let partner: Awaited<ReturnType<typeof createPartner>>;
beforeAll(async () => {
  server = await startTestServer();
  partner = await createPartner(server.db, { rootDomain: "example.com" });
  await server.db.domainUrl.createMany({
    data: [
      { domainId: partner.domain.id, kind: "CALLBACK", url: "https://login.partner-cdn.net/return", active: true },
      { domainId: partner.domain.id, kind: "CALLBACK", url: "https://old.partner-cdn.net/return", active: false },
      { domainId: partner.domain.id, kind: "WEBHOOK", url: "https://hooks.partner-cdn.net/in", active: true },
    ],
  });
});
afterAll(() => server.close());

const attempt = (redirect_url: string) => callApi(server, "/sign-token", partner.credentials, { redirect_url });

describe("test/redirect: redirect_url must lie on the authenticated domain", () => {
  it.each([
    "https://example.com/callback",
    "https://www.example.com/callback?x=1",
    "https://deep.sub.example.com/",
    "https://EXAMPLE.com/case",
    "https://login.partner-cdn.net/return",
  ])("accepts %s", async (url) => {
    const result = await attempt(url);
    expect(result.status).toBe(200);
    expect(result.body.status).toBe("success");
  });

  it.each([
    ["a foreign host", "https://evil.com/callback"],
    ["the root domain as a prefix of a foreign host", "https://example.com.evil.com/callback"],
    ["a host that merely ends in the name", "https://notexample.com/callback"],
    ["user info that hides the real host", "https://example.com@evil.com/callback"],
    ["plain http to a public host", "http://example.com/callback"],
    ["a javascript: URL", "javascript:alert(document.domain)"],
    ["a protocol-relative URL", "//evil.com/callback"],
    ["a fragment", "https://example.com/callback#token"],
    ["an inactive callback URL", "https://old.partner-cdn.net/return"],
    ["a webhook URL", "https://hooks.partner-cdn.net/in"],
    ["a callback URL with a different path", "https://login.partner-cdn.net/return/../evil"],
    ["not a URL", "not a url"],
  ])("refuses %s", async (_what, url) => {
    const result = await attempt(url);
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      status: "error",
      message: "redirect_url must be on the domain or one of its active callback URLs",
      data: {},
    });
  });

  it("stores no login token for a refused redirect", async () => {
    const before = await server.db.loginToken.count();
    await attempt("https://evil.com/");
    expect(await server.db.loginToken.count()).toBe(before);
  });
});
