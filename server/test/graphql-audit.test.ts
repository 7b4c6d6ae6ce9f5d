import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const EVENTS = `query E($id: ID!, $first: Int, $after: String, $actorEmail: String, $action: String, $since: DateTime, $until: DateTime) {
  client(id: $id) { id auditEvents(first: $first, after: $after, actorEmail: $actorEmail, action: $action, since: $since, until: $until) {
    pageInfo { hasNextPage endCursor }
    edges { node { id action targetType targetId details ip userAgent createdAt actor { name email } actorClient } }
  } } }`;
const RENAME = `mutation R($input: RenameClientInput!) { renameClient(input: $input) { __typename } }`;

type Edge = { node: { action: string; id: string } };
const actions = (result: { data?: { client?: { auditEvents: { edges: Edge[] } } } }) =>
  result.data?.client?.auditEvents.edges.map((edge) => edge.node.action);

/** A client with four events at known times: created, two renames by the Owner, one by an Admin. */
async function history() {
  const owner = await signedInPerson(server, { name: "Audrey Owner" });
  const admin = await signedInPerson(server);
  const developer = await signedInPerson(server);
  const viewer = await signedInPerson(server);
  const outsider = await signedInPerson(server);
  const clientId = await clientOwnedBy(server, owner, "Audited");
  await clientOwnedBy(server, outsider, "Elsewhere");
  await addMember(server, clientId, admin.user.id, "admin");
  await addMember(server, clientId, developer.user.id, "developer");
  await addMember(server, clientId, viewer.user.id, "viewer");
  await gql(server, owner.caller, RENAME, { input: { clientId, name: "Audited 2" } });
  await gql(server, owner.caller, RENAME, { input: { clientId, name: "Audited 3" } });
  await gql(server, admin.caller, RENAME, { input: { clientId, name: "Audited 4" } });
  const events = await server.db.auditEvent.findMany({ where: { clientId }, orderBy: { createdAt: "asc" } });
  expect(events.map((event) => event.action)).toEqual([
    "client.created",
    "client.renamed",
    "client.renamed",
    "client.renamed",
  ]);
  // Pin the times, so that ordering and the date filters are exact.
  for (const [index, event] of events.entries()) {
    await server.db.auditEvent.update({
      where: { id: event.id },
      data: { createdAt: new Date(Date.UTC(2026, 0, index + 1)) },
    });
  }
  return { owner, admin, developer, viewer, outsider, clientId, events };
}

