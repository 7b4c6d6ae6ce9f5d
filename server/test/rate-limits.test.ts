import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "../src/rate-limit/limits.js";
import { ensureDemoData } from "../src/seed/demo.js";
import { prepareDatabase } from "../src/startup.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";
import { createPartner } from "./fixtures.js";
import { REGISTER, SIGN_IN, sdkHeaders } from "./harness.js";

// Production limits, except that /api and mutations allow fewer requests so the tests stay short.
const LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  apiPerClient: { points: 10, windowSeconds: 60 },
  mutationsPerCaller: { points: 40, windowSeconds: 60 },
};

type Instance = { baseUrl: string; close: () => Promise<void> };

/** One more Gatehouse app over the same database, as a second instance behind a load balancer would be. */
async function serveInstance(db: Db, config: Config): Promise<Instance> {
  const app = createApp({ db, config, rateLimits: LIMITS, logger: { info() {}, warn() {}, error() {} } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let database: FreshDatabase;
let db: Db;
let closeDb: () => Promise<void>;
let one: Instance;
let two: Instance;

beforeAll(async () => {
  database = await freshDatabase();
  // Behind a trusted proxy, so each test can come from its own X-Forwarded-For address.
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, TRUST_PROXY: "true" });
  ({ db, close: closeDb } = await prepareDatabase(config, { demo: false }));
  await ensureDemoData(db, config);
  [one, two] = await Promise.all([serveInstance(db, config), serveInstance(db, config)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await closeDb?.();
  await database?.drop();
});

type Payload = { __typename: string; message?: string; retryAfterSeconds?: number };

async function graphql(
  instance: Instance,
  ip: string,
  query: string,
  variables: Record<string, unknown> = {},
  cookie = "",
) {
  const response = await fetch(`${instance.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-gatehouse-csrf": "1", "x-forwarded-for": ip, cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, Payload>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { response, body };
}

const SIGN_IN_LOCKED = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on Error { message }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

async function signIn(instance: Instance, ip: string, email: string, password: string): Promise<Payload> {
  const { body } = await graphql(instance, ip, SIGN_IN_LOCKED, { input: { email, password } });
  const payload = body.data?.signIn;
  if (!payload) throw new Error(`signIn answered ${JSON.stringify(body)}`);
  return payload;
}

const PASSWORD = "correct horse battery";
let people = 0;

async function register(ip: string): Promise<string> {
  const email = `person${++people}@rate-limits.example`;
  const { body } = await graphql(one, ip, REGISTER, { input: { email, password: PASSWORD, name: "Grace Hopper" } });
  expect(body.data?.register?.__typename).toBe("RegisterSuccess");
  return email;
}

/** Moves a limiter row's expiry into the past: what the passing of its lock time does. */
async function expire(key: string) {
  const { count } = await db.rateLimiterFlexible.updateMany({
    where: { key },
    data: { expire: new Date(Date.now() - 1000) },
  });
  expect(count).toBe(1);
}

const locked = (minutes: string) => `Too many sign-in attempts. Try again in ${minutes}.`;

describe(`test/rate-limits (${TEST_DIALECT}): sign-in lockout`, () => {
  it("locks an account after five failures on either instance, even for the right password", async () => {
    const email = await register("198.51.100.1");
    const ip = "198.51.100.2";
    for (let attempt = 1; attempt <= 4; attempt++) {
      const answer = await signIn(attempt % 2 ? one : two, ip, email, "wrong password");
      expect(answer).toEqual({
        __typename: "InvalidCredentialsError",
        message: "The e-mail address or password is incorrect.",
      });
    }
    expect(await signIn(two, ip, email, "wrong password")).toEqual({
      __typename: "RateLimitedError",
      message: locked("1 minute"),
      retryAfterSeconds: 60,
    });
    const whileLocked = await signIn(one, "198.51.100.3", email, PASSWORD);
    expect(whileLocked.__typename).toBe("RateLimitedError");
    expect(whileLocked.message).toBe(locked("1 minute"));
    expect(whileLocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(whileLocked.retryAfterSeconds).toBeLessThanOrEqual(60);
    // No session was started for the locked account.
    const { body } = await graphql(one, "198.51.100.3", "{ viewer { email } }");
    expect(body.data?.viewer).toBeNull();
  });

  it("answers an unknown e-mail exactly like an existing one", async () => {
    const known = await register("198.51.100.10");
    const unknown = "nobody-here@rate-limits.example";
    const answers: Record<string, Payload[]> = { known: [], unknown: [] };
    for (let attempt = 1; attempt <= 6; attempt++) {
      answers.known?.push(await signIn(one, "198.51.100.11", known, "wrong password"));
      answers.unknown?.push(await signIn(two, "198.51.100.12", unknown, "wrong password"));
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known?.map((answer) => answer.__typename)).toEqual([
      ...Array(4).fill("InvalidCredentialsError"),
      "RateLimitedError",
      "RateLimitedError",
    ]);
  });

  it("doubles each further lock up to an hour, lifts it when it expires and forgets it after a success", async () => {
    const email = await register("198.51.100.20");
    let round = 0;
    // Each round from its own address: twenty failures from one would trip the per-IP limit instead.
    const failFive = async () => {
      const ip = `198.51.100.${21 + round++}`;
      for (let attempt = 1; attempt <= 4; attempt++) {
        expect((await signIn(one, ip, email, "wrong password")).__typename).toBe("InvalidCredentialsError");
      }
      return signIn(two, ip, email, "wrong password");
    };
    expect(await failFive()).toMatchObject({ message: locked("1 minute"), retryAfterSeconds: 60 });
    await expire(`signin-account:${email}`);
    expect(await failFive()).toMatchObject({ message: locked("2 minutes"), retryAfterSeconds: 120 });
    await expire(`signin-account:${email}`);
    expect(await failFive()).toMatchObject({ message: locked("4 minutes"), retryAfterSeconds: 240 });

    // Twelve locks in a day: 2^11 minutes would be far longer than the one-hour cap.
    await db.rateLimiterFlexible.update({ where: { key: `signin-locks:${email}` }, data: { points: 11 } });
    await expire(`signin-account:${email}`);
    expect(await failFive()).toMatchObject({ message: locked("60 minutes"), retryAfterSeconds: 3600 });

    await expire(`signin-account:${email}`);
    expect((await signIn(one, "198.51.100.29", email, PASSWORD)).__typename).toBe("SignInSuccess");
    expect(await db.rateLimiterFlexible.count({ where: { key: { endsWith: `:${email}` } } })).toBe(0);
    expect(await failFive()).toMatchObject({ message: locked("1 minute"), retryAfterSeconds: 60 });
  });

  it("blocks an IP address after twenty failures across accounts, and only that address", async () => {
    const email = await register("198.51.100.40");
    const ip = "198.51.100.41";
    for (let n = 1; n <= 20; n++) {
      const answer = await signIn(n % 2 ? one : two, ip, `guess${n}@rate-limits.example`, "password1");
      expect(answer.__typename).toBe("InvalidCredentialsError");
    }
    const blocked = await signIn(one, ip, email, PASSWORD);
    expect(blocked.__typename).toBe("RateLimitedError");
    expect(blocked.message).toMatch(/^Too many sign-in attempts\. Try again in (1[0-5]|[1-9]) minutes?\.$/);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect((await signIn(two, "198.51.100.42", email, PASSWORD)).__typename).toBe("SignInSuccess");
  });
});

describe(`test/rate-limits (${TEST_DIALECT}): /api per client id`, () => {
  const redirect_url = "http://localhost:4567/callback";
  const signToken = (instance: Instance, headers: Record<string, string>) =>
    fetch(`${instance.baseUrl}/api/sign-token`, { method: "POST", headers, body: JSON.stringify({ redirect_url }) });

  const from = (headers: Record<string, string>, ip: string) => ({ ...headers, "X-Forwarded-For": ip });

  it("counts a client's requests per instance without a database write, and answers 429 with Retry-After", async () => {
    const partner = await createPartner(db, { rootDomain: "localhost" });
    const good = from(sdkHeaders(partner.credentials), "192.0.2.10");
    for (let n = 1; n <= 10; n++) expect((await signToken(one, good)).status).toBe(200);

    const limited = await signToken(one, good);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({
      status: "error",
      message: `Too many requests for this client. Try again in ${retryAfter} seconds.`,
      data: {},
    });
    // No token was issued for the refused request, and successes left no counter row behind.
    expect(await db.loginToken.count({ where: { clientId: partner.client.id } })).toBe(10);
    expect(await db.rateLimiterFlexible.count({ where: { key: { contains: partner.client.id } } })).toBe(0);
    // The other instance counts its own traffic.
    expect((await signToken(two, good)).status).toBe(200);
  });

  it("refuses a source after 20 bad secrets for one client on every instance, while other sources keep working", async () => {
    const partner = await createPartner(db, { rootDomain: "localhost" });
    const good = sdkHeaders(partner.credentials);
    const attacker = from({ ...good, "X-Client-Secret": "ghs_not-the-secret" }, "203.0.113.66");
    // Bad secrets cost the client's own volume (10 here) nothing: 20 of them all get 401.
    for (let n = 1; n <= 20; n++) expect((await signToken(n % 2 ? one : two, attacker)).status).toBe(401);

    for (const instance of [one, two]) {
      const refused = await signToken(instance, attacker);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      // Refused before the secret is looked at, so the right secret from that source is refused too.
      expect((await signToken(instance, from(good, "203.0.113.66"))).status).toBe(429);
    }
    // The partner's real servers, elsewhere, are not affected, on either instance.
    expect((await signToken(one, from(good, "198.51.100.7"))).status).toBe(200);
    expect((await signToken(two, from(good, "198.51.100.7"))).status).toBe(200);
    // Nor is the attacker's address for another client.
    const other = await createPartner(db, { rootDomain: "localhost" });
    expect((await signToken(one, from(sdkHeaders(other.credentials), "203.0.113.66"))).status).toBe(200);
  });

  it("does not hold one client's traffic against another client", async () => {
    const partner = await createPartner(db, { rootDomain: "localhost" });
    const response = await signToken(two, sdkHeaders(partner.credentials));
    expect(response.status).toBe(200);
    expect(response.headers.get("retry-after")).toBeNull();
  });
});

describe(`test/rate-limits (${TEST_DIALECT}): GraphQL mutations per caller`, () => {
  const BAD_SIGN_IN = { input: { email: "not-an-email", password: "x" } };

  it("answers 429 with Retry-After after the limit, per IP for anonymous callers and per session otherwise", async () => {
    const ip = "203.0.113.50";
    // A session that signed in elsewhere keeps its own budget while its IP address is exhausted.
    const email = await register("203.0.113.51");
    const signedIn = await graphql(two, "203.0.113.51", SIGN_IN, { input: { email, password: PASSWORD } });
    const cookie = (signedIn.response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/=./);

    for (let n = 1; n <= 40; n++) {
      const { response, body } = await graphql(n % 2 ? one : two, ip, SIGN_IN, BAD_SIGN_IN);
      expect(response.status).toBe(200);
      expect(body.data?.signIn?.__typename).toBe("ValidationError");
    }
    const { response, body } = await graphql(one, ip, SIGN_IN, BAD_SIGN_IN);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.errors?.[0]?.extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: retryAfter });
    expect(body.data).toBeUndefined();

    // Queries are not limited, other addresses are not affected, and the session has its own budget.
    expect((await graphql(two, ip, "{ viewer { email } }")).response.status).toBe(200);
    const elsewhere = await graphql(two, "203.0.113.52", SIGN_IN, BAD_SIGN_IN);
    expect(elsewhere.body.data?.signIn?.__typename).toBe("ValidationError");
    const asSession = await graphql(one, ip, "mutation { signOut }", {}, cookie);
    expect(asSession.response.status).toBe(200);
    expect(asSession.body.data?.signOut).toBe(true);
  });
});
