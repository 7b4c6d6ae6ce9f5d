import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DOMAIN_FIELDS = `id publicId rootDomain serverIp internalName logoUrl fallbackUri
  allowLogin allowApi active primary testMode createdAt updatedAt urls { id kind url active }`;
const CLIENT_DOMAINS = `query D($id: ID!) { client(id: $id) { id domains { ${DOMAIN_FIELDS} } } }`;
const errorFields = `... on Error { message } ... on ValidationError { fieldErrors { field message } }`;
const CREATE = `mutation C($input: CreateDomainInput!) { createDomain(input: $input) {
  __typename ... on CreateDomainSuccess { data { ${DOMAIN_FIELDS} } } ${errorFields} } }`;
const UPDATE = `mutation U($input: UpdateDomainInput!) { updateDomain(input: $input) {
  __typename ... on UpdateDomainSuccess { data { ${DOMAIN_FIELDS} } } ${errorFields} } }`;
const DELETE = `mutation X($input: DeleteDomainInput!) { deleteDomain(input: $input) {
  __typename ... on DeleteDomainSuccess { data { id rootDomain } } ... on Error { message } } }`;
const ADD_URL = `mutation A($input: AddDomainUrlInput!) { addDomainUrl(input: $input) {
  __typename ... on AddDomainUrlSuccess { data { id kind url active } } ${errorFields} } }`;
const UPDATE_URL = `mutation B($input: UpdateDomainUrlInput!) { updateDomainUrl(input: $input) {
  __typename ... on UpdateDomainUrlSuccess { data { id kind url active } } ${errorFields} } }`;
const REMOVE_URL = `mutation R($input: RemoveDomainUrlInput!) { removeDomainUrl(input: $input) {
  __typename ... on RemoveDomainUrlSuccess { data { id urls { id } } } ... on Error { message } } }`;

async function lastAudit(clientId: string, action: string) {
  const event = await server.db.auditEvent.findFirstOrThrow({
    where: { clientId, action },
    orderBy: { createdAt: "desc" },
  });
  return { ...event, details: JSON.parse(event.details ?? "null") };
}

/** An owner with a client and one domain created through the API. */
async function ownerWithDomain(rootDomain = "shop.example.com") {
  const owner = await signedInPerson(server);
  const clientId = await clientOwnedBy(server, owner, "Domains Inc");
  const created = await gql(server, owner.caller, CREATE, { input: { clientId, rootDomain } });
  expect(created.data?.createDomain.__typename).toBe("CreateDomainSuccess");
  return { owner, clientId, domainId: created.data?.createDomain.data.id as string };
}

