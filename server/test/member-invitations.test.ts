import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../src/mail/mail.js";
import { addMember, clientOwnedBy, type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { Browser, REGISTER, startTestServer, type TestServer, withRegistrationProof } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DAY = 24 * 3600 * 1000;
const ERRORS = "... on Error { message } ... on ValidationError { fieldErrors { field message } }";
const INVITE = `mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { __typename
  ... on InviteMemberSuccess { data { id email state role { name } expiresAt } } ${ERRORS} } }`;
const VIEW = `query V($token: String!) { invitation(token: $token) { __typename
  ... on InvitationSuccess { data { clientName roleName email state forViewer viewerVerified } } ... on Error { message } } }`;
const ACCEPT = `mutation A($input: InvitationTokenInput!) { acceptInvitation(input: $input) { __typename
  ... on AcceptInvitationSuccess { data { clientId clientName } } ${ERRORS} } }`;
const DECLINE = `mutation D($input: InvitationTokenInput!) { declineInvitation(input: $input) { __typename
  ... on DeclineInvitationSuccess { data { clientName } } ${ERRORS} } }`;
const REVOKE = `mutation R($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { __typename
  ... on RevokeInvitationSuccess { data { id } } ${ERRORS} } }`;
const PENDING = `query P($id: ID!) { client(id: $id) { invitations { id email state role { name } } members { user { name } role { key } } } }`;

async function team(name: string) {
  const owner = await signedInPerson(server);
  const clientId = await clientOwnedBy(server, owner, name);
  const roles = await server.db.role.findMany({ where: { clientId } });
  const roleId = (key: string) => roles.find((role) => role.key === key)?.id as string;
  return { owner, clientId, roleId };
}

/** The token in the newest invitation mailed to `email`. */
async function mailedToken(email: string): Promise<string> {
  const mails = (await readOutbox(server.config.devOutboxDir)).filter(
    (mail) => mail.to === email && mail.text.includes("/invitation#token="),
  );
  const token = /\/invitation#token=([\w-]+)/.exec(mails.at(-1)?.text ?? "")?.[1];
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  return token;
}

/** Registers an account with exactly this address through GraphQL; it starts unverified. */
async function register(email: string) {
  const browser = new Browser(server.baseUrl);
  const result = await browser.graphql<{ register: { __typename: string } }>(REGISTER, {
    input: await withRegistrationProof(server.baseUrl, {
      email,
      password: "correct horse battery",
      name: "Invited Person",
    }),
  });
  expect(result.data?.register.__typename).toBe("RegisterSuccess");
  return { browser, caller: { browser } as GraphqlCaller };
}

describe("test/member-invitations: owners invite by e-mail; nobody joins without accepting", () => {
  it("known and unknown addresses get the same answer and a mail; the invitee sees client and role and accepts once", async () => {
    const { owner, clientId, roleId } = await team("Invite Co");
    const known = await signedInPerson(server);
    await server.db.user.update({ where: { id: known.user.id }, data: { emailVerified: true } });
    const unknown = `new-${Date.now()}@example.org`;

    const answers = [];
    for (const email of [known.email, unknown]) {
      const invited = await gql(server, owner.caller, INVITE, {
        input: { clientId, email, roleId: roleId("developer") },
      });
      answers.push(invited.data?.inviteMember);
    }
    for (const [index, email] of [known.email, unknown].entries()) {
      expect(answers[index]).toMatchObject({
        __typename: "InviteMemberSuccess",
        data: { email, state: "PENDING", role: { name: "Developer" } },
      });
    }
    // Nobody was added by the invitation itself.
    expect(await server.db.member.count({ where: { clientId } })).toBe(1);
    const pending = await gql(server, owner.caller, PENDING, { id: clientId });
    expect(pending.data?.client.invitations.map((i: { email: string }) => i.email).sort()).toEqual(
      [known.email, unknown].sort(),
    );

    const token = await mailedToken(known.email);
    const seen = await gql(server, known.caller, VIEW, { token });
    expect(seen.data?.invitation).toMatchObject({
      data: { clientName: "Invite Co", roleName: "Developer", state: "PENDING", forViewer: true, viewerVerified: true },
    });
    // Someone else signed in cannot answer it, nor can an anonymous caller.
    const other = await signedInPerson(server);
    const wrong = await gql(server, other.caller, ACCEPT, { input: { token } });
    expect(wrong.data?.acceptInvitation).toMatchObject({
      __typename: "ForbiddenError",
      message: "This invitation is for another e-mail address. Sign in with that address.",
    });
    const anonymous = await gql(server, { anonymous: true }, ACCEPT, { input: { token } });
    expect(anonymous.data?.acceptInvitation.__typename).toBe("NotAuthenticatedError");

    const accepted = await gql(server, known.caller, ACCEPT, { input: { token } });
    expect(accepted.data?.acceptInvitation).toMatchObject({ data: { clientId, clientName: "Invite Co" } });
    const member = await server.db.member.findFirstOrThrow({
      where: { clientId, userId: known.user.id },
      include: { role: true },
    });
    expect(member.role.key).toBe("developer");
    const again = await gql(server, known.caller, ACCEPT, { input: { token } });
    expect(again.data?.acceptInvitation).toMatchObject({ __typename: "ConflictError" });
    const declineAfter = await gql(server, known.caller, DECLINE, { input: { token } });
    expect(declineAfter.data?.declineInvitation.__typename).toBe("ConflictError");
    const actions = await server.db.auditEvent.findMany({ where: { clientId }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["member.invited", "member.added"]));
  });

  it("the invitation waits until that address registers and verifies; a declined one adds nobody", async () => {
    const { owner, clientId, roleId } = await team("Waiting Co");
    const email = `later-${Date.now()}@example.org`;
    await gql(server, owner.caller, INVITE, { input: { clientId, email, roleId: roleId("viewer") } });
    const token = await mailedToken(email);

    const person = await register(email);
    const unverified = await gql(server, person.caller, ACCEPT, { input: { token } });
    expect(unverified.data?.acceptInvitation).toMatchObject({
      __typename: "ForbiddenError",
      message: "Confirm your e-mail address first (the link we mailed you); the invitation waits.",
    });
    await server.db.user.update({ where: { email }, data: { emailVerified: true } });
    // A week later it is still there.
    server.clock.advance(7 * DAY);
    const accepted = await gql(server, person.caller, ACCEPT, { input: { token } });
    expect(accepted.data?.acceptInvitation.__typename).toBe("AcceptInvitationSuccess");

    const declinerEmail = `decliner-${Date.now()}@example.org`;
    const invitedDecliner = await gql(server, owner.caller, INVITE, {
      input: { clientId, email: declinerEmail, roleId: roleId("viewer") },
    });
    expect(invitedDecliner.data?.inviteMember.__typename).toBe("InviteMemberSuccess");
    const decliner = await register(declinerEmail);
    await server.db.user.update({ where: { email: declinerEmail }, data: { emailVerified: true } });
    const declined = await gql(server, decliner.caller, DECLINE, {
      input: { token: await mailedToken(declinerEmail) },
    });
    expect(declined.data?.declineInvitation).toMatchObject({ data: { clientName: "Waiting Co" } });
    expect(await server.db.member.count({ where: { clientId, user: { email: declinerEmail } } })).toBe(0);
  });

  it("owners list and revoke pending invitations; expired, revoked and over-level invitations are refused", async () => {
    const { owner, clientId, roleId } = await team("Revoke Co");
    const email = `revoked-${Date.now()}@example.org`;
    const invited = await gql(server, owner.caller, INVITE, { input: { clientId, email, roleId: roleId("viewer") } });
    const invitationId = invited.data?.inviteMember.data.id;
    const token = await mailedToken(email);
    const person = await register(email);
    await server.db.user.update({ where: { email }, data: { emailVerified: true } });

    const viewer = await signedInPerson(server);
    await addMember(server, clientId, viewer.user.id, "viewer");
    const byViewer = await gql(server, viewer.caller, INVITE, {
      input: { clientId, email: "x@example.org", roleId: roleId("viewer") },
    });
    expect(byViewer.data?.inviteMember.__typename).toBe("ForbiddenError");
    expect((await gql(server, viewer.caller, PENDING, { id: clientId })).data?.client.invitations).toEqual([]);
    expect(
      (await gql(server, viewer.caller, REVOKE, { input: { invitationId } })).data?.revokeInvitation.__typename,
    ).toBe("ForbiddenError");

    const revoked = await gql(server, owner.caller, REVOKE, { input: { invitationId } });
    expect(revoked.data?.revokeInvitation.__typename).toBe("RevokeInvitationSuccess");
    expect((await gql(server, owner.caller, PENDING, { id: clientId })).data?.client.invitations).toEqual([]);
    const refused = await gql(server, person.caller, ACCEPT, { input: { token } });
    expect(refused.data?.acceptInvitation).toMatchObject({
      __typename: "ConflictError",
      message: "This invitation is revoked.",
    });

    await gql(server, owner.caller, INVITE, { input: { clientId, email, roleId: roleId("viewer") } });
    const fresh = await mailedToken(email);
    server.clock.advance(15 * DAY);
    const expired = await gql(server, person.caller, ACCEPT, { input: { token: fresh } });
    expect(expired.data?.acceptInvitation).toMatchObject({
      __typename: "ConflictError",
      message: "This invitation is expired.",
    });

    // A Developer (no members:manage) cannot invite; an Admin cannot invite above their level.
    const admin = await signedInPerson(server);
    await addMember(server, clientId, admin.user.id, "admin");
    const overLevel = await gql(server, admin.caller, INVITE, {
      input: { clientId, email: "boss@example.org", roleId: roleId("owner") },
    });
    expect(overLevel.data?.inviteMember.__typename).toBe("ForbiddenError");
    const bogus = await gql(server, owner.caller, VIEW, { token: "not-a-token" });
    expect(bogus.data?.invitation.__typename).toBe("NotFoundError");
  });
});
