import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProofOfWork, type ProofOfWorkPurpose } from "../src/core/auth/proof-of-work.js";
import { serverSecret } from "../src/core/auth/server-secret.js";
import { readOutbox } from "../src/mail/mail.js";
import { Browser, startTestServer, type TestServer, withRegistrationProof } from "./harness.js";
import { solveChallengeJson } from "./proof-of-work.js";

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

const REGISTER_CHECKED = `mutation R($input: RegisterInput!) { register(input: $input) { __typename
  ... on RegisterSuccess { data { id email emailVerified } }
  ... on ProofOfWorkRequiredError { reason challenge message } ... on Error { message } } }`;
const CONFIRM = `mutation C($input: ConfirmEmailCodeInput!) { confirmEmailCode(input: $input) { __typename
  ... on ConfirmEmailCodeSuccess { data { email emailVerified } }
  ... on InvalidEmailCodeError { reason attemptsLeft message }
  ... on ValidationError { fieldErrors { field message } } ... on Error { message } } }`;
const RESEND = `mutation { resendVerificationEmail { __typename
  ... on RateLimitedError { retryAfterSeconds } ... on Error { message } } }`;
const VERIFY_LINK = `mutation V($input: VerifyEmailInput!) { verifyEmail(input: $input) { __typename } }`;
const VIEWER = `{ viewer { emailVerified } }`;

type Answer = { __typename: string; reason?: string; challenge?: string; attemptsLeft?: number; message?: string };

let people = 0;
const newEmail = () => `register-${++people}-${Date.now()}@example.org`;

async function registerWith(input: Record<string, unknown>, browser = new Browser(server.baseUrl)) {
  const result = await browser.graphql<{ register: Answer }>(REGISTER_CHECKED, { input });
  return result.data?.register ?? { __typename: `none: ${JSON.stringify(result)}` };
}

/** A challenge signed as the server signs, for `purpose` and with `ttlSeconds`, or with a secret of its own. */
async function challengeSignedBy(
  purpose: ProofOfWorkPurpose,
  { ttlSeconds = 300, secret }: { ttlSeconds?: number; secret?: string } = {},
) {
  const signer = new ProofOfWork(
    async () => secret ?? (await serverSecret(server.db, "altcha-hmac")),
    async () => true,
    { minCounter: 100, maxCounter: 500, cost: 1, ttlSeconds },
    purpose,
  );
  return solveChallengeJson(JSON.stringify(await signer.challenge()));
}

const mailsTo = async (to: string) => (await readOutbox(outbox)).filter((message) => message.to === to);
/** The code in the newest confirmation mail to `to` (mail goes out after the answer, so it waits for it). */
async function mailedCode(to: string, count = 1): Promise<string> {
  for (let tries = 0; tries < 200; tries++) {
    const mails = await mailsTo(to);
    const code = mails.length >= count ? mails.at(-1)?.text.match(/\n\n(\d{6})\n\n/)?.[1] : undefined;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no confirmation code mailed to ${to}`);
}
async function mailedLinkToken(to: string): Promise<string> {
  await mailedCode(to);
  const token = (await mailsTo(to)).at(-1)?.text.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no link mailed to ${to}`);
  return token;
}

/** A new person, signed in by registering, with the code of their confirmation mail. */
async function registered() {
  const browser = new Browser(server.baseUrl);
  const email = newEmail();
  const answer = await registerWith(
    await withRegistrationProof(server.baseUrl, { email, password: PASSWORD, name: "Cody Mailer" }),
    browser,
  );
  expect(answer.__typename).toBe("RegisterSuccess");
  return { browser, email, code: await mailedCode(email) };
}

const confirm = async (browser: Browser, code: string) =>
  (
    await browser.graphql<{ confirmEmailCode: Answer & { data?: { emailVerified: boolean } } }>(CONFIRM, {
      input: { code },
    })
  ).data?.confirmEmailCode;
