import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const TEAM = `query Team($id: ID!) { client(id: $id) {
  id
  roles { id key name level builtIn status expiresAt permissions group description }
  members { id expiresAt user { name email } role { key level } }
} }`;
const CREATE_ROLE = `mutation C($input: CreateRoleInput!) { createRole(input: $input) { __typename
  ... on CreateRoleSuccess { data { id key name level status permissions group description builtIn } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const UPDATE_ROLE = `mutation U($input: UpdateRoleInput!) { updateRole(input: $input) { __typename
  ... on UpdateRoleSuccess { data { id key name level status permissions } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const DELETE_ROLE = `mutation D($input: DeleteRoleInput!) { deleteRole(input: $input) { __typename
  ... on DeleteRoleSuccess { data { id key } } ... on Error { message } } }`;
const ADD = `mutation A($input: AddMemberInput!) { addMember(input: $input) { __typename
  ... on AddMemberSuccess { data { email expiresAt role { key } } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const UPDATE = `mutation U($input: UpdateMemberInput!) { updateMember(input: $input) { __typename
  ... on UpdateMemberSuccess { data { id expiresAt role { key } } } ... on Error { message } } }`;
const REMOVE = `mutation R($input: RemoveMemberInput!) { removeMember(input: $input) { __typename
  ... on RemoveMemberSuccess { data { id email } } ... on Error { message } } }`;
const CREATE_TOKEN = `mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename ... on CreateApiTokenSuccess { data { value } } } }`;

const roleId = async (clientId: string, key: string) =>
  (await server.db.role.findUniqueOrThrow({ where: { clientId_key: { clientId, key } } })).id;

/** A client with an Owner, an Admin, a Developer, a Viewer and an outsider (Owner of another client). */
async function team(name = "Team Co") {
  const owner = await signedInPerson(server, { name: "Olive Owner" });
  const admin = await signedInPerson(server);
  const developer = await signedInPerson(server);
  const viewer = await signedInPerson(server);
  const outsider = await signedInPerson(server);
  const clientId = await clientOwnedBy(server, owner, name);
  await clientOwnedBy(server, outsider, `${name} rival`);
  const members = {
    admin: await addMember(server, clientId, admin.user.id, "admin"),
    developer: await addMember(server, clientId, developer.user.id, "developer"),
    viewer: await addMember(server, clientId, viewer.user.id, "viewer"),
    owner: await server.db.member.findUniqueOrThrow({
      where: { clientId_userId: { clientId, userId: owner.user.id } },
    }),
  };
  return { owner, admin, developer, viewer, outsider, clientId, members };
}

const newRole = (clientId: string, extra: Record<string, unknown> = {}) => ({
  clientId,
  name: "Support",
  key: "support",
  level: 30,
  permissions: ["USERS_READ"],
  ...extra,
});

describe("test/graphql-members: roles and members", () => {
  it("shows roles and members to every member, and nothing to outsiders", async () => {
    const t = await team();
    const seen = await gql(server, t.viewer.caller, TEAM, { id: t.clientId });
    expect(seen.errors).toBeUndefined();
    const roles = seen.data?.client.roles;
    expect(roles.map((role: { key: string }) => role.key)).toEqual(["owner", "admin", "developer", "viewer"]);
    expect(roles[3]).toMatchObject({
      name: "Viewer",
      level: 10,
      builtIn: true,
      status: "ACTIVE",
      permissions: ["USERS_READ"],
    });
    expect(roles[0].permissions).toHaveLength(10);
    const members = seen.data?.client.members;
    expect(members).toHaveLength(4);
    expect(members[0]).toMatchObject({
      // Viewers recognise teammates by name; e-mail addresses need members:manage (test/least-privilege).
      user: { name: "Olive Owner", email: null },
      role: { key: "owner", level: 100 },
    });
    expect(members.map((member: { role: { key: string } }) => member.role.key)).toEqual([
      "owner",
      "admin",
      "developer",
      "viewer",
    ]);

    const outside = await gql(server, t.outsider.caller, TEAM, { id: t.clientId });
    expect(outside.data?.client).toBeNull();
  });

  it("loads roles, members and their users in a fixed number of queries", async () => {
    const t = await team("Batch Co");
    const before = server.sqlCount();
    await gql(server, t.owner.caller, TEAM, { id: t.clientId });
    const fewMembers = server.sqlCount() - before;
    for (let i = 0; i < 5; i++) {
      const extra = await signedInPerson(server);
      await addMember(server, t.clientId, extra.user.id, "viewer");
    }
    const start = server.sqlCount();
    const many = await gql(server, t.owner.caller, TEAM, { id: t.clientId });
    expect(many.data?.client.members).toHaveLength(9);
    expect(server.sqlCount() - start).toBe(fewMembers);
  });

  it("lets partner tooling read its own roles but not manage them", async () => {
    const partner = await createPartner(server.db);
    await server.db.role.create({ data: { clientId: partner.client.id, key: "ops", name: "Ops", level: 40 } });
    const caller = { client: partner.credentials };
    const seen = await gql(server, caller, TEAM, { id: partner.client.id });
    expect(seen.data?.client.roles.map((role: { key: string }) => role.key)).toEqual(["ops"]);
    const refused = await gql(server, caller, CREATE_ROLE, { input: newRole(partner.client.id) });
    expect(refused.data?.createRole.__typename).toBe("ForbiddenError");
    expect(refused.data?.createRole.message).toMatch(/roles:manage/);
  });

  it("creates a role for Owners and Admins, with an audit event", async () => {
    const t = await team();
    const created = await gql(server, t.admin.caller, CREATE_ROLE, {
      input: newRole(t.clientId, {
        description: "Answers tickets",
        group: "Help desk",
        permissions: ["USERS_READ", "AUDIT_READ"],
      }),
    });
    expect(created.data?.createRole).toMatchObject({
      __typename: "CreateRoleSuccess",
      data: {
        key: "support",
        name: "Support",
        level: 30,
        status: "ACTIVE",
        builtIn: false,
        group: "Help desk",
        description: "Answers tickets",
      },
    });
    expect([...(created.data?.createRole.data.permissions ?? [])].sort()).toEqual(["AUDIT_READ", "USERS_READ"]);
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { clientId: t.clientId, action: "role.created" },
    });
    expect(event).toMatchObject({
      actorUserId: t.admin.user.id,
      targetType: "Role",
      targetId: created.data?.createRole.data.id,
    });
    expect(JSON.parse(event.details ?? "{}")).toEqual({
      before: null,
      after: {
        key: "support",
        name: "Support",
        level: 30,
        status: "ACTIVE",
        expiresAt: null,
        permissions: ["audit:read", "users:read"],
      },
    });
    const byOwner = await gql(server, t.owner.caller, CREATE_ROLE, {
      input: newRole(t.clientId, { key: "lead", level: 100 }),
    });
    expect(byOwner.data?.createRole.__typename).toBe("CreateRoleSuccess");
  });

  it("refuses roles above the caller's level, permissions they lack, and callers without roles:manage", async () => {
    const t = await team();
    const above = await gql(server, t.admin.caller, CREATE_ROLE, { input: newRole(t.clientId, { level: 81 }) });
    expect(above.data?.createRole).toEqual({
      __typename: "ForbiddenError",
      message: "You cannot manage a role above your own level (80).",
    });
    for (const person of [t.developer, t.viewer]) {
      const refused = await gql(server, person.caller, CREATE_ROLE, { input: newRole(t.clientId) });
      expect(refused.data?.createRole.__typename).toBe("ForbiddenError");
    }
    const outside = await gql(server, t.outsider.caller, CREATE_ROLE, { input: newRole(t.clientId) });
    expect(outside.data?.createRole).toEqual({ __typename: "NotFoundError", message: "Client not found." });

    // A manager role that may manage roles but not secrets cannot hand out secrets:manage.
    const manager = await signedInPerson(server);
    const managerRole = await server.db.role.create({
      data: {
        clientId: t.clientId,
        key: "manager",
        name: "Manager",
        level: 60,
        permissions: { create: [{ permission: "roles:manage" }, { permission: "users:read" }] },
      },
    });
    await server.db.member.create({ data: { clientId: t.clientId, userId: manager.user.id, roleId: managerRole.id } });
    const lacking = await gql(server, manager.caller, CREATE_ROLE, {
      input: newRole(t.clientId, { permissions: ["USERS_READ", "SECRETS_MANAGE"] }),
    });
    expect(lacking.data?.createRole).toEqual({
      __typename: "ForbiddenError",
      message: "You cannot grant permissions you do not hold: secrets:manage.",
    });
    expect(await server.db.role.count({ where: { clientId: t.clientId, key: "support" } })).toBe(0);
    const allowed = await gql(server, manager.caller, CREATE_ROLE, { input: newRole(t.clientId, { level: 60 }) });
    expect(allowed.data?.createRole.__typename).toBe("CreateRoleSuccess");
  });

  it("validates the key and keeps it unique per client", async () => {
    const t = await team();
    const bad = await gql(server, t.owner.caller, CREATE_ROLE, {
      input: newRole(t.clientId, { key: "Support Team", name: " " }),
    });
    expect(bad.data?.createRole.__typename).toBe("ValidationError");
    expect(bad.data?.createRole.fieldErrors).toEqual([
      { field: "name", message: "Enter a name for the role." },
      { field: "key", message: "Use only lowercase letters, digits and hyphens in the key." },
    ]);
    const taken = await gql(server, t.owner.caller, CREATE_ROLE, { input: newRole(t.clientId, { key: "viewer" }) });
    expect(taken.data?.createRole).toEqual({
      __typename: "ConflictError",
      message: 'This client already has a role with the key "viewer".',
    });
    expect(await server.db.role.count({ where: { clientId: t.clientId } })).toBe(4);
  });

  it("updates roles within the caller's level and protects built-in keys and the Owner role", async () => {
    const t = await team();
    const supportId = (await gql(server, t.owner.caller, CREATE_ROLE, { input: newRole(t.clientId) })).data?.createRole
      .data.id;
    const updated = await gql(server, t.admin.caller, UPDATE_ROLE, {
      input: { roleId: supportId, name: "Support desk", level: 40, permissions: ["USERS_READ", "REQUESTS_SEND"] },
    });
    expect(updated.data?.updateRole).toMatchObject({
      __typename: "UpdateRoleSuccess",
      data: { name: "Support desk", key: "support", level: 40 },
    });
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { targetId: supportId, action: "role.updated" },
    });
    expect(JSON.parse(event.details ?? "{}")).toMatchObject({
      before: { name: "Support", level: 30, permissions: ["users:read"] },
      after: { name: "Support desk", level: 40, permissions: ["requests:send", "users:read"] },
    });

    const ownerRole = await roleId(t.clientId, "owner");
    const adminEditsOwner = await gql(server, t.admin.caller, UPDATE_ROLE, {
      input: { roleId: ownerRole, name: "Boss" },
    });
    expect(adminEditsOwner.data?.updateRole.__typename).toBe("ForbiddenError");
    const raise = await gql(server, t.admin.caller, UPDATE_ROLE, { input: { roleId: supportId, level: 90 } });
    expect(raise.data?.updateRole.__typename).toBe("ForbiddenError");
    const rekey = await gql(server, t.owner.caller, UPDATE_ROLE, {
      input: { roleId: await roleId(t.clientId, "viewer"), key: "reader" },
    });
    expect(rekey.data?.updateRole.fieldErrors).toEqual([
      { field: "key", message: "The key of a built-in role cannot change." },
    ]);
    const disableOwner = await gql(server, t.owner.caller, UPDATE_ROLE, {
      input: { roleId: ownerRole, status: "DISABLED" },
    });
    expect(disableOwner.data?.updateRole).toEqual({
      __typename: "ConflictError",
      message: "A client needs at least one Owner.",
    });
    const byDeveloper = await gql(server, t.developer.caller, UPDATE_ROLE, { input: { roleId: supportId, name: "x" } });
    expect(byDeveloper.data?.updateRole.__typename).toBe("ForbiddenError");
    const byOutsider = await gql(server, t.outsider.caller, UPDATE_ROLE, { input: { roleId: supportId, name: "x" } });
    expect(byOutsider.data?.updateRole).toEqual({ __typename: "NotFoundError", message: "Role not found." });
    expect(await server.db.role.findUniqueOrThrow({ where: { id: ownerRole } })).toMatchObject({
      name: "Owner",
      status: "ACTIVE",
    });
    expect((await server.db.role.findUniqueOrThrow({ where: { id: supportId } })).name).toBe("Support desk");

    // Disabling a role takes its members' access away at once.
    const viewerRole = await roleId(t.clientId, "viewer");
    const disabled = await gql(server, t.owner.caller, UPDATE_ROLE, {
      input: { roleId: viewerRole, status: "DISABLED" },
    });
    expect(disabled.data?.updateRole.data.status).toBe("DISABLED");
    expect((await gql(server, t.viewer.caller, TEAM, { id: t.clientId })).data?.client).toBeNull();
  });

  it("deletes custom roles without members only", async () => {
    const t = await team();
    const supportId = (await gql(server, t.owner.caller, CREATE_ROLE, { input: newRole(t.clientId) })).data?.createRole
      .data.id;
    const builtIn = await gql(server, t.owner.caller, DELETE_ROLE, {
      input: { roleId: await roleId(t.clientId, "viewer") },
    });
    expect(builtIn.data?.deleteRole).toEqual({
      __typename: "ConflictError",
      message: "Built-in roles cannot be deleted.",
    });
    const helper = await signedInPerson(server);
    const helperMember = await server.db.member.create({
      data: { clientId: t.clientId, userId: helper.user.id, roleId: supportId },
    });
    const inUse = await gql(server, t.owner.caller, DELETE_ROLE, { input: { roleId: supportId } });
    expect(inUse.data?.deleteRole.__typename).toBe("ConflictError");
    expect(inUse.data?.deleteRole.message).toMatch(/still has 1 member/);
    await server.db.member.delete({ where: { id: helperMember.id } });
    const outside = await gql(server, t.outsider.caller, DELETE_ROLE, { input: { roleId: supportId } });
    expect(outside.data?.deleteRole.__typename).toBe("NotFoundError");
    const byViewer = await gql(server, t.viewer.caller, DELETE_ROLE, { input: { roleId: supportId } });
    expect(byViewer.data?.deleteRole.__typename).toBe("ForbiddenError");
    expect(await server.db.role.count({ where: { id: supportId } })).toBe(1);
    const deleted = await gql(server, t.admin.caller, DELETE_ROLE, { input: { roleId: supportId } });
    expect(deleted.data?.deleteRole).toEqual({
      __typename: "DeleteRoleSuccess",
      data: { id: supportId, key: "support" },
    });
    expect(await server.db.role.count({ where: { id: supportId } })).toBe(0);
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { targetId: supportId, action: "role.deleted" },
    });
    expect(event.actorUserId).toBe(t.admin.user.id);
    expect(JSON.parse(event.details ?? "{}").before).toMatchObject({ key: "support", level: 30 });
  });

  it("adds members by e-mail, with an audit event, also through a personal API token", async () => {
    const t = await team();
    const newcomer = await signedInPerson(server, { name: "Nina New" });
    await server.db.user.update({ where: { id: newcomer.user.id }, data: { emailVerified: true } });
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const added = await gql(server, t.admin.caller, ADD, {
      input: {
        clientId: t.clientId,
        email: `  ${newcomer.email.toUpperCase()} `,
        roleId: await roleId(t.clientId, "developer"),
        expiresAt,
      },
    });
    expect(added.data?.addMember).toEqual({
      __typename: "AddMemberSuccess",
      data: { email: newcomer.email, role: { key: "developer" }, expiresAt },
    });
    const membership = await server.db.member.findUniqueOrThrow({
      where: { clientId_userId: { clientId: t.clientId, userId: newcomer.user.id } },
    });
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { clientId: t.clientId, action: "member.added" },
    });
    expect(event).toMatchObject({ actorUserId: t.admin.user.id, targetId: membership.id });
    expect(JSON.parse(event.details ?? "{}")).toEqual({
      before: null,
      after: { email: newcomer.email, role: "developer", expiresAt },
    });
    expect((await gql(server, newcomer.caller, TEAM, { id: t.clientId })).data?.client.id).toBe(t.clientId);

    const token = (
      await gql(server, t.owner.caller, CREATE_TOKEN, {
        input: { label: "team sync", currentPassword: "correct horse battery" },
      })
    ).data?.createApiToken.data.value;
    const other = await signedInPerson(server);
    await server.db.user.update({ where: { id: other.user.id }, data: { emailVerified: true } });
    const viaToken = await gql(server, { bearer: token }, ADD, {
      input: { clientId: t.clientId, email: other.email, roleId: await roleId(t.clientId, "viewer") },
    });
    expect(viaToken.data?.addMember.__typename).toBe("AddMemberSuccess");
    const otherMember = await server.db.member.findUniqueOrThrow({
      where: { clientId_userId: { clientId: t.clientId, userId: other.user.id } },
    });
    expect((await server.db.auditEvent.findFirstOrThrow({ where: { targetId: otherMember.id } })).actorUserId).toBe(
      t.owner.user.id,
    );
  });

  it("refuses roles above the caller, other clients' roles and callers without members:manage", async () => {
    const t = await team();
    const person = await signedInPerson(server);
    const viewerRole = await roleId(t.clientId, "viewer");
    const input = { clientId: t.clientId, email: person.email, roleId: viewerRole };
    const invalid = await gql(server, t.owner.caller, ADD, { input: { ...input, email: "not-an-address" } });
    expect(invalid.data?.addMember.fieldErrors).toEqual([{ field: "email", message: "Enter a valid e-mail address." }]);
    const past = await gql(server, t.owner.caller, ADD, { input: { ...input, expiresAt: "2020-01-01T00:00:00.000Z" } });
    expect(past.data?.addMember.fieldErrors).toEqual([
      { field: "expiresAt", message: "The expiry date must be in the future." },
    ]);
    const aboveOwn = await gql(server, t.admin.caller, ADD, {
      input: { ...input, roleId: await roleId(t.clientId, "owner") },
    });
    expect(aboveOwn.data?.addMember).toEqual({
      __typename: "ForbiddenError",
      message: "You cannot manage a role above your own level (80).",
    });
    const rival = await server.db.client.findFirstOrThrow({
      where: { name: "Team Co rival", ownerId: t.outsider.user.id },
    });
    const foreignRole = await gql(server, t.owner.caller, ADD, {
      input: { ...input, roleId: await roleId(rival.id, "viewer") },
    });
    expect(foreignRole.data?.addMember).toEqual({ __typename: "NotFoundError", message: "Role not found." });
    for (const caller of [t.developer.caller, t.viewer.caller]) {
      const refused = await gql(server, caller, ADD, { input });
      expect(refused.data?.addMember.__typename).toBe("ForbiddenError");
      expect(refused.data?.addMember.message).toMatch(/members:manage/);
    }
    const outside = await gql(server, t.outsider.caller, ADD, { input });
    expect(outside.data?.addMember).toEqual({ __typename: "NotFoundError", message: "Client not found." });
    expect(await server.db.member.count({ where: { clientId: t.clientId } })).toBe(4);
    expect(await server.db.auditEvent.count({ where: { clientId: t.clientId, action: "member.added" } })).toBe(0);
  });

  it("changes members within the caller's level and keeps the last Owner", async () => {
    const t = await team();
    const promoted = await gql(server, t.admin.caller, UPDATE, {
      input: { memberId: t.members.viewer.id, roleId: await roleId(t.clientId, "developer") },
    });
    expect(promoted.data?.updateMember).toMatchObject({
      __typename: "UpdateMemberSuccess",
      data: { role: { key: "developer" }, expiresAt: null },
    });
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { targetId: t.members.viewer.id, action: "member.updated" },
    });
    expect(JSON.parse(event.details ?? "{}")).toEqual({
      before: { email: t.viewer.email, role: "viewer", expiresAt: null },
      after: { email: t.viewer.email, role: "developer", expiresAt: null },
    });

    const adminDemotesOwner = await gql(server, t.admin.caller, UPDATE, {
      input: { memberId: t.members.owner.id, roleId: await roleId(t.clientId, "viewer") },
    });
    expect(adminDemotesOwner.data?.updateMember).toEqual({
      __typename: "ForbiddenError",
      message: "You cannot change a member whose role is above yours.",
    });
    const adminPromotes = await gql(server, t.admin.caller, UPDATE, {
      input: { memberId: t.members.developer.id, roleId: await roleId(t.clientId, "owner") },
    });
    expect(adminPromotes.data?.updateMember.__typename).toBe("ForbiddenError");
    const ownSelf = await gql(server, t.owner.caller, UPDATE, {
      input: { memberId: t.members.owner.id, roleId: await roleId(t.clientId, "admin") },
    });
    expect(ownSelf.data?.updateMember).toEqual({
      __typename: "ForbiddenError",
      message: "You cannot change your own membership.",
    });
    const byDeveloper = await gql(server, t.developer.caller, UPDATE, {
      input: { memberId: t.members.viewer.id, expiresAt: null },
    });
    expect(byDeveloper.data?.updateMember.__typename).toBe("ForbiddenError");
    const byOutsider = await gql(server, t.outsider.caller, UPDATE, {
      input: { memberId: t.members.viewer.id, expiresAt: null },
    });
    expect(byOutsider.data?.updateMember).toEqual({ __typename: "NotFoundError", message: "Member not found." });
    expect((await server.db.member.findUniqueOrThrow({ where: { id: t.members.owner.id } })).roleId).toBe(
      await roleId(t.clientId, "owner"),
    );

    // With a second Owner, that Owner may move the first one down.
    await gql(server, t.owner.caller, UPDATE, {
      input: { memberId: t.members.admin.id, roleId: await roleId(t.clientId, "owner") },
    });
    const stepDown = await gql(server, t.admin.caller, UPDATE, {
      input: { memberId: t.members.owner.id, roleId: await roleId(t.clientId, "admin") },
    });
    expect(stepDown.data?.updateMember.data.role.key).toBe("admin");
  });

  it("removes members, never the last Owner, and expired members lose access", async () => {
    const t = await team();
    const byViewer = await gql(server, t.viewer.caller, REMOVE, { input: { memberId: t.members.developer.id } });
    expect(byViewer.data?.removeMember.__typename).toBe("ForbiddenError");
    const byOutsider = await gql(server, t.outsider.caller, REMOVE, { input: { memberId: t.members.developer.id } });
    expect(byOutsider.data?.removeMember.__typename).toBe("NotFoundError");
    const adminRemovesOwner = await gql(server, t.admin.caller, REMOVE, { input: { memberId: t.members.owner.id } });
    expect(adminRemovesOwner.data?.removeMember.__typename).toBe("ForbiddenError");
    const lastOwner = await gql(server, t.owner.caller, REMOVE, { input: { memberId: t.members.owner.id } });
    expect(lastOwner.data?.removeMember).toEqual({
      __typename: "ConflictError",
      message: "A client needs at least one Owner.",
    });
    expect(await server.db.member.count({ where: { clientId: t.clientId } })).toBe(4);

    const removed = await gql(server, t.admin.caller, REMOVE, { input: { memberId: t.members.developer.id } });
    expect(removed.data?.removeMember).toEqual({
      __typename: "RemoveMemberSuccess",
      data: { id: t.members.developer.id, email: t.developer.email },
    });
    expect((await gql(server, t.developer.caller, TEAM, { id: t.clientId })).data?.client).toBeNull();
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { targetId: t.members.developer.id, action: "member.removed" },
    });
    expect(event.actorUserId).toBe(t.admin.user.id);
    expect(JSON.parse(event.details ?? "{}").before).toEqual({
      email: t.developer.email,
      role: "developer",
      expiresAt: null,
    });

    // An expired Owner does not count as the one Owner the client keeps.
    const expiredOwner = await signedInPerson(server);
    await addMember(server, t.clientId, expiredOwner.user.id, "owner", new Date(Date.now() - 1000));
    expect((await gql(server, expiredOwner.caller, TEAM, { id: t.clientId })).data?.client).toBeNull();
    const expiredTries = await gql(server, expiredOwner.caller, REMOVE, { input: { memberId: t.members.viewer.id } });
    expect(expiredTries.data?.removeMember.__typename).toBe("NotFoundError");
    expect(
      (await gql(server, t.owner.caller, REMOVE, { input: { memberId: t.members.owner.id } })).data?.removeMember
        .__typename,
    ).toBe("ConflictError");
  });
});
