import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxPath, readOutbox } from "../src/mail/mail.js";
import { REGISTER, startTestServer, type TestServer, withRegistrationProof } from "./harness.js";

const PASSWORD = "correct horse battery";
let server: TestServer;
beforeAll(async () => {
  // One proxy of our own in front, so each request can come from the network the test names.
  server = await startTestServer({ TRUST_PROXY: "true" });
});
afterAll(async () => {
  await server.close();
});

/** A browser at an IP address: keeps its cookies (session and device) like a real one. */
class Visitor {
  private cookies = new Map<string, string>();
  constructor(public ip: string) {}

  async graphql(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-gatehouse-csrf": "1",
        "x-forwarded-for": this.ip,
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return ((await response.json()) as { data: Record<string, Record<string, unknown> | null> }).data;
  }
}

const SIGN_IN = `mutation S($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SecondFactorRequiredError { challenge methods } } }`;
const VERIFY = `mutation V($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename
  ... on InvalidSecondFactorError { reason } } }`;
const VIEWER = `{ viewer { id } }`;

let count = 0;
async function person(ip: string) {
  const visitor = new Visitor(ip);
  const email = `place-${++count}-${Date.now()}@example.org`;
  const input = await withRegistrationProof(server.baseUrl, { email, password: PASSWORD, name: "Wan Derer" });
  await visitor.graphql(REGISTER, { input });
  return { visitor, email };
}
const signIn = async (visitor: Visitor, email: string) =>
  (await visitor.graphql(SIGN_IN, { input: { email, password: PASSWORD } })).signIn ?? {};
const mailTo = async (to: string) =>
  (await readOutbox(outboxPath(server.config))).filter((message) => message.to === to);
async function newestCode(to: string): Promise<string> {
  for (let tries = 0; tries < 200; tries++) {
    const code = (await mailTo(to))
      .map((message) => message.subject.match(/^(\d{6}) is your Gatehouse sign-in code$/)?.[1])
      .filter((found) => found !== undefined)
      .at(-1);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no sign-in code mailed to ${to}`);
}

describe("test/new-device: a sign-in from a device and network the account never used", () => {
  it("passes from a known device on a new network, and from a new device on a known network", async () => {
    const { visitor, email } = await person("198.51.100.10");
    visitor.ip = "203.0.113.5";
    expect((await signIn(visitor, email)).__typename).toBe("SignInSuccess");
    const fresh = new Visitor("198.51.100.77");
    expect((await signIn(fresh, email)).__typename).toBe("SignInSuccess");
    expect((await mailTo(email)).filter((m) => m.subject.startsWith("New sign-in"))).toEqual([]);
  });

  it("asks a new device on a new network for an e-mail code, blocks it until then, and mails a notice", async () => {
    const { email } = await person("198.51.100.10");
    const stranger = new Visitor("192.0.2.9");
    const asked = await signIn(stranger, email);
    expect(asked).toMatchObject({ __typename: "SecondFactorRequiredError", methods: ["EMAIL"] });
    expect((await stranger.graphql(VIEWER)).viewer).toBeNull();
    const code = await newestCode(email);
    const wrong = code === "123456" ? "654321" : "123456";
    const challenge = asked.challenge;
    expect(
      (await stranger.graphql(VERIFY, { input: { challenge, method: "EMAIL", code: wrong } })).verifySignIn,
    ).toMatchObject({
      reason: "WRONG_CODE",
    });
    expect((await stranger.graphql(VIEWER)).viewer).toBeNull();
    expect((await mailTo(email)).filter((m) => m.subject.startsWith("New sign-in"))).toEqual([]);

    expect(
      (await stranger.graphql(VERIFY, { input: { challenge, method: "EMAIL", code } })).verifySignIn,
    ).toMatchObject({
      __typename: "VerifySignInSuccess",
    });
    expect((await stranger.graphql(VIEWER)).viewer).not.toBeNull();
    const notices = (await mailTo(email)).filter((m) => m.subject === "New sign-in to your Gatehouse account");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain("IP address: 192.0.2.9");

    // Both are known now: the same network from yet another browser is not asked again.
    expect((await signIn(new Visitor("192.0.2.200"), email)).__typename).toBe("SignInSuccess");
  });

  it("ends the step after five wrong codes without a session", async () => {
    const { email } = await person("198.51.100.10");
    const stranger = new Visitor("192.0.2.50");
    const { challenge } = await signIn(stranger, email);
    const code = await newestCode(email);
    const wrong = code === "000000" ? "999999" : "000000";
    for (let i = 0; i < 5; i++) await stranger.graphql(VERIFY, { input: { challenge, method: "EMAIL", code: wrong } });
    expect(
      (await stranger.graphql(VERIFY, { input: { challenge, method: "EMAIL", code } })).verifySignIn,
    ).toMatchObject({
      reason: "TOO_MANY_ATTEMPTS",
    });
    expect((await stranger.graphql(VIEWER)).viewer).toBeNull();
  });

  it("keys IPv6 callers by their /64", async () => {
    const { email } = await person("2001:db8:1:2::5");
    expect((await signIn(new Visitor("2001:db8:1:2:aaaa:bbbb:cccc:1"), email)).__typename).toBe("SignInSuccess");
    expect((await signIn(new Visitor("2001:db8:1:3::5"), email)).__typename).toBe("SecondFactorRequiredError");
  });

  it("trusts the first place of an account with no history, and asks its own 2FA when it has one", async () => {
    // The demo admin was seeded, never signed in: its first sign-in from anywhere is its first place.
    const admin = new Visitor("192.0.2.1");
    const first = await admin.graphql(SIGN_IN, {
      input: { email: server.demo.adminEmail, password: server.demo.adminPassword },
    });
    expect(first.signIn?.__typename).toBe("SignInSuccess");
    const elsewhere = await new Visitor("203.0.113.99").graphql(SIGN_IN, {
      input: { email: server.demo.adminEmail, password: server.demo.adminPassword },
    });
    expect(elsewhere.signIn).toMatchObject({ __typename: "SecondFactorRequiredError", methods: ["EMAIL"] });

    const { visitor, email } = await person("198.51.100.10");
    const started = await visitor.graphql(
      `mutation { startTotpEnrolment { ... on StartTotpEnrolmentSuccess { data { secret } } } }`,
    );
    expect(started.startTotpEnrolment).toBeTruthy();
    await server.db.totpFactor.updateMany({ where: { user: { email } }, data: { confirmedAt: new Date() } });
    expect(await signIn(new Visitor("192.0.2.77"), email)).toMatchObject({ methods: ["TOTP"] });
  });
});