const isVerified = async (browser: Browser) =>
  (await browser.graphql<{ viewer: { emailVerified: boolean } }>(VIEWER)).data?.viewer.emailVerified;
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("test/registration: the proof-of-work check on registration", () => {
  it("refuses a registration without a solution, with a new challenge, and creates no account", async () => {
    const email = newEmail();
    const answer = await registerWith({ email, password: PASSWORD, name: "No Check" });
    expect(answer).toMatchObject({ __typename: "ProofOfWorkRequiredError", reason: "REQUIRED" });
    expect(JSON.parse(answer.challenge ?? "")).toMatchObject({ parameters: { algorithm: "SHA-256" } });
    expect(await server.db.user.count({ where: { email } })).toBe(0);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("creates the account with a solved challenge from registrationChallenge", async () => {
    const email = newEmail();
    const answer = await registerWith(
      await withRegistrationProof(server.baseUrl, { email, password: PASSWORD, name: "Real Person" }),
    );
    expect(answer).toMatchObject({ __typename: "RegisterSuccess" });
    expect(await server.db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses forged solutions: a wrong signature, another key, a sign-in challenge, garbage", async () => {
    const { proofOfWork } = await withRegistrationProof(server.baseUrl, {});
    const decoded = JSON.parse(Buffer.from(proofOfWork, "base64").toString("utf8"));
    decoded.challenge.signature = "0".repeat(decoded.challenge.signature.length);
    const forged = [
      Buffer.from(JSON.stringify(decoded)).toString("base64"),
      await challengeSignedBy("register", { secret: "a key Gatehouse never had" }),
      await challengeSignedBy("sign-in"),
      "bm90IGEgc29sdXRpb24=",
    ];
    for (const candidate of forged) {
      const email = newEmail();
      const answer = await registerWith({ email, password: PASSWORD, name: "Fake Person", proofOfWork: candidate });
      expect(answer, candidate).toMatchObject({ __typename: "ProofOfWorkRequiredError", reason: "INVALID" });
      expect(await server.db.user.count({ where: { email } })).toBe(0);
    }
  });

  it("refuses an expired challenge", async () => {
    const email = newEmail();
    const proofOfWork = await challengeSignedBy("register", { ttlSeconds: -60 });
    const answer = await registerWith({ email, password: PASSWORD, name: "Late Person", proofOfWork });
    expect(answer).toMatchObject({ __typename: "ProofOfWorkRequiredError", reason: "EXPIRED" });
    expect(await server.db.user.count({ where: { email } })).toBe(0);
  });

  it("accepts a solution once: the same one for a second account is refused", async () => {
    const { proofOfWork } = await withRegistrationProof(server.baseUrl, {});
    const first = await registerWith({ email: newEmail(), password: PASSWORD, name: "First Person", proofOfWork });
    expect(first.__typename).toBe("RegisterSuccess");
    const email = newEmail();
    const again = await registerWith({ email, password: PASSWORD, name: "Second Person", proofOfWork });
    expect(again).toMatchObject({ __typename: "ProofOfWorkRequiredError", reason: "USED" });
    expect(await server.db.user.count({ where: { email } })).toBe(0);
  });

  it("answers a taken address only after a solved check, as before (no cheaper way to test addresses)", async () => {
    const { email } = await registered();
    const unchecked = await registerWith({ email, password: PASSWORD, name: "Prober" });
    expect(unchecked.__typename).toBe("ProofOfWorkRequiredError");
    const checked = await registerWith(
      await withRegistrationProof(server.baseUrl, { email, password: PASSWORD, name: "Prober" }),
    );
    expect(checked.__typename).toBe("EmailTakenError");
  });
});

describe("test/registration: the 6-digit code that confirms the address", () => {
  it("mails a code beside the link and stores only a keyed hash of it", async () => {
    const { email, code } = await registered();
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe("Confirm your e-mail address");
    expect(mail?.text).toMatch(/verify-email\?token=/);
    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    const [token] = await server.db.userToken.findMany({ where: { userId: user.id, purpose: "EMAIL_VERIFICATION" } });
    expect(token?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(token)).not.toContain(code);
  });

  it("confirms the address with the right code, once", async () => {
    const { browser, code } = await registered();
    expect(await isVerified(browser)).toBe(false);
    expect(await confirm(browser, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toMatchObject({
      __typename: "ConfirmEmailCodeSuccess",
      data: { emailVerified: true },
    });
    expect(await isVerified(browser)).toBe(true);
    expect(await confirm(browser, code)).toMatchObject({ __typename: "ConflictError" });
  });

  it("counts wrong codes: five tries per code, then even the right one is refused", async () => {
    const { browser, code } = await registered();
    for (const left of [4, 3, 2, 1]) {
      expect(await confirm(browser, otherCode(code))).toMatchObject({
        __typename: "InvalidEmailCodeError",
        reason: "WRONG_CODE",
        attemptsLeft: left,
      });
    }
    expect(await confirm(browser, otherCode(code))).toMatchObject({ reason: "TOO_MANY_ATTEMPTS" });
    expect(await confirm(browser, code)).toMatchObject({ reason: "TOO_MANY_ATTEMPTS" });
    expect(await isVerified(browser)).toBe(false);
  });

  it("lets the fifth try be the right one", async () => {
    const { browser, code } = await registered();
    for (let i = 0; i < 4; i++) await confirm(browser, otherCode(code));
    expect(await confirm(browser, code)).toMatchObject({ __typename: "ConfirmEmailCodeSuccess" });
  });

  it("refuses a code after its 10 minutes, while the link in the same mail still confirms", async () => {
    const { browser, email, code } = await registered();
    server.clock.advance(10 * 60_000 + 1000);
    expect(await confirm(browser, code)).toMatchObject({ __typename: "InvalidEmailCodeError", reason: "EXPIRED" });
    expect(await isVerified(browser)).toBe(false);
    const token = await mailedLinkToken(email);
    const linked = await new Browser(server.baseUrl).graphql<{ verifyEmail: Answer }>(VERIFY_LINK, {
      input: { token },
    });
    expect(linked.data?.verifyEmail.__typename).toBe("VerifyEmailSuccess");
    expect(await isVerified(browser)).toBe(true);
  });

  it("a correct code used before the link makes the link used too", async () => {
    const { browser, email, code } = await registered();
    const token = await mailedLinkToken(email);
    expect(await confirm(browser, code)).toMatchObject({ __typename: "ConfirmEmailCodeSuccess" });
    const linked = await new Browser(server.baseUrl).graphql<{ verifyEmail: { __typename: string } }>(
      `mutation V($input: VerifyEmailInput!) { verifyEmail(input: $input) { __typename ... on InvalidLinkError { reason } } }`,
      { input: { token } },
    );
    expect(linked.data?.verifyEmail).toMatchObject({ __typename: "InvalidLinkError", reason: "ALREADY_USED" });
  });

  it("a resent code replaces the old one, and resending is limited per account", async () => {
    const { browser, email, code } = await registered();
    const resent = await browser.graphql<{ resendVerificationEmail: Answer }>(RESEND);
    expect(resent.data?.resendVerificationEmail.__typename).toBe("ResendVerificationEmailSuccess");
    const fresh = await mailedCode(email, 2);
    // A new random code may equal the old one (one in a million); then "old refused" cannot be shown.
    if (fresh !== code) {
      expect(await confirm(browser, code)).toMatchObject({ __typename: "InvalidEmailCodeError", reason: "WRONG_CODE" });
    }
    for (let i = 0; i < 4; i++) {
      const again = await browser.graphql<{ resendVerificationEmail: Answer }>(RESEND);
      expect(again.data?.resendVerificationEmail.__typename).toBe("ResendVerificationEmailSuccess");
    }
    const limited = await browser.graphql<{ resendVerificationEmail: Answer & { retryAfterSeconds: number } }>(RESEND);
    expect(limited.data?.resendVerificationEmail).toMatchObject({ __typename: "RateLimitedError" });
    const newest = await mailedCode(email, 6);
    expect(await mailsTo(email)).toHaveLength(6);
    expect(await confirm(browser, newest)).toMatchObject({ __typename: "ConfirmEmailCodeSuccess" });
  });

  it("needs the person's own session, and refuses what is not six digits", async () => {
    const anonymous = await new Browser(server.baseUrl).graphql<{ confirmEmailCode: Answer }>(CONFIRM, {
      input: { code: "123456" },
    });
    expect(anonymous.data?.confirmEmailCode.__typename).toBe("NotAuthenticatedError");
    const { browser } = await registered();
    for (const code of ["12345", "1234567", "abcdef", ""]) {
      expect(await confirm(browser, code), code).toMatchObject({ __typename: "ValidationError" });
    }
    // A malformed code costs no try.
    const user = await server.db.user.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const token = await server.db.userToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(token.codeAttempts).toBe(0);
  });
});
