import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../src/mail/mail.js";
import { payloadOf as field } from "./graphql.js";
import { registeredBrowser, startTestServer, type TestServer } from "./harness.js";
import { enrolTotp } from "./staff.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const MESSAGE = "... on Error { message }";
const ERROR = `${MESSAGE} ... on ValidationError { fieldErrors { field message } }`;
const SEND = `mutation { sendReauthenticationCode { __typename
  ... on SendReauthenticationCodeSuccess { data } ... on RateLimitedError { retryAfterSeconds } ${MESSAGE} } }`;
const CAN = `{ viewer { canConfirmWithEmailCode } }`;
const CHANGE_EMAIL = `mutation C($input: ChangeEmailInput!) { changeEmail(input: $input) { __typename ${ERROR} } }`;
const DELETE = `mutation D($input: RequestAccountDeletionInput!) { requestAccountDeletion(input: $input) {
  __typename ${ERROR} } }`;

/** Someone who signed up with a social provider only: a confirmed address, no password, passkey or app. */
async function socialOnlyPerson(name = "So Cial") {
  const person = await registeredBrowser(server, name);
  const user = await server.db.user.update({
    where: { email: person.email },
    data: { passwordHash: "", emailVerified: true },
  });
  return { ...person, user };
}

type Person = Awaited<ReturnType<typeof socialOnlyPerson>>;

/** The code of the newest confirmation mail to `email`. */
async function mailedCode(email: string): Promise<string> {
  const mails = (await readOutbox(server.config.devOutboxDir)).filter((mail) => mail.to === email);
  const code = mails.at(-1)?.subject.match(/^(\d{6}) is your Gatehouse confirmation code$/)?.[1];
  if (!code) throw new Error(`no confirmation code mailed to ${email}`);
  return code;
}

const send = (person: Person) => field(person.browser, SEND, "sendReauthenticationCode");
const changeEmail = (person: Person, code: string) =>
  field(person.browser, CHANGE_EMAIL, "changeEmail", { input: { newEmail: `moved-${Date.now()}@example.org`, code } });
const pendingChanges = (person: Person) =>
  server.db.userToken.count({ where: { userId: person.user.id, purpose: "EMAIL_CHANGE" } });
const wrongCodesCounted = async (userId: string) =>
  (await server.db.rateLimiterFlexible.findUnique({ where: { key: `second-factor-failures:${userId}` } }))?.points ?? 0;
const otherThan = (code: string) => (code === "000000" ? "999999" : "000000");
const WRONG = { __typename: "ValidationError", fieldErrors: [{ field: "code" }] };

