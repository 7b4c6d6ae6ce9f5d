import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, payloadOf } from "./graphql.js";
import { registeredBrowser, startTestServer, type TestServer } from "./harness.js";
import { SoftAuthenticator } from "./passkey-authenticator.js";
import { enrolTotp } from "./staff.js";

const ONE_PROOF =
  "Confirm it is you: enter your password, use one of your passkeys, enter a code from your app, or ask for a code by e-mail.";
let server: TestServer;
let device: SoftAuthenticator;
beforeAll(async () => {
  server = await startTestServer();
  device = new SoftAuthenticator(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

const MESSAGE = `... on Error { message }`;
const ERROR = `${MESSAGE} ... on ValidationError { fieldErrors { field message } } ... on InvalidPasskeyError { reason }`;
const START_REGISTRATION = `mutation { startPasskeyRegistration { __typename
  ... on StartPasskeyRegistrationSuccess { data } ${MESSAGE} } }`;
const FINISH_REGISTRATION = `mutation F($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) {
  __typename ${ERROR} } }`;
const START_REAUTH = `mutation { startPasskeyReauthentication { __typename
  ... on StartPasskeyReauthenticationSuccess { data } ${MESSAGE} } }`;
const CHANGE_EMAIL = `mutation C($input: ChangeEmailInput!) { changeEmail(input: $input) { __typename ${ERROR} } }`;
const CREATE_TOKEN = `mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename
  ... on CreateApiTokenSuccess { data { value } } ${ERROR} } }`;
const DISABLE_TOTP = `mutation D($input: DisableTotpInput!) { disableTotp(input: $input) { __typename ${ERROR} } }`;
const DISABLE_EMAIL = `mutation D($input: DisableEmailFactorInput!) { disableEmailFactor(input: $input) {
  __typename ${ERROR} } }`;
const ENABLE_EMAIL = `mutation { enableEmailFactor { __typename ... on EnableEmailFactorSuccess { data } ${MESSAGE} } }`;
const REGENERATE = `mutation R($input: RegenerateRecoveryCodesInput!) { regenerateRecoveryCodes(input: $input) {
  __typename ... on RegenerateRecoveryCodesSuccess { data } ${ERROR} } }`;

const field = payloadOf;

/** Someone who signed up with a passkey: an account with one passkey on the soft authenticator and no password. */
async function passwordlessPerson(name = "Pas Skey") {
  const person = await registeredBrowser(server, name);
  const options = String((await field(person.browser, START_REGISTRATION, "startPasskeyRegistration")).data);
  const { response, credential } = device.create(options);
  const done = await field(person.browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
    input: { response, name: "Laptop" },
  });
  expect(done.__typename).toBe("FinishPasskeyRegistrationSuccess");
  const user = await server.db.user.update({ where: { email: person.email }, data: { passwordHash: "" } });
  return { ...person, user, credential };
}

/** A fresh answer by the person's passkey, as the account page gets it before sending the change. */
async function passkeyAnswer(person: Awaited<ReturnType<typeof passwordlessPerson>>) {
  const options = await field(person.browser, START_REAUTH, "startPasskeyReauthentication");
  expect(options.__typename).toBe("StartPasskeyReauthenticationSuccess");
  return device.get(String(options.data), person.credential);
}

/** The authenticator app's code one step ahead: enrolment spent the current step. */
const nextCode = (secret: string) =>
  new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + 30_000,
  });

const wrongCodesCounted = async (userId: string) =>
  (await server.db.rateLimiterFlexible.findUnique({ where: { key: `second-factor-failures:${userId}` } }))?.points ?? 0;

