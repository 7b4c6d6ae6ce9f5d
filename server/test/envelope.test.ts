import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkHeaders, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BODY_LIMIT_BYTES: "2048" });
});
afterAll(() => server.close());

async function raw(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.apiUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), text, body: JSON.parse(text) };
}

const post = (path: string, body: string) => raw(path, { method: "POST", headers: sdkHeaders(server.demo), body });

describe("test/envelope: every /api answer is {status, message, data} with a fitting status", () => {
  it("serves service info without authentication", async () => {
    const result = await raw("/info", { headers: { "user-agent": "xwms-php-sdk/2.1" } });
    expect(result.status).toBe(200);
    expect(result.body.status).toBe("success");
    expect(result.body.data.application.name).toBe("Gatehouse");
    expect(result.body.data.client).toEqual({ ip: "127.0.0.1", user_agent: "xwms-php-sdk/2.1" });
    expect(result.body.data.api.endpoints.auth_verify).toMatch(/^http:\/\/[^/]+\/api\/sign-token-verify$/);
  });

  it("serves service info with a user agent that needs escaping, each request with its own time and agent", async () => {
    // The answer is serialised once around its changing values; each value must still be escaped on its own.
    const agent = 'probe "quoted" \\ back\tslash ünïcødé';
    const first = await raw("/info", { headers: { "user-agent": agent } });
    expect(first.status).toBe(200);
    expect(first.body.data.client).toEqual({ ip: "127.0.0.1", user_agent: agent });
    expect(first.text).toBe(JSON.stringify(first.body));
    expect(Date.parse(first.body.data.application.time)).not.toBeNaN();
    const second = await raw("/info", { headers: { "user-agent": "other/1" } });
    expect(second.body.data.client.user_agent).toBe("other/1");
    expect({ ...second.body.data, application: undefined, client: undefined }).toEqual({
      ...first.body.data,
      application: undefined,
      client: undefined,
    });
  });

  it("answers malformed JSON with 400", async () => {
    const result = await post("/sign-token", '{"redirect_url": ');
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ status: "error", message: "Malformed JSON body", data: {} });
  });

  it("names missing and wrong fields", async () => {
    const missing = await post("/sign-token", "{}");
    expect(missing.status).toBe(400);
    expect(missing.body.status).toBe("error");
    expect(missing.body.message).toMatch(/^Invalid request: redirect_url/);
    expect(missing.body.data.errors[0].field).toBe("redirect_url");

    const wrongType = await post("/sign-token-verify", '{"token": 42}');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.data.errors[0].field).toBe("token");

    const notAnObject = await post("/sign-token-verify", '"just a string"');
    expect(notAnObject.status).toBe(400);

    const badEmail = await post("/sign-token", '{"redirect_url": "http://localhost/cb", "email": "not-an-address"}');
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.data.errors[0].field).toBe("email");
  });

  it("passes the e-mail hint through, and treats an empty one as none", async () => {
    const withHint = await post("/sign-token", '{"redirect_url": "http://localhost/cb", "email": "ada@example.org"}');
    expect(withHint.status).toBe(200);
    expect(withHint.body.data.email).toBe("ada@example.org");
    const empty = await post("/sign-token", '{"redirect_url": "http://localhost/cb", "email": ""}');
    expect(empty.status).toBe(200);
    expect(empty.body.data).not.toHaveProperty("email");
  });

  it("answers a body over the limit with 413, also when the client lies about its length", async () => {
    const big = JSON.stringify({ redirect_url: `https://localhost/${"a".repeat(4096)}` });
    const result = await post("/sign-token", big);
    expect(result.status).toBe(413);
    expect(result.body).toEqual({ status: "error", message: "Request body is larger than 2048 bytes", data: {} });
  });

  it("answers an unknown route under /api with 404", async () => {
    const result = await raw("/get/user/everything", { method: "POST" });
    expect(result.status).toBe(404);
    expect(result.body).toEqual({
      status: "error",
      message: "No such endpoint: POST /api/get/user/everything",
      data: {},
    });
  });

  it("answers an internal fault with 500 and no stack trace", async () => {
    // A real fault: the table the endpoint reads is gone.
    await server.db.$executeRawUnsafe('ALTER TABLE "Project" RENAME TO "ProjectGone"');
    try {
      const result = await raw("/global/projects");
      expect(result.status).toBe(500);
      expect(result.body).toEqual({ status: "error", message: "Internal server error", data: {} });
      expect(result.text).not.toMatch(/at |prisma|Project/i);
    } finally {
      await server.db.$executeRawUnsafe('ALTER TABLE "ProjectGone" RENAME TO "Project"');
    }
  });

  it("lists the complete ISO 3166 country list with every field", async () => {
    const result = await raw("/global/countries", { method: "POST" });
    expect(result.status).toBe(200);
    const countries = result.body.data.countries as Record<string, unknown>[];
    expect(countries).toHaveLength(249);
    expect(countries.find((country) => country.short_name === "NL")).toEqual({
      id: 528,
      short_name: "NL",
      name: "Netherlands",
      phonecode: "+31",
      is_eu_member: true,
      capital: "Amsterdam",
      iso_alpha3: "NLD",
      region: "Europe",
      timezone: "Europe/Amsterdam",
      currency_code: "EUR",
    });
    expect(countries.filter((country) => country.is_eu_member)).toHaveLength(27);
  });

  it("lists the platform projects", async () => {
    const result = await raw("/global/projects");
    expect(result.status).toBe(200);
    expect(result.body.data.projects.map((project: { title: string }) => project.title)).toEqual([
      "Gatehouse",
      "Gatehouse SDKs",
      "Gatehouse Status",
    ]);
  });
});