describe("test/reauthentication-email: a person with no password, passkey or app confirms with a mailed code", () => {
  it("gets a code by mail and changes the e-mail address with it, once", async () => {
    const person = await socialOnlyPerson();
    expect(await person.browser.graphql(CAN)).toMatchObject({ data: { viewer: { canConfirmWithEmailCode: true } } });
    expect(await changeEmail(person, "")).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ message: "Confirm it is you: ask for a code by e-mail, then enter it." }],
    });

    const sent = await send(person);
    expect(sent).toMatchObject({
      __typename: "SendReauthenticationCodeSuccess",
      data: expect.stringMatching(/^p•••@/),
    });
    const code = await mailedCode(person.email);
    const stored = await server.db.signInChallenge.findFirstOrThrow({ where: { userId: person.user.id } });
    expect(stored.emailCodeHash).not.toContain(code);

    expect(await changeEmail(person, code)).toMatchObject({ __typename: "ChangeEmailSuccess" });
    expect(await pendingChanges(person)).toBe(1);
    // Spent on that change: it confirms nothing more.
    expect(await changeEmail(person, code)).toMatchObject(WRONG);
    expect(await wrongCodesCounted(person.user.id)).toBe(1);
  });

  it("deletes the account with a mailed code; a wrong code is refused and counted", async () => {
    const person = await socialOnlyPerson("De Lete");
    await send(person);
    const code = await mailedCode(person.email);
    const remove = (input: Record<string, unknown>) =>
      field(person.browser, DELETE, "requestAccountDeletion", { input });

    expect(await remove({ code: otherThan(code) })).toMatchObject(WRONG);
    expect(await wrongCodesCounted(person.user.id)).toBe(1);
    expect(await server.db.accountDeletion.count({ where: { userId: person.user.id } })).toBe(0);

    expect(await remove({ code })).toMatchObject({ __typename: "RequestAccountDeletionSuccess" });
    expect(await server.db.accountDeletion.count({ where: { userId: person.user.id } })).toBe(1);
  });

  it("allows five tries per code; then only a new code works", async () => {
    const person = await socialOnlyPerson("Fi Vetries");
    await send(person);
    const code = await mailedCode(person.email);
    for (let i = 0; i < 5; i++) expect(await changeEmail(person, otherThan(code))).toMatchObject(WRONG);
    expect(await changeEmail(person, code)).toMatchObject(WRONG);
    await send(person);
    expect(await changeEmail(person, await mailedCode(person.email))).toMatchObject({
      __typename: "ChangeEmailSuccess",
    });
  });

  it("refuses an expired code, and the code before a resend", async () => {
    const person = await socialOnlyPerson("Ex Pired");
    await send(person);
    const first = await mailedCode(person.email);
    await send(person);
    const second = await mailedCode(person.email);
    if (first !== second) expect(await changeEmail(person, first)).toMatchObject(WRONG);

    await server.db.signInChallenge.updateMany({
      where: { userId: person.user.id },
      data: { emailCodeExpiresAt: new Date(Date.now() - 1000) },
    });
    expect(await changeEmail(person, second)).toMatchObject(WRONG);
    expect(await pendingChanges(person)).toBe(0);
  });

  it("never lets person B use the code mailed to person A", async () => {
    const a = await socialOnlyPerson("Per Son A");
    const b = await socialOnlyPerson("Per Son B");
    await send(a);
    await send(b);
    const codeOfA = await mailedCode(a.email);
    if (codeOfA !== (await mailedCode(b.email))) {
      expect(await changeEmail(b, codeOfA)).toMatchObject(WRONG);
    }
    // Even when B has no code of their own.
    const c = await socialOnlyPerson("Per Son C");
    expect(await changeEmail(c, codeOfA)).toMatchObject(WRONG);
    expect(await pendingChanges(b)).toBe(0);
    expect(await pendingChanges(c)).toBe(0);
    // A's code still works for A.
    expect(await changeEmail(a, codeOfA)).toMatchObject({ __typename: "ChangeEmailSuccess" });
  });

  it("mails at most five codes per account in fifteen minutes", async () => {
    const person = await socialOnlyPerson("Thr Ottle");
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await send(person)).__typename);
    expect(answers).toEqual([...Array(5).fill("SendReauthenticationCodeSuccess"), "RateLimitedError"]);
  });

  it("refuses a code by e-mail to an account with an authenticator app, or without a confirmed address", async () => {
    const person = await socialOnlyPerson("Ha Sapp");
    await send(person);
    const code = await mailedCode(person.email);
    await enrolTotp(person.browser);
    expect(await person.browser.graphql(CAN)).toMatchObject({ data: { viewer: { canConfirmWithEmailCode: false } } });
    expect(await send(person)).toMatchObject({
      __typename: "ConflictError",
      message: "Your account confirms changes with your authenticator app or a passkey, not with a code by e-mail.",
    });
    // The code mailed before the app was added proves nothing now.
    expect(await changeEmail(person, code)).toMatchObject(WRONG);
    expect(await pendingChanges(person)).toBe(0);

    const unconfirmed = await socialOnlyPerson("Un Confirmed");
    await server.db.user.update({ where: { id: unconfirmed.user.id }, data: { emailVerified: false } });
    expect(await send(unconfirmed)).toMatchObject({ __typename: "ConflictError" });
  });

  it("refuses a code by e-mail to an account with a passkey", async () => {
    const person = await socialOnlyPerson("Pa Sskey");
    await send(person);
    const code = await mailedCode(person.email);
    await server.db.passkey.create({
      data: { userId: person.user.id, credentialId: `cred-${Date.now()}`, publicKey: "AQ", name: "Key" },
    });
    expect(await send(person)).toMatchObject({ __typename: "ConflictError" });
    expect(await changeEmail(person, code)).toMatchObject(WRONG);
    expect(await pendingChanges(person)).toBe(0);
  });
});
