import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { newClientSecret } from "../src/core/secret/secret-value.js";
import { readOutbox } from "../src/mail/mail.js";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import {
  approveLogin,
  callApi,
  LOGIN_REQUEST,
  registeredBrowser,
  startTestServer,
  type TestServer,
} from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ERRORS = "... on Error { message } ... on ValidationError { fieldErrors { field message } }";
const FIELDS = "id status reviewNote revokedAt revokeNote scopes approvedScopes domains { rootDomain approved }";
const REQUEST = `mutation R($input: RequestVerificationInput!) { requestVerification(input: $input) { __typename
  ... on RequestVerificationSuccess { data { ${FIELDS} } } ${ERRORS} } }`;
const APPROVE = `mutation A($input: ApproveVerificationInput!) { approveVerification(input: $input) { __typename
  ... on ApproveVerificationSuccess { data { ${FIELDS} } } ${ERRORS} } }`;
const REJECT = `mutation J($input: RejectVerificationInput!) { rejectVerification(input: $input) { __typename
  ... on RejectVerificationSuccess { data { ${FIELDS} } } ${ERRORS} } }`;
const REVOKE = `mutation V($input: RevokeVerificationInput!) { revokeVerification(input: $input) { __typename
  ... on RevokeVerificationSuccess { data { ${FIELDS} } } ${ERRORS} } }`;
const CANCEL = `mutation X($input: CancelVerificationRequestInput!) { cancelVerificationRequest(input: $input) { __typename
  ... on CancelVerificationRequestSuccess { data { ${FIELDS} } } ${ERRORS} } }`;
const ENABLE = `mutation E($input: ClientScopeInput!) { enableClientScope(input: $input) { __typename ${ERRORS} } }`;
const CLIENT = `query C($id: ID!) { client(id: $id) { verification } }`;

async function staffPerson() {
  const person = await signedInPerson(server);
  await server.db.user.update({ where: { id: person.user.id }, data: { platformRole: "STAFF" } });
  return person;
}

/** The owner's mailbox: subjects of the messages about this client. */
async function mailSubjects(to: string) {
  return (await readOutbox(server.config.devOutboxDir)).filter((mail) => mail.to === to).map((mail) => mail.subject);
}

/**
 * A client created by its signed-in owner, with two login domains (localhost and 127.0.0.1) sharing
 * one secret, and a pending request for both domains and two VERIFIED scopes.
 */
async function pendingRequest() {
  const owner = await signedInPerson(server);
  const name = `Verify ${Date.now().toString(36)}`;
  const clientId = await clientOwnedBy(server, owner, name);
  const domain = (rootDomain: string) =>
    server.db.domain.create({
      // Set up in the database like test/fixtures.ts: domains whose ownership is already proven.
      data: {
        clientId,
        rootDomain,
        publicId: newDomainPublicId(),
        allowLogin: true,
        allowApi: true,
        ownershipVerified: true,
      },
    });
  const first = await domain("localhost");
  const second = await domain("127.0.0.1");
  const secret = newClientSecret();
  await server.db.clientSecret.create({
    data: {
      clientId,
      secretHash: secret.secretHash,
      prefix: secret.prefix,
      domainLinks: { create: [{ domainId: first.id }, { domainId: second.id }] },
    },
  });
  const requested = await gql(server, owner.caller, REQUEST, {
    input: {
      clientId,
      domainIds: [first.id, second.id],
      scopeKeys: ["useraddresses", "providers"],
      notes: "Shipping and login with socials.",
    },
  });
  expect(requested.data?.requestVerification.__typename).toBe("RequestVerificationSuccess");
  return {
    partner: { client: { id: clientId, name }, domain: first, credentials: { clientId, clientSecret: secret.value } },
    second,
    owner,
    requestId: requested.data?.requestVerification.data.id as string,
  };
}

/** The scope keys the hosted login offers a person signing in through `domain`, and a signed token for it. */
async function offeredScopes(credentials: { clientId: string; clientSecret: string }, domain: string) {
  const port = domain === "localhost" ? "localhost:4000" : "127.0.0.1:4000";
  const signed = await callApi(
    server,
    "/sign-token",
    { ...credentials, domain },
    { redirect_url: `http://${port}/cb` },
  );
  expect(signed.status).toBe(200);
  const token = signed.body.data.token as string;
  const person = await registeredBrowser(server);
  const request = await person.browser.graphql<{ loginRequest: { data: { scopes: { key: string }[] } } }>(
    LOGIN_REQUEST,
    { token },
  );
  return { keys: request.data?.loginRequest.data.scopes.map((scope) => scope.key) ?? [], token, person };
}

