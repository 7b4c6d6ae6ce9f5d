import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { createHttpServer } from "../src/http/serve.js";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "../src/rate-limit/limits.js";
import { prepareDatabase } from "../src/startup.js";
import { type FreshDatabase, freshDatabase } from "./databases.js";
import { createPartner } from "./fixtures.js";
import { sdkHeaders } from "./harness.js";
import { solveChallengeJson } from "./proof-of-work.js";

const SIGN_IN_THROTTLED = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { __typename ... on ProofOfWorkRequiredError { reason challenge } }
}`;

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  apiPerClient: { points: 6, windowSeconds: 60 },
};

type Instance = { baseUrl: string; redis: Redis; close: () => Promise<void> };

/** One Gatehouse app with its own Redis connection, as one instance of several would have. */
async function serveInstance(db: Db, config: Config): Promise<Instance> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  const app = createApp({
    db,
    config,
    rateLimits: LIMITS,
    rateLimitStore: { kind: "redis", client: redis },
    logger: { request() {}, info() {}, warn() {}, error() {} },
  });
  const server = createHttpServer(app).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://localhost:${port}`,
    redis,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit();
    },
  };
}

let database: FreshDatabase;
let db: Db;
let closeDb: () => Promise<void>;
let one: Instance;
let two: Instance;

beforeAll(async () => {
  database = await freshDatabase();
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, TRUST_PROXY: "true" });
  ({ db, close: closeDb } = await prepareDatabase(config, { demo: false }));
  [one, two] = await Promise.all([serveInstance(db, config), serveInstance(db, config)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await closeDb?.();
  await database?.drop();
});

describe("test/rate-limits-redis: with REDIS_URL the counters live in Redis and every instance shares them", () => {
  it("counts one client's /api calls across both instances, and keeps nothing in the database", async () => {
    const partner = await createPartner(db);
    const call = (instance: Instance) =>
      fetch(`${instance.baseUrl}/api/sign-token`, {
        method: "POST",
        headers: sdkHeaders(partner.credentials),
        body: JSON.stringify({ redirect_url: "https://example.com/cb" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(i % 2 === 0 ? one : two)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const refused = await call(two);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await one.redis.exists(`gatehouse:api-client:${partner.client.id}`)).toBe(1);
    expect(await db.rateLimiterFlexible.count()).toBe(0);
  });

  it("refuses a source after bad secrets on every instance, counted in Redis only, before any secret is checked", async () => {
    const partner = await createPartner(db);
    const call = (instance: Instance, secret: string, ip: string) =>
      fetch(`${instance.baseUrl}/api/sign-token`, {
        method: "POST",
        headers: { ...sdkHeaders(partner.credentials), "X-Client-Secret": secret, "X-Forwarded-For": ip },
        body: JSON.stringify({ redirect_url: "https://example.com/cb" }),
      });
    const { failures } = LIMITS.apiFailuresPerSource;
    for (let n = 0; n < failures; n++)
      expect((await call(n % 2 ? one : two, "ghs_wrong", "203.0.113.9")).status).toBe(401);
    for (const instance of [one, two]) {
      const refused = await call(instance, partner.credentials.clientSecret, "203.0.113.9");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect((await call(one, partner.credentials.clientSecret, "198.51.100.9")).status).toBe(200);
    expect(await db.rateLimiterFlexible.count()).toBe(0);
  });

  it("counts sign-in failures spread over both instances, and accepts each solved challenge once across them", async () => {
    const email = `nobody-${randomUUID()}@example.org`;
    const attempt = async (instance: Instance, n: number, proofOfWork?: string) => {
      const response = await fetch(`${instance.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${n}` },
        body: JSON.stringify({
          query: SIGN_IN_THROTTLED,
          variables: { input: { email, password: "wrong password 123", proofOfWork } },
        }),
      });
      return ((await response.json()) as { data: { signIn: { __typename: string; challenge?: string } } }).data.signIn;
    };
    const answers: string[] = [];
    for (let n = 1; n <= 4; n++) answers.push((await attempt(n % 2 === 0 ? one : two, n)).__typename);
    expect(answers).toEqual([...Array(3).fill("InvalidCredentialsError"), "RateLimitedError"]);
    expect(await one.redis.exists(`gatehouse:signin-account:${email}`)).toBe(1);
    expect(await db.rateLimiterFlexible.count()).toBe(0);

    // Once the address's wait has passed, the challenge one instance hands out is spent on the other.
    await one.redis.del(`gatehouse:signin-account-wait:${email}`);
    const asked = await attempt(one, 5);
    expect(asked.__typename).toBe("ProofOfWorkRequiredError");
    const proof = await solveChallengeJson(asked.challenge ?? "");
    expect((await attempt(two, 5, proof)).__typename).toBe("InvalidCredentialsError");
    await one.redis.del(`gatehouse:signin-account-wait:${email}`, `gatehouse:signin-source-wait:${email}|198.51.100.5`);
    expect(await attempt(one, 5, proof)).toMatchObject({ __typename: "ProofOfWorkRequiredError", reason: "USED" });
  });
});
