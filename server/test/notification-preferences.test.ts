import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxPath, readOutbox } from "../src/mail/mail.js";
import { flagExpiringSecrets } from "../src/maintenance/expiring-secrets.js";
import { clientOwnedBy, type GraphqlCaller, gql, PASSWORD, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  // One proxy of our own in front, so a sign-in can come from the network the test names.
  server = await startTestServer({ TRUST_PROXY: "true" });
});
afterAll(() => server.close());

const ERRORS = "... on Error { message }";
const PREFERENCES = `{ viewer { notificationPreferences { kind enabled } } }`;
const SET = `mutation P($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) {
  __typename ${ERRORS} } }`;
const SEND = `mutation R($input: SendAccessRequestInput!) { sendAccessRequest(input: $input) { __typename ${ERRORS} } }`;
const ENABLE = `mutation E($input: ClientScopeInput!) { enableClientScope(input: $input) { __typename ${ERRORS} } }`;
const RESET = `mutation X($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { __typename } }`;
const CREATE_SECRET = `mutation S($input: CreateClientSecretInput!) { createClientSecret(input: $input) {
  __typename ${ERRORS} } }`;
const INVITE = `mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { __typename ${ERRORS} } }`;
const ACCEPT_INVITATION = `mutation A($input: InvitationTokenInput!) { acceptInvitation(input: $input) {
  __typename ${ERRORS} } }`;
const ROLES = `query R($id: ID!) { client(id: $id) { roles { id key } } }`;
const CREATE_DOMAIN = `mutation D($input: CreateDomainInput!) { createDomain(input: $input) {
  __typename ... on CreateDomainSuccess { data { id } } ${ERRORS} } }`;
const REQUEST_VERIFICATION = `mutation V($input: RequestVerificationInput!) { requestVerification(input: $input) {
  __typename ${ERRORS} } }`;

const SIGN_IN_AT = `mutation S($input: SignInInput!) { signIn(input: $input) { __typename
  ... on SecondFactorRequiredError { challenge } } }`;
const VERIFY = `mutation V($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename } }`;

const mailsTo = async (to: string) =>
  (await readOutbox(outboxPath(server.config))).filter((message) => message.to === to).map((m) => m.subject);

async function set(caller: GraphqlCaller, kind: string, enabled: boolean) {
  const answer = await gql(server, caller, SET, { input: { kind, enabled } });
  expect(answer.data?.setNotificationPreference.__typename, JSON.stringify(answer)).toBe(
    "SetNotificationPreferenceSuccess",
  );
}

