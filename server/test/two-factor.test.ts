import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { outboxPath, readOutbox } from "../src/mail/mail.js";
import { Browser, registeredBrowser, startTestServer, type TestServer } from "./harness.js";

const PASSWORD = "correct horse battery";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const ERROR = `... on Error { message }`;
const FIELDS = `... on ValidationError { fieldErrors { field message } }`;
const STATUS = `{ viewer { id twoFactor { totpEnabled emailEnabled recoveryCodesLeft } } }`;
const START = `mutation { startTotpEnrolment { __typename
  ... on StartTotpEnrolmentSuccess { data { secret uri qrCode } } ${ERROR} } }`;
const CONFIRM = `mutation C($input: ConfirmTotpInput!) { confirmTotp(input: $input) { __typename
  ... on ConfirmTotpSuccess { data } ${ERROR} ${FIELDS} } }`;
const DISABLE = `mutation D($input: DisableTotpInput!) { disableTotp(input: $input) { __typename
  ... on DisableTotpSuccess { data } ${ERROR} ${FIELDS} } }`;
const ENABLE_EMAIL = `mutation { enableEmailFactor { __typename ... on EnableEmailFactorSuccess { data } ${ERROR} } }`;
const SIGN_IN = `mutation S($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SignInSuccess { data { id } }
  ... on SecondFactorRequiredError { challenge methods } ${ERROR} } }`;
const VERIFY = `mutation V($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename
  ... on VerifySignInSuccess { data { id email } }
  ... on InvalidSecondFactorError { reason attemptsLeft }
  ... on RateLimitedError { retryAfterSeconds } ${ERROR} ${FIELDS} } }`;
const SEND_CODE = `mutation S($input: SendSignInCodeInput!) { sendSignInCode(input: $input) { __typename
  ... on SendSignInCodeSuccess { data } ... on InvalidSecondFactorError { reason }
  ... on RateLimitedError { retryAfterSeconds } ${ERROR} ${FIELDS} } }`;

type Payload = { __typename: string } & Record<string, unknown>;
const field = async (browser: Browser, query: string, name: string, variables: Record<string, unknown> = {}) => {
  const result = await browser.graphql<Record<string, Payload>>(query, variables);
  const payload = result.data?.[name];
  if (!payload) throw new Error(`no ${name}: ${JSON.stringify(result)}`);
  return payload;
};

const PERIOD_MS = 30_000;
const totp = (secret: string) =>
  new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
