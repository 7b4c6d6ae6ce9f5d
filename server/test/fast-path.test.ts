import { Agent } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { DEFAULT_RATE_LIMITS } from "../src/rate-limit/limits.js";
import { type DemoCredentials, ensureDemoData } from "../src/seed/demo.js";
import { prepareDatabase } from "../src/startup.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";
import { approveLogin, callApi, registeredBrowser } from "./harness.js";
import {
  type Answer,
  bothSides,
  type Sent,
  type Side,
  send as sendOver,
  serveSide as serveParitySide,
} from "./parity.js";

/**
 * The Node-level fast path of the hot /api endpoints (src/xwms/fast-path.ts) against Hono's chain: two
 * instances of the same app over one database, one with the fast path and one without, get the same
 * requests and must give the same status, headers, envelope, request log line and metrics.
 */
const BODY_LIMIT = 2048;
const FAILURES_BEFORE_LOCKOUT = 4;

let database: FreshDatabase;
let db: Db;
let closeDb: () => Promise<void>;
let config: Config;
let demo: DemoCredentials;
let fast: Side;
let hono: Side;
let setup: Side;
let sub: string;

const rateLimits = {
  ...DEFAULT_RATE_LIMITS,
  apiFailuresPerSource: { failures: FAILURES_BEFORE_LOCKOUT, windowSeconds: 60 },
};
const serveSide = (fastPath: boolean) => serveParitySide(db, config, fastPath, { rateLimits });

beforeAll(async () => {
  database = await freshDatabase();
  config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    PUBLIC_URL: "http://gatehouse.test",
    BODY_LIMIT_BYTES: String(BODY_LIMIT),
    // Each case comes from its own X-Forwarded-For address, so lockouts stay apart.
    TRUST_PROXY: "true",
  });
  ({ db, close: closeDb } = await prepareDatabase(config, { demo: false }));
  ({ credentials: demo } = await ensureDemoData(db, config));
  [fast, hono, setup] = await Promise.all([serveSide(true), serveSide(false), serveSide(false)]);
  // One person who consented to the demo client, through a third instance so the compared logs start empty.
  const setupUrl = { baseUrl: `http://localhost:${setup.port}`, apiUrl: `http://localhost:${setup.port}/api` };
  const person = await registeredBrowser(setupUrl);
  const started = await callApi(setupUrl, "/sign-token", demo, { redirect_url: "http://localhost:4567/cb" });
  await approveLogin(person.browser, started.body.data.token as string);
  await callApi(setupUrl, "/sign-token-verify", demo, { token: started.body.data.token });
  sub = person.sub;
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await Promise.all([fast?.close(), hono?.close(), setup?.close()]);
  await closeDb?.();
  await database?.drop();
});

/** Kept-alive connections, as SDKs hold them: whether the server keeps or closes one is compared too. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

const send = (port: number, sent: Sent) => sendOver(port, sent, agent);

/** Values that differ between any two answers (clock, fresh tokens); their presence still counts. */
const VARYING = new Set(["time", "token", "expires_at", "url"]);
const normalise = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(normalise);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, VARYING.has(key) ? typeof item : normalise(item)]),
  );
};
const comparable = (answer: Answer) => {
  const { date, ...headers } = answer.headers;
  const retryAfter = headers["retry-after"];
  if (retryAfter !== undefined) headers["retry-after"] = "<seconds>";
  let body: unknown = answer.body;
  try {
    body = normalise(JSON.parse(answer.body));
  } catch {}
  // Retry-After's seconds may tick between the two calls; the message names them too.
  const text = JSON.stringify(body).replace(/in \d+ seconds/g, "in N seconds");
  return { status: answer.status, headers, date: typeof date, body: JSON.parse(text) };
};

const client = (overrides: Record<string, string> = {}) => ({
  "x-client-id": demo.clientId,
  "x-client-secret": demo.clientSecret,
  "x-client-domain": demo.domain,
  "content-type": "application/json",
  "user-agent": "xwms-sdk-test/1.0",
  ...overrides,
});

