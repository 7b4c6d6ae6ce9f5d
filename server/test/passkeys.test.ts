import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/core/auth/password.js";
import { PASSWORD, payloadOf } from "./graphql.js";
import { Browser, registeredBrowser, startTestServer, type TestServer } from "./harness.js";
import { SoftAuthenticator } from "./passkey-authenticator.js";
import { enrolTotp } from "./staff.js";

let server: TestServer;
let device: SoftAuthenticator;
beforeAll(async () => {
  server = await startTestServer();
  device = new SoftAuthenticator(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

const ERROR = `... on Error { message }`;
const START_REGISTRATION = `mutation { startPasskeyRegistration { __typename
  ... on StartPasskeyRegistrationSuccess { data } ${ERROR} } }`;
const FINISH_REGISTRATION = `mutation F($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) {
  __typename ... on FinishPasskeyRegistrationSuccess { data { passkey { id name } recoveryCodes } }
  ... on InvalidPasskeyError { reason } ... on ValidationError { fieldErrors { field message } } ${ERROR} } }`;
const LIST = `{ viewer { id passkeys { id name backedUp createdAt lastUsedAt } } }`;
const RENAME = `mutation R($input: RenamePasskeyInput!) { renamePasskey(input: $input) { __typename
  ... on RenamePasskeySuccess { data { id name } } ${ERROR} } }`;
const REMOVE = `mutation R($input: RemovePasskeyInput!) { removePasskey(input: $input) { __typename
  ... on RemovePasskeySuccess { data } ${ERROR} } }`;
const START_SIGN_IN = `mutation S($input: StartPasskeySignInInput) { startPasskeySignIn(input: $input) }`;
const FINISH_SIGN_IN = `mutation F($input: FinishPasskeySignInInput!) { finishPasskeySignIn(input: $input) { __typename
  ... on FinishPasskeySignInSuccess { data { id email } } ... on InvalidPasskeyError { reason } ${ERROR} } }`;
const SIGN_IN = `mutation S($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SignInSuccess { data { id } } ... on SecondFactorRequiredError { challenge methods } ${ERROR} } }`;
const START_SECOND = `mutation S($input: StartPasskeySecondFactorInput!) { startPasskeySecondFactor(input: $input) {
  __typename ... on StartPasskeySecondFactorSuccess { data } ${ERROR} } }`;
const VERIFY = `mutation V($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename
  ... on VerifySignInSuccess { data { id } } ... on InvalidSecondFactorError { reason attemptsLeft } ${ERROR} } }`;

const field = payloadOf;
const viewerOf = async (browser: Browser) =>
  (await browser.graphql<{ viewer: { id: string } | null }>(`{ viewer { id } }`)).data?.viewer ?? null;

/** A person with a password and one passkey on the soft authenticator. */
async function personWithPasskey(name = "Pia Sskey") {
  const person = await registeredBrowser(server, name);
  const options = String((await field(person.browser, START_REGISTRATION, "startPasskeyRegistration")).data);
  const { response, credential } = device.create(options);
  const done = await field(person.browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
    input: { response, name: "Laptop" },
  });
  expect(done.__typename).toBe("FinishPasskeyRegistrationSuccess");
  const user = await server.db.user.findUniqueOrThrow({ where: { email: person.email } });
  return { ...person, user, credential, registered: done.data as { passkey: { id: string }; recoveryCodes: string[] } };
}

async function signInOptions(browser: Browser, rememberMe = false) {
  const result = await browser.graphql<{ startPasskeySignIn: string }>(START_SIGN_IN, { input: { rememberMe } });
  if (!result.data) throw new Error(JSON.stringify(result));
  return result.data.startPasskeySignIn;
}
const finishSignIn = (browser: Browser, response: string) =>
  field(browser, FINISH_SIGN_IN, "finishPasskeySignIn", { input: { response } });

describe("test/passkeys: adding a passkey", () => {
  it("asks for a discoverable, user-verified passkey for Gatehouse's host and keeps its public key under a name", async () => {
    const { browser, email } = await registeredBrowser(server, "Reg Istry");
    const user = await server.db.user.findUniqueOrThrow({ where: { email } });
    const options = JSON.parse(String((await field(browser, START_REGISTRATION, "startPasskeyRegistration")).data));
    expect(options.rp).toEqual({ id: "localhost", name: "Gatehouse" });
    expect(options.user.name).toBe(email);
    expect(Buffer.from(options.user.id, "base64url").toString()).toBe(user.id);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    // The challenge is kept only as a hash.
    const stored = await server.db.passkeyChallenge.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.challengeHash).not.toContain(options.challenge);

    const { response, credential } = device.create(JSON.stringify(options));
    const blank = await field(browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
      input: { response, name: "  " },
    });
    expect(blank).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ field: "name" }] });
    const done = await field(browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
      input: { response, name: "Work laptop" },
    });
    expect(done.__typename).toBe("FinishPasskeyRegistrationSuccess");
    const { recoveryCodes } = done.data as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);

    const list = (await browser.graphql<{ viewer: { passkeys: Record<string, unknown>[] } }>(LIST)).data?.viewer
      .passkeys;
    expect(list).toHaveLength(1);
    expect(list?.[0]).toMatchObject({ name: "Work laptop", lastUsedAt: null });
    const row = await server.db.passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.credentialId).toBe(credential.id.toString("base64url"));
    expect(await server.db.auditEvent.count({ where: { action: "user.passkey.register", targetId: user.id } })).toBe(1);

    // The same answer again: its challenge is spent.
    const replayed = await field(browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
      input: { response, name: "Again" },
    });
    expect(replayed).toMatchObject({ __typename: "InvalidPasskeyError", reason: "EXPIRED" });
    // A second registration excludes the passkey already there.
    const next = JSON.parse(String((await field(browser, START_REGISTRATION, "startPasskeyRegistration")).data));
    expect(next.excludeCredentials).toEqual([{ id: row.credentialId, transports: ["internal"], type: "public-key" }]);
  });

  it("refuses an answer made for another origin or relying party, or to a challenge issued to someone else", async () => {
    const { browser } = await registeredBrowser(server, "Wro Ngorigin");
    for (const ceremony of [{ origin: "https://evil.example" }, { rpId: "evil.example" }, { userVerified: false }]) {
      const options = String((await field(browser, START_REGISTRATION, "startPasskeyRegistration")).data);
      const { response } = device.create(options, ceremony);
      const refused = await field(browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
        input: { response, name: "Phished" },
      });
      expect(refused, JSON.stringify(ceremony)).toMatchObject({
        __typename: "InvalidPasskeyError",
        reason: "NOT_ACCEPTED",
      });
    }
    const other = await registeredBrowser(server, "Oth Erperson");
    const theirs = String((await field(other.browser, START_REGISTRATION, "startPasskeyRegistration")).data);
    const { response } = device.create(theirs);
    const stolen = await field(browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
      input: { response, name: "Theirs" },
    });
    expect(stolen).toMatchObject({ __typename: "InvalidPasskeyError", reason: "EXPIRED" });
    const garbage = await field(browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
      input: { response: "{not json", name: "X" },
    });
    expect(garbage).toMatchObject({ __typename: "InvalidPasskeyError", reason: "NOT_ACCEPTED" });
    expect(await server.db.passkey.count({ where: { name: { in: ["Phished", "Theirs", "X"] } } })).toBe(0);
  });

  it("keeps credential IDs unique across accounts", async () => {
    const first = await personWithPasskey("Fir St");
    const second = await registeredBrowser(server, "Sec Ond");
    const options = JSON.parse(
      String((await field(second.browser, START_REGISTRATION, "startPasskeyRegistration")).data),
    );
    const { response } = device.create(JSON.stringify(options));
    // The same credential ID as the first person's passkey, in a validly signed registration.
    const parsed = JSON.parse(response);
    const attestation = Buffer.from(parsed.response.attestationObject, "base64url");
    const ownId = Buffer.from(parsed.id, "base64url");
    attestation.set(first.credential.id, attestation.indexOf(ownId));
    parsed.id = parsed.rawId = first.credential.id.toString("base64url");
    parsed.response.attestationObject = attestation.toString("base64url");
    const clash = await field(second.browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
      input: { response: JSON.stringify(parsed), name: "Clash" },
    });
    expect(clash.__typename).toBe("ConflictError");
    expect(await server.db.passkey.count({ where: { credentialId: parsed.id } })).toBe(1);
  });
});

