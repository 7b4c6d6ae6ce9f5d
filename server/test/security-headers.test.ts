import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ NODE_ENV: "production" });
});
afterAll(() => server.close());

describe("test/security-headers: what a browser is told in production", () => {
  it("allows only Gatehouse's own scripts, no framing and no referrer on the hosted login page", async () => {
    const response = await fetch(`${server.baseUrl}/authorize?token=abc`);
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unpkg");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves no GraphiQL in production", async () => {
    const response = await fetch(`${server.baseUrl}/graphql`, { headers: { accept: "text/html" } });
    expect(response.headers.get("content-type") ?? "").not.toContain("text/html");
  });
});
