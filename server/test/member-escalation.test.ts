import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newApiToken } from "../src/core/auth/api-token.js";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ADD = `mutation A($input: AddMemberInput!) { addMember(input: $input) { __typename
  ... on AddMemberSuccess { data { email expiresAt role { key } } } ... on Error { message } } }`;
const UPDATE = `mutation U($input: UpdateMemberInput!) { updateMember(input: $input) { __typename
  ... on UpdateMemberSuccess { data { id } } ... on Error { message } } }`;
const UPDATE_ROLE = `mutation U($input: UpdateRoleInput!) { updateRole(input: $input) { __typename
  ... on UpdateRoleSuccess { data { id } } ... on Error { message } } }`;
const CREATE_SECRET = `mutation S($input: CreateClientSecretInput!) { createClientSecret(input: $input) { __typename
  ... on Error { message } } }`;
const SEND = `mutation S($input: SendAccessRequestInput!) { sendAccessRequest(input: $input) { __typename
  ... on SendAccessRequestSuccess { data { email kind scopes } } ... on Error { message } } }`;

const roleId = async (clientId: string, key: string) =>
  (await server.db.role.findUniqueOrThrow({ where: { clientId_key: { clientId, key } } })).id;

/** A client with a "team lead" who holds members:manage and users:read but not secrets:manage. */
async function teamWithLead() {
  const owner = await signedInPerson(server);
  const clientId = await clientOwnedBy(server, owner, "Escalation Co");
  const lead = await signedInPerson(server);
  const role = await server.db.role.create({
    data: {
      clientId,
      key: "lead",
      name: "Team lead",
      level: 60,
      permissions: { create: [{ permission: "members:manage" }, { permission: "users:read" }] },
    },
  });
  const leadMember = await server.db.member.create({ data: { clientId, userId: lead.user.id, roleId: role.id } });
  // Straight in the database: how tokens are minted is another test's concern.
  const token = newApiToken();
  await server.db.apiToken.create({
    data: { userId: lead.user.id, label: "lead", tokenHash: token.tokenHash, prefix: token.prefix },
  });
  return { owner, clientId, lead, leadMember, doors: { session: lead.caller, apiToken: { bearer: token.value } } };
}