/** Waits until the outbox holds `count` mails to `to` (mail is written after the answer in some paths). */
async function settle(to: string, count: number) {
  for (let tries = 0; tries < 40 && (await mailsTo(to)).length < count; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return mailsTo(to);
}

describe("test/notification-preferences: one switch per kind of mail, per person", () => {
  let owner: Awaited<ReturnType<typeof signedInPerson>>;
  let person: Awaited<ReturnType<typeof signedInPerson>>;
  let clientId: string;

  beforeAll(async () => {
    owner = await signedInPerson(server, { name: "Olga Owner" });
    person = await signedInPerson(server, { name: "Pat Person" });
    clientId = await clientOwnedBy(server, owner, "Notify Co");
    const enabled = await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "userinfo" } });
    expect(enabled.data?.enableClientScope.__typename).toBe("EnableClientScopeSuccess");
  });

  it("lists every kind, on by default, and only for the person themselves", async () => {
    const answer = await gql(server, person.caller, PREFERENCES);
    expect(answer.data?.viewer.notificationPreferences).toEqual(
      ["ACCESS_REQUEST", "VERIFICATION", "INVITATION", "SECRET_EXPIRING", "SIGN_IN"].map((kind) => ({
        kind,
        enabled: true,
      })),
    );
    const stranger = await gql(server, { anonymous: true }, SET, { input: { kind: "SIGN_IN", enabled: false } });
    expect(stranger.data?.setNotificationPreference.__typename).toBe("NotAuthenticatedError");
  });

  it("access and test-user requests: off stops that mail only; the request itself still arrives", async () => {
    await gql(server, owner.caller, SEND, {
      input: { clientId, email: person.email, kind: "TEST_USER", scopeKeys: [] },
    });
    expect(await settle(person.email, 1)).toEqual(["Notify Co invites you to test its app"]);

    await set(person.caller, "ACCESS_REQUEST", false);
    const preferences = await gql(server, person.caller, PREFERENCES);
    expect(preferences.data?.viewer.notificationPreferences).toContainEqual({ kind: "ACCESS_REQUEST", enabled: false });
    expect(preferences.data?.viewer.notificationPreferences).toContainEqual({ kind: "SIGN_IN", enabled: true });
    const sent = await gql(server, owner.caller, SEND, {
      input: { clientId, email: person.email, kind: "ACCESS", scopeKeys: ["userinfo"] },
    });
    expect(sent.data?.sendAccessRequest.__typename).toBe("SendAccessRequestSuccess");
    expect(await server.db.accessRequest.count({ where: { clientId, kind: "ACCESS", status: "PENDING" } })).toBe(1);
    // Security mail is not switchable: the reset link still comes.
    await gql(server, { anonymous: true }, RESET, { input: { email: person.email } });
    expect(await settle(person.email, 2)).toEqual([
      "Notify Co invites you to test its app",
      "Reset your Gatehouse password",
    ]);
  });

  it("owners: a secret expiring off stops that mail, while verification and invitation mail keep coming", async () => {
    await set(owner.caller, "SECRET_EXPIRING", false);
    const soon = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    const secret = await gql(server, owner.caller, CREATE_SECRET, {
      input: { clientId, label: "Soon", expiresAt: soon },
    });
    expect(secret.data?.createClientSecret.__typename).toBe("CreateClientSecretSuccess");
    expect(await flagExpiringSecrets(server.db, new Date(), server.config)).toBeGreaterThanOrEqual(1);
    // The flag (audit event, webhook) still happens; only the mail to this owner is skipped.
    expect(await server.db.auditEvent.count({ where: { clientId, action: "secret.expiring" } })).toBe(1);

    const domain = await gql(server, owner.caller, CREATE_DOMAIN, {
      input: { clientId, rootDomain: "notify.example" },
    });
    const domainId = domain.data?.createDomain.data.id;
    const requested = await gql(server, owner.caller, REQUEST_VERIFICATION, {
      input: { clientId, domainIds: [domainId], scopeKeys: [], notes: "Please." },
    });
    expect(requested.data?.requestVerification.__typename, JSON.stringify(requested)).toBe(
      "RequestVerificationSuccess",
    );

    const roles = await gql(server, owner.caller, ROLES, { id: clientId });
    const viewer = roles.data?.client.roles.find((role: { key: string }) => role.key === "viewer");
    await server.db.user.update({ where: { id: person.user.id }, data: { emailVerified: true } });
    const invited = await gql(server, owner.caller, INVITE, {
      input: { clientId, email: person.email, roleId: viewer.id },
    });
    expect(invited.data?.inviteMember.__typename).toBe("InviteMemberSuccess");
    const link = (await readOutbox(outboxPath(server.config))).find(
      (m) => m.to === person.email && /invited/.test(m.subject),
    );
    const token = link?.text.match(/#token=([\w-]+)/)?.[1];
    const accepted = await gql(server, person.caller, ACCEPT_INVITATION, { input: { token } });
    expect(accepted.data?.acceptInvitation.__typename, JSON.stringify(accepted)).toBe("AcceptInvitationSuccess");

    expect(await settle(owner.email, 2)).toEqual([
      "Notify Co: verification requested",
      `Notify Co: ${person.email} accepted your invitation`,
    ]);
  });

  it("owners: verification off stops that mail; turning secret expiring on again brings that one back", async () => {
    const before = (await mailsTo(owner.email)).length;
    await set(owner.caller, "VERIFICATION", false);
    const domain = await gql(server, owner.caller, CREATE_DOMAIN, { input: { clientId, rootDomain: "quiet.example" } });
    const domainId = domain.data?.createDomain.data.id;
    await server.db.verificationRequest.updateMany({
      where: { clientId, status: "PENDING" },
      data: { status: "CANCELLED" },
    });
    const again = await gql(server, owner.caller, REQUEST_VERIFICATION, {
      input: { clientId, domainIds: [domainId], scopeKeys: [] },
    });
    expect(again.data?.requestVerification.__typename, JSON.stringify(again)).toBe("RequestVerificationSuccess");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await mailsTo(owner.email)).length).toBe(before);

    await set(owner.caller, "SECRET_EXPIRING", true);
    await gql(server, owner.caller, CREATE_SECRET, {
      input: { clientId, label: "Later", expiresAt: new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString() },
    });
    await flagExpiringSecrets(server.db, new Date(), server.config);
    const after = await settle(owner.email, before + 1);
    expect(after.slice(before)).toEqual([expect.stringMatching(/^A client secret of Notify Co expires on /)]);
  });

  it("a new sign-in: off stops the notice, while the sign-in code (security mail) still comes", async () => {
    const signInFrom = async (ip: string) => {
      const call = async (query: string, variables: Record<string, unknown>) => {
        const response = await fetch(`${server.baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-gatehouse-csrf": "1", "x-forwarded-for": ip },
          body: JSON.stringify({ query, variables }),
        });
        return ((await response.json()) as { data: Record<string, Record<string, string>> }).data;
      };
      const asked = await call(SIGN_IN_AT, { input: { email: person.email, password: PASSWORD } });
      expect(asked.signIn?.__typename).toBe("SecondFactorRequiredError");
      const codes = await settle(person.email, (await mailsTo(person.email)).length);
      const code = codes
        .map((subject) => subject.match(/^(\d{6}) is your Gatehouse sign-in code$/)?.[1])
        .findLast(Boolean);
      const verified = await call(VERIFY, { input: { challenge: asked.signIn?.challenge, method: "EMAIL", code } });
      expect(verified.verifySignIn?.__typename).toBe("VerifySignInSuccess");
    };
    const notices = async () => (await mailsTo(person.email)).filter((subject) => subject.startsWith("New sign-in"));

    await set(person.caller, "SIGN_IN", false);
    await signInFrom("192.0.2.10");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await notices()).toEqual([]);
    expect((await mailsTo(person.email)).some((subject) => /is your Gatehouse sign-in code$/.test(subject))).toBe(true);

    await set(person.caller, "SIGN_IN", true);
    await signInFrom("198.51.100.20");
    for (let tries = 0; tries < 40 && (await notices()).length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await notices()).toEqual(["New sign-in to your Gatehouse account"]);
  });
});
