import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CATALOGUE = `query { scopes { key description tier } }`;
const CLIENT_SCOPES = `query S($id: ID!) { client(id: $id) { id scopes { scope { key tier } enabled createdAt } } }`;
const ENABLE = `mutation E($input: ClientScopeInput!) { enableClientScope(input: $input) {
  __typename ... on EnableClientScopeSuccess { data { scope { key tier } enabled } } ... on Error { message } } }`;
const DISABLE = `mutation D($input: ClientScopeInput!) { disableClientScope(input: $input) {
  __typename ... on DisableClientScopeSuccess { data { scope { key tier } enabled } } ... on Error { message } } }`;

async function enabledKeys(clientId: string) {
  const rows = await server.db.clientScope.findMany({ where: { clientId, enabled: true }, include: { scope: true } });
  return rows.map((row) => row.scope.key).sort();
}

describe("test/graphql-scopes: the scope catalogue and client scopes", () => {
  it("shows the catalogue to signed-in people and client callers, not to anonymous callers", async () => {
    const person = await signedInPerson(server);
    const result = await gql(server, person.caller, CATALOGUE);
    expect(result.data?.scopes).toEqual([
      {
        key: "userinfo",
        description:
          "Your profile (releases: name, given_name, family_name, email, email_verified, picture, birth_date, gender, second_email, country)",
        tier: "BASIC",
      },
      {
        key: "providers",
        description: "Your linked login providers and social profiles (releases: socials)",
        tier: "VERIFIED",
      },
      {
        key: "useraddresses",
        description: "Your postal addresses, to read and update (releases: addresses)",
        tier: "VERIFIED",
      },
    ]);
    const partner = await createPartner(server.db);
    const asClient = await gql(server, { client: partner.credentials }, CATALOGUE);
    expect(asClient.data?.scopes).toHaveLength(3);
    const anonymous = await gql(server, { anonymous: true }, CATALOGUE);
    expect(anonymous.data?.scopes).toBeUndefined();
    expect(anonymous.errors?.[0]?.message).toMatch(/not authorized/i);
  });

  it("enables and disables a BASIC scope with audit events, and lists client scopes to members", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Scopes Co");
    const enabled = await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "userinfo" } });
    expect(enabled.data?.enableClientScope).toEqual({
      __typename: "EnableClientScopeSuccess",
      data: { scope: { key: "userinfo", tier: "BASIC" }, enabled: true },
    });
    expect(await enabledKeys(clientId)).toEqual(["userinfo"]);
    const event = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "client_scope.enabled" } });
    expect(event).toMatchObject({ actorUserId: owner.user.id, targetType: "ClientScope", targetId: "userinfo" });
    expect(JSON.parse(event.details ?? "null")).toEqual({
      before: { scope: "userinfo", enabled: false },
      after: { scope: "userinfo", enabled: true },
    });
    // Enabling again changes nothing and writes no second event.
    await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "userinfo" } });
    expect(await server.db.auditEvent.count({ where: { clientId, action: "client_scope.enabled" } })).toBe(1);

    const viewer = await signedInPerson(server);
    await addMember(server, clientId, viewer.user.id, "viewer");
    const listed = await gql(server, viewer.caller, CLIENT_SCOPES, { id: clientId });
    expect(listed.data?.client.scopes).toMatchObject([{ scope: { key: "userinfo", tier: "BASIC" }, enabled: true }]);

    const disabled = await gql(server, owner.caller, DISABLE, { input: { clientId, scopeKey: "userinfo" } });
    expect(disabled.data?.disableClientScope.data).toEqual({
      scope: { key: "userinfo", tier: "BASIC" },
      enabled: false,
    });
    expect(await enabledKeys(clientId)).toEqual([]);
    const off = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "client_scope.disabled" } });
    expect(JSON.parse(off.details ?? "null").after).toEqual({ scope: "userinfo", enabled: false });
    const relisted = await gql(server, viewer.caller, CLIENT_SCOPES, { id: clientId });
    expect(relisted.data?.client.scopes).toMatchObject([{ scope: { key: "userinfo" }, enabled: false }]);
  });

  it("enables a VERIFIED-tier scope only for a verified client", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Unverified Co");
    const refused = await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "useraddresses" } });
    expect(refused.data?.enableClientScope.__typename).toBe("ForbiddenError");
    expect(refused.data?.enableClientScope.message).toMatch(/must be verified first/);
    expect(await enabledKeys(clientId)).toEqual([]);
    expect(await server.db.auditEvent.count({ where: { clientId, action: "client_scope.enabled" } })).toBe(0);

    await server.db.client.update({ where: { id: clientId }, data: { verification: "VERIFIED" } });
    const allowed = await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "useraddresses" } });
    expect(allowed.data?.enableClientScope.data).toEqual({
      scope: { key: "useraddresses", tier: "VERIFIED" },
      enabled: true,
    });
    expect(await enabledKeys(clientId)).toEqual(["useraddresses"]);
  });

  it("answers NotFound for unknown scope keys and for disabling a scope never enabled", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Unknown Co");
    const unknown = await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "everything" } });
    expect(unknown.data?.enableClientScope).toEqual({
      __typename: "NotFoundError",
      message: 'There is no scope called "everything".',
    });
    const never = await gql(server, owner.caller, DISABLE, { input: { clientId, scopeKey: "providers" } });
    expect(never.data?.disableClientScope).toEqual({
      __typename: "NotFoundError",
      message: "The providers scope is not enabled for this client.",
    });
    expect(await server.db.clientScope.count({ where: { clientId } })).toBe(0);
  });

  it("lets admins and developers manage scopes; viewers and client credentials are refused", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Team Co");
    for (const role of ["admin", "developer"] as const) {
      const person = await signedInPerson(server);
      await addMember(server, clientId, person.user.id, role);
      const on = await gql(server, person.caller, ENABLE, { input: { clientId, scopeKey: "userinfo" } });
      expect(on.data?.enableClientScope.data.enabled).toBe(true);
      const off = await gql(server, person.caller, DISABLE, { input: { clientId, scopeKey: "userinfo" } });
      expect(off.data?.disableClientScope.data.enabled).toBe(false);
      const event = await server.db.auditEvent.findFirstOrThrow({
        where: { clientId, action: "client_scope.disabled" },
        orderBy: { createdAt: "desc" },
      });
      expect(event.actorUserId).toBe(person.user.id);
    }
    await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "userinfo" } });
    const viewer = await signedInPerson(server);
    await addMember(server, clientId, viewer.user.id, "viewer");
    const events = await server.db.auditEvent.count({ where: { clientId } });
    for (const [document, field] of [
      [ENABLE, "enableClientScope"],
      [DISABLE, "disableClientScope"],
    ] as const) {
      const result = await gql(server, viewer.caller, document, { input: { clientId, scopeKey: "userinfo" } });
      expect(result.data?.[field]).toEqual({
        __typename: "ForbiddenError",
        message: "You need the scopes:manage permission in this client to do that.",
      });
    }
    expect(await enabledKeys(clientId)).toEqual(["userinfo"]);
    expect(await server.db.auditEvent.count({ where: { clientId } })).toBe(events);

    const partner = await createPartner(server.db, { scopes: ["userinfo"] });
    const creds: GraphqlCaller = { client: partner.credentials };
    const own = await gql(server, creds, CLIENT_SCOPES, { id: partner.client.id });
    expect(own.data?.client.scopes).toMatchObject([{ scope: { key: "userinfo" }, enabled: true }]);
    const byClient = await gql(server, creds, DISABLE, {
      input: { clientId: partner.client.id, scopeKey: "userinfo" },
    });
    expect(byClient.data?.disableClientScope.__typename).toBe("ForbiddenError");
    expect(await enabledKeys(partner.client.id)).toEqual(["userinfo"]);
  });

  it("gives outsiders NotFound on both mutations and null for the client's scopes", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Private Scopes");
    await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "userinfo" } });
    const outsider = await signedInPerson(server);
    await clientOwnedBy(server, outsider, "Elsewhere");
    expect((await gql(server, outsider.caller, CLIENT_SCOPES, { id: clientId })).data?.client).toBeNull();
    for (const [document, field] of [
      [ENABLE, "enableClientScope"],
      [DISABLE, "disableClientScope"],
    ] as const) {
      const result = await gql(server, outsider.caller, document, { input: { clientId, scopeKey: "userinfo" } });
      expect(result.data?.[field]).toEqual({ __typename: "NotFoundError", message: "Client not found." });
    }
    const partner = await createPartner(server.db);
    const byOtherClient = await gql(server, { client: partner.credentials }, CLIENT_SCOPES, { id: clientId });
    expect(byOtherClient.data?.client).toBeNull();
    expect(await enabledKeys(clientId)).toEqual(["userinfo"]);
  });
});
