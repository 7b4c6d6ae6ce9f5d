import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { REGISTER, startTestServer, type TestServer, withRegistrationProof } from "./harness.js";

const PASSWORD = "correct horse battery";
const DAY_MS = 24 * 3600_000;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const SIGN_IN = `mutation S($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SecondFactorRequiredError { challenge } } }`;
const SESSIONS = `{ viewer { sessions { id current persistent expiresAt lastSeenAt userAgent } } }`;

/** One GraphQL request with an explicit cookie; answers the body and the Set-Cookie headers. */
async function post(query: string, variables: Record<string, unknown> = {}, cookie = "") {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-gatehouse-csrf": "1",
      cookie,
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0",
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: Record<string, Record<string, unknown>> };
  // Only the session cookie matters here; a new browser also gets its device cookie.
  const setCookies = response.headers.getSetCookie().filter((cookie) => cookie.startsWith("gatehouse_session="));
  return { body, setCookies };
}
type Sessions = { sessions: { current: boolean; persistent: boolean }[] };
const currentSession = (body: { data: Record<string, unknown> }) =>
  (body.data.viewer as Sessions).sessions.find((session) => session.current);
const tokenOf = (setCookie: string | undefined) => setCookie?.split(";")[0]?.split("=")[1] ?? "";

async function newPerson() {
  const email = `remember-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  await post(REGISTER, {
    input: await withRegistrationProof(server.baseUrl, { email, password: PASSWORD, name: "Rem Ember" }),
  });
  return email;
}

describe("test/remember-me: browser sessions and remembered sessions", () => {
  it("without Remember me, the cookie ends with the browser and the session never slides", async () => {
    const email = await newPerson();
    const { body, setCookies } = await post(SIGN_IN, { input: { email, password: PASSWORD } });
    expect(body.data.signIn?.__typename).toBe("SignInSuccess");
    expect(setCookies).toHaveLength(1);
    expect(setCookies[0]).not.toMatch(/max-age|expires/i);
    const token = tokenOf(setCookies[0]);
    const stored = await server.db.session.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(stored.persistent).toBe(false);
    const lifetime = stored.expiresAt.getTime() - stored.createdAt.getTime();
    expect(Math.abs(lifetime - server.config.sessionTtlHours * 3600_000)).toBeLessThan(5000);

    // A while later the browser is used again: its end stays where it was, and no cookie is re-sent.
    await server.db.session.update({
      where: { id: stored.id },
      data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) },
    });
    const used = await post(SESSIONS, {}, `gatehouse_session=${token}`);
    expect(used.setCookies).toEqual([]);
    expect(currentSession(used.body)).toMatchObject({ persistent: false });
    const after = await server.db.session.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after.expiresAt).toEqual(stored.expiresAt);
    expect(after.lastSeenAt.getTime()).toBeGreaterThan(stored.lastSeenAt.getTime() - 1);
  });

  it("with Remember me, the session lasts 30 days and each use slides it and its cookie on", async () => {
    const email = await newPerson();
    const { setCookies } = await post(SIGN_IN, { input: { email, password: PASSWORD, rememberMe: true } });
    expect(setCookies[0]).toMatch(/Max-Age=2592000/);
    const token = tokenOf(setCookies[0]);
    const stored = await server.db.session.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(stored.persistent).toBe(true);
    expect(Math.abs(stored.expiresAt.getTime() - stored.createdAt.getTime() - 30 * DAY_MS)).toBeLessThan(5000);

    // Ten days pass without a visit.
    const tenDaysAgo = new Date(Date.now() - 10 * DAY_MS);
    await server.db.session.update({
      where: { id: stored.id },
      data: { lastSeenAt: tenDaysAgo, expiresAt: new Date(tenDaysAgo.getTime() + 30 * DAY_MS) },
    });
    const used = await post(SESSIONS, {}, `gatehouse_session=${token}`);
    expect(currentSession(used.body)).toMatchObject({ persistent: true });
    expect(used.setCookies).toHaveLength(1);
    expect(used.setCookies[0]).toMatch(new RegExp(`^gatehouse_session=${token};.*Max-Age=2592000`));
    const slid = await server.db.session.findUniqueOrThrow({ where: { id: stored.id } });
    expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY_MS);

    // Once 30 days pass unused, it is over.
    await server.db.session.update({ where: { id: stored.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await post(SESSIONS, {}, `gatehouse_session=${token}`)).body.data.viewer).toBeNull();
  });

  it("keeps the Remember me choice through the second factor", async () => {
    const email = await newPerson();
    const first = await post(SIGN_IN, { input: { email, password: PASSWORD } });
    const cookie = `gatehouse_session=${tokenOf(first.setCookies[0])}`;
    const started = await post(
      `mutation { startTotpEnrolment { ... on StartTotpEnrolmentSuccess { data { secret } } } }`,
      {},
      cookie,
    );
    const secret = String((started.body.data.startTotpEnrolment?.data as { secret?: string } | undefined)?.secret);
    const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 4000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    await post(
      `mutation C($input: ConfirmTotpInput!) { confirmTotp(input: $input) { __typename } }`,
      { input: { code: totp.generate() } },
      cookie,
    );

    const asked = await post(SIGN_IN, { input: { email, password: PASSWORD, rememberMe: true } });
    expect(asked.setCookies).toEqual([]);
    const verified = await post(
      `mutation V($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename } }`,
      {
        input: {
          challenge: asked.body.data.signIn?.challenge,
          method: "TOTP",
          code: totp.generate({ timestamp: Date.now() + 30_000 }),
        },
      },
    );
    expect(verified.body.data.verifySignIn?.__typename).toBe("VerifySignInSuccess");
    expect(verified.setCookies[0]).toMatch(/Max-Age=2592000/);
  });
});
