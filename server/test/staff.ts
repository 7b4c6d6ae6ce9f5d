import { Secret, TOTP } from "otpauth";
import type { PlatformRole } from "../src/generated/prisma/client.js";
import { type GraphqlCaller, signedInPerson } from "./graphql.js";
import { Browser, SIGN_IN, type TestServer } from "./harness.js";

/**
 * Turns on an authenticator app for the person signed in on `browser`, through the API as the account
 * page does; answers its secret. Staff need a second factor before any staff power works.
 */
export async function enrolTotp(browser: Browser): Promise<string> {
  const started = await browser.graphql<{ startTotpEnrolment: { data?: { secret: string } } }>(
    `mutation { startTotpEnrolment { ... on StartTotpEnrolmentSuccess { data { secret } } } }`,
  );
  const secret = started.data?.startTotpEnrolment.data?.secret;
  if (!secret) throw new Error(`startTotpEnrolment: ${JSON.stringify(started)}`);
  const code = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();
  const confirmed = await browser.graphql<{ confirmTotp: { __typename: string } }>(
    `mutation C($input: ConfirmTotpInput!) { confirmTotp(input: $input) { __typename } }`,
    { input: { code } },
  );
  if (confirmed.data?.confirmTotp.__typename !== "ConfirmTotpSuccess") {
    throw new Error(`confirmTotp: ${JSON.stringify(confirmed)}`);
  }
  return secret;
}

/** A signed-in platform staff member (or admin) with a second factor, as the staff rules ask. */
export async function staffPerson(server: TestServer, role: PlatformRole = "STAFF") {
  const person = await signedInPerson(server);
  const user = await server.db.user.update({ where: { id: person.user.id }, data: { platformRole: role } });
  const secret = await enrolTotp(person.browser);
  return { ...person, user, secret };
}

export async function staffCaller(server: TestServer, role: PlatformRole = "STAFF"): Promise<GraphqlCaller> {
  return (await staffPerson(server, role)).caller;
}

const demoAdmins = new WeakMap<TestServer, Promise<Browser>>();

/**
 * The seeded demo admin, signed in once per test server with an authenticator app enrolled on the
 * first call (as their first sign-in asks), so staff powers work.
 */
export function demoAdminBrowser(server: TestServer): Promise<Browser> {
  let admin = demoAdmins.get(server);
  if (!admin) {
    admin = (async () => {
      const browser = new Browser(server.baseUrl);
      const signedIn = await browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, {
        input: { email: server.demo.adminEmail, password: server.demo.adminPassword },
      });
      if (signedIn.data?.signIn.__typename !== "SignInSuccess") throw new Error(JSON.stringify(signedIn));
      await enrolTotp(browser);
      return browser;
    })();
    demoAdmins.set(server, admin);
  }
  return admin;
}
