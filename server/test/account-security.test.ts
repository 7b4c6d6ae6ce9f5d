import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { passwordProblem } from "../src/core/auth/password-policy.js";
import { readOutbox } from "../src/mail/mail.js";
import { gql } from "./graphql.js";
import {
  Browser,
  REGISTER,
  registeredBrowser,
  SIGN_IN,
  startTestServer,
  type TestServer,
  withRegistrationProof,
} from "./harness.js";

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

const VIEWER = `{ viewer { id email emailVerified } }`;
const SESSIONS = `{ viewer { sessions { id current ip userAgent createdAt lastSeenAt } } }`;
const VERIFY_EMAIL = `mutation V($input: VerifyEmailInput!) { verifyEmail(input: $input) { __typename
  ... on VerifyEmailSuccess { data } ... on InvalidLinkError { reason message } ... on Error { message } } }`;
const RESEND = `mutation { resendVerificationEmail { __typename ... on ResendVerificationEmailSuccess { data } ... on Error { message } } }`;
const REQUEST_RESET = `mutation R($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { __typename
  ... on RequestPasswordResetSuccess { data } ... on Error { message } } }`;
const RESET = `mutation R($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename
  ... on ResetPasswordSuccess { data } ... on InvalidLinkError { reason }
  ... on ValidationError { fieldErrors { field message } } ... on Error { message } } }`;
const CHANGE_PASSWORD = `mutation C($input: ChangePasswordInput!) { changePassword(input: $input) { __typename
  ... on ChangePasswordSuccess { data { id } } ... on ValidationError { fieldErrors { field message } } ... on Error { message } } }`;
const CHANGE_EMAIL = `mutation C($input: ChangeEmailInput!) { changeEmail(input: $input) { __typename
  ... on ChangeEmailSuccess { data } ... on Error { message } } }`;
const CONFIRM_EMAIL = `mutation C($input: ConfirmEmailChangeInput!) { confirmEmailChange(input: $input) { __typename
  ... on ConfirmEmailChangeSuccess { data } ... on InvalidLinkError { reason } ... on Error { message } } }`;
const REVOKE = `mutation R($input: RevokeSessionInput!) { revokeSession(input: $input) { __typename
  ... on RevokeSessionSuccess { data { id } } ... on Error { message } } }`;
const REVOKE_OTHERS = `mutation { revokeOtherSessions { __typename ... on RevokeOtherSessionsSuccess { data { id } } ... on Error { message } } }`;
const CREATE_TOKEN = `mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename
  ... on CreateApiTokenSuccess { data { value } } } }`;