describe("test/verification-decisions: approval covers what was requested, no more", () => {
  it("staff approve part of a request: only those domains and scopes become verified", async () => {
    const { partner, owner, requestId } = await pendingRequest();
    const staff = await staffPerson();
    await gql(server, owner.caller, ENABLE, { input: { clientId: partner.client.id, scopeKey: "userinfo" } });

    const outside = await gql(server, staff.caller, APPROVE, {
      input: { requestId, scopeKeys: ["useraddresses", "birthdate"] },
    });
    expect(outside.data?.approveVerification).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "scopeKeys", message: "Not part of this request: birthdate." }],
    });
    const none = await gql(server, staff.caller, APPROVE, { input: { requestId, domainIds: [] } });
    expect(none.data?.approveVerification).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "domainIds" }],
    });

    const approved = await gql(server, staff.caller, APPROVE, {
      input: { requestId, domainIds: [partner.domain.id], scopeKeys: ["useraddresses"], note: "Socials later." },
    });
    expect(approved.data?.approveVerification).toMatchObject({
      __typename: "ApproveVerificationSuccess",
      data: {
        status: "APPROVED",
        reviewNote: "Socials later.",
        scopes: ["providers", "useraddresses"],
        approvedScopes: ["useraddresses"],
      },
    });
    const domains = approved.data?.approveVerification.data.domains as { rootDomain: string; approved: boolean }[];
    expect(Object.fromEntries(domains.map((d) => [d.rootDomain, d.approved]))).toEqual({
      localhost: true,
      "127.0.0.1": false,
    });
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { targetId: requestId, action: { startsWith: "verification.p" } },
    });
    expect(event).toMatchObject({ action: "verification.partially_approved", actorUserId: staff.user.id });
    expect(await mailSubjects(owner.email)).toEqual([
      `${partner.client.name}: verification requested`,
      `${partner.client.name}: verification approved`,
    ]);

    // The client may enable the approved VERIFIED scope, not the one staff left out.
    const enableProviders = await gql(server, owner.caller, ENABLE, {
      input: { clientId: partner.client.id, scopeKey: "providers" },
    });
    expect(enableProviders.data?.enableClientScope).toMatchObject({ __typename: "ForbiddenError" });
    const enableAddresses = await gql(server, owner.caller, ENABLE, {
      input: { clientId: partner.client.id, scopeKey: "useraddresses" },
    });
    expect(enableAddresses.data?.enableClientScope.__typename).toBe("EnableClientScopeSuccess");

    // Through the approved domain people are asked for addresses, and the REST door then releases them.
    const onApproved = await offeredScopes(partner.credentials, "localhost");
    expect(onApproved.keys).toEqual(["useraddresses", "userinfo"]);
    expect((await approveLogin(onApproved.person.browser, onApproved.token))?.__typename).toBe("CompleteLoginSuccess");
    const credentials = { ...partner.credentials, domain: "localhost" };
    const verified = await callApi(server, "/sign-token-verify", credentials, { token: onApproved.token });
    const addresses = await callApi(server, "/get/user/address", credentials, { sub: verified.body.data.sub });
    expect(addresses.status).toBe(200);
    // Through the domain staff did not approve, the same client asks only for BASIC scopes.
    expect((await offeredScopes(partner.credentials, "127.0.0.1")).keys).toEqual(["userinfo"]);
  });

  it("staff reject with a required note, revoke an approval later, and each change reaches the owners", async () => {
    const { partner, owner, requestId } = await pendingRequest();
    const staff = await staffPerson();
    const bare = await gql(server, staff.caller, REJECT, { input: { requestId, note: "  " } });
    expect(bare.data?.rejectVerification).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "note" }],
    });
    const rejected = await gql(server, staff.caller, REJECT, {
      input: { requestId, note: "Tell us who you ship for." },
    });
    expect(rejected.data?.rejectVerification).toMatchObject({ data: { status: "REJECTED", approvedScopes: [] } });
    const late = await gql(server, staff.caller, APPROVE, { input: { requestId } });
    expect(late.data?.approveVerification).toMatchObject({
      __typename: "ConflictError",
      message: "This request has already been reviewed.",
    });

    const again = await gql(server, owner.caller, REQUEST, {
      input: { clientId: partner.client.id, domainIds: [partner.domain.id], scopeKeys: ["useraddresses"] },
    });
    const secondId = again.data?.requestVerification.data.id as string;
    await gql(server, staff.caller, APPROVE, { input: { requestId: secondId } });
    await gql(server, owner.caller, ENABLE, { input: { clientId: partner.client.id, scopeKey: "useraddresses" } });
    await gql(server, owner.caller, ENABLE, { input: { clientId: partner.client.id, scopeKey: "userinfo" } });
    expect((await offeredScopes(partner.credentials, "localhost")).keys).toEqual(["useraddresses", "userinfo"]);

    const byOwner = await gql(server, owner.caller, REVOKE, { input: { requestId: secondId, note: "no" } });
    expect(byOwner.data?.revokeVerification.__typename).toBe("ForbiddenError");
    const revoked = await gql(server, staff.caller, REVOKE, {
      input: { requestId: secondId, note: "Complaints about misuse." },
    });
    expect(revoked.data?.revokeVerification).toMatchObject({
      data: { status: "APPROVED", revokeNote: "Complaints about misuse.", revokedAt: expect.any(String) },
    });
    const twice = await gql(server, staff.caller, REVOKE, { input: { requestId: secondId, note: "again" } });
    expect(twice.data?.revokeVerification.__typename).toBe("ConflictError");
    expect((await gql(server, owner.caller, CLIENT, { id: partner.client.id })).data?.client.verification).toBe(
      "UNVERIFIED",
    );
    // What the approval allowed stops at once, without anyone signing in again.
    expect((await offeredScopes(partner.credentials, "localhost")).keys).toEqual(["userinfo"]);

    expect(await mailSubjects(owner.email)).toEqual(
      ["requested", "rejected", "requested", "approved", "revoked"].map(
        (what) => `${partner.client.name}: verification ${what}`,
      ),
    );
    const actions = await server.db.auditEvent.findMany({
      where: { clientId: partner.client.id, action: { startsWith: "verification." } },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "verification.requested",
      "verification.rejected",
      "verification.requested",
      "verification.approved",
      "verification.revoked",
    ]);
  });

  it("the client cancels its pending request; staff can no longer decide it", async () => {
    const owner = await signedInPerson(server);
    const viewer = await signedInPerson(server);
    const outsider = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Cancel Co");
    await addMember(server, clientId, viewer.user.id, "viewer");
    const domain = await server.db.domain.create({
      data: { clientId, rootDomain: "cancel.example", publicId: newDomainPublicId() },
    });
    const requested = await gql(server, owner.caller, REQUEST, {
      input: { clientId, domainIds: [domain.id], scopeKeys: ["useraddresses"] },
    });
    const requestId = requested.data?.requestVerification.data.id as string;

    expect(
      (await gql(server, viewer.caller, CANCEL, { input: { requestId } })).data?.cancelVerificationRequest.__typename,
    ).toBe("ForbiddenError");
    expect(
      (await gql(server, outsider.caller, CANCEL, { input: { requestId } })).data?.cancelVerificationRequest.__typename,
    ).toBe("NotFoundError");
    const cancelled = await gql(server, owner.caller, CANCEL, { input: { requestId } });
    expect(cancelled.data?.cancelVerificationRequest).toMatchObject({ data: { status: "CANCELLED" } });
    const twice = await gql(server, owner.caller, CANCEL, { input: { requestId } });
    expect(twice.data?.cancelVerificationRequest.__typename).toBe("ConflictError");
    const staff = await staffPerson();
    const approve = await gql(server, staff.caller, APPROVE, { input: { requestId } });
    expect(approve.data?.approveVerification).toMatchObject({
      __typename: "ConflictError",
      message: "The client cancelled this request.",
    });
    expect(await server.db.auditEvent.count({ where: { targetId: requestId, action: "verification.cancelled" } })).toBe(
      1,
    );
    expect(await mailSubjects(owner.email)).toEqual([
      "Cancel Co: verification requested",
      "Cancel Co: verification request cancelled",
    ]);
    // A new request may follow at once.
    const next = await gql(server, owner.caller, REQUEST, {
      input: { clientId, domainIds: [domain.id], scopeKeys: [] },
    });
    expect(next.data?.requestVerification.__typename).toBe("RequestVerificationSuccess");
  });
});