describe("test/passkeys: passwordless sign-in", () => {
  it("signs in with a passkey alone, records its use, and remembers the session when asked", async () => {
    const person = await personWithPasskey();
    const browser = new Browser(server.baseUrl);
    const options = JSON.parse(await signInOptions(browser, true));
    expect(options).toMatchObject({ rpId: "localhost", userVerification: "required" });
    expect(options.allowCredentials ?? []).toEqual([]);
    const signedIn = await finishSignIn(browser, device.get(JSON.stringify(options), person.credential));
    expect(signedIn).toMatchObject({ __typename: "FinishPasskeySignInSuccess", data: { email: person.email } });
    expect((await viewerOf(browser))?.id).toBe(person.user.id);
    const row = await server.db.passkey.findFirstOrThrow({ where: { userId: person.user.id } });
    expect(row.counter).toBe(1n);
    expect(row.lastUsedAt).not.toBeNull();
    const sessions = await server.db.session.findMany({
      where: { userId: person.user.id },
      orderBy: { createdAt: "desc" },
    });
    expect(sessions[0]?.persistent).toBe(true);
  });

  it("refuses a replayed answer, a wrong origin or RP ID, an unknown passkey, another person's handle and a counter that went back", async () => {
    const person = await personWithPasskey();
    const other = await personWithPasskey("Ano Ther");
    const browser = new Browser(server.baseUrl);

    const options = await signInOptions(browser);
    const answer = device.get(options, person.credential);
    expect((await finishSignIn(browser, answer)).__typename).toBe("FinishPasskeySignInSuccess");
    const fresh = new Browser(server.baseUrl);
    expect(await finishSignIn(fresh, answer)).toMatchObject({ __typename: "InvalidPasskeyError", reason: "EXPIRED" });

    const refusedWith = async (make: (options: string) => string) => {
      const tried = new Browser(server.baseUrl);
      const result = await finishSignIn(tried, make(await signInOptions(tried)));
      expect(await viewerOf(tried)).toBeNull();
      return result;
    };
    const notAccepted = { __typename: "InvalidPasskeyError", reason: "NOT_ACCEPTED" };
    expect(
      await refusedWith((o) => device.get(o, person.credential, { origin: "https://evil.example" })),
    ).toMatchObject(notAccepted);
    expect(await refusedWith((o) => device.get(o, person.credential, { rpId: "evil.example" }))).toMatchObject(
      notAccepted,
    );
    expect(await refusedWith((o) => device.get(o, person.credential, { userVerified: false }))).toMatchObject(
      notAccepted,
    );
    const { credential: unknown } = device.create(
      JSON.stringify({ challenge: "x", rp: { id: "localhost" }, user: { id: "nobody" } }),
    );
    expect(await refusedWith((o) => device.get(o, unknown))).toMatchObject(notAccepted);
    // The other person's passkey id with this person's user handle: signed by the wrong key and naming another account.
    expect(
      await refusedWith((o) => device.get(o, { ...other.credential, userHandle: person.credential.userHandle })),
    ).toMatchObject(notAccepted);
    // A cloned authenticator still at an older count.
    expect(await refusedWith((o) => device.get(o, person.credential, { counter: 1 }))).toMatchObject(notAccepted);
    // An answer to a challenge Gatehouse never issued.
    expect(
      await refusedWith(() =>
        device.get(JSON.stringify({ challenge: "bm90LWlzc3VlZA", rpId: "localhost" }), person.credential),
      ),
    ).toMatchObject({ __typename: "InvalidPasskeyError", reason: "EXPIRED" });
    // And the right passkey still works afterwards.
    const again = new Browser(server.baseUrl);
    expect((await finishSignIn(again, device.get(await signInOptions(again), person.credential))).__typename).toBe(
      "FinishPasskeySignInSuccess",
    );
  });

  it("lets a challenge lapse after five minutes", async () => {
    const person = await personWithPasskey();
    const browser = new Browser(server.baseUrl);
    const options = await signInOptions(browser);
    server.clock.advance(5 * 60_000 + 1000);
    expect(await finishSignIn(browser, device.get(options, person.credential))).toMatchObject({
      __typename: "InvalidPasskeyError",
      reason: "EXPIRED",
    });
  });
});

