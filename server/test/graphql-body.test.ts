import { request as httpRequest } from "node:http";
import { createYoga } from "graphql-yoga";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/graphql/schema.js";
import { startTestServer, type TestServer } from "./harness.js";

/**
 * The /graphql door reads a POST body once (mount.ts) and hands it to Yoga as read (graphql/request-body.ts),
 * bounded by its own body limit. Bad bodies must get exactly the answers Yoga's own parser gives.
 */
const BODY_LIMIT = 4096;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
});
afterAll(async () => server?.close());

const headers = { "content-type": "application/json", "x-gatehouse-csrf": "1" };

async function post(body: string) {
  const response = await fetch(`${server.baseUrl}/graphql`, { method: "POST", headers, body });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string }[]; data?: unknown },
  };
}

/** Yoga on its own, parsing the body itself: the reference for every refusal of a bad body. */
const plainYoga = createYoga({ schema, maskedErrors: true, logging: false, graphiql: false });
async function postToPlainYoga(body: string) {
  const response = await plainYoga.fetch(
    new Request("http://yoga.test/graphql", { method: "POST", headers, body }),
    {} as never,
  );
  return { status: response.status, body: (await response.json()) as { errors?: { message: string }[] } };
}

/** A body sent with Transfer-Encoding: chunked (no Content-Length), so its size is only known as it streams. */
function postChunked(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.baseUrl}/graphql`, { method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    for (let at = 0; at < body.length; at += 1000) req.write(body.slice(at, at + 1000));
    req.end();
  });
}

describe("test/graphql-body: the /graphql body is read once and bounded", () => {
  it.each([
    ["malformed JSON", '{"query": "{ __typename }"'],
    ["JSON null", "null"],
    ["a JSON string", '"{ __typename }"'],
    ["a JSON number", "42"],
  ])("%s gets the answer Yoga's own parser gives", async (_, body) => {
    const [door, reference] = await Promise.all([post(body), postToPlainYoga(body)]);
    expect(door.status).toBe(400);
    expect(door.status).toBe(reference.status);
    expect(door.body.errors?.map((error) => error.message)).toEqual(reference.body.errors?.map((e) => e.message));
  });

  it("answers a well-formed query from the body it read", async () => {
    const answer = await post(JSON.stringify({ query: "{ __typename }" }));
    expect(answer).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
  });

  it("refuses a declared body over the limit before reading it", async () => {
    const answer = await post(JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(BODY_LIMIT) } }));
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.message).toBe("Request body is too large");
  });

  it("counts a chunked body as it streams: over the limit refused, within it answered", async () => {
    const over = await postChunked(
      JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(BODY_LIMIT) } }),
    );
    expect(over.status).toBe(413);
    const within = await postChunked(JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(2000) } }));
    expect(within.status).toBe(200);
    expect(JSON.parse(within.text)).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses a multipart body: only JSON is accepted", async () => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: "{ __typename }" }));
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "x-gatehouse-csrf": "1" },
      body: form,
    });
    expect(response.status).toBe(415);
  });
});
