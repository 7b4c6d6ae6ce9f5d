import { createPrivateKey } from "node:crypto";
import type { Page } from "@playwright/test";
import { type Credential, SoftAuthenticator } from "../../server/test/passkey-authenticator";

/** Where global setup leaves the demo admin's passkey (Gatehouse staff must have a second factor). */
export const ENV_ADMIN_PASSKEY = "GATEHOUSE_E2E_ADMIN_PASSKEY";

type StoredPasskey = { id: string; privateKey: string; userHandle: string };

async function graphql(url: string, query: string, variables: Record<string, unknown>, cookie = "") {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-gatehouse-csrf": "1", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
  return { body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown }, cookies };
}

/**
 * Global setup: the demo admin's first sign-in enrols a passkey (a software authenticator, as the README's
 * "first sign-in leads to enrolment" asks), so every journey can then sign the admin in without codes
 * that work only once per time step.
 */
export async function enrolDemoAdminPasskey(url: string, email: string, password: string): Promise<string> {
  const signIn = await graphql(
    url,
    `mutation E2E_AdminSignIn($input: SignInInput!) { signIn(input: $input) { __typename } }`,
    { input: { email, password } },
  );
  const cookie = signIn.cookies.join("; ");
  const start = await graphql(
    url,
    `mutation E2E_AdminPasskey { startPasskeyRegistration { ... on StartPasskeyRegistrationSuccess { data } } }`,
    {},
    cookie,
  );
  const options = String((start.body.data?.startPasskeyRegistration as { data?: string } | undefined)?.data ?? "");
  if (!options) throw new Error(`The demo admin could not start a passkey: ${JSON.stringify(start.body)}`);
  const { response, credential } = new SoftAuthenticator(url).create(options);
  const finish = await graphql(
    url,
    `mutation E2E_AdminPasskeyDone($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { __typename } }`,
    { input: { response, name: "E2E demo admin" } },
    cookie,
  );
  if (
    (finish.body.data?.finishPasskeyRegistration as { __typename?: string })?.__typename !==
    "FinishPasskeyRegistrationSuccess"
  ) {
    throw new Error(`The demo admin could not add a passkey: ${JSON.stringify(finish.body)}`);
  }
  const stored: StoredPasskey = {
    id: credential.id.toString("base64url"),
    privateKey: credential.privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    userHandle: credential.userHandle,
  };
  return JSON.stringify(stored);
}

/** A new session of the demo admin, signed in with the passkey over the API: its cookies as a header. */
export async function demoAdminCookie(url: string): Promise<string> {
  const raw = process.env[ENV_ADMIN_PASSKEY];
  if (!raw) throw new Error("The e2e global setup did not enrol the demo admin's passkey.");
  const stored = JSON.parse(raw) as StoredPasskey;
  const credential: Credential = {
    id: Buffer.from(stored.id, "base64url"),
    privateKey: createPrivateKey(stored.privateKey),
    userHandle: stored.userHandle,
    counter: 0,
  };
  const start = await graphql(url, `mutation E2E_AdminStart { startPasskeySignIn }`, {});
  const options = String(start.body.data?.startPasskeySignIn ?? "");
  // Counter 0 every time: journeys in parallel workers sign the admin in concurrently.
  const answer = new SoftAuthenticator(url).get(options, credential, { counter: 0 });
  const finish = await graphql(
    url,
    `mutation E2E_AdminFinish($input: FinishPasskeySignInInput!) { finishPasskeySignIn(input: $input) { __typename } }`,
    { input: { response: answer } },
  );
  if ((finish.body.data?.finishPasskeySignIn as { __typename?: string })?.__typename !== "FinishPasskeySignInSuccess") {
    throw new Error(`The demo admin's passkey sign-in failed: ${JSON.stringify(finish.body)}`);
  }
  return finish.cookies.join("; ");
}

/** Signs the demo admin in to this page's browser (a fresh session of its own) and opens `path`. */
export async function signInAsDemoAdmin(page: Page, url: string, path = "/account") {
  const cookie = await demoAdminCookie(url);
  await page.context().addCookies(
    cookie
      .split("; ")
      .filter(Boolean)
      .map((pair) => {
        const [name = "", ...rest] = pair.split("=");
        return { name, value: rest.join("="), url };
      }),
  );
  await page.goto(path);
}