describe("test/passkeys: a passkey as the second step", () => {
  it("offers PASSKEY after the password and finishes the sign-in with this account's passkey only", async () => {
    const person = await personWithPasskey();
    const other = await personWithPasskey("Not Mine");
    const browser = new Browser(server.baseUrl);
    const asked = await field(browser, SIGN_IN, "signIn", { input: { email: person.email, password: PASSWORD } });
    expect(asked).toMatchObject({ __typename: "SecondFactorRequiredError", methods: ["PASSKEY", "RECOVERY_CODE"] });
    const challenge = String(asked.challenge);

    const start = async () =>
      String((await field(browser, START_SECOND, "startPasskeySecondFactor", { input: { challenge } })).data);
    const verify = (code: string) =>
      field(browser, VERIFY, "verifySignIn", { input: { challenge, method: "PASSKEY", code } });

    const options = JSON.parse(await start());
    expect(options.allowCredentials.map((c: { id: string }) => c.id)).toEqual([
      person.credential.id.toString("base64url"),
    ]);
    // Another person's passkey, signing this very challenge, does not count.
    expect(await verify(device.get(JSON.stringify(options), other.credential))).toMatchObject({
      __typename: "InvalidSecondFactorError",
      reason: "WRONG_CODE",
    });
    // That answer spent the challenge: the right passkey needs a new one.
    expect(await verify(device.get(JSON.stringify(options), person.credential))).toMatchObject({
      reason: "WRONG_CODE",
    });
    expect(await viewerOf(browser)).toBeNull();
    const fresh = await start();
    expect(await verify(device.get(fresh, person.credential, { origin: "https://evil.example" }))).toMatchObject({
      reason: "WRONG_CODE",
    });
    const done = await verify(device.get(await start(), person.credential));
    expect(done.__typename).toBe("VerifySignInSuccess");
    expect((await viewerOf(browser))?.id).toBe(person.user.id);
  });
});

