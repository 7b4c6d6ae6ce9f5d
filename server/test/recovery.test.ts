import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../src/mail/mail.js";
import { gql } from "./graphql.js";
import { Browser, registeredBrowser, SIGN_IN, startTestServer, type TestServer } from "./harness.js";

const PASSWORD = "correct horse battery";
const outbox = mkdtempSync(path.join(tmpdir(), "gatehouse-outbox-"));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DEV_OUTBOX_DIR: outbox });
});
afterAll(async () => {
  await server.close();
  rmSync(outbox, { recursive: true, force: true });
});

const VIEWER = `{ viewer { id email } }`;
const CREATE_TOKEN = `mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename
  ... on CreateApiTokenSuccess { data { value token { id expiresAt } } }
  ... on ValidationError { fieldErrors { field message } } ... on Error { message } } }`;
const CHANGE_EMAIL = `mutation C($input: ChangeEmailInput!) { changeEmail(input: $input) { __typename ... on Error { message } } }`;
const CONFIRM_EMAIL = `mutation C($input: ConfirmEmailChangeInput!) { confirmEmailChange(input: $input) { __typename
  ... on InvalidLinkError { reason } ... on Error { message } } }`;
const REQUEST_RESET = `mutation R($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { __typename } }`;
const RESET = `mutation R($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename
  ... on InvalidLinkError { reason } ... on Error { message } } }`;
const CHANGE_PASSWORD = `mutation C($input: ChangePasswordInput!) { changePassword(input: $input) { __typename ... on Error { message } } }`;

