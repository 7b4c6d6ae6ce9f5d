import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { addMember, CREATE_CLIENT, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CLIENT = `query Client($id: ID!) { client(id: $id) { id name myRoleLevel myPermissions } }`;
const CLIENTS = `query { clients(first: 10) { edges { node { id name } } } }`;
const RENAME = `mutation R($input: RenameClientInput!) { renameClient(input: $input) { __typename ... on RenameClientSuccess { data { name } } ... on Error { message } } }`;
const DELETE = `mutation D($input: DeleteClientInput!) { deleteClient(input: $input) { __typename ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const CREATE_TOKEN = `mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename ... on CreateApiTokenSuccess { data { value token { id prefix } } } ... on Error { message } } }`;
const REVOKE_TOKEN = `mutation V($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { __typename ... on Error { message } } }`;

describe("test/graphql-clients: clients, callers and tenancy", () => {
  it("lets a PAID account create a client and become its Owner, with an audit event", async () => {
    const owner = await signedInPerson(server);
    const result = await gql(server, owner.caller, CREATE_CLIENT, { input: { name: "  Acme Shop " } });
    expect(result.data?.createClient).toMatchObject({
      __typename: "CreateClientSuccess",
      data: { name: "Acme Shop", verification: "UNVERIFIED", myRoleLevel: 100 },
    });
    const clientId = result.data?.createClient.data.id;
    expect(result.data?.createClient.data.myPermissions).toContain("SECRETS_MANAGE");
    const roles = await server.db.role.findMany({ where: { clientId }, orderBy: { level: "desc" } });
    expect(roles.map((role) => role.key)).toEqual(["owner", "admin", "developer", "viewer"]);
    const event = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "client.created" } });
    expect(event.actorUserId).toBe(owner.user.id);
    expect(JSON.parse(event.details ?? "{}")).toEqual({ before: null, after: { name: "Acme Shop" } });
  });

  it("refuses a FREE account with a typed error", async () => {
    const free = await signedInPerson(server, { plan: "FREE" });
    const result = await gql(server, free.caller, CREATE_CLIENT, { input: { name: "Nope" } });
    expect(result.data?.createClient.__typename).toBe("PlanRequiredError");
    expect(await server.db.client.count({ where: { ownerId: free.user.id } })).toBe(0);
  });

  it("refuses anonymous callers and a session cookie sent without the CSRF header", async () => {
    const owner = await signedInPerson(server);
    const anonymous = await gql(server, { anonymous: true }, CREATE_CLIENT, { input: { name: "X" } });
    expect(anonymous.data?.createClient.__typename).toBe("NotAuthenticatedError");
    const noHeader = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: owner.browser.cookieHeader() },
      body: JSON.stringify({ query: CREATE_CLIENT, variables: { input: { name: "Forged" } } }),
    });
    expect((await noHeader.json()).data.createClient.__typename).toBe("NotAuthenticatedError");
    expect(await server.db.client.count({ where: { name: "Forged" } })).toBe(0);
  });

  it("shows a client only to its members; outsiders get null, never another tenant's data", async () => {
    const a = await signedInPerson(server);
    const b = await signedInPerson(server);
    const clientA = await clientOwnedBy(server, a, "Tenant A");
    await clientOwnedBy(server, b, "Tenant B");
    expect((await gql(server, b.caller, CLIENT, { id: clientA })).data?.client).toBeNull();
    const listed = await gql(server, b.caller, CLIENTS);
    expect(listed.data?.clients.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(["Tenant B"]);
    const rename = await gql(server, b.caller, RENAME, { input: { clientId: clientA, name: "Hijacked" } });
    expect(rename.data?.renameClient).toEqual({ __typename: "NotFoundError", message: "Client not found." });
    expect((await server.db.client.findUniqueOrThrow({ where: { id: clientA } })).name).toBe("Tenant A");
  });

  it("checks the permission for each member, and expired members get nothing", async () => {
    const owner = await signedInPerson(server);
    const viewer = await signedInPerson(server);
    const expired = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Roles Inc");
    await addMember(server, clientId, viewer.user.id, "viewer");
    await addMember(server, clientId, expired.user.id, "admin", new Date(Date.now() - 1000));

    expect((await gql(server, viewer.caller, CLIENT, { id: clientId })).data?.client.myPermissions).toEqual([
      "USERS_READ",
    ]);
    const refused = await gql(server, viewer.caller, RENAME, { input: { clientId, name: "Viewer was here" } });
    expect(refused.data?.renameClient.__typename).toBe("ForbiddenError");
    expect(refused.data?.renameClient.message).toMatch(/client:update/);

    expect((await gql(server, expired.caller, CLIENT, { id: clientId })).data?.client).toBeNull();
    const expiredRename = await gql(server, expired.caller, RENAME, { input: { clientId, name: "Expired" } });
    expect(expiredRename.data?.renameClient.__typename).toBe("NotFoundError");

    const renamed = await gql(server, owner.caller, RENAME, { input: { clientId, name: "Roles Ltd" } });
    expect(renamed.data?.renameClient).toEqual({ __typename: "RenameClientSuccess", data: { name: "Roles Ltd" } });
    const event = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "client.renamed" } });
    expect(JSON.parse(event.details ?? "{}")).toEqual({ before: { name: "Roles Inc" }, after: { name: "Roles Ltd" } });
  });

  it("deletes a client only with its exact name as confirmation, and only for an Owner", async () => {
    const owner = await signedInPerson(server);
    const admin = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Doomed");
    await addMember(server, clientId, admin.user.id, "admin");
    const byAdmin = await gql(server, admin.caller, DELETE, { input: { clientId, confirmName: "Doomed" } });
    expect(byAdmin.data?.deleteClient.__typename).toBe("ValidationError");
    const wrongName = await gql(server, owner.caller, DELETE, { input: { clientId, confirmName: "doomed" } });
    expect(wrongName.data?.deleteClient.fieldErrors).toEqual([
      { field: "confirmName", message: 'Type "Doomed" to confirm.' },
    ]);
    expect(await server.db.client.count({ where: { id: clientId } })).toBe(1);
    const deleted = await gql(server, owner.caller, DELETE, { input: { clientId, confirmName: "Doomed" } });
    expect(deleted.data?.deleteClient.__typename).toBe("DeleteClientSuccess");
    expect(await server.db.client.count({ where: { id: clientId } })).toBe(0);
    expect(await server.db.auditEvent.count({ where: { targetId: clientId, action: "client.deleted" } })).toBe(1);
  });

  it("authenticates partner tooling with personal API tokens, which can be revoked", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Token Co");
    const created = await gql(server, owner.caller, CREATE_TOKEN, {
      input: { label: "CI deploys", currentPassword: "correct horse battery" },
    });
    const { value, token } = created.data?.createApiToken.data ?? {};
    expect(value).toMatch(/^gha_[A-Za-z0-9_-]{43}$/);
    expect(value.startsWith(token.prefix)).toBe(true);
    expect(await server.db.apiToken.count({ where: { tokenHash: value } })).toBe(0);

    const asToken = await gql(server, { bearer: value }, CLIENT, { id: clientId });
    expect(asToken.data?.client.name).toBe("Token Co");
    // A token cannot mint more tokens.
    const minted = await gql(server, { bearer: value }, CREATE_TOKEN, {
      input: { label: "more", currentPassword: "correct horse battery" },
    });
    expect(minted.data?.createApiToken.__typename).toBe("ForbiddenError");

    const revoked = await gql(server, owner.caller, REVOKE_TOKEN, { input: { id: token.id } });
    expect(revoked.data?.revokeApiToken.__typename).toBe("RevokeApiTokenSuccess");
    const after = await gql(server, { bearer: value }, CLIENT, { id: clientId });
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.message).toBe("The API token is invalid, expired or revoked");
  });

  it("lets partner tooling with client credentials see only its own client", async () => {
    const partner = await createPartner(server.db);
    const other = await createPartner(server.db);
    const own = await gql(server, { client: partner.credentials }, CLIENTS);
    expect(own.data?.clients.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([partner.client.id]);
    expect(
      (await gql(server, { client: partner.credentials }, CLIENT, { id: other.client.id })).data?.client,
    ).toBeNull();
    const wrong = await gql(server, { client: { ...partner.credentials, clientSecret: "nope" } }, CLIENTS);
    expect(wrong.status).toBe(401);
  });

  it("refuses queries deeper or costlier than the limits", async () => {
    const owner = await signedInPerson(server);
    const deep = `{ viewer { ${"apiTokens { id } ".repeat(1)} } ${Array.from({ length: 30 }, (_, i) => `a${i}: viewer { id }`).join(" ")} }`;
    const result = await gql(server, owner.caller, deep);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });
});