describe("test/member-escalation: nobody grants what they do not hold", () => {
  it("a member with members:manage cannot give anyone (themselves included) a role with permissions they lack", async () => {
    const t = await teamWithLead();
    const developerRole = await roleId(t.clientId, "developer");
    const colleague = await signedInPerson(server);
    await server.db.user.update({ where: { id: colleague.user.id }, data: { emailVerified: true } });
    const colleagueMember = await addMember(server, t.clientId, colleague.user.id, "viewer");

    for (const [door, caller] of Object.entries(t.doors) as [string, GraphqlCaller][]) {
      const self = await gql(server, caller, UPDATE, { input: { memberId: t.leadMember.id, roleId: developerRole } });
      expect(self.data?.updateMember, door).toEqual({
        __typename: "ForbiddenError",
        message: "You cannot change your own membership.",
      });
      const other = await gql(server, caller, UPDATE, {
        input: { memberId: colleagueMember.id, roleId: developerRole },
      });
      expect(other.data?.updateMember, door).toEqual({
        __typename: "ForbiddenError",
        message:
          "You cannot grant permissions you do not hold: audit:read, domains:manage, scopes:manage, secrets:manage.",
      });
      const added = await gql(server, caller, ADD, {
        input: { clientId: t.clientId, email: (await signedInPerson(server)).email, roleId: developerRole },
      });
      expect(added.data?.addMember.__typename, door).toBe("ForbiddenError");
      const secret = await gql(server, caller, CREATE_SECRET, { input: { clientId: t.clientId, label: "stolen" } });
      expect(secret.data?.createClientSecret.__typename, door).toBe("ForbiddenError");
    }
    expect((await server.db.member.findUniqueOrThrow({ where: { id: t.leadMember.id } })).roleId).toBe(
      t.leadMember.roleId,
    );
    expect((await server.db.member.findUniqueOrThrow({ where: { id: colleagueMember.id } })).roleId).toBe(
      await roleId(t.clientId, "viewer"),
    );
    expect(await server.db.clientSecret.count({ where: { clientId: t.clientId } })).toBe(0);

    // Within their own rights it still works: the Viewer role holds only users:read.
    const allowed = await gql(server, t.lead.caller, UPDATE, {
      input: { memberId: colleagueMember.id, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(allowed.data?.updateMember.__typename).toBe("UpdateMemberSuccess");
  });

  it("a temporary member cannot remove their own expiry", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Temporary Co");
    const temp = await signedInPerson(server);
    const expiresAt = new Date(Date.now() + 3_600_000);
    const member = await addMember(server, clientId, temp.user.id, "admin", expiresAt);
    const cleared = await gql(server, temp.caller, UPDATE, { input: { memberId: member.id, expiresAt: null } });
    expect(cleared.data?.updateMember).toEqual({
      __typename: "ForbiddenError",
      message: "You cannot change your own membership.",
    });
    expect((await server.db.member.findUniqueOrThrow({ where: { id: member.id } })).expiresAt).toEqual(expiresAt);
  });

  it("role edits follow the subset rule: no adding, and no editing a role that holds more than the editor", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Roles Co");
    const editor = await signedInPerson(server);
    const editorRole = await server.db.role.create({
      data: {
        clientId,
        key: "role-admin",
        name: "Role admin",
        level: 70,
        permissions: { create: [{ permission: "roles:manage" }, { permission: "users:read" }] },
      },
    });
    await server.db.member.create({ data: { clientId, userId: editor.user.id, roleId: editorRole.id } });

    const grow = await gql(server, editor.caller, UPDATE_ROLE, {
      input: { roleId: editorRole.id, permissions: ["ROLES_MANAGE", "USERS_READ", "SECRETS_MANAGE"] },
    });
    expect(grow.data?.updateRole).toEqual({
      __typename: "ForbiddenError",
      message: "You cannot grant permissions you do not hold: secrets:manage.",
    });
    const rename = await gql(server, editor.caller, UPDATE_ROLE, {
      input: { roleId: await roleId(clientId, "developer"), name: "Dev" },
    });
    expect(rename.data?.updateRole.__typename).toBe("ForbiddenError");
    expect((await server.db.role.findUniqueOrThrow({ where: { id: await roleId(clientId, "developer") } })).name).toBe(
      "Developer",
    );
    const viewerRename = await gql(server, editor.caller, UPDATE_ROLE, {
      input: { roleId: await roleId(clientId, "viewer"), name: "Reader" },
    });
    expect(viewerRename.data?.updateRole.__typename).toBe("UpdateRoleSuccess");
  });
});

describe("test/member-escalation: answers that reveal no account", () => {
  it("addMember answers identically for verified, unverified, unknown and existing members; only the verified one joins", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Oracle Co");
    const verified = await signedInPerson(server, { name: "Vera Verified" });
    await server.db.user.update({ where: { id: verified.user.id }, data: { emailVerified: true } });
    const unverified = await signedInPerson(server, { name: "Una Unverified" });
    const existing = await signedInPerson(server, { name: "Ed Existing" });
    await addMember(server, clientId, existing.user.id, "viewer");
    const viewerRole = await roleId(clientId, "viewer");

    const answers: Record<string, unknown> = {};
    for (const [label, email] of [
      ["verified", verified.email],
      ["unverified", unverified.email],
      ["unknown", "nobody-here@example.org"],
      ["existing", existing.email],
    ] as const) {
      const answer = await gql(server, owner.caller, ADD, { input: { clientId, email, roleId: viewerRole } });
      answers[label] = { ...answer.data?.addMember, data: { ...answer.data?.addMember.data, email: "<email>" } };
      expect(JSON.stringify(answer)).not.toMatch(/Vera|Una|Ed Existing/);
    }
    const expected = {
      __typename: "AddMemberSuccess",
      data: { email: "<email>", expiresAt: null, role: { key: "viewer" } },
    };
    expect(answers).toEqual({ verified: expected, unverified: expected, unknown: expected, existing: expected });
    const members = await server.db.member.findMany({ where: { clientId }, select: { userId: true } });
    expect(members.map((member) => member.userId).sort()).toEqual(
      [owner.user.id, verified.user.id, existing.user.id].sort(),
    );
  });

  it("sendAccessRequest with client credentials answers identically for known and unknown addresses", async () => {
    const partner = await createPartner(server.db);
    const known = await signedInPerson(server, { name: "Kim Known" });
    const send = (email: string) =>
      gql(server, { client: partner.credentials }, SEND, {
        input: { clientId: partner.client.id, email, kind: "ACCESS", scopeKeys: ["userinfo"] },
      });
    const forKnown = await send(known.email);
    const forUnknown = await send("nobody-known@example.org");
    const forKnownAgain = await send(known.email);
    const neutral = (email: string) => ({
      status: 200,
      data: {
        sendAccessRequest: {
          __typename: "SendAccessRequestSuccess",
          data: { email, kind: "ACCESS", scopes: ["userinfo"] },
        },
      },
    });
    expect(forKnown).toEqual(neutral(known.email));
    expect(forUnknown).toEqual(neutral("nobody-known@example.org"));
    expect(forKnownAgain).toEqual(neutral(known.email));
    expect(await server.db.accessRequest.count({ where: { clientId: partner.client.id } })).toBe(1);
  });
});

describe("test/member-escalation: the last Owner under concurrency", () => {
  it("two Owners removing each other at the same moment leave exactly one Owner", async () => {
    for (let round = 0; round < 3; round++) {
      const first = await signedInPerson(server);
      const second = await signedInPerson(server);
      const clientId = await clientOwnedBy(server, first, `Race ${round}`);
      const secondMember = await addMember(server, clientId, second.user.id, "owner");
      const firstMember = await server.db.member.findUniqueOrThrow({
        where: { clientId_userId: { clientId, userId: first.user.id } },
      });
      const REMOVE = `mutation R($input: RemoveMemberInput!) { removeMember(input: $input) { __typename } }`;
      const answers = await Promise.all([
        gql(server, first.caller, REMOVE, { input: { memberId: secondMember.id } }),
        gql(server, second.caller, REMOVE, { input: { memberId: firstMember.id } }),
      ]);
      const kinds = answers.map((answer) => answer.data?.removeMember?.__typename ?? "fault");
      // The loser is refused as the last Owner, or (if the winner finished first) is no longer a member at all.
      expect(kinds.filter((kind) => kind === "RemoveMemberSuccess")).toHaveLength(1);
      expect(kinds.filter((kind) => kind !== "RemoveMemberSuccess")[0]).toMatch(/^(ConflictError|NotFoundError)$/);
      expect(await server.db.member.count({ where: { clientId, role: { key: "owner" } } })).toBe(1);
    }
  });
});
