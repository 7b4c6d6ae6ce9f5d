import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { callApi, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CREATE = `mutation C($input: CreateClientSecretInput!) { createClientSecret(input: $input) {
  __typename
  ... on CreateClientSecretSuccess { data { value secret { id label prefix expiresAt revokedAt domains { domainId rootDomain } } } }
  ... on Error { message }
  ... on ValidationError { fieldErrors { field message } }
} }`;
const REVOKE = `mutation R($input: RevokeClientSecretInput!) { revokeClientSecret(input: $input) {
  __typename ... on RevokeClientSecretSuccess { data { id revokedAt } } ... on Error { message } } }`;
const LINK = `mutation L($input: SecretDomainInput!) { linkSecretToDomain(input: $input) {
  __typename ... on LinkSecretToDomainSuccess { data { id domains { domainId rootDomain } } } ... on Error { message } } }`;
const UNLINK = `mutation U($input: SecretDomainInput!) { unlinkSecretFromDomain(input: $input) {
  __typename ... on UnlinkSecretFromDomainSuccess { data { id domains { domainId rootDomain } } } ... on Error { message } } }`;
const SECRETS = `query S($id: ID!) { client(id: $id) { id secretCount secrets { id label prefix revokedAt domains { rootDomain } } } }`;
const COUNT = `query N($id: ID!) { client(id: $id) { id secretCount } }`;

type Person = Awaited<ReturnType<typeof signedInPerson>>;

async function domainOf(clientId: string, rootDomain: string) {
  return server.db.domain.create({
    data: { clientId, rootDomain, publicId: newDomainPublicId(), allowLogin: true, allowApi: true },
  });
}

async function createSecret(person: Person, input: Record<string, unknown>) {
  return (await gql(server, person.caller, CREATE, { input })).data?.createClientSecret;
}

describe("test/graphql-secrets: client secrets", () => {
  it("creates a secret with the default label, shows the value once, stores only its hash, and audits it", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Secret Shop");
    const domain = await domainOf(clientId, "shop.example");
    const created = await createSecret(owner, { clientId, domainIds: [domain.id, domain.id] });
    expect(created.__typename).toBe("CreateClientSecretSuccess");
    const { value, secret } = created.data;
    expect(value).toMatch(/^ghs_[A-Za-z0-9_-]{43}$/);
    expect(secret).toMatchObject({
      label: "Standard Key",
      prefix: value.slice(0, 10),
      expiresAt: null,
      revokedAt: null,
      domains: [{ domainId: domain.id, rootDomain: "shop.example" }],
    });
    const row = await server.db.clientSecret.findUniqueOrThrow({ where: { id: secret.id } });
    expect(row.secretHash).toBe(sha256(value));
    expect(row.createdById).toBe(owner.user.id);

    const event = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "secret.created" } });
    expect(event).toMatchObject({ actorUserId: owner.user.id, targetType: "ClientSecret", targetId: secret.id });
    expect(JSON.parse(event.details ?? "{}")).toEqual({
      before: null,
      after: { label: "Standard Key", prefix: secret.prefix, expiresAt: null, domains: ["shop.example"] },
    });
    expect(event.details).not.toContain(value);

    // The value is never readable again: the list has no value and no hash.
    const listed = await gql(server, owner.caller, SECRETS, { id: clientId });
    expect(listed.data?.client).toEqual({
      id: clientId,
      secretCount: 1,
      secrets: [
        {
          id: secret.id,
          label: "Standard Key",
          prefix: secret.prefix,
          revokedAt: null,
          domains: [{ rootDomain: "shop.example" }],
        },
      ],
    });
    const probe = await gql(server, owner.caller, `query P($id: ID!) { client(id: $id) { secrets { secretHash } } }`, {
      id: clientId,
    });
    expect(probe.errors?.[0]?.message).toMatch(/Cannot query field "secretHash"/);
  });

  it("validates the label, the expiry and the domains, naming the field", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Validating");
    const blank = await createSecret(owner, { clientId, label: "   " });
    expect(blank).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "label", message: "Give the secret a label." }],
    });
    const past = await createSecret(owner, { clientId, expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "expiresAt", message: "The expiry must be in the future." }],
    });
    const other = await createPartner(server.db);
    const foreign = await createSecret(owner, { clientId, domainIds: [other.domain.id] });
    expect(foreign).toEqual({ __typename: "NotFoundError", message: "Domain not found." });
    expect(await server.db.clientSecret.count({ where: { clientId } })).toBe(0);

    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const good = await createSecret(owner, { clientId, label: " Rotation 2026 ", expiresAt });
    expect(good.data.secret).toMatchObject({ label: "Rotation 2026", expiresAt, domains: [] });
  });

  it("lets owners, admins, developers and API tokens manage secrets; viewers see only the count", async () => {
    const owner = await signedInPerson(server);
    const admin = await signedInPerson(server);
    const developer = await signedInPerson(server);
    const viewer = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Team");
    await addMember(server, clientId, admin.user.id, "admin");
    await addMember(server, clientId, developer.user.id, "developer");
    await addMember(server, clientId, viewer.user.id, "viewer");

    expect((await createSecret(admin, { clientId, label: "by admin" })).__typename).toBe("CreateClientSecretSuccess");
    expect((await createSecret(developer, { clientId, label: "by dev" })).__typename).toBe("CreateClientSecretSuccess");
    const refused = await createSecret(viewer, { clientId, label: "by viewer" });
    expect(refused).toEqual({
      __typename: "ForbiddenError",
      message: "You need the secrets:manage permission in this client to do that.",
    });
    expect(await server.db.clientSecret.count({ where: { clientId } })).toBe(2);

    const asViewer = await gql(server, viewer.caller, SECRETS, { id: clientId });
    expect(asViewer.data?.client).toEqual({ id: clientId, secretCount: 2, secrets: null });
    expect(asViewer.errors).toHaveLength(1);
    const secret = await server.db.clientSecret.findFirstOrThrow({ where: { clientId, label: "by admin" } });
    const viewerRevoke = await gql(server, viewer.caller, REVOKE, { input: { secretId: secret.id } });
    expect(viewerRevoke.data?.revokeClientSecret.__typename).toBe("ForbiddenError");
    expect((await server.db.clientSecret.findUniqueOrThrow({ where: { id: secret.id } })).revokedAt).toBeNull();

    const token = await gql(
      server,
      owner.caller,
      `mutation { createApiToken(input: { label: "ci", currentPassword: "correct horse battery" }) { ... on CreateApiTokenSuccess { data { value } } } }`,
    );
    const bearer = { bearer: token.data?.createApiToken.data.value as string };
    const byToken = await gql(server, bearer, CREATE, { input: { clientId, label: "by token" } });
    expect(byToken.data?.createClientSecret.__typename).toBe("CreateClientSecretSuccess");
    const listed = await gql(server, bearer, SECRETS, { id: clientId });
    expect(listed.data?.client.secrets.map((s: { label: string }) => s.label)).toEqual([
      "by token",
      "by dev",
      "by admin",
    ]);
  });

  it("refuses partner tooling with client credentials: no secrets:manage, but it sees the count", async () => {
    const partner = await createPartner(server.db);
    const caller = { client: partner.credentials };
    const created = await gql(server, caller, CREATE, { input: { clientId: partner.client.id } });
    expect(created.data?.createClientSecret.__typename).toBe("ForbiddenError");
    const revoke = await gql(server, caller, REVOKE, { input: { secretId: partner.secretRow.id } });
    expect(revoke.data?.revokeClientSecret.__typename).toBe("ForbiddenError");
    const listed = await gql(server, caller, SECRETS, { id: partner.client.id });
    expect(listed.data?.client).toEqual({ id: partner.client.id, secretCount: 1, secrets: null });
    expect(await server.db.clientSecret.count({ where: { clientId: partner.client.id } })).toBe(1);
    expect(
      (await server.db.clientSecret.findUniqueOrThrow({ where: { id: partner.secretRow.id } })).revokedAt,
    ).toBeNull();
  });

  it("answers NotFound to an outsider for every query and mutation, and changes nothing", async () => {
    const partner = await createPartner(server.db);
    const outsider = await signedInPerson(server);
    await clientOwnedBy(server, outsider, "Elsewhere");
    const clientId = partner.client.id;
    const secretId = partner.secretRow.id;
    const domainId = partner.domain.id;

    expect((await gql(server, outsider.caller, SECRETS, { id: clientId })).data?.client).toBeNull();
    expect((await gql(server, outsider.caller, COUNT, { id: clientId })).data?.client).toBeNull();
    expect(await createSecret(outsider, { clientId })).toEqual({
      __typename: "NotFoundError",
      message: "Client not found.",
    });
    const notFound = { __typename: "NotFoundError", message: "Client secret not found." };
    expect((await gql(server, outsider.caller, REVOKE, { input: { secretId } })).data?.revokeClientSecret).toEqual(
      notFound,
    );
    expect(
      (await gql(server, outsider.caller, LINK, { input: { secretId, domainId } })).data?.linkSecretToDomain,
    ).toEqual(notFound);
    expect(
      (await gql(server, outsider.caller, UNLINK, { input: { secretId, domainId } })).data?.unlinkSecretFromDomain,
    ).toEqual(notFound);
    // Someone else's client credentials are outsiders too.
    const other = await createPartner(server.db);
    const asOther = await gql(server, { client: other.credentials }, REVOKE, { input: { secretId } });
    expect(asOther.data?.revokeClientSecret).toEqual(notFound);

    const row = await server.db.clientSecret.findUniqueOrThrow({
      where: { id: secretId },
      include: { domainLinks: true },
    });
    expect(row.revokedAt).toBeNull();
    expect(row.domainLinks.map((link) => link.domainId)).toEqual([domainId]);
    expect(await server.db.clientSecret.count({ where: { clientId } })).toBe(1);
    expect(await server.db.auditEvent.count({ where: { clientId } })).toBe(0);
  });

  it("links and unlinks domains of the same client only, with audit events", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Linker");
    const shop = await domainOf(clientId, "shop.linker.example");
    const other = await createPartner(server.db);
    const { secret } = (await createSecret(owner, { clientId, label: "Linkable" })).data;

    const foreign = await gql(server, owner.caller, LINK, {
      input: { secretId: secret.id, domainId: other.domain.id },
    });
    expect(foreign.data?.linkSecretToDomain).toEqual({ __typename: "NotFoundError", message: "Domain not found." });
    expect(await server.db.secretDomain.count({ where: { secretId: secret.id } })).toBe(0);

    const linked = await gql(server, owner.caller, LINK, { input: { secretId: secret.id, domainId: shop.id } });
    expect(linked.data?.linkSecretToDomain).toEqual({
      __typename: "LinkSecretToDomainSuccess",
      data: { id: secret.id, domains: [{ domainId: shop.id, rootDomain: "shop.linker.example" }] },
    });
    const again = await gql(server, owner.caller, LINK, { input: { secretId: secret.id, domainId: shop.id } });
    expect(again.data?.linkSecretToDomain).toEqual({
      __typename: "ConflictError",
      message: "This client secret is already linked to shop.linker.example.",
    });
    const linkEvent = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "secret.linked" } });
    expect(linkEvent.actorUserId).toBe(owner.user.id);
    expect(JSON.parse(linkEvent.details ?? "{}")).toEqual({
      before: null,
      after: { label: "Linkable", prefix: secret.prefix, domain: "shop.linker.example" },
    });

    const unlinked = await gql(server, owner.caller, UNLINK, { input: { secretId: secret.id, domainId: shop.id } });
    expect(unlinked.data?.unlinkSecretFromDomain).toEqual({
      __typename: "UnlinkSecretFromDomainSuccess",
      data: { id: secret.id, domains: [] },
    });
    const twice = await gql(server, owner.caller, UNLINK, { input: { secretId: secret.id, domainId: shop.id } });
    expect(twice.data?.unlinkSecretFromDomain).toEqual({
      __typename: "NotFoundError",
      message: "This client secret is not linked to shop.linker.example.",
    });
    const unlinkEvent = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "secret.unlinked" } });
    expect(JSON.parse(unlinkEvent.details ?? "{}")).toEqual({
      before: { label: "Linkable", prefix: secret.prefix, domain: "shop.linker.example" },
      after: null,
    });
  });

  it("makes the partner API refuse a secret as soon as it is revoked", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Rotating");
    const domain = await domainOf(clientId, "rotate.example");
    const { secret, value } = (await createSecret(owner, { clientId, label: "Live" })).data;
    const credentials = { clientId, clientSecret: value, domain: "rotate.example" };
    const signToken = () => callApi(server, "/sign-token", credentials, { redirect_url: "https://rotate.example/cb" });

    const unlinked = await signToken();
    expect(unlinked.status).toBe(403);
    expect(unlinked.body.message).toBe("This client secret is not linked to the domain");
    await gql(server, owner.caller, LINK, { input: { secretId: secret.id, domainId: domain.id } });
    const before = await signToken();
    expect(before.status).toBe(200);
    expect(before.body.status).toBe("success");

    const revoked = await gql(server, owner.caller, REVOKE, { input: { secretId: secret.id } });
    expect(revoked.data?.revokeClientSecret.__typename).toBe("RevokeClientSecretSuccess");
    expect(Date.parse(revoked.data?.revokeClientSecret.data.revokedAt)).toBeGreaterThan(Date.now() - 60_000);
    const after = await signToken();
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ status: "error", message: "This client secret has been revoked", data: {} });

    const event = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "secret.revoked" } });
    expect(event).toMatchObject({ actorUserId: owner.user.id, targetId: secret.id });
    expect(JSON.parse(event.details ?? "{}")).toMatchObject({
      before: { label: "Live", prefix: secret.prefix, revokedAt: null },
      after: { label: "Live", prefix: secret.prefix },
    });
    expect((await gql(server, owner.caller, COUNT, { id: clientId })).data?.client.secretCount).toBe(0);
    const again = await gql(server, owner.caller, REVOKE, { input: { secretId: secret.id } });
    expect(again.data?.revokeClientSecret).toEqual({
      __typename: "ConflictError",
      message: "This client secret is already revoked.",
    });
    const relink = await gql(server, owner.caller, UNLINK, { input: { secretId: secret.id, domainId: domain.id } });
    expect(relink.data?.unlinkSecretFromDomain.__typename).toBe("UnlinkSecretFromDomainSuccess");
    const linkRevoked = await gql(server, owner.caller, LINK, { input: { secretId: secret.id, domainId: domain.id } });
    expect(linkRevoked.data?.linkSecretToDomain).toEqual({
      __typename: "ConflictError",
      message: "A revoked client secret cannot be linked to a domain.",
    });
  });
});