/** Sends one request to both sides, from the same fresh source address; answers the fast side's answer. */

// biome-ignore lint/suspicious/noExplicitAny: the envelope's data is read field by field in the assertions
type Envelope = { status: string; message: string; data: Record<string, any> };
const json = (answer: Answer) => JSON.parse(answer.body) as Envelope;

const both = bothSides(() => ({ fast, hono }), send, comparable, "10.77.0");
/** Both sides' answers must be the same; answers the fast side's. */
const same = async (sent: Sent) => (await both(sent))[0];

describe(`test/fast-path (${TEST_DIALECT}): the hot /api endpoints answer exactly as Hono's chain does`, () => {
  it("GET /api/info, with and without a User-Agent", async () => {
    const answer = await same({ method: "GET", path: "/api/info", headers: { "user-agent": "probe/1" } });
    expect(answer.status).toBe(200);
    expect(json(answer).data.client).toEqual({ ip: "10.77.0.1", user_agent: "probe/1" });
    expect(answer.headers["x-request-id"]).toBe("parity-1");
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect((await same({ method: "GET", path: "/api/info" })).status).toBe(200);
    // A User-Agent sent twice reads as Headers joins it, not as Node keeps it (the first only).
    const twice = await same({ method: "GET", path: "/api/info", headers: { "user-agent": ["one/1", "two/2"] } });
    expect(json(twice).data.client.user_agent).toBe("one/1, two/2");
  });

  it("get/user/info: the consented person, with socials, an unknown sub", async () => {
    const found = await same({ path: "/api/get/user/info", headers: client(), body: JSON.stringify({ sub }) });
    expect(found.status).toBe(200);
    expect(json(found).data.user.sub).toBe(sub);
    const numeric = await same({
      path: "/api/get/user/info",
      headers: client(),
      body: `{"sub":${sub},"socials":true}`,
    });
    expect(numeric.status).toBe(200);
    const unknown = await same({ path: "/api/get/user/info", headers: client(), body: '{"sub":"999999999"}' });
    expect(unknown.status).toBe(404);
    // A leading BOM is dropped and bytes that are not UTF-8 decode to U+FFFD, as Request.text() does.
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ sub }))]);
    expect((await same({ path: "/api/get/user/info", headers: client(), body: bom })).status).toBe(200);
    const notUtf8 = Buffer.concat([Buffer.from('{"sub":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    expect((await same({ path: "/api/get/user/info", headers: client(), body: notUtf8 })).status).toBe(404);
  });

  it("every client-authentication refusal: wrong secret, missing headers, unknown client, foreign domain", async () => {
    const body = JSON.stringify({ sub });
    const wrong = await same({ path: "/api/get/user/info", headers: client({ "x-client-secret": "nope" }), body });
    expect(wrong.status).toBe(401);
    const { "x-client-secret": _, ...noSecret } = client();
    expect((await same({ path: "/api/get/user/info", headers: noSecret, body })).status).toBe(401);
    const unknown = await same({ path: "/api/get/user/info", headers: client({ "x-client-id": "cl_nobody" }), body });
    expect(unknown.status).toBe(401);
    const foreign = await same({
      path: "/api/get/user/info",
      headers: client({ "x-client-domain": "elsewhere.example" }),
      body,
    });
    expect(foreign.status).toBe(403);
  });

  it("bad bodies: malformed JSON, empty, wrong content type, missing and unknown fields, NUL, wrong types", async () => {
    const path = "/api/get/user/info";
    const malformed = await same({ path, headers: client(), body: '{"sub": ' });
    expect([malformed.status, json(malformed).message]).toEqual([400, "Malformed JSON body"]);
    expect((await same({ path, headers: client(), body: "" })).status).toBe(400);
    const plain = await same({
      path,
      headers: client({ "content-type": "text/plain" }),
      body: JSON.stringify({ sub }),
    });
    expect(plain.status).toBe(200);
    expect((await same({ path, headers: client(), body: "{}" })).status).toBe(400);
    expect((await same({ path, headers: client(), body: JSON.stringify({ sub, extra: 1 }) })).status).toBe(400);
    expect((await same({ path, headers: client(), body: '{"sub":"\\u0000"}' })).status).toBe(400);
    expect((await same({ path, headers: client(), body: '{"sub":true}' })).status).toBe(400);
    expect((await same({ path, headers: client(), body: "[1,2]" })).status).toBe(400);
    expect((await same({ path: "/api/sign-token", headers: client(), body: "{}" })).status).toBe(400);
    expect((await same({ path: "/api/sign-token-verify", headers: client(), body: '{"token":""}' })).status).toBe(400);
  });

  it("bodies over the limit: declared (connection kept), chunked (connection closed)", async () => {
    const big = JSON.stringify({ sub, redirect_url: "x".repeat(BODY_LIMIT) });
    const declared = await same({ path: "/api/get/user/info", headers: client(), body: big });
    expect(declared.status).toBe(413);
    expect(declared.headers.connection).toBe("keep-alive");
    const chunked = await same({ path: "/api/get/user/info", headers: client(), body: big, chunked: true });
    expect(chunked.status).toBe(413);
    expect(chunked.headers.connection).toBe("close");
    // A chunked body within the limit is read whole.
    const small = await same({
      path: "/api/get/user/info",
      headers: client(),
      body: JSON.stringify({ sub }),
      chunked: true,
    });
    expect(small.status).toBe(200);
  });

  it("the login endpoints: sign-token, and sign-token-verify of an unknown token", async () => {
    const started = await same({
      path: "/api/sign-token",
      headers: client(),
      body: JSON.stringify({ redirect_url: "http://localhost:4567/cb", email: "" }),
    });
    expect(started.status).toBe(200);
    const verify = await same({ path: "/api/sign-token-verify", headers: client(), body: '{"token":"unknown-token"}' });
    expect(verify.status).toBe(404);
  });

  it("a source locked out after bad secrets gets the same 429 and Retry-After from both", async () => {
    const source = { "x-forwarded-for": "10.78.0.1" };
    const bad = {
      path: "/api/get/user/info",
      headers: client({ ...source, "x-client-secret": "nope" }),
      body: JSON.stringify({ sub }),
    };
    // Failures count in the shared store, whichever instance saw them: half here, half there.
    for (let i = 0; i < FAILURES_BEFORE_LOCKOUT / 2; i++) {
      expect((await send(fast.port, bad)).status).toBe(401);
      expect((await send(hono.port, bad)).status).toBe(401);
    }
    const good = { path: "/api/get/user/info", headers: client(source), body: JSON.stringify({ sub }) };
    const refused = await same(good);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("anything else stays with Hono: a query string, HEAD, another method, a trailing slash", async () => {
    expect((await same({ method: "GET", path: "/api/info?x=1" })).status).toBe(200);
    expect((await same({ method: "HEAD", path: "/api/info" })).status).toBe(200);
    expect((await same({ method: "GET", path: "/api/get/user/info" })).status).toBe(404);
    expect((await same({ method: "GET", path: "/api/info/" })).status).toBe(404);
  });

  it("records the same metrics as Hono's chain: route, method, status, login outcomes, refusals", async () => {
    const counted = async (side: Side, name: string) =>
      (await side.metrics.registry.getSingleMetric(name)?.get())?.values.map((v) => [v.labels, v.value]);
    for (const name of [
      "gatehouse_http_requests_total",
      "gatehouse_login_outcomes_total",
      "gatehouse_rate_limit_refusals_total",
    ]) {
      expect(await counted(fast, name)).toEqual(await counted(hono, name));
    }
    expect(await counted(fast, "gatehouse_http_requests_total")).toContainEqual([
      { route: "/api/get/user/info", method: "POST", status: "200" },
      expect.any(Number),
    ]);
  });
});
