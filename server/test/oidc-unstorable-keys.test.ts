import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

/**
 * A client id or token no database can store (a NUL, a lone surrogate) names nothing: the OpenID Connect door
 * answers it as unknown, never with a 500, and one such token does not fail the lookups of other requests
 * answered in the same turn (the adapter reads a turn's tokens in one statement).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const form = (authorization: string, body: string) => ({
  method: "POST",
  headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
  body,
});

describe("test/oidc-unstorable-keys: keys no database can store are unknown, not errors", () => {
  it.each(["a%00b", "a%ED%A0%80b"])("end-session with client_id=%s is refused as a client error", async (id) => {
    const response = await fetch(`${server.baseUrl}/oauth/logout?client_id=${id}`, { redirect: "manual" });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("client_credentials for a client id with a NUL is refused as the client's error", async () => {
    const response = await fetch(
      `${server.baseUrl}/oauth/token`,
      form(basic("a\u0000b", "whatever"), "grant_type=client_credentials"),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(((await response.json()) as { error: string }).error).not.toBe("server_error");
  });

  it("introspecting a token with a NUL says inactive, and a live token introspected at the same moment stays active", async () => {
    const { clientId, clientSecret } = server.demo;
    const issued = await fetch(
      `${server.baseUrl}/oauth/token`,
      form(basic(clientId, clientSecret), "grant_type=client_credentials"),
    );
    const { access_token: token } = (await issued.json()) as { access_token: string };
    const introspect = (value: string) =>
      fetch(`${server.baseUrl}/oauth/introspect`, form(basic(clientId, clientSecret), `token=${value}`)).then(
        async (response) => ({ status: response.status, body: (await response.json()) as { active: boolean } }),
      );
    const answers = await Promise.all([introspect("a%00b"), introspect(token), introspect("a%00b"), introspect(token)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((answer) => answer.body.active)).toEqual([false, true, false, true]);
  });
});