/** The code of the step `offset` steps from now. */
const codeAt = (secret: string, offset = 0) => totp(secret).generate({ timestamp: Date.now() + offset * PERIOD_MS });
/** Keeps a test's "now" and the server's "now" in one time step, so offsets mean the same to both. */
async function clearOfStepBoundary() {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (left < 4000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/** A signed-in person with a confirmed authenticator, enrolled with the code `offset` steps from now. */
async function enrolledPerson(offset = 0) {
  const person = await registeredBrowser(server, "Tess Otp");
  const started = await field(person.browser, START, "startTotpEnrolment");
  const { secret } = started.data as { secret: string };
  await clearOfStepBoundary();
  const confirmed = await field(person.browser, CONFIRM, "confirmTotp", {
    input: { code: codeAt(secret, offset) },
  });
  expect(confirmed.__typename).toBe("ConfirmTotpSuccess");
  return { ...person, secret, recoveryCodes: confirmed.data as string[] };
}

/** Password step of a sign-in in a new browser. */
async function passwordStep(email: string) {
  const browser = new Browser(server.baseUrl);
  const answer = await field(browser, SIGN_IN, "signIn", { input: { email, password: PASSWORD } });
  return { browser, answer, challenge: String(answer.challenge ?? "") };
}
const verify = (browser: Browser, challenge: string, method: string, code: string) =>
  field(browser, VERIFY, "verifySignIn", { input: { challenge, method, code } });
const signedIn = async (browser: Browser) =>
  (await browser.graphql<{ viewer: { id: string } | null }>(STATUS)).data?.viewer ?? null;

describe("test/two-factor: authenticator app enrolment", () => {
  it("shows a QR code and the secret, stores it sealed, and needs one right code to confirm", async () => {
    const { browser, email } = await registeredBrowser(server, "Ena Rol");
    const started = await field(browser, START, "startTotpEnrolment");
    expect(started.__typename).toBe("StartTotpEnrolmentSuccess");
    const { secret, uri, qrCode } = started.data as { secret: string; uri: string; qrCode: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(
      `otpauth://totp/Gatehouse:${encodeURIComponent(email)}?issuer=Gatehouse&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/);
    const stored = await server.db.totpFactor.findFirstOrThrow({ where: { user: { email } } });
    expect(stored.secretSealed).not.toContain(secret);
    expect(stored.confirmedAt).toBeNull();

    // Not in force yet: the password alone still signs in.
    expect((await passwordStep(email)).answer.__typename).toBe("SignInSuccess");
    expect((await browser.graphql<{ viewer: { twoFactor: unknown } }>(STATUS)).data?.viewer.twoFactor).toEqual({
      totpEnabled: false,
      emailEnabled: false,
      recoveryCodesLeft: 0,
    });

    await clearOfStepBoundary();
    const wrong = await field(browser, CONFIRM, "confirmTotp", { input: { code: codeAt(secret, 3) } });
    expect(wrong).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ field: "code" }] });
    const confirmed = await field(browser, CONFIRM, "confirmTotp", { input: { code: codeAt(secret) } });
    expect(confirmed.__typename).toBe("ConfirmTotpSuccess");
    const codes = confirmed.data as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    const hashes = await server.db.recoveryCode.findMany({ where: { user: { email } } });
    expect(hashes.map((row) => row.codeHash).sort()).toEqual(codes.map((code) => sha256(code.replace("-", ""))).sort());

    expect((await browser.graphql<{ viewer: { twoFactor: unknown } }>(STATUS)).data?.viewer.twoFactor).toEqual({
      totpEnabled: true,
      emailEnabled: false,
      recoveryCodesLeft: 10,
    });
    expect(
      await server.db.auditEvent.count({ where: { action: "user.two_factor.totp.enable", targetId: stored.userId } }),
    ).toBe(1);
    // A second enrolment cannot quietly replace the app in use.
    expect((await field(browser, START, "startTotpEnrolment")).__typename).toBe("ConflictError");
  });
});

describe("test/two-factor: signing in with the authenticator app", () => {
  it("asks for the second factor after the password and starts no session until it is right", async () => {
    const { email, secret } = await enrolledPerson();
    const { browser, answer, challenge } = await passwordStep(email);
    expect(answer).toMatchObject({ __typename: "SecondFactorRequiredError", methods: ["TOTP", "RECOVERY_CODE"] });
    expect(challenge.length).toBeGreaterThan(40);
    expect(browser.cookieHeader()).not.toContain("gatehouse_session=");
    expect(await signedIn(browser)).toBeNull();
    const stored = await server.db.signInChallenge.findFirstOrThrow({ where: { user: { email } } });
    expect(stored.tokenHash).toBe(sha256(challenge));

    await clearOfStepBoundary();
    // The code that confirmed the enrolment was used: it never works again.
    expect(await verify(browser, challenge, "TOTP", codeAt(secret))).toMatchObject({
      __typename: "InvalidSecondFactorError",
      reason: "WRONG_CODE",
      attemptsLeft: 4,
    });
    expect(await verify(browser, challenge, "TOTP", codeAt(secret, 2))).toMatchObject({ attemptsLeft: 3 });
    expect(await signedIn(browser)).toBeNull();

    const next = codeAt(secret, 1);
    expect(await verify(browser, challenge, "TOTP", next)).toMatchObject({
      __typename: "VerifySignInSuccess",
      data: { email },
    });
    expect(await signedIn(browser)).not.toBeNull();
    // The challenge finished once; the same code on a new sign-in is a reused code.
    expect(await verify(browser, challenge, "TOTP", next)).toMatchObject({ reason: "EXPIRED" });
    const again = await passwordStep(email);
    expect(await verify(again.browser, again.challenge, "TOTP", next)).toMatchObject({ reason: "WRONG_CODE" });
    expect(await signedIn(again.browser)).toBeNull();
  });

  it("accepts one step either side of now and no further", async () => {
    const { email, secret } = await enrolledPerson(-1);
    const { browser, challenge } = await passwordStep(email);
    await clearOfStepBoundary();
    expect(await verify(browser, challenge, "TOTP", codeAt(secret, -2))).toMatchObject({ reason: "WRONG_CODE" });
    expect(await verify(browser, challenge, "TOTP", codeAt(secret, 2))).toMatchObject({ reason: "WRONG_CODE" });
    // Step 0 is newer than the -1 that confirmed the enrolment.
    expect((await verify(browser, challenge, "TOTP", codeAt(secret))).__typename).toBe("VerifySignInSuccess");
  });

  it("ends a sign-in after five wrong codes, even for the right one", async () => {
    const { email, secret } = await enrolledPerson();
    const { browser, challenge } = await passwordStep(email);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await verify(browser, challenge, "TOTP", "000000"));
    expect(answers.map((a) => [a.reason, a.attemptsLeft])).toEqual([
      ["WRONG_CODE", 4],
      ["WRONG_CODE", 3],
      ["WRONG_CODE", 2],
      ["WRONG_CODE", 1],
      ["TOO_MANY_ATTEMPTS", 0],
    ]);
    await clearOfStepBoundary();
    expect(await verify(browser, challenge, "TOTP", codeAt(secret, 1))).toMatchObject({ reason: "TOO_MANY_ATTEMPTS" });
    expect(await signedIn(browser)).toBeNull();
  });

  it("limits wrong codes per account across sign-ins in the shared rate-limit store", async () => {
    const { email, secret, browser: enrolled } = await enrolledPerson();
    for (let round = 0; round < 2; round++) {
      const { browser, challenge } = await passwordStep(email);
      for (let i = 0; i < 5; i++) await verify(browser, challenge, "TOTP", "111111");
    }
    const { browser, challenge } = await passwordStep(email);
    await clearOfStepBoundary();
    const limited = await verify(browser, challenge, "TOTP", codeAt(secret, 1));
    expect(limited.__typename).toBe("RateLimitedError");
    expect(Number(limited.retryAfterSeconds)).toBeGreaterThan(0);
    expect(await signedIn(browser)).toBeNull();
    const viewer = (await enrolled.graphql<{ viewer: { id: string } }>(STATUS)).data?.viewer.id;
    expect(await server.db.rateLimiterFlexible.count({ where: { key: `second-factor-failures:${viewer}` } })).toBe(1);
  });
});

describe("test/two-factor: recovery codes", () => {
  it("signs in with each recovery code once, however it is typed", async () => {
    const { email, recoveryCodes } = await enrolledPerson();
    const [first = "", second = ""] = recoveryCodes;
    const { browser, challenge } = await passwordStep(email);
    const typed = ` ${first.toLowerCase().replace("-", " ")} `;
    expect((await verify(browser, challenge, "RECOVERY_CODE", typed)).__typename).toBe("VerifySignInSuccess");
    expect((await browser.graphql<{ viewer: { twoFactor: unknown } }>(STATUS)).data?.viewer.twoFactor).toMatchObject({
      recoveryCodesLeft: 9,
    });
    const userId = (await signedIn(browser))?.id;
    expect(await server.db.auditEvent.count({ where: { action: "user.recovery_code.use", targetId: userId } })).toBe(1);

    const again = await passwordStep(email);
    expect(await verify(again.browser, again.challenge, "RECOVERY_CODE", first)).toMatchObject({
      reason: "WRONG_CODE",
    });
    expect((await verify(again.browser, again.challenge, "RECOVERY_CODE", second)).__typename).toBe(
      "VerifySignInSuccess",
    );
  });
});

describe("test/two-factor: turning the authenticator off", () => {
  it("needs the current password, then drops the app and its recovery codes", async () => {
    const { browser, email, recoveryCodes } = await enrolledPerson();
    const wrong = await field(browser, DISABLE, "disableTotp", { input: { currentPassword: "not my password" } });
    expect(wrong.__typename).toBe("WrongPasswordError");
    const empty = await field(browser, DISABLE, "disableTotp", { input: { currentPassword: "" } });
    expect(empty.__typename).toBe("ValidationError");
    expect((await passwordStep(email)).answer.__typename).toBe("SecondFactorRequiredError");

    const done = await field(browser, DISABLE, "disableTotp", { input: { currentPassword: PASSWORD } });
    expect(done).toMatchObject({ __typename: "DisableTotpSuccess", data: true });
    expect(await server.db.recoveryCode.count({ where: { user: { email } } })).toBe(0);
    const { answer, browser: fresh } = await passwordStep(email);
    expect(answer.__typename).toBe("SignInSuccess");
    expect(await signedIn(fresh)).not.toBeNull();
    // A recovery code of the old setup opens nothing.
    expect(recoveryCodes).toHaveLength(10);
    expect((await field(browser, DISABLE, "disableTotp", { input: { currentPassword: PASSWORD } })).__typename).toBe(
      "ConflictError",
    );
  });

  it("cannot be started or turned off without a session", async () => {
    const anonymous = new Browser(server.baseUrl);
    expect((await field(anonymous, START, "startTotpEnrolment")).__typename).toBe("NotAuthenticatedError");
    expect((await field(anonymous, DISABLE, "disableTotp", { input: { currentPassword: PASSWORD } })).__typename).toBe(
      "NotAuthenticatedError",
    );
  });
});

/** The messages mailed to `to`, oldest first. */
const mailTo = async (to: string) =>
  (await readOutbox(outboxPath(server.config))).filter((message) => message.to === to);
async function newestCode(to: string, after = 0): Promise<string> {
  for (let tries = 0; tries < 200; tries++) {
    const codes = (await mailTo(to))
      .map((message) => message.subject.match(/^(\d{6}) is your Gatehouse sign-in code$/)?.[1])
      .filter((code) => code !== undefined);
    if (codes.length > after) return codes.at(-1) ?? "";
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no sign-in code mailed to ${to}`);
}

/** A person with a confirmed address and codes by e-mail turned on. */
async function emailFactorPerson() {
  const person = await registeredBrowser(server, "Emil Code");
  const verification = (await mailTo(person.email)).find((m) => m.subject === "Confirm your e-mail address");
  const token = verification?.text.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
  await person.browser.graphql(`mutation V($input: VerifyEmailInput!) { verifyEmail(input: $input) { __typename } }`, {
    input: { token },
  });
  const enabled = await field(person.browser, ENABLE_EMAIL, "enableEmailFactor");
  expect(enabled.__typename).toBe("EnableEmailFactorSuccess");
  expect(enabled.data).toHaveLength(10);
  return person;
}

describe("test/two-factor: codes by e-mail", () => {
  it("needs a confirmed address to turn on", async () => {
    const { browser } = await registeredBrowser(server, "Una Confirmed");
    expect(await field(browser, ENABLE_EMAIL, "enableEmailFactor")).toMatchObject({
      __typename: "ConflictError",
      message: "Confirm your e-mail address first.",
    });
  });

  it("mails a 6-digit code valid for 10 minutes, stored only as a hash, that works once", async () => {
    const { email } = await emailFactorPerson();
    const { browser, answer, challenge } = await passwordStep(email);
    expect(answer).toMatchObject({ __typename: "SecondFactorRequiredError", methods: ["EMAIL", "RECOVERY_CODE"] });
    const code = await newestCode(email);
    const stored = await server.db.signInChallenge.findFirstOrThrow({ where: { tokenHash: sha256(challenge) } });
    expect(stored.emailCodeHash).not.toBe(sha256(code));
    expect(stored.emailCodeHash).not.toContain(code);
    expect((stored.emailCodeExpiresAt?.getTime() ?? 0) - stored.createdAt.getTime()).toBeGreaterThanOrEqual(599_000);
    expect((stored.emailCodeExpiresAt?.getTime() ?? 0) - stored.createdAt.getTime()).toBeLessThanOrEqual(601_000);

    const wrong = code === "123456" ? "654321" : "123456";
    expect(await verify(browser, challenge, "EMAIL", wrong)).toMatchObject({ reason: "WRONG_CODE", attemptsLeft: 4 });
    expect(await verify(browser, challenge, "TOTP", code)).toMatchObject({ reason: "WRONG_CODE", attemptsLeft: 3 });
    expect(await verify(browser, challenge, "EMAIL", code)).toMatchObject({
      __typename: "VerifySignInSuccess",
      data: { email },
    });
    expect(await verify(browser, challenge, "EMAIL", code)).toMatchObject({ reason: "EXPIRED" });
  });

  it("refuses an expired code, and a new code replaces the old one", async () => {
    const { email } = await emailFactorPerson();
    const { browser, challenge } = await passwordStep(email);
    const first = await newestCode(email);
    // Ten minutes pass.
    await server.db.signInChallenge.update({
      where: { tokenHash: sha256(challenge) },
      data: { emailCodeExpiresAt: new Date(Date.now() - 1000) },
    });
    expect(await verify(browser, challenge, "EMAIL", first)).toMatchObject({ reason: "CODE_EXPIRED" });
    expect(await signedIn(browser)).toBeNull();

    const sent = await field(browser, SEND_CODE, "sendSignInCode", { input: { challenge } });
    expect(sent).toMatchObject({ __typename: "SendSignInCodeSuccess", data: true });
    const second = await newestCode(email, 1);
    if (second !== first) {
      expect(await verify(browser, challenge, "EMAIL", first)).toMatchObject({ reason: "WRONG_CODE" });
    }
    expect((await verify(browser, challenge, "EMAIL", second)).__typename).toBe("VerifySignInSuccess");
  });

  it("allows five tries per code and ends the sign-in after them", async () => {
    const { email } = await emailFactorPerson();
    const { browser, challenge } = await passwordStep(email);
    const code = await newestCode(email);
    const wrong = code === "000000" ? "999999" : "000000";
    for (let i = 0; i < 4; i++) await verify(browser, challenge, "EMAIL", wrong);
    expect(await verify(browser, challenge, "EMAIL", wrong)).toMatchObject({ reason: "TOO_MANY_ATTEMPTS" });
    expect(await verify(browser, challenge, "EMAIL", code)).toMatchObject({ reason: "TOO_MANY_ATTEMPTS" });
    expect(await field(browser, SEND_CODE, "sendSignInCode", { input: { challenge } })).toMatchObject({
      reason: "TOO_MANY_ATTEMPTS",
    });
    expect(await signedIn(browser)).toBeNull();
  });

  it("mails at most five codes per account in fifteen minutes", async () => {
    const { email } = await emailFactorPerson();
    const { browser, challenge } = await passwordStep(email);
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await field(browser, SEND_CODE, "sendSignInCode", { input: { challenge } })).__typename);
    }
    expect(answers).toEqual([...Array(4).fill("SendSignInCodeSuccess"), "RateLimitedError"]);
    // A new sign-in cannot get around it either: its password step is answered, the mail is not sent.
    expect((await passwordStep(email)).answer.__typename).toBe("RateLimitedError");
  });

  it("will not mail codes for an account that has no e-mail factor", async () => {
    const { email } = await enrolledPerson();
    const { browser, challenge } = await passwordStep(email);
    expect(await field(browser, SEND_CODE, "sendSignInCode", { input: { challenge } })).toMatchObject({
      reason: "WRONG_CODE",
    });
    expect((await mailTo(email)).filter((m) => m.subject.endsWith("sign-in code"))).toEqual([]);
  });
});
