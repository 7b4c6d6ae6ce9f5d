import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../src/mail/mail.js";
import type { MailKey, MailParams } from "../src/mail/messages/index.js";
import { composeMail, type MAIL_LANGUAGES, mailCatalogues } from "../src/mail/messages/index.js";
import { clientOwnedBy, gql, PASSWORD, signedInPerson } from "./graphql.js";
import { Browser, REGISTER, startTestServer, type TestServer, withRegistrationProof } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DUTCH_BROWSER = { "accept-language": "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7" };
const ENGLISH_BROWSER = { "accept-language": "en-GB,en;q=0.9" };

/** One example of what every mail needs; a new mail key without an example here is a type error. */
const SAMPLES: { [K in MailKey]: MailParams<K> } = {
  verifyEmail: { name: "Ada", code: "654321", link: "https://gatehouse.test/verify-email?token=t" },
  passwordReset: { name: "Ada", link: "https://gatehouse.test/reset-password?token=t" },
  emailChangeConfirm: { name: "Ada", link: "https://gatehouse.test/confirm-email-change?token=t" },
  emailChangeNotice: { name: "Ada", newEmail: "new@example.org" },
  signInCode: { name: "Ada", code: "123456" },
  reauthenticationCode: { name: "Ada", code: "123456" },
  newSignIn: { name: "Ada", browser: null, ip: "192.0.2.1", time: new Date("2026-03-05T10:00:00Z") },
  deletionScheduled: { name: "Ada", purgeAt: new Date("2026-03-19T10:00:00Z"), apps: ["Shop", "Forum"] },
  deletionCancelled: { name: "Ada" },
  invitation: {
    inviter: null,
    clientName: "Shop",
    roleName: "Developer",
    expiresAt: new Date("2026-03-19T10:00:00Z"),
    link: "https://gatehouse.test/invitation#token=t",
  },
  verificationChange: {
    clientName: "Shop",
    change: "approved",
    domains: [],
    scopes: ["email"],
    note: "Fine",
    link: "https://gatehouse.test/clients/c/verification",
  },
  secretExpiring: {
    clientName: "Shop",
    label: "Production",
    prefix: "gh_abc",
    expiresAt: new Date("2026-03-19T10:00:00Z"),
    link: "https://gatehouse.test/clients/c/secrets",
  },
  accessRequest: {
    kind: "ACCESS",
    clientName: "Shop",
    scopes: ["useraddresses"],
    link: "https://gatehouse.test/account",
  },
  invitationAnswered: {
    clientName: "Shop",
    email: "ada@example.org",
    answer: "accepted",
    roleName: "Developer",
    link: "https://gatehouse.test/clients/c/members",
  },
};

const keysOf = (language: (typeof MAIL_LANGUAGES)[number]) => Object.keys(mailCatalogues[language]).sort();

describe("test/mail-languages: every mail exists in English and Dutch", () => {
  it("both catalogues hold exactly the same mails", () => {
    expect(keysOf("en").length).toBeGreaterThan(0);
    expect(keysOf("nl")).toEqual(keysOf("en"));
    expect(Object.keys(SAMPLES).sort()).toEqual(keysOf("en"));
  });

  it("each Dutch mail is written in Dutch, keeps the links and codes, and dates read the Dutch way", () => {
    for (const key of keysOf("en") as MailKey[]) {
      const english = composeMail("en", "a@example.org", key, SAMPLES[key] as never);
      const dutch = composeMail("nl", "a@example.org", key, SAMPLES[key] as never);
      expect(dutch.subject, key).not.toBe(english.subject);
      expect(dutch.text, key).not.toBe(english.text);
      expect(`${dutch.subject}${dutch.text}`, key).not.toMatch(/\b(Hello|your|the|will be)\b/);
      for (const url of english.text.match(/https?:\/\/\S+/g) ?? []) expect(dutch.text, key).toContain(url);
    }
    expect(composeMail("nl", "a", "signInCode", SAMPLES.signInCode).subject).toBe(
      "123456 is uw inlogcode voor Gatehouse",
    );
    expect(composeMail("nl", "a", "deletionScheduled", SAMPLES.deletionScheduled).text).toContain(
      "op 19 maart 2026 verwijderd. Deze apps krijgen daarvan bericht: Shop en Forum.",
    );
    expect(composeMail("en", "a", "deletionScheduled", SAMPLES.deletionScheduled).text).toContain(
      "deleted on 19 March 2026. These apps will be told: Shop and Forum.",
    );
  });
});

/** The messages mailed to `to`, oldest first. */
const mailTo = async (to: string) =>
  (await readOutbox(server.config.devOutboxDir)).filter((message) => message.to === to);