describe("test/passkeys: the person's list", () => {
  it("renames and removes (with the password) only the person's own passkeys; a removed one no longer signs in", async () => {
    const person = await personWithPasskey();
    const stranger = await registeredBrowser(server, "Stran Ger");
    const id = person.registered.passkey.id;

    expect(
      (await field(stranger.browser, RENAME, "renamePasskey", { input: { id, name: "Mine now" } })).__typename,
    ).toBe("NotFoundError");
    const renamed = await field(person.browser, RENAME, "renamePasskey", { input: { id, name: "Phone" } });
    expect(renamed).toMatchObject({ __typename: "RenamePasskeySuccess", data: { name: "Phone" } });

    expect(
      (await field(stranger.browser, REMOVE, "removePasskey", { input: { id, currentPassword: PASSWORD } })).__typename,
    ).toBe("NotFoundError");
    expect(
      (await field(person.browser, REMOVE, "removePasskey", { input: { id, currentPassword: "wrong password!" } }))
        .__typename,
    ).toBe("WrongPasswordError");
    expect(await server.db.passkey.count({ where: { id } })).toBe(1);
    const removed = await field(person.browser, REMOVE, "removePasskey", { input: { id, currentPassword: PASSWORD } });
    expect(removed.__typename).toBe("RemovePasskeySuccess");
    expect(await server.db.passkey.count({ where: { id } })).toBe(0);
    // It was the only factor: its recovery codes go with it.
    expect(await server.db.recoveryCode.count({ where: { userId: person.user.id } })).toBe(0);
    expect(
      await server.db.auditEvent.count({ where: { action: "user.passkey.remove", targetId: person.user.id } }),
    ).toBe(1);

    const browser = new Browser(server.baseUrl);
    expect(await finishSignIn(browser, device.get(await signInOptions(browser), person.credential))).toMatchObject({
      reason: "NOT_ACCEPTED",
    });
  });
});