/** The token in the newest link to `page` mailed to `to`; mail goes out after the answer, so it waits for it. */
async function linkToken(to: string, page: string): Promise<string> {
  const pattern = new RegExp(`${server.config.publicUrl}/${page}\\?token=([A-Za-z0-9_-]+)`);
  for (let tries = 0; tries < 200; tries++) {
    const match = (await readOutbox(outbox))
      .filter((message) => message.to === to)
      .map((message) => message.text.match(pattern))
      .filter((found) => found !== null)
      .at(-1);
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no ${page} link mailed to ${to}`);
}

/** A second browser signed in as the same person: the attacker's stolen session. */
async function stolenSession(email: string): Promise<Browser> {
  const browser = new Browser(server.baseUrl);
  const result = await browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, {
    input: { email, password: PASSWORD },
  });
  expect(result.data?.signIn.__typename).toBe("SignInSuccess");
  return browser;
}

type Minted = {
  __typename: string;
  data?: { value: string; token: { id: string; expiresAt: string } };
  fieldErrors?: unknown;
  message?: string;
};

async function mintToken(browser: Browser, input: Record<string, unknown> = {}) {
  const result = await browser.graphql<{ createApiToken: Minted }>(CREATE_TOKEN, {
    input: { label: "tooling", currentPassword: PASSWORD, ...input },
  });
  return result.data?.createApiToken;
}

const viewerVia = async (bearer: string) => gql(server, { bearer }, VIEWER);

describe("test/recovery: a password reset evicts an attacker", () => {
  it("kills the stolen session, its API token and its pending e-mail change", async () => {
    const { email } = await registeredBrowser(server, "Olga Owner");
    const attacker = await stolenSession(email);
    const attackerToken = (await mintToken(attacker))?.data?.value ?? "";
    expect((await viewerVia(attackerToken)).data?.viewer.email).toBe(email);
    const started = await attacker.graphql<{ changeEmail: { __typename: string } }>(CHANGE_EMAIL, {
      input: { currentPassword: PASSWORD, newEmail: "attacker@evil.example" },
    });
    expect(started.data?.changeEmail.__typename).toBe("ChangeEmailSuccess");
    const takeover = await linkToken("attacker@evil.example", "confirm-email-change");

    // The owner notices and resets the password from the mailed link.
    const anonymous = new Browser(server.baseUrl);
    await anonymous.graphql(REQUEST_RESET, { input: { email } });
    const reset = await anonymous.graphql<{ resetPassword: { __typename: string } }>(RESET, {
      input: { token: await linkToken(email, "reset-password"), newPassword: "an entirely new violet kettle" },
    });
    expect(reset.data?.resetPassword.__typename).toBe("ResetPasswordSuccess");

    const confirmed = await anonymous.graphql<{ confirmEmailChange: unknown }>(CONFIRM_EMAIL, {
      input: { token: takeover },
    });
    expect(confirmed.data?.confirmEmailChange).toMatchObject({ __typename: "InvalidLinkError", reason: "EXPIRED" });
    expect(await server.db.user.count({ where: { email } })).toBe(1);
    expect(await server.db.user.count({ where: { email: "attacker@evil.example" } })).toBe(0);
    expect((await attacker.graphql<{ viewer: unknown }>(VIEWER)).data?.viewer).toBeNull();
    const viaToken = await viewerVia(attackerToken);
    expect(viaToken.status).toBe(401);
    expect(viaToken.data).toBeUndefined();
  });

  it("a password change ends the other sessions, every API token and pending reset and e-mail links", async () => {
    const { browser, email } = await registeredBrowser(server, "Carla Change");
    const other = await stolenSession(email);
    const token = (await mintToken(browser))?.data?.value ?? "";
    await other.graphql(CHANGE_EMAIL, { input: { currentPassword: PASSWORD, newEmail: "carla.new@example.org" } });
    const emailLink = await linkToken("carla.new@example.org", "confirm-email-change");
    await new Browser(server.baseUrl).graphql(REQUEST_RESET, { input: { email } });
    const resetLink = await linkToken(email, "reset-password");

    const changed = await browser.graphql<{ changePassword: { __typename: string } }>(CHANGE_PASSWORD, {
      input: { currentPassword: PASSWORD, newPassword: "an entirely new violet kettle" },
    });
    expect(changed.data?.changePassword.__typename).toBe("ChangePasswordSuccess");
    expect((await browser.graphql<{ viewer: { email: string } }>(VIEWER)).data?.viewer.email).toBe(email);
    expect((await other.graphql<{ viewer: unknown }>(VIEWER)).data?.viewer).toBeNull();
    expect((await viewerVia(token)).status).toBe(401);
    const anonymous = new Browser(server.baseUrl);
    const confirmed = await anonymous.graphql<{ confirmEmailChange: unknown }>(CONFIRM_EMAIL, {
      input: { token: emailLink },
    });
    expect(confirmed.data?.confirmEmailChange).toMatchObject({ __typename: "InvalidLinkError", reason: "EXPIRED" });
    const reused = await anonymous.graphql<{ resetPassword: unknown }>(RESET, {
      input: { token: resetLink, newPassword: "the attacker's own kettle" },
    });
    expect(reused.data?.resetPassword).toMatchObject({ __typename: "InvalidLinkError", reason: "EXPIRED" });
  });
});

describe("test/recovery: API tokens need the password and expire", () => {
  it("refuses to mint a token without the right password", async () => {
    const { browser, email } = await registeredBrowser(server, "Pia Password");
    expect(await mintToken(browser, { currentPassword: "not my password at all" })).toEqual({
      __typename: "WrongPasswordError",
      message: "Your current password is incorrect.",
    });
    expect(await mintToken(browser, { currentPassword: "" })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "currentPassword", message: "Enter your current password." }],
    });
    // The password is optional in the schema now (a person without one confirms otherwise), so leaving it
    // out is the same typed refusal as leaving it empty.
    const missing = await browser.graphql<{ createApiToken: Minted }>(CREATE_TOKEN, {
      input: { label: "no password" },
    });
    expect(missing.data?.createApiToken).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "currentPassword", message: "Enter your current password." }],
    });
    expect(await server.db.apiToken.count({ where: { user: { email } } })).toBe(0);
  });

  it("gives every token an expiry: 90 days by default, at most 365, and refuses expired ones", async () => {
    const { browser } = await registeredBrowser(server, "Eli Expiry");
    const made = await mintToken(browser);
    expect(made?.__typename).toBe("CreateApiTokenSuccess");
    if (!made?.data) throw new Error("no token");
    const { value, token } = made.data;
    const days = (new Date(token.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);

    const tooLong = await mintToken(browser, { expiresAt: new Date(Date.now() + 366 * 86_400_000).toISOString() });
    expect(tooLong).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "expiresAt", message: "A token can live at most 365 days." }],
    });

    expect((await viewerVia(value)).status).toBe(200);
    await server.db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await viewerVia(value)).status).toBe(401);

    // A token from before expiries were required ends 365 days after it was made.
    const legacyData = (await mintToken(browser))?.data;
    if (!legacyData) throw new Error("no token");
    await server.db.apiToken.update({
      where: { id: legacyData.token.id },
      data: { expiresAt: null, createdAt: new Date(Date.now() - 366 * 86_400_000) },
    });
    expect((await viewerVia(legacyData.value)).status).toBe(401);
  });
});
