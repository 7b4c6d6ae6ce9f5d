import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, withRegistrationProof } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

let people = 0;
/** A register mutation with a fresh address and a solved check, so whether it ran shows in the database. */
async function registration() {
  const email = `content-type-${++people}@example.com`;
  const { proofOfWork } = await withRegistrationProof(server.baseUrl, {});
  const query = `mutation { register(input: { email: "${email}", password: "correct horse battery", name: "Ada", proofOfWork: ${JSON.stringify(proofOfWork)} }) { __typename } }`;
  return { email, query, exists: async () => (await server.db.user.count({ where: { email } })) === 1 };
}

const post = (body: BodyInit, contentType?: string) =>
  fetch(`${server.baseUrl}/graphql`, {
    method: "POST",
    headers: { "x-gatehouse-csrf": "1", ...(contentType ? { "content-type": contentType } : {}) },
    body,
  });

describe("test/graphql-content-type: no body format skips the mutation limit", () => {
  const bodies: [string, (query: string) => { body: BodyInit; type?: string }][] = [
    ["application/graphql", (query) => ({ body: query, type: "application/graphql" })],
    [
      "multipart/form-data",
      (query) => {
        const form = new FormData();
        form.set("operations", JSON.stringify({ query }));
        form.set("map", "{}");
        return { body: form };
      },
    ],
    [
      "application/x-www-form-urlencoded",
      (query) => ({ body: new URLSearchParams({ query }), type: "application/x-www-form-urlencoded" }),
    ],
    ["text/plain", (query) => ({ body: JSON.stringify({ query }), type: "text/plain" })],
    ["no content type", (query) => ({ body: new Blob([JSON.stringify({ query })]) })],
  ];

  for (const [name, make] of bodies) {
    it(`answers 415 to ${name} and runs nothing`, async () => {
      const person = await registration();
      const { body, type } = make(person.query);
      const response = await post(body, type);
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        errors: [
          { message: "Send GraphQL requests as application/json.", extensions: { code: "UNSUPPORTED_MEDIA_TYPE" } },
        ],
      });
      expect(await person.exists()).toBe(false);
    });
  }

  it("never runs a mutation sent by GET", async () => {
    const person = await registration();
    const url = new URL("/graphql", server.baseUrl);
    url.searchParams.set("query", person.query);
    const response = await fetch(url, { headers: { "x-gatehouse-csrf": "1", accept: "application/json" } });
    expect(response.status).toBe(405);
    expect(await person.exists()).toBe(false);
  });

  it("runs JSON bodies, with or without a charset, and queries by GET", async () => {
    const person = await registration();
    const response = await post(JSON.stringify({ query: person.query }), "application/json; charset=utf-8");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { register: { __typename: "RegisterSuccess" } } });
    expect(await person.exists()).toBe(true);

    const url = new URL("/graphql", server.baseUrl);
    url.searchParams.set("query", "{ __typename }");
    const query = await fetch(url, { headers: { "x-gatehouse-csrf": "1", accept: "application/json" } });
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
  });
});
