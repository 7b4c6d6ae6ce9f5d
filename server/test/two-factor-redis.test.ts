import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Redis } from "ioredis";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { DEFAULT_RATE_LIMITS } from "../src/rate-limit/limits.js";
import { prepareDatabase } from "../src/startup.js";
import { type FreshDatabase, freshDatabase } from "./databases.js";
import { Browser, REGISTER, withRegistrationProof } from "./harness.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PASSWORD = "correct horse battery";

type Instance = { baseUrl: string; redis: Redis; close: () => Promise<void> };
let database: FreshDatabase;
let db: Db;
let closeDb: () => Promise<void>;
let one: Instance;
let two: Instance;

/** One Gatehouse app with its own Redis connection, as one instance of several would have. */
async function serveInstance(config: ReturnType<typeof loadConfig>): Promise<Instance> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  const app = createApp({
    db,
    config,
    rateLimits: DEFAULT_RATE_LIMITS,
    rateLimitStore: { kind: "redis", client: redis },
    logger: { request() {}, info() {}, warn() {}, error() {} },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
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

beforeAll(async () => {
  database = await freshDatabase();
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url });
  ({ db, close: closeDb } = await prepareDatabase(config, { demo: false }));
  [one, two] = await Promise.all([serveInstance(config), serveInstance(config)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await closeDb?.();
  await database?.drop();
});

const SIGN_IN = `mutation S($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SecondFactorRequiredError { challenge } } }`;
const VERIFY = `mutation V($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename
  ... on InvalidSecondFactorError { reason } ... on RateLimitedError { retryAfterSeconds } } }`;

describe("test/two-factor-redis: wrong second-factor codes are counted across instances in Redis", () => {
  it("refuses code entry on either instance once ten wrong codes were spread over both", async () => {
    const email = `redis-2fa-${Date.now()}@example.org`;
    const owner = new Browser(one.baseUrl);
    await owner.graphql(REGISTER, {
      input: await withRegistrationProof(one.baseUrl, { email, password: PASSWORD, name: "Redis Person" }),
    });
    const started = await owner.graphql<{ startTotpEnrolment: { data: { secret: string } } }>(
      `mutation { startTotpEnrolment { ... on StartTotpEnrolmentSuccess { data { secret } } } }`,
    );
    const secret = started.data?.startTotpEnrolment.data.secret ?? "";
    const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 4000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    await owner.graphql(`mutation C($input: ConfirmTotpInput!) { confirmTotp(input: $input) { __typename } }`, {
      input: { code: totp.generate() },
    });

    const passwordStep = async (instance: Instance) => {
      const browser = new Browser(instance.baseUrl);
      const answer = await browser.graphql<{ signIn: { challenge: string } }>(SIGN_IN, {
        input: { email, password: PASSWORD },
      });
      return { browser, challenge: answer.data?.signIn.challenge ?? "" };
    };
    const verify = async (browser: Browser, challenge: string, code: string) =>
      (
        await browser.graphql<{ verifySignIn: { __typename: string } }>(VERIFY, {
          input: { challenge, method: "TOTP", code },
        })
      ).data?.verifySignIn.__typename;

    const answers: (string | undefined)[] = [];
    for (const instance of [one, two]) {
      const { browser, challenge } = await passwordStep(instance);
      for (let i = 0; i < 5; i++) {
        // The same sign-in's codes go to both instances, as a load balancer would send them.
        const target = new Browser(i % 2 === 0 ? one.baseUrl : two.baseUrl);
        answers.push(await verify(i % 2 === 0 ? browser : target, challenge, "000000"));
      }
    }
    expect(answers).toEqual(Array(10).fill("InvalidSecondFactorError"));
    const userId = (await db.user.findUniqueOrThrow({ where: { email } })).id;
    expect(await one.redis.exists(`gatehouse:second-factor-failures:${userId}`)).toBe(1);
    expect(await db.rateLimiterFlexible.count()).toBe(0);

    for (const instance of [one, two]) {
      const { browser, challenge } = await passwordStep(instance);
      expect(await verify(browser, challenge, totp.generate({ timestamp: Date.now() + 30_000 }))).toBe(
        "RateLimitedError",
      );
    }
    await one.redis.del(`gatehouse:second-factor-failures:${userId}`);
  });
});