describe("test/passkeys: without a password, a passkey confirms it is you", () => {
  const START_REAUTH = `mutation { startPasskeyReauthentication { __typename
    ... on StartPasskeyReauthenticationSuccess { data } ${ERROR} } }`;
  const REMOVE_WITH = `mutation R($input: RemovePasskeyInput!) { removePasskey(input: $input) { __typename
    ... on RemovePasskeySuccess { data } ... on InvalidPasskeyError { reason }
    ... on ValidationError { fieldErrors { field } } ${ERROR} } }`;
  const LAST_WAY = /only way to sign in/;

  /** Options to confirm it is the person, on `browser`, as the account page asks for them. */
  async function reauthOptions(browser: Browser) {
    const started = await field(browser, START_REAUTH, "startPasskeyReauthentication");
    expect(started.__typename).toBe("StartPasskeyReauthenticationSuccess");
    return String(started.data);
  }
  const remove = (browser: Browser, input: Record<string, unknown>) =>
    field(browser, REMOVE_WITH, "removePasskey", { input });

  /** A person with two passkeys and no password, as an account made by a provider's sign-in whose link is gone. */
  async function passwordlessWithTwoPasskeys() {
    const person = await personWithPasskey("Pat Swordless");
    const options = String((await field(person.browser, START_REGISTRATION, "startPasskeyRegistration")).data);
    const phone = device.create(options);
    const added = await field(person.browser, FINISH_REGISTRATION, "finishPasskeyRegistration", {
      input: { response: phone.response, name: "Phone" },
    });
    expect(added.__typename).toBe("FinishPasskeyRegistrationSuccess");
    await server.db.user.update({ where: { id: person.user.id }, data: { passwordHash: "" } });
    const phoneId = (added.data as { passkey: { id: string } }).passkey.id;
    return { ...person, laptopId: person.registered.passkey.id, phoneId, phone: phone.credential };
  }

  it("confirms with a fresh assertion by one of the person's own passkeys, answered once", async () => {
    const person = await passwordlessWithTwoPasskeys();
    const stranger = await personWithPasskey("Stran Ger");

    // No password to enter, and no proof at all, are refused; nothing is removed.
    expect(await remove(person.browser, { id: person.laptopId, currentPassword: PASSWORD })).toMatchObject({
      __typename: "WrongPasswordError",
    });
    expect(await remove(person.browser, { id: person.laptopId })).toMatchObject({ __typename: "ValidationError" });

    const options = JSON.parse(await reauthOptions(person.browser)) as {
      userVerification: string;
      allowCredentials: { id: string }[];
    };
    expect(options.userVerification).toBe("required");
    expect(options.allowCredentials.map((entry) => entry.id).sort()).toEqual(
      [person.credential.id.toString("base64url"), person.phone.id.toString("base64url")].sort(),
    );

    // An answer for another origin, a stranger's passkey, another person's challenge or a sign-in challenge.
    const refusals = [
      device.get(await reauthOptions(person.browser), person.phone, { origin: "https://evil.example" }),
      device.get(await reauthOptions(person.browser), stranger.credential),
      device.get(await reauthOptions(stranger.browser), person.phone),
      device.get(await signInOptions(person.browser), person.phone),
    ];
    for (const passkeyResponse of refusals) {
      const refused = await remove(person.browser, { id: person.laptopId, passkeyResponse });
      expect(refused.__typename).toBe("InvalidPasskeyError");
    }
    // A password and a passkey at once is not one proof.
    const both = device.get(await reauthOptions(person.browser), person.phone);
    expect(
      await remove(person.browser, { id: person.laptopId, passkeyResponse: both, currentPassword: PASSWORD }),
    ).toMatchObject({ __typename: "ValidationError" });
    expect(await server.db.passkey.count({ where: { userId: person.user.id } })).toBe(2);

    const answer = device.get(await reauthOptions(person.browser), person.phone);
    expect(await remove(person.browser, { id: person.laptopId, passkeyResponse: answer })).toMatchObject({
      __typename: "RemovePasskeySuccess",
      data: true,
    });
    expect(await server.db.passkey.findUnique({ where: { id: person.laptopId } })).toBeNull();
    // The answer was spent: it cannot confirm a second change.
    expect(await remove(person.browser, { id: person.phoneId, passkeyResponse: answer })).toMatchObject({
      __typename: "InvalidPasskeyError",
      reason: "EXPIRED",
    });
  });

  it("lets a person without a password delete their account, confirmed by one of their passkeys", async () => {
    const DELETE = `mutation D($input: RequestAccountDeletionInput!) { requestAccountDeletion(input: $input) {
      __typename ... on RequestAccountDeletionSuccess { data { purgeAt } } ... on InvalidPasskeyError { reason }
      ${ERROR} } }`;
    const requestDeletion = (browser: Browser, input: Record<string, unknown>) =>
      field(browser, DELETE, "requestAccountDeletion", { input });
    const person = await passwordlessWithTwoPasskeys();
    const stranger = await personWithPasskey("Del Stranger");

    // No proof, a password the account does not have, or a stranger's passkey: nothing is scheduled.
    expect((await requestDeletion(person.browser, {})).__typename).toBe("ValidationError");
    expect((await requestDeletion(person.browser, { currentPassword: PASSWORD })).__typename).toBe(
      "WrongPasswordError",
    );
    const foreign = device.get(await reauthOptions(person.browser), stranger.credential);
    expect((await requestDeletion(person.browser, { passkeyResponse: foreign })).__typename).toBe(
      "InvalidPasskeyError",
    );
    expect(await server.db.accountDeletion.count({ where: { userId: person.user.id } })).toBe(0);

    const answer = device.get(await reauthOptions(person.browser), person.phone);
    const scheduled = await requestDeletion(person.browser, { passkeyResponse: answer });
    expect(scheduled.__typename).toBe("RequestAccountDeletionSuccess");
    expect(await server.db.accountDeletion.count({ where: { userId: person.user.id } })).toBe(1);
    // Every session ended with it.
    expect(await server.db.session.count({ where: { userId: person.user.id } })).toBe(0);
  });

  it("keeps the last way to sign in, and lets it go once a password is set; a code from the app confirms too", async () => {
    const person = await passwordlessWithTwoPasskeys();
    const secret = await enrolTotp(person.browser);
    const nextCode = () =>
      new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
        timestamp: Date.now() + 30_000,
      });
    const first = device.get(await reauthOptions(person.browser), person.phone);
    expect((await remove(person.browser, { id: person.laptopId, passkeyResponse: first })).__typename).toBe(
      "RemovePasskeySuccess",
    );

    // The phone is now the only way in: an authenticator app is a second step, not a way to sign in.
    const last = device.get(await reauthOptions(person.browser), person.phone);
    const refused = await remove(person.browser, { id: person.phoneId, passkeyResponse: last });
    expect(refused).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(LAST_WAY) });
    expect(await server.db.passkey.count({ where: { id: person.phoneId } })).toBe(1);

    // A wrong code is refused against the code field; a right one confirms, yet the rule still holds.
    expect(await remove(person.browser, { id: person.phoneId, code: "000000" })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "code" }],
    });
    const withCode = await remove(person.browser, { id: person.phoneId, code: nextCode() });
    expect(withCode).toMatchObject({ __typename: "ConflictError", message: expect.stringMatching(LAST_WAY) });

    // With a password set (the reset link), the passkey is no longer the last way in.
    await server.db.user.update({
      where: { id: person.user.id },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    expect(await remove(person.browser, { id: person.phoneId, currentPassword: PASSWORD })).toMatchObject({
      __typename: "RemovePasskeySuccess",
    });
    expect(await server.db.passkey.count({ where: { userId: person.user.id } })).toBe(0);
  });

  it("lets a linked provider that is switched off no longer count as a way in", async () => {
    const person = await passwordlessWithTwoPasskeys();
    await server.db.upstreamIdentity.create({
      data: {
        userId: person.user.id,
        providerSlug: "retired",
        issuer: "https://retired.example",
        subject: "gone-1",
        email: person.email,
      },
    });
    const laptop = device.get(await reauthOptions(person.browser), person.phone);
    expect((await remove(person.browser, { id: person.laptopId, passkeyResponse: laptop })).__typename).toBe(
      "RemovePasskeySuccess",
    );
    const answer = device.get(await reauthOptions(person.browser), person.phone);
    expect(await remove(person.browser, { id: person.phoneId, passkeyResponse: answer })).toMatchObject({
      __typename: "ConflictError",
      message: expect.stringMatching(LAST_WAY),
    });
  });
});