describe("test/graphql-domains: domains and their URLs", () => {
  it("creates a domain with normalised fields, a domain ID and an audit event", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Create Co");
    const result = await gql(server, owner.caller, CREATE, {
      input: {
        clientId,
        rootDomain: "  Shop.Example.COM ",
        serverIp: " 203.0.113.7 ,2001:db8::1",
        internalName: "Web shop",
        logoUrl: "https://cdn.example.com/logo.png",
        fallbackUri: "https://www.shop.example.com/fallback",
        allowApi: true,
        testMode: true,
      },
    });
    const domain = result.data?.createDomain.data;
    expect(result.data?.createDomain.__typename).toBe("CreateDomainSuccess");
    expect(domain).toMatchObject({
      rootDomain: "shop.example.com",
      serverIp: "203.0.113.7, 2001:db8::1",
      internalName: "Web shop",
      logoUrl: "https://cdn.example.com/logo.png",
      fallbackUri: "https://www.shop.example.com/fallback",
      allowLogin: true,
      allowApi: true,
      active: true,
      primary: false,
      testMode: true,
      urls: [],
    });
    expect(domain.publicId).toMatch(/^dom_/);
    const event = await lastAudit(clientId, "domain.created");
    expect(event).toMatchObject({ actorUserId: owner.user.id, targetType: "Domain", targetId: domain.id });
    expect(event.details.before).toBeNull();
    expect(event.details.after).toMatchObject({ rootDomain: "shop.example.com", allowApi: true, testMode: true });
  });

  it("names the field and says what is wrong for bad domains, IPs and URLs", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Validation Co");
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ rootDomain: "https://example.com" }, "rootDomain", /without https:\/\/ — for example example\.com/],
      [{ rootDomain: "example.com/login" }, "rootDomain", /without a path/],
      [{ rootDomain: "example.com:8080" }, "rootDomain", /without a port/],
      [{ rootDomain: "exa mple.com" }, "rootDomain", /spaces/],
      [{ rootDomain: "example" }, "rootDomain", /with a dot/],
      [{ rootDomain: "-bad-.example.com" }, "rootDomain", /valid domain name/],
      [{ rootDomain: "example.c0m" }, "rootDomain", /valid domain name/],
      [{ rootDomain: `${"a".repeat(64)}.com` }, "rootDomain", /valid domain name/],
      [{ rootDomain: "" }, "rootDomain", /Enter the root domain/],
      [
        { rootDomain: "ok.example.com", serverIp: "10.0.0.1, 999.1.1.1" },
        "serverIp",
        /Not an IP address: 999\.1\.1\.1/,
      ],
      [{ rootDomain: "ok.example.com", fallbackUri: "javascript:alert(1)" }, "fallbackUri", /Only https:\/\//],
      [{ rootDomain: "ok.example.com", fallbackUri: "http://example.com/x" }, "fallbackUri", /Use https:\/\//],
      [{ rootDomain: "ok.example.com", logoUrl: "/logo.png" }, "logoUrl", /full URL/],
    ];
    for (const [input, field, message] of cases) {
      const result = await gql(server, owner.caller, CREATE, { input: { clientId, ...input } });
      expect(result.data?.createDomain.__typename, JSON.stringify(input)).toBe("ValidationError");
      expect(result.data?.createDomain.fieldErrors).toHaveLength(1);
      expect(result.data?.createDomain.fieldErrors[0].field).toBe(field);
      expect(result.data?.createDomain.fieldErrors[0].message).toMatch(message);
    }
    expect(await server.db.domain.count({ where: { clientId } })).toBe(0);
    const local = await gql(server, owner.caller, CREATE, { input: { clientId, rootDomain: "LOCALHOST" } });
    expect(local.data?.createDomain.data.rootDomain).toBe("localhost");
  });

  it("keeps root domains unique per client but allows the same one in another client", async () => {
    const { owner, clientId } = await ownerWithDomain("dup.example.com");
    const again = await gql(server, owner.caller, CREATE, { input: { clientId, rootDomain: "DUP.example.com" } });
    expect(again.data?.createDomain).toEqual({
      __typename: "ConflictError",
      message: "This client already has the domain dup.example.com.",
    });
    expect(await server.db.domain.count({ where: { clientId } })).toBe(1);
    const otherClient = await clientOwnedBy(server, owner, "Second");
    const elsewhere = await gql(server, owner.caller, CREATE, {
      input: { clientId: otherClient, rootDomain: "dup.example.com" },
    });
    expect(elsewhere.data?.createDomain.__typename).toBe("CreateDomainSuccess");
  });

  it("keeps at most one primary domain per client, on create and on update, and lists it first", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Primary Co");
    const create = (rootDomain: string, primary: boolean) =>
      gql(server, owner.caller, CREATE, { input: { clientId, rootDomain, primary } });
    const a = (await create("a.example.com", true)).data?.createDomain.data;
    const z = (await create("z.example.com", true)).data?.createDomain.data;
    await create("m.example.com", false);
    const primaries = async () =>
      (await server.db.domain.findMany({ where: { clientId, primary: true } })).map((d) => d.rootDomain);
    expect(await primaries()).toEqual(["z.example.com"]);
    expect((await lastAudit(clientId, "domain.created")).details.after.rootDomain).toBe("m.example.com");
    const listed = await gql(server, owner.caller, CLIENT_DOMAINS, { id: clientId });
    expect(listed.data?.client.domains.map((d: { rootDomain: string }) => d.rootDomain)).toEqual([
      "z.example.com",
      "a.example.com",
      "m.example.com",
    ]);

    const updated = await gql(server, owner.caller, UPDATE, { input: { domainId: a.id, primary: true } });
    expect(updated.data?.updateDomain.data.primary).toBe(true);
    expect(await primaries()).toEqual(["a.example.com"]);
    const event = await lastAudit(clientId, "domain.updated");
    expect(event.targetId).toBe(a.id);
    expect(event.details.before.primary).toBe(false);
    expect(event.details.after).toMatchObject({ primary: true, primaryTakenFrom: ["z.example.com"] });
    expect(z.id).not.toBe(a.id);
  });

  it("updates only the given fields, clears nullable ones with null, and audits before/after", async () => {
    const { owner, clientId, domainId } = await ownerWithDomain("upd.example.com");
    await gql(server, owner.caller, UPDATE, { input: { domainId, internalName: "Old", serverIp: "10.0.0.1" } });
    const result = await gql(server, owner.caller, UPDATE, {
      input: { domainId, rootDomain: "New.Example.com", serverIp: null, allowLogin: false, active: null },
    });
    expect(result.data?.updateDomain.data).toMatchObject({
      rootDomain: "new.example.com",
      serverIp: null,
      internalName: "Old",
      allowLogin: false,
      active: true,
    });
    const event = await lastAudit(clientId, "domain.updated");
    expect(event.actorUserId).toBe(owner.user.id);
    expect(event.details.before).toMatchObject({
      rootDomain: "upd.example.com",
      serverIp: "10.0.0.1",
      allowLogin: true,
    });
    expect(event.details.after).toMatchObject({ rootDomain: "new.example.com", serverIp: null, allowLogin: false });

    const bad = await gql(server, owner.caller, UPDATE, { input: { domainId, fallbackUri: "ftp://example.com" } });
    expect(bad.data?.updateDomain.fieldErrors[0].field).toBe("fallbackUri");
    expect((await server.db.domain.findUniqueOrThrow({ where: { id: domainId } })).fallbackUri).toBeNull();
  });

  it("adds, updates and removes callback and webhook URLs with audit events", async () => {
    const { owner, clientId, domainId } = await ownerWithDomain("urls.example.com");
    const added = await gql(server, owner.caller, ADD_URL, {
      input: { domainId, kind: "CALLBACK", url: "https://urls.example.com/auth/callback" },
    });
    expect(added.data?.addDomainUrl).toMatchObject({
      __typename: "AddDomainUrlSuccess",
      data: { kind: "CALLBACK", url: "https://urls.example.com/auth/callback", active: true },
    });
    const urlId = added.data?.addDomainUrl.data.id;
    expect((await lastAudit(clientId, "domain.url_added")).details.after).toEqual({
      domain: "urls.example.com",
      kind: "CALLBACK",
      url: "https://urls.example.com/auth/callback",
      active: true,
    });
    const duplicate = await gql(server, owner.caller, ADD_URL, {
      input: { domainId, kind: "CALLBACK", url: "https://urls.example.com/auth/callback" },
    });
    expect(duplicate.data?.addDomainUrl.__typename).toBe("ConflictError");
    const badUrl = await gql(server, owner.caller, ADD_URL, {
      input: { domainId, kind: "WEBHOOK", url: "javascript:alert(1)" },
    });
    expect(badUrl.data?.addDomainUrl.fieldErrors).toEqual([
      { field: "url", message: "Only https:// URLs are allowed (http:// for localhost)." },
    ]);
    const webhook = await gql(server, owner.caller, ADD_URL, {
      input: { domainId, kind: "WEBHOOK", url: "http://127.0.0.1:8080/hooks", active: false },
    });
    expect(webhook.data?.addDomainUrl.data).toMatchObject({ kind: "WEBHOOK", active: false });

    const updated = await gql(server, owner.caller, UPDATE_URL, {
      input: { domainUrlId: urlId, active: false, url: "https://urls.example.com/cb" },
    });
    expect(updated.data?.updateDomainUrl.data).toMatchObject({ url: "https://urls.example.com/cb", active: false });
    const updateEvent = await lastAudit(clientId, "domain.url_updated");
    expect(updateEvent.details.before).toMatchObject({ url: "https://urls.example.com/auth/callback", active: true });
    expect(updateEvent.details.after).toMatchObject({ url: "https://urls.example.com/cb", active: false });

    const listed = await gql(server, owner.caller, CLIENT_DOMAINS, { id: clientId });
    expect(listed.data?.client.domains[0].urls.map((u: { kind: string }) => u.kind)).toEqual(["CALLBACK", "WEBHOOK"]);

    const removed = await gql(server, owner.caller, REMOVE_URL, { input: { domainUrlId: urlId } });
    expect(removed.data?.removeDomainUrl).toEqual({
      __typename: "RemoveDomainUrlSuccess",
      data: { id: domainId, urls: [{ id: webhook.data?.addDomainUrl.data.id }] },
    });
    expect(await server.db.domainUrl.count({ where: { id: urlId } })).toBe(0);
    expect((await lastAudit(clientId, "domain.url_removed")).details.before.url).toBe("https://urls.example.com/cb");
  });

  it("deletes a domain with its URLs and audits it", async () => {
    const { owner, clientId, domainId } = await ownerWithDomain("gone.example.com");
    await gql(server, owner.caller, ADD_URL, {
      input: { domainId, kind: "CALLBACK", url: "https://gone.example.com/cb" },
    });
    const deleted = await gql(server, owner.caller, DELETE, { input: { domainId } });
    expect(deleted.data?.deleteDomain).toEqual({
      __typename: "DeleteDomainSuccess",
      data: { id: domainId, rootDomain: "gone.example.com" },
    });
    expect(await server.db.domain.count({ where: { id: domainId } })).toBe(0);
    expect(await server.db.domainUrl.count({ where: { domainId } })).toBe(0);
    const event = await lastAudit(clientId, "domain.deleted");
    expect(event).toMatchObject({ targetId: domainId, actorUserId: owner.user.id });
    expect(event.details.before.rootDomain).toBe("gone.example.com");
  });

  it("lets owner, admin and developer manage domains; a viewer can read but not change them", async () => {
    const { owner, clientId, domainId } = await ownerWithDomain("roles.example.com");
    const urlId = (
      await gql(server, owner.caller, ADD_URL, {
        input: { domainId, kind: "CALLBACK", url: "https://roles.example.com/cb" },
      })
    ).data?.addDomainUrl.data.id;
    for (const role of ["admin", "developer"] as const) {
      const person = await signedInPerson(server);
      await addMember(server, clientId, person.user.id, role);
      const result = await gql(server, person.caller, UPDATE, { input: { domainId, internalName: role } });
      expect(result.data?.updateDomain.data.internalName).toBe(role);
      expect((await lastAudit(clientId, "domain.updated")).actorUserId).toBe(person.user.id);
    }
    const viewer = await signedInPerson(server);
    await addMember(server, clientId, viewer.user.id, "viewer");
    const read = await gql(server, viewer.caller, CLIENT_DOMAINS, { id: clientId });
    expect(read.data?.client.domains[0]).toMatchObject({ rootDomain: "roles.example.com", internalName: "developer" });
    expect(read.data?.client.domains[0].urls).toHaveLength(1);
    const before = await server.db.domain.findUniqueOrThrow({ where: { id: domainId } });
    const events = await server.db.auditEvent.count({ where: { clientId } });
    const refusals = [
      [CREATE, "createDomain", { clientId, rootDomain: "viewer.example.com" }],
      [UPDATE, "updateDomain", { domainId, internalName: "viewer" }],
      [DELETE, "deleteDomain", { domainId }],
      [ADD_URL, "addDomainUrl", { domainId, kind: "WEBHOOK", url: "https://roles.example.com/hook" }],
      [UPDATE_URL, "updateDomainUrl", { domainUrlId: urlId, active: false }],
      [REMOVE_URL, "removeDomainUrl", { domainUrlId: urlId }],
    ] as const;
    for (const [document, field, input] of refusals) {
      const result = await gql(server, viewer.caller, document, { input });
      expect(result.data?.[field], field).toEqual({
        __typename: "ForbiddenError",
        message: "You need the domains:manage permission in this client to do that.",
      });
    }
    expect(await server.db.domain.findUniqueOrThrow({ where: { id: domainId } })).toEqual(before);
    expect(await server.db.domain.count({ where: { clientId } })).toBe(1);
    expect((await server.db.domainUrl.findUniqueOrThrow({ where: { id: urlId } })).active).toBe(true);
    expect(await server.db.auditEvent.count({ where: { clientId } })).toBe(events);
  });

  it("gives an outsider NotFound on every mutation and nothing through any query", async () => {
    const { owner, clientId, domainId } = await ownerWithDomain("private.example.com");
    const urlId = (
      await gql(server, owner.caller, ADD_URL, {
        input: { domainId, kind: "CALLBACK", url: "https://private.example.com/cb" },
      })
    ).data?.addDomainUrl.data.id;
    const outsider = await signedInPerson(server);
    const ownClient = await clientOwnedBy(server, outsider, "Outsider Co");
    expect((await gql(server, outsider.caller, CLIENT_DOMAINS, { id: clientId })).data?.client).toBeNull();
    const own = await gql(server, outsider.caller, CLIENT_DOMAINS, { id: ownClient });
    expect(own.data?.client.domains).toEqual([]);
    const expected: [string, string, Record<string, unknown>, string][] = [
      [CREATE, "createDomain", { clientId, rootDomain: "evil.example.com" }, "Client not found."],
      [UPDATE, "updateDomain", { domainId, rootDomain: "evil.example.com" }, "Domain not found."],
      [DELETE, "deleteDomain", { domainId }, "Domain not found."],
      [ADD_URL, "addDomainUrl", { domainId, kind: "CALLBACK", url: "https://evil.example.com/" }, "Domain not found."],
      [
        UPDATE_URL,
        "updateDomainUrl",
        { domainUrlId: urlId, url: "https://evil.example.com/" },
        "Domain URL not found.",
      ],
      [REMOVE_URL, "removeDomainUrl", { domainUrlId: urlId }, "Domain URL not found."],
      [UPDATE, "updateDomain", { domainId: "does-not-exist", active: false }, "Domain not found."],
    ];
    for (const [document, field, input, message] of expected) {
      const result = await gql(server, outsider.caller, document, { input });
      expect(result.data?.[field], field).toEqual({ __typename: "NotFoundError", message });
    }
    const domain = await server.db.domain.findUniqueOrThrow({ where: { id: domainId }, include: { urls: true } });
    expect(domain.rootDomain).toBe("private.example.com");
    expect(domain.urls.map((u) => u.url)).toEqual(["https://private.example.com/cb"]);
    expect(await server.db.domain.count({ where: { rootDomain: "evil.example.com" } })).toBe(0);
    expect(await server.db.auditEvent.count({ where: { actorUserId: outsider.user.id, clientId } })).toBe(0);
  });

  it("lets client credentials read their own domains but not change them; API tokens act as their member", async () => {
    const partner = await createPartner(server.db, { rootDomain: "partner.example.com" });
    const other = await createPartner(server.db, { rootDomain: "other.example.com" });
    const creds: GraphqlCaller = { client: partner.credentials };
    const own = await gql(server, creds, CLIENT_DOMAINS, { id: partner.client.id });
    expect(own.data?.client.domains.map((d: { publicId: string }) => d.publicId)).toEqual([partner.domain.publicId]);
    expect((await gql(server, creds, CLIENT_DOMAINS, { id: other.client.id })).data?.client).toBeNull();
    const refused = await gql(server, creds, UPDATE, { input: { domainId: partner.domain.id, active: false } });
    expect(refused.data?.updateDomain.__typename).toBe("ForbiddenError");
    const foreign = await gql(server, creds, UPDATE, { input: { domainId: other.domain.id, active: false } });
    expect(foreign.data?.updateDomain.__typename).toBe("NotFoundError");
    expect((await server.db.domain.findUniqueOrThrow({ where: { id: partner.domain.id } })).active).toBe(true);

    const { owner, clientId } = await ownerWithDomain("token.example.com");
    const token = await gql(
      server,
      owner.caller,
      `mutation { createApiToken(input: { label: "deploy", currentPassword: "correct horse battery" }) { ... on CreateApiTokenSuccess { data { value } } } }`,
    );
    const bearer: GraphqlCaller = { bearer: token.data?.createApiToken.data.value };
    const created = await gql(server, bearer, CREATE, { input: { clientId, rootDomain: "api.token.example.com" } });
    expect(created.data?.createDomain.__typename).toBe("CreateDomainSuccess");
    expect((await lastAudit(clientId, "domain.created")).actorUserId).toBe(owner.user.id);
    const foreignByToken = await gql(server, bearer, CLIENT_DOMAINS, { id: partner.client.id });
    expect(foreignByToken.data?.client).toBeNull();
  });
});
