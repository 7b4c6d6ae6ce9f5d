import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Browser,
  REGISTER,
  registeredBrowser,
  SIGN_IN,
  startTestServer,
  type TestServer,
  withRegistrationProof,
} from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const VIEWER = "query Viewer { viewer { email sub } }";

describe("test/graphql-auth: sign-in, registration and sessions through /graphql", () => {
  it("signs the demo admin in with the printed password and keeps the session in an HttpOnly cookie", async () => {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: SIGN_IN,
        variables: { input: { email: server.demo.adminEmail, password: server.demo.adminPassword } },
      }),
    });
    const body = await response.json();
    expect(body.data.signIn.__typename).toBe("SignInSuccess");
    const cookie = response.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^gatehouse_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const sessions = await server.db.session.findMany();
    const token = cookie.split(";")[0]?.split("=")[1] ?? "";
    expect(sessions.some((session) => session.tokenHash === token)).toBe(false);
  });

  it("refuses a wrong password and an unknown e-mail with the same typed error", async () => {
    const browser = new Browser(server.baseUrl);
    const wrong = await browser.graphql<{ signIn: Record<string, string> }>(SIGN_IN, {
      input: { email: server.demo.adminEmail, password: "not the password" },
    });
    const unknown = await browser.graphql<{ signIn: Record<string, string> }>(SIGN_IN, {
      input: { email: "nobody@example.org", password: "not the password" },
    });
    expect(wrong.data?.signIn).toEqual({
      __typename: "InvalidCredentialsError",
      message: "The e-mail address or password is incorrect.",
    });
    expect(unknown.data?.signIn).toEqual(wrong.data?.signIn);
    // No session; the browser only got its device cookie (new-device checks).
    expect(browser.cookieHeader()).toMatch(/^gatehouse_device=[A-Za-z0-9_-]{43}$/);
  });

  it("returns field errors for bad registration input", async () => {
    const browser = new Browser(server.baseUrl);
    const result = await browser.graphql<{ register: { __typename: string; fieldErrors: { field: string }[] } }>(
      `mutation R($input: RegisterInput!) { register(input: $input) { __typename ... on ValidationError { message fieldErrors { field message } } } }`,
      { input: { email: "not-an-email", password: "short", name: " " } },
    );
    expect(result.data?.register.__typename).toBe("ValidationError");
    expect(result.data?.register.fieldErrors.map((error) => error.field).sort()).toEqual(["email", "name", "password"]);
  });

  it("refuses a second account with the same e-mail, whatever its case", async () => {
    const first = await registeredBrowser(server);
    const again = await new Browser(server.baseUrl).graphql<{ register: Record<string, string> }>(REGISTER, {
      input: await withRegistrationProof(server.baseUrl, {
        email: first.email.toUpperCase(),
        password: "another long password",
        name: "Copy Cat",
      }),
    });
    expect(again.data?.register.__typename).toBe("EmailTakenError");
  });

  it("hashes passwords with argon2id", async () => {
    const person = await registeredBrowser(server);
    const user = await server.db.user.findUniqueOrThrow({ where: { email: person.email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("gives every new user a different numeric sub below 2^53", async () => {
    const subs = await Promise.all([1, 2, 3].map(async () => (await registeredBrowser(server)).sub));
    expect(new Set(subs).size).toBe(3);
    for (const sub of subs) expect(Number.isSafeInteger(Number(sub))).toBe(true);
  });

  it("ends the old session when someone signs in again in the same browser", async () => {
    const { browser, email } = await registeredBrowser(server);
    const oldCookie = browser.cookieHeader();
    const again = await browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, {
      input: { email, password: "correct horse battery" },
    });
    expect(again.data?.signIn.__typename).toBe("SignInSuccess");
    expect(browser.cookieHeader()).not.toBe(oldCookie);
    const replay = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-gatehouse-csrf": "1", cookie: oldCookie },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect((await replay.json()).data.viewer).toBeNull();
  });

  it("ends the session on sign-out", async () => {
    const { browser, email } = await registeredBrowser(server);
    expect((await browser.graphql<{ viewer: { email: string } }>(VIEWER)).data?.viewer.email).toBe(email);
    const cookieBefore = browser.cookieHeader();
    await browser.graphql("mutation { signOut }");
    expect((await browser.graphql<{ viewer: null }>(VIEWER)).data?.viewer).toBeNull();
    // The old cookie is dead on the server too, not just forgotten by the browser.
    const replay = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-gatehouse-csrf": "1", cookie: cookieBefore },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect((await replay.json()).data.viewer).toBeNull();
  });

  it("refuses a cross-site form post that carries the session cookie (CSRF)", async () => {
    const { browser } = await registeredBrowser(server);
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: browser.cookieHeader() },
      body: JSON.stringify({ query: "mutation { signOut }" }),
    });
    // A form cannot send application/json, so /graphql refuses it before anything runs.
    expect(response.status).toBe(415);
    expect((await browser.graphql<{ viewer: unknown }>(VIEWER)).data?.viewer).not.toBeNull();
  });

  it("masks unexpected errors and answers malformed GraphQL JSON with 400", async () => {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  });

  it("refuses an oversized GraphQL body with 413", async () => {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ viewer { email } } #${"x".repeat(200_000)}` }),
    });
    expect(response.status).toBe(413);
  });
});