async function register(headers: Record<string, string>) {
  const email = `lang-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const browser = new Browser(server.baseUrl, headers);
  const result = await browser.graphql<{ register: { __typename: string } }>(REGISTER, {
    input: await withRegistrationProof(server.baseUrl, { email, password: PASSWORD, name: "Bram de Vries" }),
  });
  expect(result.data?.register.__typename).toBe("RegisterSuccess");
  return { email, browser };
}

const CHANGE_EMAIL = `mutation C($input: ChangeEmailInput!) { changeEmail(input: $input) { __typename
  ... on ChangeEmailSuccess { data } ... on Error { message } } }`;
const INVITE = `mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { __typename
  ... on InviteMemberSuccess { data { id } } ... on Error { message } } }`;

describe("test/mail-languages: the recipient's language, else the request's, else English", () => {
  it("a registration from a Dutch browser gets its confirmation link in Dutch; others in English", async () => {
    const dutch = await register(DUTCH_BROWSER);
    const [confirm] = await mailTo(dutch.email);
    expect(confirm?.subject).toBe("Bevestig uw e-mailadres");
    expect(confirm?.text).toMatch(
      /^Beste Bram de Vries,\n\nUw code om uw e-mailadres voor Gatehouse te bevestigen is:\n\n\d{6}\n/,
    );
    expect(confirm?.text).toMatch(/\/verify-email\?token=[\w-]+/);

    for (const headers of [ENGLISH_BROWSER, {}, { "accept-language": "de-DE,de;q=0.9" }]) {
      const other = await register(headers);
      expect((await mailTo(other.email)).map((mail) => mail.subject)).toEqual(["Confirm your e-mail address"]);
    }
  });

  it("a person whose account speaks Dutch gets the e-mail change mails in Dutch, even from an English browser", async () => {
    const person = await register(ENGLISH_BROWSER);
    const user = await server.db.user.findUniqueOrThrow({ where: { email: person.email } });
    await server.db.userPreference.upsert({
      where: { userId: user.id },
      create: { userId: user.id, language: "nl" },
      update: { language: "nl" },
    });
    const newEmail = `nieuw-${Date.now()}@example.org`;
    const changed = await person.browser.graphql<{ changeEmail: { __typename: string } }>(CHANGE_EMAIL, {
      input: { currentPassword: PASSWORD, newEmail },
    });
    expect(changed.data?.changeEmail.__typename).toBe("ChangeEmailSuccess");
    const [confirm] = await mailTo(newEmail);
    expect(confirm?.subject).toBe("Bevestig uw nieuwe e-mailadres");
    expect(confirm?.text).toMatch(/\/confirm-email-change\?token=[\w-]+/);
    const notice = (await mailTo(person.email)).at(-1);
    expect(notice?.subject).toBe("Uw e-mailadres wordt gewijzigd");
    expect(notice?.text).toContain(newEmail);

    // Back to "follow the browser": the request's language decides again.
    await server.db.userPreference.update({ where: { userId: user.id }, data: { language: null } });
    const again = await person.browser.graphql<{ changeEmail: { __typename: string } }>(CHANGE_EMAIL, {
      input: { currentPassword: PASSWORD, newEmail: `again-${newEmail}` },
    });
    expect(again.data?.changeEmail.__typename).toBe("ChangeEmailSuccess");
    expect((await mailTo(`again-${newEmail}`)).map((mail) => mail.subject)).toEqual([
      "Confirm your new e-mail address",
    ]);
  });

  it("an invitation reads in the invitee's account language, else in the inviting browser's", async () => {
    const owner = await signedInPerson(server, { name: "Olga Owner" });
    const clientId = await clientOwnedBy(server, owner, "Taal BV");
    const roleId = (await server.db.role.findUniqueOrThrow({ where: { clientId_key: { clientId, key: "developer" } } }))
      .id;
    const dutchInvitee = await signedInPerson(server);
    await server.db.userPreference.create({ data: { userId: dutchInvitee.user.id, language: "nl" } });
    const stranger = `vreemde-${Date.now()}@example.org`;
    for (const email of [dutchInvitee.email, stranger]) {
      const invited = await gql(server, owner.caller, INVITE, { input: { clientId, email, roleId } });
      expect(invited.data?.inviteMember.__typename).toBe("InviteMemberSuccess");
    }
    const [toDutch] = await mailTo(dutchInvitee.email);
    expect(toDutch?.subject).toBe("U bent uitgenodigd voor Taal BV op Gatehouse");
    expect(toDutch?.text).toMatch(/^Olga Owner nodigt u uit om Taal BV op Gatehouse mee te beheren, als Developer\./);
    expect(toDutch?.text).toMatch(/\/invitation#token=[\w-]+/);
    // The owner's browser sent no language (Node's fetch says "*"), so the stranger reads English.
    expect((await mailTo(stranger)).map((mail) => mail.subject)).toEqual(["You are invited to Taal BV on Gatehouse"]);

    const dutchOwner = { browser: new Browser(server.baseUrl, DUTCH_BROWSER) };
    const signedIn = await dutchOwner.browser.graphql<{ signIn: { __typename: string } }>(
      `mutation S($input: SignInInput!) { signIn(input: $input) { __typename } }`,
      { input: { email: owner.email, password: PASSWORD } },
    );
    expect(signedIn.data?.signIn.__typename).toBe("SignInSuccess");
    const other = `ander-${Date.now()}@example.org`;
    const invited = await gql(server, dutchOwner, INVITE, { input: { clientId, email: other, roleId } });
    expect(invited.data?.inviteMember.__typename).toBe("InviteMemberSuccess");
    expect((await mailTo(other)).map((mail) => mail.subject)).toEqual(["U bent uitgenodigd voor Taal BV op Gatehouse"]);
  });
});