describe("test/reauthentication: a person without a password confirms sensitive changes with what they have", () => {
  it("changes the e-mail address with a passkey; no proof, or a password they do not have, changes nothing", async () => {
    const person = await passwordlessPerson();
    const change = (input: Record<string, unknown>) => field(person.browser, CHANGE_EMAIL, "changeEmail", { input });
    const newEmail = `moved-${Date.now()}@example.org`;
    const pending = () => server.db.userToken.count({ where: { userId: person.user.id, purpose: "EMAIL_CHANGE" } });

    expect(await change({ newEmail })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "currentPassword", message: ONE_PROOF }],
    });
    expect(await change({ newEmail, currentPassword: PASSWORD })).toMatchObject({ __typename: "WrongPasswordError" });
    expect(await pending()).toBe(0);

    expect(await change({ newEmail, passkeyResponse: await passkeyAnswer(person) })).toMatchObject({
      __typename: "ChangeEmailSuccess",
    });
    expect(
      await server.db.userToken.findFirst({ where: { userId: person.user.id, purpose: "EMAIL_CHANGE" } }),
    ).toMatchObject({ newEmail });
  });

  it("creates an API token with a passkey, and refuses two proofs at once", async () => {
    const person = await passwordlessPerson("Tok En");
    const secret = await enrolTotp(person.browser);
    const create = (input: Record<string, unknown>) =>
      field(person.browser, CREATE_TOKEN, "createApiToken", { input: { label: "deploy", ...input } });

    const both = await create({ passkeyResponse: await passkeyAnswer(person), code: nextCode(secret) });
    expect(both).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ message: ONE_PROOF }] });
    expect(await create({})).toMatchObject({ __typename: "ValidationError" });
    expect(await server.db.apiToken.count({ where: { userId: person.user.id } })).toBe(0);

    const created = await create({ passkeyResponse: await passkeyAnswer(person) });
    expect(created).toMatchObject({ __typename: "CreateApiTokenSuccess", data: { value: expect.any(String) } });
    expect(await server.db.apiToken.count({ where: { userId: person.user.id } })).toBe(1);
  });

  it("turns the authenticator off with a code from that same app; a wrong code is refused and counted", async () => {
    const person = await passwordlessPerson("Ap Pcode");
    const secret = await enrolTotp(person.browser);
    const disable = (input: Record<string, unknown>) => field(person.browser, DISABLE_TOTP, "disableTotp", { input });

    expect(await disable({ code: "000000" })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "code" }],
    });
    expect(await wrongCodesCounted(person.user.id)).toBe(1);
    expect(await server.db.totpFactor.count({ where: { userId: person.user.id } })).toBe(1);

    const code = nextCode(secret);
    expect(await disable({ code })).toMatchObject({ __typename: "DisableTotpSuccess" });
    expect(await server.db.totpFactor.count({ where: { userId: person.user.id } })).toBe(0);
    // A passkey remains, so the recovery codes stay behind it.
    expect(await server.db.recoveryCode.count({ where: { userId: person.user.id, usedAt: null } })).toBeGreaterThan(0);
    // The code was spent on this change: with the app gone it proves nothing more.
    expect(await disable({ code })).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ field: "code" }] });
    expect(await wrongCodesCounted(person.user.id)).toBe(2);
  });

  it("stops after too many wrong codes, even for the right one", async () => {
    const person = await passwordlessPerson("Li Mit");
    const secret = await enrolTotp(person.browser);
    for (let i = 0; i < 10; i++) {
      await field(person.browser, DISABLE_TOTP, "disableTotp", { input: { code: "111111" } });
    }
    const limited = await field(person.browser, DISABLE_TOTP, "disableTotp", { input: { code: nextCode(secret) } });
    expect(limited.__typename).toBe("RateLimitedError");
    expect(await server.db.totpFactor.count({ where: { userId: person.user.id } })).toBe(1);
  });

  it("turns codes by e-mail off and makes new recovery codes with a passkey or a recovery code", async () => {
    const person = await passwordlessPerson("E Mailcodes");
    await server.db.user.update({ where: { id: person.user.id }, data: { emailVerified: true } });
    expect((await field(person.browser, ENABLE_EMAIL, "enableEmailFactor")).__typename).toBe(
      "EnableEmailFactorSuccess",
    );
    const recovery = await server.db.recoveryCode.count({ where: { userId: person.user.id } });
    expect(recovery).toBeGreaterThan(0);

    const regenerate = (input: Record<string, unknown>) =>
      field(person.browser, REGENERATE, "regenerateRecoveryCodes", { input });
    expect(await regenerate({ currentPassword: PASSWORD })).toMatchObject({ __typename: "WrongPasswordError" });
    const fresh = await regenerate({ passkeyResponse: await passkeyAnswer(person) });
    expect(fresh).toMatchObject({ __typename: "RegenerateRecoveryCodesSuccess" });
    const [oneCode] = fresh.data as string[];
    // One of the new codes proves it is them once more.
    expect(await regenerate({ code: oneCode })).toMatchObject({ __typename: "RegenerateRecoveryCodesSuccess" });

    const off = await field(person.browser, DISABLE_EMAIL, "disableEmailFactor", {
      input: { passkeyResponse: await passkeyAnswer(person) },
    });
    expect(off).toMatchObject({ __typename: "DisableEmailFactorSuccess" });
    expect(await server.db.emailFactor.count({ where: { userId: person.user.id } })).toBe(0);
  });
});

describe("test/reauthentication: a person with a password", () => {
  it("still confirms each change with the password alone, as existing clients send it", async () => {
    const { browser, email } = await registeredBrowser(server, "Pass Word");
    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    await enrolTotp(browser);

    expect(
      await field(browser, CREATE_TOKEN, "createApiToken", { input: { label: "ci", currentPassword: "" } }),
    ).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "currentPassword", message: "Enter your current password." }],
    });
    expect(
      await field(browser, CREATE_TOKEN, "createApiToken", { input: { label: "ci", currentPassword: PASSWORD } }),
    ).toMatchObject({ __typename: "CreateApiTokenSuccess" });
    expect(
      await field(browser, CHANGE_EMAIL, "changeEmail", {
        input: { newEmail: `new-${Date.now()}@example.org`, currentPassword: "wrong password here" },
      }),
    ).toMatchObject({ __typename: "WrongPasswordError" });
    expect(
      await field(browser, CHANGE_EMAIL, "changeEmail", {
        input: { newEmail: `new-${Date.now()}@example.org`, currentPassword: PASSWORD },
      }),
    ).toMatchObject({ __typename: "ChangeEmailSuccess" });
    expect(await field(browser, DISABLE_TOTP, "disableTotp", { input: { currentPassword: PASSWORD } })).toMatchObject({
      __typename: "DisableTotpSuccess",
    });
    expect(await server.db.totpFactor.count({ where: { userId: user.id } })).toBe(0);
  });
});