describe("test/graphql-audit: the client's audit log", () => {
  it("lists events newest first with actor, details and origin", async () => {
    const h = await history();
    const result = await gql(server, h.owner.caller, EVENTS, { id: h.clientId, first: 10 });
    expect(result.errors).toBeUndefined();
    const edges = result.data?.client.auditEvents.edges;
    expect(edges.map((edge: Edge) => edge.node.id)).toEqual([...h.events].reverse().map((event) => event.id));
    expect(edges[0].node).toMatchObject({
      action: "client.renamed",
      targetType: "Client",
      targetId: h.clientId,
      createdAt: "2026-01-04T00:00:00.000Z",
      actor: { email: h.admin.email },
      actorClient: null,
    });
    expect(JSON.parse(edges[0].node.details)).toEqual({ before: { name: "Audited 3" }, after: { name: "Audited 4" } });
    expect(edges[0].node.ip).toBe("127.0.0.1");
    expect(typeof edges[0].node.userAgent).toBe("string");
    expect(edges[3].node).toMatchObject({
      action: "client.created",
      actor: { name: "Audrey Owner", email: h.owner.email },
    });
  });

  it("pages with first and after", async () => {
    const h = await history();
    const page1 = await gql(server, h.admin.caller, EVENTS, { id: h.clientId, first: 3 });
    const ids = [...h.events].reverse().map((event) => event.id);
    expect(page1.data?.client.auditEvents.edges.map((edge: Edge) => edge.node.id)).toEqual(ids.slice(0, 3));
    expect(page1.data?.client.auditEvents.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(server, h.admin.caller, EVENTS, {
      id: h.clientId,
      first: 3,
      after: page1.data?.client.auditEvents.pageInfo.endCursor,
    });
    expect(page2.data?.client.auditEvents.edges.map((edge: Edge) => edge.node.id)).toEqual(ids.slice(3));
    expect(page2.data?.client.auditEvents.pageInfo.hasNextPage).toBe(false);
  });

  it("filters by actor, action and time", async () => {
    const h = await history();
    const byAdmin = await gql(server, h.owner.caller, EVENTS, {
      id: h.clientId,
      first: 10,
      actorEmail: h.admin.email.toUpperCase(),
    });
    expect(byAdmin.data?.client.auditEvents.edges.map((edge: Edge) => edge.node.id)).toEqual([h.events[3]?.id]);
    const created = await gql(server, h.owner.caller, EVENTS, { id: h.clientId, first: 10, action: "client.created" });
    expect(created.data?.client.auditEvents.edges.map((edge: Edge) => edge.node.id)).toEqual([h.events[0]?.id]);
    const window = await gql(server, h.owner.caller, EVENTS, {
      id: h.clientId,
      first: 10,
      since: "2026-01-02T00:00:00.000Z",
      until: "2026-01-04T00:00:00.000Z",
    });
    expect(window.data?.client.auditEvents.edges.map((edge: Edge) => edge.node.id)).toEqual([
      h.events[2]?.id,
      h.events[1]?.id,
    ]);
    const since = await gql(server, h.owner.caller, EVENTS, {
      id: h.clientId,
      first: 10,
      since: "2026-01-03T00:00:00.000Z",
    });
    expect(actions(since)).toEqual(["client.renamed", "client.renamed"]);
    const nobody = await gql(server, h.owner.caller, EVENTS, {
      id: h.clientId,
      first: 10,
      actorEmail: "nobody@example.org",
    });
    expect(nobody.data?.client.auditEvents.edges).toEqual([]);
  });

  it("needs audit:read: Developers may read, Viewers, outsiders and partner tooling may not", async () => {
    const h = await history();
    expect(actions(await gql(server, h.developer.caller, EVENTS, { id: h.clientId, first: 1 }))).toEqual([
      "client.renamed",
    ]);
    const viewer = await gql(server, h.viewer.caller, EVENTS, { id: h.clientId, first: 10 });
    expect(viewer.data?.client).toEqual({ id: h.clientId, auditEvents: null });
    expect(viewer.errors?.[0]?.message).toMatch(/not authorized/i);
    expect((await gql(server, h.outsider.caller, EVENTS, { id: h.clientId, first: 10 })).data?.client).toBeNull();

    const partner = await createPartner(server.db);
    await server.db.auditEvent.create({
      data: { clientId: partner.client.id, action: "secret.created", targetType: "ClientSecret" },
    });
    const tooling = await gql(server, { client: partner.credentials }, EVENTS, { id: partner.client.id, first: 10 });
    expect(tooling.data?.client).toEqual({ id: partner.client.id, auditEvents: null });
  });

  it("shows who acted with client credentials, and forgets no events when a member expires", async () => {
    const h = await history();
    const partner = await createPartner(server.db);
    const owner = await signedInPerson(server);
    await server.db.member.create({
      data: {
        clientId: partner.client.id,
        userId: owner.user.id,
        roleId: (
          await server.db.role.create({
            data: {
              clientId: partner.client.id,
              key: "auditor",
              name: "Auditor",
              level: 20,
              permissions: { create: [{ permission: "audit:read" }] },
            },
          })
        ).id,
      },
    });
    await server.db.auditEvent.create({
      data: {
        clientId: partner.client.id,
        action: "access-request.sent",
        targetType: "AccessRequest",
        actorClient: partner.client.id,
      },
    });
    const seen = await gql(server, owner.caller, EVENTS, { id: partner.client.id, first: 10 });
    expect(seen.data?.client.auditEvents.edges).toEqual([
      expect.objectContaining({
        node: expect.objectContaining({ action: "access-request.sent", actor: null, actorClient: partner.client.id }),
      }),
    ]);

    await server.db.member.updateMany({
      where: { userId: h.developer.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await gql(server, h.developer.caller, EVENTS, { id: h.clientId, first: 10 })).data?.client).toBeNull();
    expect(actions(await gql(server, h.owner.caller, EVENTS, { id: h.clientId, first: 10 }))).toHaveLength(4);
  });
});