/** The messages mailed to `to`, oldest first. */
const mailTo = async (to: string) => (await readOutbox(outbox)).filter((message) => message.to === to);
/** The token in the newest link to `page` mailed to `to`; mail goes out after the answer, so it waits for it. */
async function linkToken(to: string, page: string): Promise<string> {
  const pattern = new RegExp(`${server.config.publicUrl}/${page}\\?token=([A-Za-z0-9_-]+)`);
  for (let tries = 0; tries < 200; tries++) {
    const match = (await mailTo(to))
      .map((message) => message.text.match(pattern))
      .filter((found) => found !== null)
      .at(-1);
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no ${page} link mailed to ${to}`);
}

async function signInAgain(email: string, password = PASSWORD): Promise<{ browser: Browser; typename: string }> {
  const browser = new Browser(server.baseUrl);
  const result = await browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, { input: { email, password } });
  return { browser, typename: result.data?.signIn.__typename ?? "none" };
}
const isSignedIn = async (browser: Browser) =>
  (await browser.graphql<{ viewer: unknown }>(VIEWER)).data?.viewer !== null;

describe("test/account-security: password policy", () => {
  it("refuses short, long, common and personal passwords and accepts a long unusual one", () => {
    expect(passwordProblem("short1")).toMatch(/at least 10/);
    expect(passwordProblem("x".repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem("qwertyuiop")).toMatch(/too common/);
    expect(passwordProblem("Password123!")).toMatch(/too common/);
    expect(passwordProblem("1q2w3e4r5t")).toMatch(/too common/);
    expect(passwordProblem("ada.lovelace@example.org", { email: "Ada.Lovelace@example.org" })).toMatch(/e-mail/);
    expect(passwordProblem("Ada Lovelace King", { name: "ada lovelace king" })).toMatch(/name/);
    expect(passwordProblem("violet kettle on the moon", { email: "a@b.org", name: "Ada" })).toBeNull();
  });

  it("refuses a weak password at registration with a field error and creates no account", async () => {
    const browser = new Browser(server.baseUrl);
    for (const password of ["password1234", "weakling", "weak.person@example.org"]) {
      const result = await browser.graphql<{ register: Record<string, unknown> }>(
        `mutation R($input: RegisterInput!) { register(input: $input) { __typename
          ... on ValidationError { fieldErrors { field message } } } }`,
        { input: { email: "weak.person@example.org", password, name: "Weak Person" } },
      );
      expect(result.data?.register.__typename).toBe("ValidationError");
      expect(result.data?.register.fieldErrors).toEqual([{ field: "password", message: expect.any(String) }]);
    }
    expect(await server.db.user.count({ where: { email: "weak.person@example.org" } })).toBe(0);
    expect(await mailTo("weak.person@example.org")).toEqual([]);
  });
});

describe("test/account-security: e-mail verification", () => {
  it("mails a single-use link on registration, logs no link, stores only the hash, and verifies once", async () => {
    const info = vi.spyOn(console, "info");
    const browser = new Browser(server.baseUrl);
    const email = `verify-${Date.now()}@example.org`;
    const registered = await browser.graphql<{ register: { __typename: string } }>(REGISTER, {
      input: await withRegistrationProof(server.baseUrl, { email, password: PASSWORD, name: "Vera Fy" }),
    });
    expect(registered.data?.register.__typename).toBe("RegisterSuccess");
    const messages = await mailTo(email);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.subject).toBe("Confirm your e-mail address");
    const token = await linkToken(email, "verify-email");
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const logged = info.mock.calls.map((call) => call.join(" ")).filter((line) => line.includes(email));
    info.mockRestore();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(new RegExp(`^Mail to ${email} saved in ${outbox}/.+\\.json$`));
    expect(logged[0]).not.toContain(token);

    const stored = await server.db.userToken.findFirstOrThrow({ where: { user: { email } } });
    expect(stored).toMatchObject({ purpose: "EMAIL_VERIFICATION", tokenHash: sha256(token), consumedAt: null });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 3600_000);

    expect((await browser.graphql<{ viewer: { emailVerified: boolean } }>(VIEWER)).data?.viewer.emailVerified).toBe(
      false,
    );
    const anonymous = new Browser(server.baseUrl);
    const verified = await anonymous.graphql<{ verifyEmail: unknown }>(VERIFY_EMAIL, { input: { token } });
    expect(verified.data?.verifyEmail).toEqual({ __typename: "VerifyEmailSuccess", data: true });
    expect((await browser.graphql<{ viewer: { emailVerified: boolean } }>(VIEWER)).data?.viewer.emailVerified).toBe(
      true,
    );

    const again = await anonymous.graphql<{ verifyEmail: { reason: string } }>(VERIFY_EMAIL, { input: { token } });
    expect(again.data?.verifyEmail).toMatchObject({ __typename: "InvalidLinkError", reason: "ALREADY_USED" });
    const resend = await browser.graphql<{ resendVerificationEmail: { __typename: string } }>(RESEND);
    expect(resend.data?.resendVerificationEmail.__typename).toBe("ConflictError");
  });

  it("refuses unknown, expired and superseded links, and a link of another purpose", async () => {
    const { browser, email } = await registeredBrowser(server, "Otto Expired");
    const first = await linkToken(email, "verify-email");
    const resend = await browser.graphql<{ resendVerificationEmail: unknown }>(RESEND);
    expect(resend.data?.resendVerificationEmail).toEqual({ __typename: "ResendVerificationEmailSuccess", data: true });
    const second = await linkToken(email, "verify-email");
    expect(second).not.toBe(first);

    const anonymous = new Browser(server.baseUrl);
    const verify = async (token: string) =>
      (
        await anonymous.graphql<{ verifyEmail: { __typename: string; reason?: string } }>(VERIFY_EMAIL, {
          input: { token },
        })
      ).data?.verifyEmail;
    expect(await verify(first)).toMatchObject({ __typename: "InvalidLinkError", reason: "ALREADY_USED" });
    expect(await verify("not-a-real-token")).toMatchObject({ __typename: "InvalidLinkError", reason: "NOT_FOUND" });
    expect(await verify("")).toMatchObject({ __typename: "ValidationError" });

    await server.db.userToken.update({
      where: { tokenHash: sha256(second) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await verify(second)).toMatchObject({ __typename: "InvalidLinkError", reason: "EXPIRED" });

    await anonymous.graphql(REQUEST_RESET, { input: { email } });
    const resetToken = await linkToken(email, "reset-password");
    expect(await verify(resetToken)).toMatchObject({ __typename: "InvalidLinkError", reason: "NOT_FOUND" });
    expect((await server.db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(false);
  });
});

describe("test/account-security: password reset", () => {
  it("answers the same for unknown and known addresses and mails only the account holder", async () => {
    const { email } = await registeredBrowser(server, "Rita Reset");
    const anonymous = new Browser(server.baseUrl);
    const unknown = await anonymous.graphql(REQUEST_RESET, { input: { email: "nobody-here@example.org" } });
    const known = await anonymous.graphql(REQUEST_RESET, { input: { email: email.toUpperCase() } });
    expect(unknown).toEqual(known);
    expect(known.data).toEqual({ requestPasswordReset: { __typename: "RequestPasswordResetSuccess", data: true } });
    await linkToken(email, "reset-password");
    expect(await mailTo("nobody-here@example.org")).toEqual([]);
    const reset = (await mailTo(email)).at(-1);
    expect(reset?.subject).toBe("Reset your Gatehouse password");
    const stored = await server.db.userToken.findFirstOrThrow({
      where: { user: { email }, purpose: "PASSWORD_RESET" },
    });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(3600_000);
  });

  it("sets the new password, ends every session and API token, and works once", async () => {
    const { browser, email } = await registeredBrowser(server, "Sam Sessions");
    const other = await signInAgain(email);
    expect(other.typename).toBe("SignInSuccess");
    const apiToken = (
      await browser.graphql<{ createApiToken: { data: { value: string } } }>(CREATE_TOKEN, {
        input: { label: "tooling", currentPassword: "correct horse battery" },
      })
    ).data?.createApiToken.data.value as string;

    const anonymous = new Browser(server.baseUrl);
    await anonymous.graphql(REQUEST_RESET, { input: { email } });
    const token = await linkToken(email, "reset-password");

    const weak = await anonymous.graphql<{ resetPassword: unknown }>(RESET, {
      input: { token, newPassword: "qwerty123456" },
    });
    expect(weak.data?.resetPassword).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "newPassword", message: expect.stringMatching(/too common/) }],
    });
    expect(await isSignedIn(browser)).toBe(true);

    const newPassword = "a brand new violet kettle";
    const done = await anonymous.graphql<{ resetPassword: unknown }>(RESET, { input: { token, newPassword } });
    expect(done.data?.resetPassword).toEqual({ __typename: "ResetPasswordSuccess", data: true });
    expect(await isSignedIn(browser)).toBe(false);
    expect(await isSignedIn(other.browser)).toBe(false);
    expect(await server.db.session.count({ where: { user: { email } } })).toBe(0);
    expect((await signInAgain(email)).typename).toBe("InvalidCredentialsError");
    expect((await signInAgain(email, newPassword)).typename).toBe("SignInSuccess");
    // The API token dies with the old password.
    const viaToken = await gql(server, { bearer: apiToken }, VIEWER);
    expect(viaToken.status).toBe(401);

    const reused = await anonymous.graphql<{ resetPassword: unknown }>(RESET, {
      input: { token, newPassword: "yet another violet kettle" },
    });
    expect(reused.data?.resetPassword).toMatchObject({ __typename: "InvalidLinkError", reason: "ALREADY_USED" });
    expect((await signInAgain(email, newPassword)).typename).toBe("SignInSuccess");

    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    const events = await server.db.auditEvent.findMany({ where: { action: "user.password.reset", targetId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]?.actorUserId).toBe(user.id);
    expect(events[0]?.details).not.toContain(token);
    expect(events[0]?.details).not.toContain(newPassword);
    expect(JSON.parse(events[0]?.details ?? "{}")).toEqual({
      before: null,
      after: { sessionsEnded: 2, apiTokensRevoked: 1, linksCancelled: 0 },
    });
  });

  it("refuses an expired reset link and leaves the password as it was", async () => {
    const { browser, email } = await registeredBrowser(server, "Eve Expired");
    await browser.graphql(REQUEST_RESET, { input: { email } });
    const token = await linkToken(email, "reset-password");
    await server.db.userToken.update({
      where: { tokenHash: sha256(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const result = await browser.graphql<{ resetPassword: unknown }>(RESET, {
      input: { token, newPassword: "a brand new violet kettle" },
    });
    expect(result.data?.resetPassword).toMatchObject({ __typename: "InvalidLinkError", reason: "EXPIRED" });
    expect(await isSignedIn(browser)).toBe(true);
    expect((await signInAgain(email)).typename).toBe("SignInSuccess");
  });
});

describe("test/account-security: signed-in changes", () => {
  it("changes the password only with the current one, from a browser, ending the other sessions", async () => {
    const { browser, email } = await registeredBrowser(server, "Carl Change");
    const other = await signInAgain(email);
    const apiToken = (
      await browser.graphql<{ createApiToken: { data: { value: string } } }>(CREATE_TOKEN, {
        input: { label: "tooling", currentPassword: "correct horse battery" },
      })
    ).data?.createApiToken.data.value as string;
    const input = { currentPassword: PASSWORD, newPassword: "a brand new violet kettle" };

    const anonymous = await new Browser(server.baseUrl).graphql<{ changePassword: { __typename: string } }>(
      CHANGE_PASSWORD,
      { input },
    );
    expect(anonymous.data?.changePassword.__typename).toBe("NotAuthenticatedError");
    const viaToken = await gql(server, { bearer: apiToken }, CHANGE_PASSWORD, { input });
    expect(viaToken.data?.changePassword.__typename).toBe("ForbiddenError");
    const wrong = await browser.graphql<{ changePassword: unknown }>(CHANGE_PASSWORD, {
      input: { ...input, currentPassword: "not my password at all" },
    });
    expect(wrong.data?.changePassword).toEqual({
      __typename: "WrongPasswordError",
      message: "Your current password is incorrect.",
    });
    const weak = await browser.graphql<{ changePassword: { __typename: string; fieldErrors: unknown } }>(
      CHANGE_PASSWORD,
      {
        input: { ...input, newPassword: email },
      },
    );
    expect(weak.data?.changePassword.fieldErrors).toEqual([
      { field: "newPassword", message: expect.stringMatching(/e-mail/) },
    ]);
    expect(await isSignedIn(other.browser)).toBe(true);

    const changed = await browser.graphql<{ changePassword: { __typename: string } }>(CHANGE_PASSWORD, { input });
    expect(changed.data?.changePassword.__typename).toBe("ChangePasswordSuccess");
    expect(await isSignedIn(browser)).toBe(true);
    expect(await isSignedIn(other.browser)).toBe(false);
    expect((await signInAgain(email)).typename).toBe("InvalidCredentialsError");
    expect((await signInAgain(email, input.newPassword)).typename).toBe("SignInSuccess");

    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "user.password.change", targetId: user.id },
    });
    expect(event.actorUserId).toBe(user.id);
    expect(event.details).not.toContain(input.newPassword);
    expect(event.details).not.toContain(PASSWORD);
  });

  it("changes the e-mail address after re-authentication and confirmation from the new mailbox", async () => {
    const { browser, email } = await registeredBrowser(server, "Mia Mover");
    const { email: taken } = await registeredBrowser(server, "Tom Taken");
    const newEmail = `moved-${Date.now()}@example.org`;

    const wrong = await browser.graphql<{ changeEmail: { __typename: string } }>(CHANGE_EMAIL, {
      input: { currentPassword: "not my password at all", newEmail },
    });
    expect(wrong.data?.changeEmail.__typename).toBe("WrongPasswordError");
    const takenResult = await browser.graphql<{ changeEmail: { __typename: string } }>(CHANGE_EMAIL, {
      input: { currentPassword: PASSWORD, newEmail: taken },
    });
    expect(takenResult.data?.changeEmail.__typename).toBe("EmailTakenError");
    expect(await mailTo(newEmail)).toEqual([]);

    const asked = await browser.graphql<{ changeEmail: unknown }>(CHANGE_EMAIL, {
      input: { currentPassword: PASSWORD, newEmail: newEmail.toUpperCase() },
    });
    expect(asked.data?.changeEmail).toEqual({ __typename: "ChangeEmailSuccess", data: true });
    expect((await mailTo(email)).at(-1)?.text).toContain(newEmail);
    expect((await mailTo(email)).at(-1)?.text).not.toContain("token=");
    const token = await linkToken(newEmail, "confirm-email-change");
    expect((await browser.graphql<{ viewer: { email: string } }>(VIEWER)).data?.viewer.email).toBe(email);

    const confirmed = await browser.graphql<{ confirmEmailChange: unknown }>(CONFIRM_EMAIL, { input: { token } });
    expect(confirmed.data?.confirmEmailChange).toEqual({ __typename: "ConfirmEmailChangeSuccess", data: true });
    expect((await browser.graphql<{ viewer: unknown }>(VIEWER)).data?.viewer).toMatchObject({
      email: newEmail,
      emailVerified: true,
    });
    const again = await browser.graphql<{ confirmEmailChange: unknown }>(CONFIRM_EMAIL, { input: { token } });
    expect(again.data?.confirmEmailChange).toMatchObject({ __typename: "InvalidLinkError", reason: "ALREADY_USED" });

    const user = await server.db.user.findUniqueOrThrow({ where: { email: newEmail } });
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "user.email.change", targetId: user.id },
    });
    expect(JSON.parse(event.details ?? "{}")).toEqual({ before: { email }, after: { email: newEmail } });
  });

  it("re-checks at confirmation that the new address is still free", async () => {
    const { browser, email } = await registeredBrowser(server, "Lou Late");
    const newEmail = `contested-${Date.now()}@example.org`;
    await browser.graphql(CHANGE_EMAIL, { input: { currentPassword: PASSWORD, newEmail } });
    const token = await linkToken(newEmail, "confirm-email-change");
    const squatter = await new Browser(server.baseUrl).graphql<{ register: { __typename: string } }>(REGISTER, {
      input: await withRegistrationProof(server.baseUrl, { email: newEmail, password: PASSWORD, name: "Squatter" }),
    });
    expect(squatter.data?.register.__typename).toBe("RegisterSuccess");
    const result = await browser.graphql<{ confirmEmailChange: { __typename: string } }>(CONFIRM_EMAIL, {
      input: { token },
    });
    expect(result.data?.confirmEmailChange.__typename).toBe("EmailTakenError");
    expect((await browser.graphql<{ viewer: { email: string } }>(VIEWER)).data?.viewer.email).toBe(email);
  });
});

describe("test/account-security: sessions", () => {
  it("lists the viewer's sessions, marks the current one, and revokes own sessions only", async () => {
    const { browser, email } = await registeredBrowser(server, "Sid Sessions");
    const second = await signInAgain(email);
    const third = await signInAgain(email);
    const stranger = await registeredBrowser(server, "Stan Stranger");

    const listed = await browser.graphql<{ viewer: { sessions: { id: string; current: boolean; ip: string }[] } }>(
      SESSIONS,
    );
    const sessions = listed.data?.viewer.sessions ?? [];
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const current = sessions.find((session) => session.current)?.id as string;
    const others = sessions.filter((session) => !session.current).map((session) => session.id);

    const strangerSessions = (await stranger.browser.graphql<{ viewer: { sessions: { id: string }[] } }>(SESSIONS)).data
      ?.viewer.sessions;
    const foreign = await browser.graphql<{ revokeSession: { __typename: string } }>(REVOKE, {
      input: { sessionId: strangerSessions?.[0]?.id },
    });
    expect(foreign.data?.revokeSession.__typename).toBe("NotFoundError");
    expect(await isSignedIn(stranger.browser)).toBe(true);
    const missing = await browser.graphql<{ revokeSession: { __typename: string } }>(REVOKE, {
      input: { sessionId: "nope" },
    });
    expect(missing.data?.revokeSession.__typename).toBe("NotFoundError");

    const revoked = await browser.graphql<{ revokeSession: { __typename: string } }>(REVOKE, {
      input: { sessionId: others[0] },
    });
    expect(revoked.data?.revokeSession.__typename).toBe("RevokeSessionSuccess");
    const stillIn = [await isSignedIn(second.browser), await isSignedIn(third.browser)];
    expect(stillIn.filter(Boolean)).toHaveLength(1);
    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    expect(await server.db.auditEvent.count({ where: { action: "session.revoke", targetId: others[0] } })).toBe(1);

    const rest = await browser.graphql<{ revokeOtherSessions: { __typename: string } }>(REVOKE_OTHERS);
    expect(rest.data?.revokeOtherSessions.__typename).toBe("RevokeOtherSessionsSuccess");
    expect(await isSignedIn(second.browser)).toBe(false);
    expect(await isSignedIn(third.browser)).toBe(false);
    expect((await server.db.session.findMany({ where: { userId: user.id } })).map((session) => session.id)).toEqual([
      current,
    ]);
    expect(await server.db.auditEvent.count({ where: { action: "session.revoke_others", targetId: user.id } })).toBe(1);

    const own = await browser.graphql<{ revokeSession: { __typename: string } }>(REVOKE, {
      input: { sessionId: current },
    });
    expect(own.data?.revokeSession.__typename).toBe("RevokeSessionSuccess");
    expect(await isSignedIn(browser)).toBe(false);
  });

  it("never shows one person's sessions to another", async () => {
    const stranger = await registeredBrowser(server, "Nosy Parker");
    const anonymous = await new Browser(server.baseUrl).graphql<{ viewer: unknown }>(SESSIONS);
    expect(anonymous.data?.viewer).toBeNull();
    const own = await stranger.browser.graphql<{ viewer: { sessions: unknown[] } }>(SESSIONS);
    expect(own.data?.viewer.sessions).toHaveLength(1);
  });
});
