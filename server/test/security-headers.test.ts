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

  it("tells every /api answer, personal data or refusal, that no cache may keep it and nothing may frame it", async () => {
    const answers = [
      await fetch(`${server.baseUrl}/api/info`),
      await fetch(`${server.baseUrl}/api/get/user/info`, { method: "POST", body: "{}" }),
      await fetch(`${server.baseUrl}/api/global/projects`),
      await fetch(`${server.baseUrl}/api/openapi.json`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 200, 200]);
    for (const answer of answers) {
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
      // Headers that mean something only for an HTML page are not sent with JSON.
      expect(answer.headers.get("x-xss-protection")).toBeNull();
    }
    // The pages keep their own policy (scripts from Gatehouse itself) and stay cacheable by the browser.
    const page = await fetch(`${server.baseUrl}/authorize?token=abc`);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("cache-control")).not.toBe("no-store");
  });

  it("serves no GraphiQL in production: the page request is refused as not acceptable, queries still work", async () => {
    const page = await fetch(`${server.baseUrl}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(406);
    expect(await page.text()).not.toContain("GraphiQL");
    const query = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("serves GraphiQL outside production, for the same request (so the check above can fail)", async () => {
    const development = await startTestServer({ NODE_ENV: "development" });
    try {
      const page = await fetch(`${development.baseUrl}/graphql`, { headers: { accept: "text/html" } });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toContain("<title>Yoga GraphiQL</title>");
    } finally {
      await development.close();
    }
  });
});
