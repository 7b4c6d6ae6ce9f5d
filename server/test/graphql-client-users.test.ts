import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSub } from "../src/core/auth/crypto.js";
import { createBuiltInRoles } from "../src/core/role/built-in-roles.js";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const USERS = `query U($id: ID!, $first: Int, $after: String) { client(id: $id) { id users(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id sub name email firstLoginAt lastLoginAt loginCount isTestUser } } } } }`;
const REQUESTS = `query R($id: ID!, $status: AccessRequestStatus) { client(id: $id) { id accessRequests(status: $status) {
  id kind status message respondedAt user { email name } scopes } } }`;
const SEND = `mutation S($input: SendAccessRequestInput!) { sendAccessRequest(input: $input) {
  __typename
  ... on SendAccessRequestSuccess { data { email kind scopes } }
  ... on Error { message }
  ... on ValidationError { fieldErrors { field message } }
} }`;
const CANCEL = `mutation C($input: CancelAccessRequestInput!) { cancelAccessRequest(input: $input) {
  __typename ... on CancelAccessRequestSuccess { data { id status } } ... on Error { message } } }`;

let n = 0;
async function person(name: string) {
  return server.db.user.create({
    data: { email: `person${++n}-${Date.now()}@users.example`, name, sub: newSub(), passwordHash: "x" },
  });
}

async function enableScopes(clientId: string, keys: string[]) {
  const scopes = await server.db.scope.findMany({ where: { key: { in: keys } } });
  await server.db.clientScope.createMany({ data: scopes.map((scope) => ({ clientId, scopeId: scope.id })) });
}

/** A person who logged in through the client and, unless `consent` is null, consented to those scopes. */
async function loggedIn(
  clientId: string,
  name: string,
  lastLoginAt: Date,
  extra: { isTestUser?: boolean } = {},
  consent: { scopes: string[]; revoked?: boolean } | null = { scopes: ["userinfo"] },
) {
  const user = await person(name);
  await server.db.clientUser.create({
    data: {
      clientId,
      userId: user.id,
      lastLoginAt,
      firstLoginAt: new Date("2026-01-01T00:00:00Z"),
      loginCount: 3,
      ...extra,
    },
  });
  if (consent) {
    const scopes = await server.db.scope.findMany({ where: { key: { in: consent.scopes } } });
    await server.db.consent.create({
      data: {
        clientId,
        userId: user.id,
        revokedAt: consent.revoked ? new Date() : null,
        scopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
      },
    });
  }
  return user;
}

