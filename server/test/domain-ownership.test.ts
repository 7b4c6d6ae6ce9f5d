import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHttpsProof } from "../src/core/domain/ownership-proof.js";
import { clientOwnedBy, type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { approveLogin, callApi, registeredBrowser, startTestServer, type TestServer } from "./harness.js";
import { authorization, browse, relyingParty } from "./oidc.js";
import { PROOF_CA_FILE, type Site, startDnsServer, startHttpsSite, type Zone } from "./proof-servers.js";
import { staffPerson } from "./staff.js";

const zone: Zone = { txt: new Map(), a: new Map(), silent: new Set() };
const sites = new Map<string, Site>();
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let https: Awaited<ReturnType<typeof startHttpsSite>>;
let server: TestServer;

beforeAll(async () => {
  dns = await startDnsServer(zone);
  https = await startHttpsSite(sites);
  server = await startTestServer({
    DNS_SERVERS: dns.server,
    DOMAIN_PROOF_TIMEOUT_MS: "700",
    DOMAIN_PROOF_ALLOW_PRIVATE: "true",
    DOMAIN_PROOF_HTTPS_PORT: String(https.port),
    DOMAIN_PROOF_CA_FILE: PROOF_CA_FILE,
  });
});
afterAll(async () => {
  await server.close();
  await https.close();
  dns.close();
});

const ERRORS = "... on Error { message }";
const DOMAIN_FIELDS = `id rootDomain ownershipVerified ownershipMethod ownershipVerifiedAt
  ownershipProof { token txtName txtValue fileUrl fileContent }`;
const CREATE_DOMAIN = `mutation D($input: CreateDomainInput!) { createDomain(input: $input) {
  __typename ... on CreateDomainSuccess { data { ${DOMAIN_FIELDS} } } ${ERRORS} } }`;
const UPDATE_DOMAIN = `mutation U($input: UpdateDomainInput!) { updateDomain(input: $input) {
  __typename ... on UpdateDomainSuccess { data { ${DOMAIN_FIELDS} } } ${ERRORS} } }`;
const CHECK = `mutation C($input: CheckDomainOwnershipInput!) { checkDomainOwnership(input: $input) {
  __typename ... on CheckDomainOwnershipSuccess { data { dns https domain { ${DOMAIN_FIELDS} } } } ${ERRORS} } }`;
const STAFF_VERIFY = `mutation V($input: VerifyDomainOwnershipInput!) { verifyDomainOwnership(input: $input) {
  __typename ... on VerifyDomainOwnershipSuccess { data { id rootDomain ownershipVerified } } ${ERRORS} } }`;
const AWAITING = `{ domainsAwaitingOwnership { id rootDomain clientName } }`;
const CREATE_SECRET = `mutation S($input: CreateClientSecretInput!) { createClientSecret(input: $input) {
  __typename ... on CreateClientSecretSuccess { data { value } } ${ERRORS} } }`;
const ADD_URL = `mutation A($input: AddDomainUrlInput!) { addDomainUrl(input: $input) { __typename ${ERRORS} } }`;
const SEND = `mutation R($input: SendAccessRequestInput!) { sendAccessRequest(input: $input) { __typename ${ERRORS} } }`;
const ACCEPT = `mutation A($input: AcceptAccessRequestInput!) { acceptAccessRequest(input: $input) { __typename ${ERRORS} } }`;
const INCOMING = `{ viewer { accessRequests { id kind } } }`;
const ENABLE = `mutation E($input: ClientScopeInput!) { enableClientScope(input: $input) { __typename ${ERRORS} } }`;

type DomainAnswer = {
  id: string;
  rootDomain: string;
  ownershipVerified: boolean;
  ownershipMethod: string | null;
  ownershipVerifiedAt: string | null;
  ownershipProof: { token: string; txtName: string; txtValue: string; fileUrl: string; fileContent: string } | null;
};

let owner: Awaited<ReturnType<typeof signedInPerson>>;
let clientId: string;
beforeAll(async () => {
  owner = await signedInPerson(server);
  clientId = await clientOwnedBy(server, owner, "Proof Co");
});

async function newDomain(rootDomain: string, extra: Record<string, unknown> = {}): Promise<DomainAnswer> {
  const created = await gql(server, owner.caller, CREATE_DOMAIN, { input: { clientId, rootDomain, ...extra } });
  expect(created.data?.createDomain.__typename, JSON.stringify(created)).toBe("CreateDomainSuccess");
  return created.data?.createDomain.data;
}

async function check(domainId: string, caller: GraphqlCaller = owner.caller) {
  const answer = await gql(server, caller, CHECK, { input: { domainId } });
  return answer.data?.checkDomainOwnership;
}

async function auditActions(domainId: string) {
  const events = await server.db.auditEvent.findMany({ where: { targetId: domainId }, orderBy: { createdAt: "asc" } });
  return events.map((event) => ({ action: event.action, details: JSON.parse(event.details ?? "null") }));
}

describe("test/domain-ownership: a new domain is unverified until the client proves it", () => {
  it("shows a new domain as unverified with its own token and both ways to prove it", async () => {
    const domain = await newDomain("fresh.proof.test");
    const other = await newDomain("other.proof.test");
    expect(domain).toMatchObject({ ownershipVerified: false, ownershipMethod: null, ownershipVerifiedAt: null });
    expect(domain.ownershipProof?.token).toMatch(/^[0-9a-f]{32}$/);
    expect(other.ownershipProof?.token).not.toBe(domain.ownershipProof?.token);
    expect(domain.ownershipProof).toMatchObject({
      txtName: "fresh.proof.test",
      txtValue: `gatehouse-verification=${domain.ownershipProof?.token}`,
      fileUrl: "https://fresh.proof.test/.well-known/gatehouse-verification.txt",
      fileContent: domain.ownershipProof?.token,
    });
  });

  it("verifies by the DNS TXT record with the right token, read from the configured resolver", async () => {
    const domain = await newDomain("dns-ok.proof.test");
    zone.txt.set("dns-ok.proof.test", ["v=spf1 -all", domain.ownershipProof?.txtValue ?? ""]);
    const result = await check(domain.id);
    expect(result.__typename).toBe("CheckDomainOwnershipSuccess");
    expect(result.data.dns).toBe("VERIFIED");
    expect(result.data.domain).toMatchObject({ ownershipVerified: true, ownershipMethod: "DNS", ownershipProof: null });
    expect(result.data.domain.ownershipVerifiedAt).not.toBeNull();
    expect(await auditActions(domain.id)).toContainEqual({
      action: "domain.ownership_verified",
      details: {
        before: { rootDomain: "dns-ok.proof.test", ownershipVerified: false },
        after: { rootDomain: "dns-ok.proof.test", ownershipVerified: true, method: "DNS" },
      },
    });
  });

  it("does not verify with a wrong token, no such name (NXDOMAIN), no TXT record, or a resolver that times out", async () => {
    const wrong = await newDomain("dns-wrong.proof.test");
    zone.txt.set("dns-wrong.proof.test", ["gatehouse-verification=0123456789abcdef0123456789abcdef"]);
    const nowhere = await newDomain("nowhere.proof.test");
    const bare = await newDomain("bare.proof.test");
    zone.txt.set("bare.proof.test", ["v=spf1 -all"]);
    const slow = await newDomain("slow.proof.test");
    zone.silent.add("slow.proof.test");

    expect((await check(wrong.id)).data).toMatchObject({ dns: "WRONG_VALUE", domain: { ownershipVerified: false } });
    expect((await check(nowhere.id)).data).toMatchObject({ dns: "NOT_FOUND", domain: { ownershipVerified: false } });
    expect((await check(bare.id)).data).toMatchObject({ dns: "NOT_FOUND", domain: { ownershipVerified: false } });
    const started = Date.now();
    expect((await check(slow.id)).data).toMatchObject({
      dns: "TIMEOUT",
      https: "TIMEOUT",
      domain: { ownershipVerified: false },
    });
    expect(Date.now() - started).toBeLessThan(5000);
    for (const id of [wrong.id, nowhere.id, bare.id, slow.id]) {
      expect((await auditActions(id)).map((event) => event.action)).not.toContain("domain.ownership_verified");
    }
  });

  it("verifies by the HTTPS file with the right token; a wrong file or a redirect does not", async () => {
    const proven = await newDomain("proven.proof.test");
    const wrong = await newDomain("wrong.proof.test");
    const missing = await newDomain("missing.proof.test");
    for (const name of ["proven.proof.test", "wrong.proof.test", "missing.proof.test"]) zone.a.set(name, "127.0.0.1");
    sites.set("proven.proof.test", { status: 200, body: `${proven.ownershipProof?.fileContent}\n` });
    sites.set("wrong.proof.test", { status: 200, body: "not-the-token" });
    // The file exists elsewhere, but a redirect is never followed.
    sites.set("missing.proof.test", {
      status: 302,
      body: "",
      location: "https://proven.proof.test/.well-known/gatehouse-verification.txt",
    });

    expect((await check(wrong.id)).data).toMatchObject({ https: "WRONG_VALUE", domain: { ownershipVerified: false } });
    expect((await check(missing.id)).data).toMatchObject({ https: "NOT_FOUND", domain: { ownershipVerified: false } });
    const result = await check(proven.id);
    expect(result.data).toMatchObject({
      dns: "NOT_FOUND",
      https: "VERIFIED",
      domain: { ownershipVerified: true, ownershipMethod: "HTTPS" },
    });
  });

  it("refuses to fetch the file from a private address unless the server allows it", async () => {
    const settings = {
      dnsServers: [dns.server],
      domainProofTimeoutMs: 700,
      domainProofHttpsPort: https.port,
      domainProofCaFile: PROOF_CA_FILE,
    };
    const token = "0123456789abcdef0123456789abcdef";
    sites.set("proven.proof.test", { status: 200, body: token });
    expect(await checkHttpsProof("proven.proof.test", token, { ...settings, domainProofAllowPrivate: false })).toBe(
      "ADDRESS_NOT_ALLOWED",
    );
    expect(await checkHttpsProof("proven.proof.test", token, { ...settings, domainProofAllowPrivate: true })).toBe(
      "VERIFIED",
    );
    // Without the test's CA the self-signed certificate is not trusted.
    expect(
      await checkHttpsProof("proven.proof.test", token, {
        ...settings,
        domainProofAllowPrivate: true,
        domainProofCaFile: undefined,
      }),
    ).toBe("UNREACHABLE");
  });

  it("makes a renamed domain prove its new name with a new token", async () => {
    const domain = await newDomain("rename-me.proof.test");
    zone.txt.set("rename-me.proof.test", [domain.ownershipProof?.txtValue ?? ""]);
    expect((await check(domain.id)).data.domain.ownershipVerified).toBe(true);
    const renamed = await gql(server, owner.caller, UPDATE_DOMAIN, {
      input: { domainId: domain.id, rootDomain: "renamed.proof.test" },
    });
    const after = renamed.data?.updateDomain.data as DomainAnswer;
    expect(after).toMatchObject({ rootDomain: "renamed.proof.test", ownershipVerified: false, ownershipMethod: null });
    expect(after.ownershipProof?.token).not.toBe(domain.ownershipProof?.token);
    // A flag change keeps the proof.
    zone.txt.set("renamed.proof.test", [after.ownershipProof?.txtValue ?? ""]);
    expect((await check(domain.id)).data.domain.ownershipVerified).toBe(true);
    const flagged = await gql(server, owner.caller, UPDATE_DOMAIN, { input: { domainId: domain.id, allowApi: true } });
    expect(flagged.data?.updateDomain.data.ownershipVerified).toBe(true);
  });

  it("lets only members with domains:manage check, and outsiders not see the domain at all", async () => {
    const domain = await newDomain("members.proof.test");
    const outsider = await signedInPerson(server);
    expect((await check(domain.id, outsider.caller)).__typename).toBe("NotFoundError");
  });

  it("lets staff, and only staff, list unverified domains and mark one verified with a note (audited)", async () => {
    const domain = await newDomain("internal.proof.test");
    expect((await gql(server, owner.caller, AWAITING)).errors?.length).toBeGreaterThan(0);
    const refused = await gql(server, owner.caller, STAFF_VERIFY, { input: { domainId: domain.id } });
    expect(refused.data?.verifyDomainOwnership?.__typename ?? "refused").not.toBe("VerifyDomainOwnershipSuccess");
    expect((await server.db.domain.findUniqueOrThrow({ where: { id: domain.id } })).ownershipVerified).toBe(false);

    const staff = await staffPerson(server);
    const listed = await gql(server, staff.caller, AWAITING);
    expect(listed.data?.domainsAwaitingOwnership).toContainEqual({
      id: domain.id,
      rootDomain: "internal.proof.test",
      clientName: "Proof Co",
    });
    const verified = await gql(server, staff.caller, STAFF_VERIFY, {
      input: { domainId: domain.id, note: "Intranet host, checked by phone." },
    });
    expect(verified.data?.verifyDomainOwnership).toMatchObject({
      __typename: "VerifyDomainOwnershipSuccess",
      data: { ownershipVerified: true },
    });
    const again = await gql(server, staff.caller, STAFF_VERIFY, { input: { domainId: domain.id } });
    expect(again.data?.verifyDomainOwnership.__typename).toBe("ConflictError");
    const relisted = await gql(server, staff.caller, AWAITING);
    expect(relisted.data?.domainsAwaitingOwnership.map((d: { id: string }) => d.id)).not.toContain(domain.id);
    const events = await server.db.auditEvent.findMany({
      where: { targetId: domain.id, action: "domain.ownership_verified" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.actorUserId).toBe(staff.user.id);
    expect(JSON.parse(events[0]?.details ?? "{}").after).toMatchObject({
      method: "STAFF",
      note: "Intranet host, checked by phone.",
    });
  });
});

describe("test/domain-ownership: an unverified domain works only in test mode", () => {
  const redirect_url = "https://gated.proof.test/cb";
  let domainId: string;
  let credentials: { clientId: string; clientSecret: string; domain: string };
  let tester: Awaited<ReturnType<typeof registeredBrowser>>;

  beforeAll(async () => {
    const domain = await newDomain("gated.proof.test", { allowApi: true });
    domainId = domain.id;
    const secret = await gql(server, owner.caller, CREATE_SECRET, { input: { clientId, domainIds: [domainId] } });
    credentials = { clientId, clientSecret: secret.data?.createClientSecret.data.value, domain: "gated.proof.test" };
    const url = await gql(server, owner.caller, ADD_URL, {
      input: { domainId, kind: "CALLBACK", url: "https://gated.proof.test/callback" },
    });
    expect(url.data?.addDomainUrl.__typename).toBe("AddDomainUrlSuccess");
    const enabled = await gql(server, owner.caller, ENABLE, { input: { clientId, scopeKey: "userinfo" } });
    expect(enabled.data?.enableClientScope.__typename).toBe("EnableClientScopeSuccess");
    // A test user: the owner invites them, they accept.
    tester = await registeredBrowser(server, "Tess Tester");
    const sent = await gql(server, owner.caller, SEND, {
      input: { clientId, email: tester.email, kind: "TEST_USER", scopeKeys: [] },
    });
    expect(sent.data?.sendAccessRequest.__typename, JSON.stringify(sent)).toBe("SendAccessRequestSuccess");
    const incoming = await tester.browser.graphql<{ viewer: { accessRequests: { id: string }[] } }>(INCOMING);
    const accepted = await tester.browser.graphql<{ acceptAccessRequest: { __typename: string } }>(ACCEPT, {
      input: { accessRequestId: incoming.data?.viewer.accessRequests[0]?.id },
    });
    expect(accepted.data?.acceptAccessRequest.__typename).toBe("AcceptAccessRequestSuccess");
  });

  const xwmsLogin = async (browser: Awaited<ReturnType<typeof registeredBrowser>>["browser"]) => {
    const signed = await callApi(server, "/sign-token", credentials, { redirect_url });
    expect(signed.status).toBe(200);
    return approveLogin(browser, signed.body.data.token as string);
  };

  const oidcLogin = async (browser: Awaited<ReturnType<typeof registeredBrowser>>["browser"]) => {
    const rp = await relyingParty(server, clientId, credentials.clientSecret);
    const auth = await authorization(rp, { redirectUri: "https://gated.proof.test/callback" });
    return browse(server, browser, auth.url);
  };

  it("refuses a person who is not a test user on the XWMS door, and admits the test user", async () => {
    const stranger = await registeredBrowser(server);
    expect(await xwmsLogin(stranger.browser)).toMatchObject({
      __typename: "LoginRequestError",
      code: "TEST_MODE_DENIED",
    });
    expect(await xwmsLogin(tester.browser)).toMatchObject({ __typename: "CompleteLoginSuccess" });
  });

  it("refuses a person who is not a test user on the OpenID Connect door, and admits the test user", async () => {
    const stranger = await registeredBrowser(server);
    const refused = await oidcLogin(stranger.browser);
    // The hosted page stops with the reason; no authorization code ever reaches the app.
    expect(refused).toEqual({
      page: expect.objectContaining({ __typename: "LoginRequestError", code: "TEST_MODE_DENIED" }),
    });
    const admitted = await oidcLogin(tester.browser);
    expect(admitted.redirect?.origin).toBe("https://gated.proof.test");
    expect(admitted.redirect?.searchParams.get("code")).toBeTruthy();
  });

  it("admits everyone on both doors once the domain is proven", async () => {
    const token = (await server.db.domain.findUniqueOrThrow({ where: { id: domainId } })).ownershipToken;
    zone.txt.set("gated.proof.test", [`gatehouse-verification=${token}`]);
    expect((await check(domainId)).data.domain.ownershipVerified).toBe(true);
    const stranger = await registeredBrowser(server);
    expect(await xwmsLogin(stranger.browser)).toMatchObject({ __typename: "CompleteLoginSuccess" });
    const other = await registeredBrowser(server);
    expect((await oidcLogin(other.browser)).redirect?.searchParams.get("code")).toBeTruthy();
  });
});
