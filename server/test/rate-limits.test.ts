import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { createHttpServer } from "../src/http/serve.js";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "../src/rate-limit/limits.js";
import { ensureDemoData } from "../src/seed/demo.js";
import { prepareDatabase } from "../src/startup.js";
import { type FreshDatabase, freshDatabase, TEST_DIALECT } from "./databases.js";
import { createPartner } from "./fixtures.js";
import { REGISTER, SIGN_IN, sdkHeaders, withRegistrationProof } from "./harness.js";
import { solveChallengeJson } from "./proof-of-work.js";

// Production limits, except that /api and mutations allow fewer requests so the tests stay short, sign-in's
// first wait is 10 s (so a slow machine cannot outlast it between two requests) and challenges are cheap.
const LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  signInPerAccount: { ...DEFAULT_RATE_LIMITS.signInPerAccount, firstDelaySeconds: 10 },
  proofOfWork: { ...DEFAULT_RATE_LIMITS.proofOfWork, minCounter: 1_000, maxCounter: 5_000 },
  apiPerClient: { points: 10, windowSeconds: 60 },
  mutationsPerCaller: { points: 40, windowSeconds: 60 },
};

type Instance = { baseUrl: string; close: () => Promise<void> };

/** One more Gatehouse app over the same database, as a second instance behind a load balancer would be. */
async function serveInstance(db: Db, config: Config): Promise<Instance> {
  const app = createApp({ db, config, rateLimits: LIMITS, logger: { request() {}, info() {}, warn() {}, error() {} } });
  const server = createHttpServer(app).listen(0, "127.0.0.1");
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

type Payload = {
  __typename: string;
  message?: string;
  retryAfterSeconds?: number;
  reason?: string;
  challenge?: string;
};

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

const SIGN_IN_THROTTLED = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on Error { message }
    ... on RateLimitedError { retryAfterSeconds }
    ... on ProofOfWorkRequiredError { reason challenge }
  }
}`;

async function signIn(
  instance: Instance,
  ip: string,
  email: string,
  password: string,
  proofOfWork?: string,
): Promise<Payload> {
  const { body } = await graphql(instance, ip, SIGN_IN_THROTTLED, { input: { email, password, proofOfWork } });
  const payload = body.data?.signIn;
  if (!payload) throw new Error(`signIn answered ${JSON.stringify(body)}`);
  return payload;
}

const PASSWORD = "correct horse battery";
let people = 0;

async function register(ip: string): Promise<string> {
  const email = `person${++people}@rate-limits.example`;
  const input = await withRegistrationProof(one.baseUrl, { email, password: PASSWORD, name: "Grace Hopper" });
  const { body } = await graphql(one, ip, REGISTER, { input });
  expect(body.data?.register?.__typename).toBe("RegisterSuccess");
  return email;
}

/** Lets the waits of an address (and of one IP address for it) pass, as time would. */
async function waitPasses(email: string, ip?: string) {
  await db.rateLimiterFlexible.updateMany({
    where: { key: { in: [`signin-account-wait:${email}`, ...(ip ? [`signin-source-wait:${email}|${ip}`] : [])] } },
    data: { expire: new Date(Date.now() - 1000) },
  });
}

const waiting = (seconds: number) => `Too many sign-in attempts. Try again in ${seconds} seconds.`;
const INVALID = { __typename: "InvalidCredentialsError", message: "The e-mail address or password is incorrect." };

/** The challenge of a ProofOfWorkRequiredError, solved; fails the test for any other answer. */
async function solved(answer: Payload, reason = "REQUIRED"): Promise<string> {
  expect(answer).toMatchObject({ __typename: "ProofOfWorkRequiredError", reason });
  return solveChallengeJson(answer.challenge ?? "");
}

describe(`test/rate-limits (${TEST_DIALECT}): sign-in throttling`, () => {
  it("after three failures waits, then asks for a solved challenge, with which the right password gets in", async () => {
    const email = await register("198.51.100.1");
    const ip = "198.51.100.2";
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await signIn(attempt % 2 ? one : two, ip, email, "wrong password")).toEqual(INVALID);
    }
    // Even the right password waits; then, on either instance, it needs the challenge.
    const early = await signIn(two, ip, email, PASSWORD);
    expect(early).toMatchObject({ __typename: "RateLimitedError" });
    expect(early.retryAfterSeconds).toBeGreaterThan(5);
    expect(early.retryAfterSeconds).toBeLessThanOrEqual(10);
    expect(early.message).toBe(waiting(early.retryAfterSeconds ?? 0));
    await waitPasses(email, ip);
    const asked = await signIn(one, ip, email, PASSWORD);
    expect(asked.message).toBe(
      "Several sign-in attempts failed for this address, so your browser first solves a short check.",
    );
    expect(JSON.parse(asked.challenge ?? "{}")).toMatchObject({ parameters: { algorithm: "SHA-256" } });
    // A challenge one instance issued is accepted by the other.
    const proof = await solved(asked);
    const { body } = await graphql(two, ip, SIGN_IN, { input: { email, password: PASSWORD, proofOfWork: proof } });
    expect(body.data?.signIn?.__typename).toBe("SignInSuccess");
    // The success forgot the failures: the next sign-in needs no challenge.
    expect(await db.rateLimiterFlexible.count({ where: { key: { contains: email } } })).toBe(0);
    expect((await signIn(one, ip, email, PASSWORD)).__typename).toBe("SignInSuccess");
  });

  it("accepts a solution once, and refuses a made-up or tampered one with a new challenge", async () => {
    const email = await register("198.51.100.5");
    const ip = "198.51.100.6";
    for (let attempt = 1; attempt <= 3; attempt++) await signIn(one, ip, email, "wrong password");
    await waitPasses(email, ip);
    const proof = await solved(await signIn(one, ip, email, "wrong password"));
    // The solution is spent on a wrong password ...
    expect(await signIn(one, ip, email, "wrong password", proof)).toEqual(INVALID);
    await waitPasses(email, ip);
    // ... so replaying it, on either instance and even with the right password, is refused.
    for (const instance of [one, two]) {
      const replayed = await signIn(instance, ip, email, PASSWORD, proof);
      expect(replayed).toMatchObject({
        __typename: "ProofOfWorkRequiredError",
        reason: "USED",
        message: "That browser check was already used. A new one has started.",
      });
    }
    const decoded = JSON.parse(Buffer.from(proof, "base64").toString("utf8"));
    const key: string = decoded.solution.derivedKey;
    const otherKey = `${key.slice(0, -1)}${key.endsWith("0") ? "1" : "0"}`;
    const tampered = { ...decoded, solution: { ...decoded.solution, derivedKey: otherKey } };
    const forged = Buffer.from(JSON.stringify(tampered)).toString("base64");
    const refused = await signIn(one, ip, email, PASSWORD, forged);
    expect(refused).toMatchObject({ __typename: "ProofOfWorkRequiredError", reason: "INVALID" });
    expect((await signIn(one, ip, email, PASSWORD, "bm90IGEgcGF5bG9hZA==")).reason).toBe("INVALID");
    // A fresh solution still lets the owner in.
    const fresh = await solved(refused, "INVALID");
    expect((await signIn(two, ip, email, PASSWORD, fresh)).__typename).toBe("SignInSuccess");
  });

  it("doubles the wait after each failure, yet never keeps the owner out for more than 30 seconds", async () => {
    const email = await register("198.51.100.20");
    const attacker = "198.51.100.21";
    const waits: number[] = [];
    for (let failure = 1; failure <= 9; failure++) {
      await waitPasses(email, attacker);
      // From the fourth attempt on, each needs its own solved challenge (asking for one costs no failure).
      const proof = failure > 3 ? await solved(await signIn(one, attacker, email, "wrong password")) : undefined;
      expect(await signIn(two, attacker, email, `guess ${failure}`, proof)).toEqual(INVALID);
      if (failure < 3) continue;
      const next = await signIn(one, attacker, email, "another guess");
      expect(next.__typename).toBe("RateLimitedError");
      waits.push(next.retryAfterSeconds ?? 0);
    }
    // From the failing IP address: 10 s after the third failure, doubling up to the 5-minute cap
    // (a slow run may lose a second or two between the failure and the next attempt).
    const expected = [10, 20, 40, 80, 160, 300, 300];
    expect(waits).toHaveLength(expected.length);
    waits.forEach((wait, index) => {
      expect(wait).toBeLessThanOrEqual(expected[index] ?? 0);
      expect(wait).toBeGreaterThan((expected[index] ?? 0) - 5);
    });
    // The owner, elsewhere, waits at most the address's 30 s, then gets in with a solved challenge.
    const owner = "198.51.100.22";
    const held = await signIn(two, owner, email, PASSWORD);
    expect(held.__typename).toBe("RateLimitedError");
    expect(held.retryAfterSeconds).toBeLessThanOrEqual(30);
    await waitPasses(email);
    const proof = await solved(await signIn(one, owner, email, PASSWORD));
    expect((await signIn(two, owner, email, PASSWORD, proof)).__typename).toBe("SignInSuccess");
    // The attacker's address still waits out its own five minutes.
    expect((await signIn(one, attacker, email, "one more")).__typename).toBe("RateLimitedError");
  });

  it("answers an unknown e-mail exactly like an existing one", async () => {
    const known = await register("198.51.100.10");
    const unknown = "nobody-here@rate-limits.example";
    const answers: Record<string, string[]> = { known: [], unknown: [] };
    const shape = (answer: Payload) => `${answer.__typename}: ${answer.message?.replace(/\d+/g, "N")}`;
    for (const [name, email, ip] of [
      ["known", known, "198.51.100.11"],
      ["unknown", unknown, "198.51.100.12"],
    ] as const) {
      for (let attempt = 1; attempt <= 4; attempt++) answers[name]?.push(shape(await signIn(one, ip, email, "wrong")));
      await waitPasses(email, ip);
      answers[name]?.push(shape(await signIn(two, ip, email, "wrong")));
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known?.map((answer) => answer.split(":")[0])).toEqual([
      ...Array(3).fill("InvalidCredentialsError"),
      "RateLimitedError",
      "ProofOfWorkRequiredError",
    ]);
  });

  it("slows re-entering the password while signed in the same way, without a challenge", async () => {
    const email = await register("198.51.100.30");
    const ip = "198.51.100.31";
    const signedIn = await graphql(one, ip, SIGN_IN, { input: { email, password: PASSWORD } });
    const cookie = (signedIn.response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const change = async (currentPassword: string) => {
      const { body } = await graphql(
        two,
        ip,
        `mutation Change($input: ChangePasswordInput!) {
          changePassword(input: $input) { __typename ... on Error { message } ... on RateLimitedError { retryAfterSeconds } }
        }`,
        { input: { currentPassword, newPassword: "a brand new passphrase 42" } },
        cookie,
      );
      return body.data?.changePassword?.__typename;
    };
    for (let attempt = 1; attempt <= 3; attempt++) expect(await change("wrong password")).toBe("WrongPasswordError");
    expect(await change(PASSWORD)).toBe("RateLimitedError");
    // The failures count for sign-in too: from anywhere, the address now needs a challenge.
    await waitPasses(email, ip);
    expect((await signIn(one, "198.51.100.32", email, PASSWORD)).__typename).toBe("ProofOfWorkRequiredError");
    expect(await change(PASSWORD)).toBe("ChangePasswordSuccess");
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
      // The lockout is checked with the credentials, after the body: a malformed body is a 400 first, which tells
      // the source nothing about the client.
      const malformed = await fetch(`${instance.baseUrl}/api/sign-token`, {
        method: "POST",
        headers: from(good, "203.0.113.66"),
        body: "{not json",
      });
      expect(malformed.status).toBe(400);
    }
    // A refused call is not a new failure: the count stays where the lockout began.
    const counted = await db.rateLimiterFlexible.findMany({ where: { key: { contains: "203.0.113.66" } } });
    expect(counted.map((row) => row.points)).toEqual([20]);
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

  it("writes nothing for a successful mutation and counts it per instance; failed ones count in every instance", async () => {
    const ip = "203.0.113.60";
    const rows = (prefix: string) => db.rateLimiterFlexible.count({ where: { key: { startsWith: `${prefix}:` } } });
    const email = await register("203.0.113.61");
    const signedIn = await graphql(one, "203.0.113.61", SIGN_IN, { input: { email, password: PASSWORD } });
    const cookie = (signedIn.response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const before = await rows("graphql-mutations");
    const failuresBefore = await rows("graphql-mutation-failures");
    const CHANGE_NAME = `mutation N($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename } }`;
    // 40 successful changes on instance one exhaust its budget for this session and write no row.
    for (let n = 1; n <= 40; n++) {
      const { body } = await graphql(one, ip, CHANGE_NAME, { input: { name: `Name ${n}` } }, cookie);
      expect(body.data?.updateProfile?.__typename).toBe("UpdateProfileSuccess");
    }
    expect(await rows("graphql-mutations")).toBe(before);
    expect(await rows("graphql-mutation-failures")).toBe(failuresBefore);
    expect((await graphql(one, ip, CHANGE_NAME, { input: { name: "One more" } }, cookie)).response.status).toBe(429);
    // Instance two counts its own successes.
    const onTwo = await graphql(two, ip, CHANGE_NAME, { input: { name: "On two" } }, cookie);
    expect(onTwo.body.data?.updateProfile?.__typename).toBe("UpdateProfileSuccess");
    // A failed change is written to the shared store.
    const failed = await graphql(two, ip, CHANGE_NAME, { input: { name: "" } }, cookie);
    expect(failed.body.data?.updateProfile?.__typename).not.toBe("UpdateProfileSuccess");
    expect(await rows("graphql-mutation-failures")).toBe(failuresBefore + 1);
  });
});

describe(`test/rate-limits (${TEST_DIALECT}): sign-in starts per IP address`, () => {
  const START_PASSKEY = "mutation { startPasskeySignIn }";
  const SEND_CODE = `mutation S($input: SendSignInCodeInput!) {
    sendSignInCode(input: $input) { __typename }
  }`;
  const { points, windowSeconds } = LIMITS.signInStartsPerIp;

  const expectRefused = (answer: Awaited<ReturnType<typeof graphql>>) => {
    expect(answer.response.status).toBe(429);
    const retryAfter = Number(answer.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: retryAfter });
    expect(answer.body.data).toBeUndefined();
  };

  it("counts passkey options and mailed codes from one address on every instance, and answers the next with 429", async () => {
    const ip = "203.0.113.60";
    for (let n = 1; n <= points; n++) {
      const instance = n % 2 ? one : two;
      if (n % 3) {
        const { response, body } = await graphql(instance, ip, START_PASSKEY);
        expect(response.status).toBe(200);
        expect(typeof body.data?.startPasskeySignIn).toBe("string");
      } else {
        const { response, body } = await graphql(instance, ip, SEND_CODE, { input: { challenge: `nope-${n}` } });
        expect(response.status).toBe(200);
        expect(body.data?.sendSignInCode?.__typename).toBe("InvalidSecondFactorError");
      }
    }
    const options = await db.passkeyChallenge.count({ where: { purpose: "sign_in" } });
    expectRefused(await graphql(two, ip, START_PASSKEY));
    expectRefused(await graphql(one, ip, SEND_CODE, { input: { challenge: "nope" } }));
    // The refused start wrote nothing.
    expect(await db.passkeyChallenge.count({ where: { purpose: "sign_in" } })).toBe(options);
    // The same budget holds for a provider's sign-in start, a plain door.
    const upstream = await fetch(`${one.baseUrl}/upstream/google/start`, {
      headers: { "x-forwarded-for": ip },
      redirect: "manual",
    });
    expect(upstream.status).toBe(429);
    expect(Number(upstream.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address starts as before; other mutations of this address are not sign-in starts.
    const elsewhere = await graphql(one, "203.0.113.61", START_PASSKEY);
    expect(typeof elsewhere.body.data?.startPasskeySignIn).toBe("string");
    const other = await graphql(one, ip, "mutation { signOut }");
    expect(other.response.status).toBe(200);
  });

  it("counts every alias of a start in one request", async () => {
    const aliases = Array.from({ length: points + 1 }, (_, n) => `s${n}: startPasskeySignIn`).join(" ");
    const before = await db.passkeyChallenge.count();
    expectRefused(await graphql(one, "203.0.113.62", `mutation { ${aliases} }`));
    expect(await db.passkeyChallenge.count()).toBe(before);
    const fragment = `mutation { ...Starts } fragment Starts on Mutation { ${aliases} }`;
    expectRefused(await graphql(two, "203.0.113.63", fragment));
  });
});