describe("test/graphql-client-users: client users", () => {
  it("lists the people who logged in, most recent first, page by page, to every member with users:read", async () => {
    const owner = await signedInPerson(server);
    const viewer = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Users Inc");
    await addMember(server, clientId, viewer.user.id, "viewer");
    const ada = await loggedIn(clientId, "Ada", new Date("2026-03-01T00:00:00Z"), { isTestUser: true });
    await loggedIn(clientId, "Grace", new Date("2026-04-01T00:00:00Z"));
    await loggedIn(clientId, "Linus", new Date("2026-02-01T00:00:00Z"));
    const elsewhere = await createPartner(server.db);
    await loggedIn(elsewhere.client.id, "Not mine", new Date("2026-05-01T00:00:00Z"));

    const first = await gql(server, viewer.caller, USERS, { id: clientId, first: 2 });
    const users = first.data?.client.users;
    expect(users.totalCount).toBe(3);
    expect(users.pageInfo.hasNextPage).toBe(true);
    expect(users.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(["Grace", "Ada"]);
    expect(users.edges[1].node).toEqual({
      id: expect.any(String),
      sub: ada.sub,
      name: "Ada",
      email: ada.email,
      firstLoginAt: "2026-01-01T00:00:00.000Z",
      lastLoginAt: "2026-03-01T00:00:00.000Z",
      loginCount: 3,
      isTestUser: true,
    });
    const next = await gql(server, owner.caller, USERS, { id: clientId, first: 2, after: users.pageInfo.endCursor });
    expect(next.data?.client.users.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(["Linus"]);
  });

  it("lets partner tooling list its users with client credentials, but never another client's", async () => {
    const partner = await createPartner(server.db);
    const other = await createPartner(server.db);
    const user = await loggedIn(partner.client.id, "Partner user", new Date());
    const own = await gql(server, { client: partner.credentials }, USERS, { id: partner.client.id });
    expect(own.data?.client.users.edges.map((edge: { node: { sub: string } }) => edge.node.sub)).toEqual([user.sub]);
    const foreign = await gql(server, { client: other.credentials }, USERS, { id: partner.client.id });
    expect(foreign.data?.client).toBeNull();
  });

  it("shows only people with a live consent, and only the fields their granted scopes release, to every caller", async () => {
    const partner = await createPartner(server.db, { scopes: ["userinfo", "useraddresses"], verified: true });
    const clientId = partner.client.id;
    await createBuiltInRoles(server.db, clientId, partner.owner.id);
    const viewer = await signedInPerson(server);
    await addMember(server, clientId, viewer.user.id, "viewer");
    const consented = await loggedIn(clientId, "Consented", new Date("2026-03-04T00:00:00Z"));
    const addressOnly = await loggedIn(
      clientId,
      "Address only",
      new Date("2026-03-03T00:00:00Z"),
      {},
      {
        scopes: ["useraddresses"],
      },
    );
    await loggedIn(clientId, "Revoked", new Date("2026-03-02T00:00:00Z"), {}, { scopes: ["userinfo"], revoked: true });
    await loggedIn(clientId, "Never consented", new Date("2026-03-01T00:00:00Z"), {}, null);

    for (const caller of [viewer.caller, { client: partner.credentials }]) {
      const users = (await gql(server, caller, USERS, { id: clientId })).data?.client.users;
      expect(users.totalCount).toBe(2);
      expect(users.edges.map((edge: { node: object }) => edge.node)).toEqual([
        expect.objectContaining({ sub: consented.sub, name: "Consented", email: consented.email }),
        expect.objectContaining({ sub: addressOnly.sub, name: null, email: null }),
      ]);
    }
  });

  it("shows nothing to outsiders or to a member whose role lacks users:read", async () => {
    const owner = await signedInPerson(server);
    const outsider = await signedInPerson(server);
    const limited = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Private");
    await clientOwnedBy(server, outsider, "Outside");
    await loggedIn(clientId, "Hidden", new Date());
    // A custom role without users:read.
    const role = await server.db.role.create({
      data: {
        clientId,
        key: "ops",
        name: "Ops",
        level: 20,
        permissions: { create: [{ permission: "domains:manage" }] },
      },
    });
    await server.db.member.create({ data: { clientId, userId: limited.user.id, roleId: role.id } });

    expect((await gql(server, outsider.caller, USERS, { id: clientId })).data?.client).toBeNull();
    expect((await gql(server, outsider.caller, REQUESTS, { id: clientId })).data?.client).toBeNull();
    const refused = await gql(server, limited.caller, USERS, { id: clientId });
    expect(refused.data?.client).toEqual({ id: clientId, users: null });
    expect(refused.errors).toHaveLength(1);
    const requests = await gql(server, limited.caller, REQUESTS, { id: clientId });
    expect(requests.data?.client).toEqual({ id: clientId, accessRequests: null });
  });
});

describe("test/graphql-client-users: sending access requests", () => {
  it("sends an access request for enabled scopes, lists it and audits it", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Requester");
    await enableScopes(clientId, ["userinfo", "useraddresses"]);
    const recipient = await person("Rita Recipient");

    const sent = await gql(server, owner.caller, SEND, {
      input: {
        clientId,
        email: `  ${recipient.email.toUpperCase()} `,
        kind: "ACCESS",
        scopeKeys: ["useraddresses", "userinfo"],
        message: "Please share your address.",
      },
    });
    expect(sent.data?.sendAccessRequest).toEqual({
      __typename: "SendAccessRequestSuccess",
      data: { email: recipient.email, kind: "ACCESS", scopes: ["useraddresses", "userinfo"] },
    });
    const row = await server.db.accessRequest.findFirstOrThrow({ where: { clientId } });
    const id = row.id;
    expect(row).toMatchObject({ clientId, userId: recipient.id, sentById: owner.user.id, status: "PENDING" });
    const event = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "accessRequest.sent" } });
    expect(event).toMatchObject({ actorUserId: owner.user.id, targetType: "AccessRequest", targetId: id });
    expect(JSON.parse(event.details ?? "{}")).toEqual({
      before: null,
      after: { email: recipient.email, kind: "ACCESS", scopes: ["useraddresses", "userinfo"], status: "PENDING" },
    });

    const listed = await gql(server, owner.caller, REQUESTS, { id: clientId });
    expect(listed.data?.client.accessRequests).toEqual([
      {
        id,
        kind: "ACCESS",
        status: "PENDING",
        message: "Please share your address.",
        respondedAt: null,
        // The name stays hidden until the person accepts.
        user: { email: recipient.email, name: null },
        scopes: ["useraddresses", "userinfo"],
      },
    ]);
  });

  it("refuses scopes the client has not enabled and bad input; unknown people and duplicates get the plain answer", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Picky");
    await enableScopes(clientId, ["userinfo"]);
    const recipient = await person("Dup");
    const send = (input: Record<string, unknown>) =>
      gql(server, owner.caller, SEND, { input: { clientId, kind: "ACCESS", scopeKeys: ["userinfo"], ...input } });

    expect((await send({ email: "nobody@nowhere.example" })).data?.sendAccessRequest).toEqual({
      __typename: "SendAccessRequestSuccess",
      data: { email: "nobody@nowhere.example", kind: "ACCESS", scopes: ["userinfo"] },
    });
    const notEnabled = await send({ email: recipient.email, scopeKeys: ["userinfo", "no-such-scope"] });
    expect(notEnabled.data?.sendAccessRequest).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "scopeKeys", message: "These scopes are not enabled for this client: no-such-scope." }],
    });
    // A VERIFIED-tier scope from an unverified client needs staff's per-request allowance first.
    const verifiedTier = await send({ email: recipient.email, scopeKeys: ["userinfo", "providers"] });
    expect(verifiedTier.data?.sendAccessRequest).toMatchObject({ __typename: "ForbiddenError" });
    expect(verifiedTier.data?.sendAccessRequest.message).toContain("Only verified partners may ask for providers");
    const none = await send({ email: recipient.email, scopeKeys: [] });
    expect(none.data?.sendAccessRequest.fieldErrors).toEqual([
      { field: "scopeKeys", message: "Choose at least one scope to request." },
    ]);
    const badEmail = await send({ email: "not-an-address" });
    expect(badEmail.data?.sendAccessRequest.fieldErrors).toEqual([
      { field: "email", message: "Enter a valid e-mail address." },
    ]);
    expect(await server.db.accessRequest.count({ where: { clientId } })).toBe(0);

    expect((await send({ email: recipient.email })).data?.sendAccessRequest.__typename).toBe(
      "SendAccessRequestSuccess",
    );
    // A second request while one is pending creates nothing, and answers as if it were the first.
    expect((await send({ email: recipient.email })).data?.sendAccessRequest).toEqual({
      __typename: "SendAccessRequestSuccess",
      data: { email: recipient.email, kind: "ACCESS", scopes: ["userinfo"] },
    });
    // A test-user request is another kind, so it may be pending at the same time.
    const testUser = await send({ email: recipient.email, kind: "TEST_USER", scopeKeys: [] });
    expect(testUser.data?.sendAccessRequest).toMatchObject({ data: { kind: "TEST_USER", scopes: [] } });
    expect(await server.db.accessRequest.count({ where: { clientId } })).toBe(2);
  });

  it("checks requests:send: owners and admins send, developers and viewers are refused", async () => {
    const owner = await signedInPerson(server);
    const admin = await signedInPerson(server);
    const developer = await signedInPerson(server);
    const viewer = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Senders");
    await enableScopes(clientId, ["userinfo"]);
    await addMember(server, clientId, admin.user.id, "admin");
    await addMember(server, clientId, developer.user.id, "developer");
    await addMember(server, clientId, viewer.user.id, "viewer");
    const input = async () => ({
      clientId,
      email: (await person("Target")).email,
      kind: "ACCESS",
      scopeKeys: ["userinfo"],
    });

    for (const member of [developer, viewer]) {
      const refused = await gql(server, member.caller, SEND, { input: await input() });
      expect(refused.data?.sendAccessRequest).toEqual({
        __typename: "ForbiddenError",
        message: "You need the requests:send permission in this client to do that.",
      });
    }
    expect(await server.db.accessRequest.count({ where: { clientId } })).toBe(0);
    const byAdmin = await gql(server, admin.caller, SEND, { input: await input() });
    expect(byAdmin.data?.sendAccessRequest.__typename).toBe("SendAccessRequestSuccess");
    const { id } = await server.db.accessRequest.findFirstOrThrow({ where: { clientId } });

    // Viewers read users, so they see the requests, but cannot cancel them.
    const seen = await gql(server, viewer.caller, REQUESTS, { id: clientId });
    expect(seen.data?.client.accessRequests.map((request: { id: string }) => request.id)).toEqual([id]);
    const cancel = await gql(server, viewer.caller, CANCEL, { input: { accessRequestId: id } });
    expect(cancel.data?.cancelAccessRequest.__typename).toBe("ForbiddenError");
    expect((await server.db.accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("lets partner tooling send and cancel with client credentials, audited as the client", async () => {
    const partner = await createPartner(server.db);
    const recipient = await person("Tooling target");
    const caller = { client: partner.credentials };
    const sent = await gql(server, caller, SEND, {
      input: { clientId: partner.client.id, email: recipient.email, kind: "TEST_USER", scopeKeys: ["userinfo"] },
    });
    expect(sent.data?.sendAccessRequest.__typename).toBe("SendAccessRequestSuccess");
    const { id } = await server.db.accessRequest.findFirstOrThrow({ where: { clientId: partner.client.id } });
    expect((await server.db.accessRequest.findUniqueOrThrow({ where: { id } })).sentById).toBeNull();

    const cancelled = await gql(server, caller, CANCEL, { input: { accessRequestId: id } });
    expect(cancelled.data?.cancelAccessRequest).toEqual({
      __typename: "CancelAccessRequestSuccess",
      data: { id, status: "CANCELLED" },
    });
    const events = await server.db.auditEvent.findMany({
      where: { clientId: partner.client.id, targetId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.action, event.actorClient, event.actorUserId])).toEqual([
      ["accessRequest.sent", partner.client.id, null],
      ["accessRequest.cancelled", partner.client.id, null],
    ]);
    expect(JSON.parse(events[1]?.details ?? "{}")).toEqual({
      before: { kind: "TEST_USER", status: "PENDING" },
      after: { kind: "TEST_USER", status: "CANCELLED" },
    });
    const again = await gql(server, caller, CANCEL, { input: { accessRequestId: id } });
    expect(again.data?.cancelAccessRequest).toEqual({
      __typename: "ConflictError",
      message: "Only a pending request can be cancelled; this one is cancelled.",
    });
    const pending = await gql(server, caller, REQUESTS, { id: partner.client.id, status: "PENDING" });
    expect(pending.data?.client.accessRequests).toEqual([]);
  });

  it("answers NotFound to outsiders sending or cancelling, and changes nothing", async () => {
    const partner = await createPartner(server.db);
    const outsider = await signedInPerson(server);
    await clientOwnedBy(server, outsider, "Outsider Co");
    const recipient = await person("Victim");
    const request = await server.db.accessRequest.create({
      data: { clientId: partner.client.id, userId: recipient.id },
    });

    const sent = await gql(server, outsider.caller, SEND, {
      input: { clientId: partner.client.id, email: recipient.email, kind: "ACCESS", scopeKeys: ["userinfo"] },
    });
    expect(sent.data?.sendAccessRequest).toEqual({ __typename: "NotFoundError", message: "Client not found." });
    const cancel = await gql(server, outsider.caller, CANCEL, { input: { accessRequestId: request.id } });
    expect(cancel.data?.cancelAccessRequest).toEqual({
      __typename: "NotFoundError",
      message: "Access request not found.",
    });
    const other = await createPartner(server.db);
    const asOther = await gql(server, { client: other.credentials }, CANCEL, {
      input: { accessRequestId: request.id },
    });
    expect(asOther.data?.cancelAccessRequest.__typename).toBe("NotFoundError");
    expect(await server.db.accessRequest.count({ where: { clientId: partner.client.id } })).toBe(1);
    expect((await server.db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
    expect(await server.db.auditEvent.count({ where: { clientId: partner.client.id } })).toBe(0);
  });
});
