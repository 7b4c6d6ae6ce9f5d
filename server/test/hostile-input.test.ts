import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { type ClientHeaders, sdkHeaders, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let partner: ClientHeaders;
let owner: Awaited<ReturnType<typeof signedInPerson>>;
let clientId: string;
beforeAll(async () => {
  server = await startTestServer();
  partner = (await createPartner(server.db, { rootDomain: "hostile.example", scopes: ["userinfo", "useraddresses"] }))
    .credentials;
  owner = await signedInPerson(server);
  clientId = await clientOwnedBy(server, owner, "Hostile Input");
});
afterAll(() => server.close());

const ILL_FORMED = "Text must be well-formed Unicode (no lone UTF-16 surrogates).";

async function post(path: string, rawBody: string) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method: "POST",
    headers: sdkHeaders(partner),
    body: rawBody,
  });
  return {
    status: response.status,
    body: (await response.json()) as { status: string; message: string; data: object },
  };
}

const rowCounts = async () => ({
  loginTokens: await server.db.loginToken.count(),
  addresses: await server.db.address.count(),
  clients: await server.db.client.count(),
  audit: await server.db.auditEvent.count(),
});

describe("test/hostile-input: wrong-typed values are refused as bad input, never a fault", () => {
  // Found by fuzzing: zod 4 runs length checks on anything with a `length`, and comparing this one threw.
  it.each([
    ["/sign-token", '{"redirect_url":{"length":{"toString":"x"}}}', "redirect_url"],
    ["/sign-token", '{"redirect_url":"https://hostile.example/cb","email":{"length":{"valueOf":1}}}', "email"],
    ["/sign-token-verify", '{"token":{"length":{"toString":"x","valueOf":"y"}}}', "token"],
    ["/get/user/info", '{"sub":{"length":{"toString":"x"}}}', "sub"],
    [
      "/user/address",
      '{"sub":"1","action":"create","address":{"street":{"length":{"toString":"x"}},"city":"A","country":"NL"}}',
      "address.street",
    ],
  ])("POST %s with %s answers 400 naming %s", async (path, body, field) => {
    const before = await rowCounts();
    const answer = await post(path, body);
    expect(answer.status).toBe(400);
    expect(answer.body.status).toBe("error");
    expect(answer.body.message).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it("still accepts the same fields with the right types", async () => {
    const answer = await post("/sign-token", '{"redirect_url":"https://hostile.example/cb"}');
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe("success");
  });
});

describe("test/hostile-input: ill-formed Unicode is refused at every door", () => {
  it.each([
    ["/get/user/info", '{"sub":"\\ud800"}'],
    ["/get/user/address", '{"sub":"\\udc00","action":"list"}'],
    ["/user/address", '{"sub":"1","action":"create","address":{"street":"a\\ud800b","city":"A","country":"NL"}}'],
    ["/sign-token", '{"redirect_url":"https://hostile.example/\\ud800"}'],
    ["/sign-token", '{"redirect_url":"https://hostile.example/","\\ud800":1}'],
  ])("POST %s %s answers the 400 envelope", async (path, body) => {
    const before = await rowCounts();
    expect(await post(path, body)).toEqual({ status: 400, body: { status: "error", message: ILL_FORMED, data: {} } });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses NUL in a query string with the envelope, and serves the same route without it", async () => {
    // Lone surrogates cannot travel in a URL (it is UTF-8 on the wire); NUL can, percent-encoded.
    const bad = await fetch(`${server.apiUrl}/global/projects?q=a%00b`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      status: "error",
      message: "Text may not contain NUL (\\u0000) characters.",
      data: {},
    });
    const good = await fetch(`${server.apiUrl}/global/projects?q=plain`);
    expect(good.status).toBe(200);
    expect(((await good.json()) as { status: string }).status).toBe("success");
  });

  const CLIENT = "query Q($id: ID!) { client(id: $id) { id name } }";
  it("answers a lone surrogate in GraphQL variables, literals and keys as bad input, not INTERNAL_SERVER_ERROR", async () => {
    const before = await rowCounts();
    for (const answer of [
      await gql(server, owner.caller, CLIENT, { id: "a\ud800b" }),
      await gql(server, owner.caller, `{ client(id: "a\ud800b") { id } }`),
      await gql(server, { anonymous: true }, `mutation { deleteDomain(input: { id: "\udfff" }) { __typename } }`),
      await gql(server, owner.caller, CLIENT, { id: clientId, "\ud800": 1 }),
    ]) {
      expect(answer.status, JSON.stringify(answer)).toBe(400);
      expect(answer.errors?.[0]).toMatchObject({ message: ILL_FORMED, extensions: { code: "BAD_USER_INPUT" } });
    }
    // graphql-js itself refuses an escaped lone surrogate in a literal, as a syntax error.
    const escaped = await gql(server, owner.caller, '{ client(id: "a\\ud800b") { id } }');
    expect(escaped.errors?.[0]?.extensions).toEqual({ code: "GRAPHQL_PARSE_FAILED" });
    expect(await rowCounts()).toEqual(before);
    // The same operation with well-formed text answers normally.
    const ok = await gql(server, owner.caller, CLIENT, { id: clientId });
    expect(ok.data?.client).toEqual({ id: clientId, name: "Hostile Input" });
  });
});

/** One request written by hand, so headers Node's fetch would refuse reach the server. */
function rawRequest(text: string): Promise<string> {
  const port = Number(new URL(server.baseUrl).port);
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("test/hostile-input: a malformed request line or Host gets the envelope, not an empty 400", () => {
  it.each([
    ["a Host with a list", (port: string) => `localhost:${port}, evil.example`, "/api/info"],
    ["a Host with a space", () => "local host", "/api/info"],
    ["an unclosed IPv6 Host", () => "[::1", "/api/sign-token"],
    ["a backslash in the path", (port: string) => `localhost:${port}`, "/api\\info"],
    // Found by `pnpm fuzz`: Hono's Host check passes these, then the URL parser throws a TypeError.
    ["a Host with userinfo and a trailing space", () => "}%Ktp@0 ", "/api/nope"],
    ["a Host with a percent escape", () => "exa%zzmple.com", "/api/info"],
    ["a Host with userinfo", () => "user@localhost", "/api/info"],
  ])("%s", async (_name, host, path) => {
    const port = new URL(server.baseUrl).port;
    const answer = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: ${host(port)}\r\nConnection: close\r\n\r\n`);
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/\r\ncontent-type: application\/json/i);
    expect(JSON.parse(body)).toEqual({
      status: "error",
      message: expect.stringMatching(/^Malformed request/),
      data: {},
    });
  });

  it("answers a malformed Host once, even when Node's parser then refuses the body framing", async () => {
    const answer = await rawRequest("GET /api/info HTTP/1.1\r\nHost: a@localhost\r\nTransfer-Encoding: bogus\r\n\r\n");
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.split("\r\n\r\n")[1] ?? "")).toMatchObject({ status: "error" });
  });

  it("answers a header Node's parser refuses with the envelope too", async () => {
    const answer = await rawRequest("GET /api/info HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\n\r\n");
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(body)).toEqual({ status: "error", message: "Malformed request.", data: {} });
  });

  it("serves a well-formed Host on the same route", async () => {
    const port = new URL(server.baseUrl).port;
    const answer = await rawRequest(`GET /api/info HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(answer.split("\r\n\r\n")[1] ?? "")).toMatchObject({ status: "success" });
  });
});
