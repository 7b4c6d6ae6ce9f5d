import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";
import { staffPerson as staffWithSecondFactor } from "./staff.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const REQUEST = `mutation R($input: RequestVerificationInput!) { requestVerification(input: $input) { __typename
  ... on RequestVerificationSuccess { data { id status notes domains { domainId rootDomain } scopes } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const APPROVE = `mutation A($input: ApproveVerificationInput!) { approveVerification(input: $input) { __typename
  ... on ApproveVerificationSuccess { data { id status reviewNote reviewedAt } } ... on Error { message } } }`;
const REJECT = `mutation J($input: RejectVerificationInput!) { rejectVerification(input: $input) { __typename
  ... on RejectVerificationSuccess { data { id status reviewNote } }
  ... on Error { message } ... on ValidationError { fieldErrors { field message } } } }`;
const QUEUE = `query Q($status: VerificationRequestStatus, $first: Int) { verificationQueue(status: $status, first: $first) {
  edges { node { id status notes scopes client { id name } domains { rootDomain } } } } }`;
const CLIENT_REQUESTS = `query C($id: ID!) { client(id: $id) { verification verificationRequests { id status reviewNote scopes domains { rootDomain } } } }`;

// Staff powers need a second factor: each staff member enrols an authenticator app through the API.
const staffPerson = (role: "STAFF" | "ADMIN" = "STAFF") => staffWithSecondFactor(server, role);

/** A client (created through the API) with one domain, its Owner, a Developer, a Viewer and an outsider. */
async function verifiable(name: string) {
  const owner = await signedInPerson(server);
  const developer = await signedInPerson(server);
  const viewer = await signedInPerson(server);
  const outsider = await signedInPerson(server);
  const clientId = await clientOwnedBy(server, owner, name);
  const otherClient = await clientOwnedBy(server, outsider, `${name} rival`);
  await addMember(server, clientId, developer.user.id, "developer");
  await addMember(server, clientId, viewer.user.id, "viewer");
  const domain = await server.db.domain.create({
    data: { clientId, rootDomain: `${name.toLowerCase().replace(/\W/g, "")}.example`, publicId: newDomainPublicId() },
  });
  const foreignDomain = await server.db.domain.create({
    data: { clientId: otherClient, rootDomain: "rival.example", publicId: newDomainPublicId() },
  });
  const input = {
    clientId,
    domainIds: [domain.id],
    scopeKeys: ["useraddresses", "userinfo"],
    notes: "We ship parcels.",
  };
  return { owner, developer, viewer, outsider, clientId, domain, foreignDomain, input };
}

describe("test/graphql-verification: the verification center", () => {
  it("lets an Owner request verification once at a time, with an audit event", async () => {
    const v = await verifiable("Parcel Co");
    const requested = await gql(server, v.owner.caller, REQUEST, { input: v.input });
    expect(requested.data?.requestVerification).toMatchObject({
      __typename: "RequestVerificationSuccess",
      data: {
        status: "PENDING",
        notes: "We ship parcels.",
        domains: [{ domainId: v.domain.id, rootDomain: "parcelco.example" }],
        scopes: ["useraddresses", "userinfo"],
      },
    });
    const requestId = requested.data?.requestVerification.data.id;
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "verification.requested", targetId: requestId },
    });
    expect(event).toMatchObject({
      clientId: v.clientId,
      actorUserId: v.owner.user.id,
      targetType: "VerificationRequest",
    });
    expect(JSON.parse(event.details ?? "{}").after).toEqual({
      status: "PENDING",
      domainIds: [v.domain.id],
      scopeKeys: ["useraddresses", "userinfo"],
    });

    const again = await gql(server, v.owner.caller, REQUEST, { input: v.input });
    expect(again.data?.requestVerification).toEqual({
      __typename: "ConflictError",
      message: "This client already has a pending verification request.",
    });
    // Members who manage verification see the requests; other members see only the status (test/least-privilege).
    const viewed = await gql(server, v.viewer.caller, CLIENT_REQUESTS, { id: v.clientId });
    expect(viewed.data?.client).toEqual({ verification: "UNVERIFIED", verificationRequests: [] });
    const seen = await gql(server, v.owner.caller, CLIENT_REQUESTS, { id: v.clientId });
    expect(seen.data?.client).toEqual({
      verification: "UNVERIFIED",
      verificationRequests: [
        {
          id: requestId,
          status: "PENDING",
          reviewNote: null,
          scopes: ["useraddresses", "userinfo"],
          domains: [{ rootDomain: "parcelco.example" }],
        },
      ],
    });
    expect((await gql(server, v.outsider.caller, CLIENT_REQUESTS, { id: v.clientId })).data?.client).toBeNull();
  });

  it("refuses members without verification:manage, outsiders, partner tooling and foreign domains", async () => {
    const v = await verifiable("Guarded");
    for (const person of [v.developer, v.viewer]) {
      const refused = await gql(server, person.caller, REQUEST, { input: v.input });
      expect(refused.data?.requestVerification.__typename).toBe("ForbiddenError");
      expect(refused.data?.requestVerification.message).toMatch(/verification:manage/);
    }
    const outside = await gql(server, v.outsider.caller, REQUEST, { input: v.input });
    expect(outside.data?.requestVerification).toEqual({ __typename: "NotFoundError", message: "Client not found." });
    const foreign = await gql(server, v.owner.caller, REQUEST, {
      input: { ...v.input, domainIds: [v.domain.id, v.foreignDomain.id] },
    });
    expect(foreign.data?.requestVerification).toEqual({ __typename: "NotFoundError", message: "Domain not found." });
    const partner = await createPartner(server.db);
    const tooling = await gql(server, { client: partner.credentials }, REQUEST, {
      input: { ...v.input, clientId: partner.client.id, domainIds: [partner.domain.id] },
    });
    expect(tooling.data?.requestVerification.__typename).toBe("ForbiddenError");
    expect(
      await server.db.verificationRequest.count({ where: { clientId: { in: [v.clientId, partner.client.id] } } }),
    ).toBe(0);
  });

  it("names the invalid fields", async () => {
    const v = await verifiable("Fields");
    const empty = await gql(server, v.owner.caller, REQUEST, { input: { ...v.input, domainIds: [] } });
    expect(empty.data?.requestVerification.fieldErrors).toEqual([
      { field: "domainIds", message: "Choose at least one domain to verify." },
    ]);
    const unknown = await gql(server, v.owner.caller, REQUEST, {
      input: { ...v.input, scopeKeys: ["userinfo", "telepathy"] },
    });
    expect(unknown.data?.requestVerification.fieldErrors).toEqual([
      { field: "scopeKeys", message: "Unknown scope: telepathy." },
    ]);
    expect(await server.db.verificationRequest.count({ where: { clientId: v.clientId } })).toBe(0);
  });

  it("shows the queue to staff only", async () => {
    const v = await verifiable("Queued");
    const requestId = (await gql(server, v.owner.caller, REQUEST, { input: v.input })).data?.requestVerification.data
      .id;
    const staff = await staffPerson("ADMIN");
    const queue = await gql(server, staff.caller, QUEUE, { first: 50 });
    const node = queue.data?.verificationQueue.edges.find(
      (edge: { node: { id: string } }) => edge.node.id === requestId,
    )?.node;
    expect(node).toEqual({
      id: requestId,
      status: "PENDING",
      notes: "We ship parcels.",
      scopes: ["useraddresses", "userinfo"],
      client: { id: v.clientId, name: "Queued" },
      domains: [{ rootDomain: "queued.example" }],
    });
    const approvedOnly = await gql(server, staff.caller, QUEUE, { status: "APPROVED", first: 50 });
    expect(
      approvedOnly.data?.verificationQueue.edges.map((edge: { node: { id: string } }) => edge.node.id),
    ).not.toContain(requestId);
    // Staff review requests; they do not become members of the client.
    expect((await gql(server, staff.caller, CLIENT_REQUESTS, { id: v.clientId })).data?.client).toBeNull();

    for (const caller of [v.owner.caller, { anonymous: true } as const]) {
      const refused = await gql(server, caller, QUEUE, { first: 5 });
      expect(refused.data?.verificationQueue ?? null).toBeNull();
      expect(refused.errors?.[0]?.message).toMatch(/not authorized/i);
    }
  });

  it("lets staff approve, which verifies the client in the same change", async () => {
    const v = await verifiable("Approved");
    const requestId = (await gql(server, v.owner.caller, REQUEST, { input: v.input })).data?.requestVerification.data
      .id;
    const byOwner = await gql(server, v.owner.caller, APPROVE, { input: { requestId } });
    expect(byOwner.data?.approveVerification).toEqual({
      __typename: "ForbiddenError",
      message: "Only Gatehouse staff can review verification requests.",
    });
    const partner = await createPartner(server.db);
    const byTooling = await gql(server, { client: partner.credentials }, APPROVE, { input: { requestId } });
    expect(byTooling.data?.approveVerification.__typename).toBe("ForbiddenError");
    expect((await server.db.client.findUniqueOrThrow({ where: { id: v.clientId } })).verification).toBe("UNVERIFIED");

    const staff = await staffPerson();
    const missing = await gql(server, staff.caller, APPROVE, { input: { requestId: "nope" } });
    expect(missing.data?.approveVerification).toEqual({
      __typename: "NotFoundError",
      message: "Verification request not found.",
    });
    const approved = await gql(server, staff.caller, APPROVE, { input: { requestId, note: " Looks good. " } });
    expect(approved.data?.approveVerification).toMatchObject({
      __typename: "ApproveVerificationSuccess",
      data: { id: requestId, status: "APPROVED", reviewNote: "Looks good." },
    });
    expect(approved.data?.approveVerification.data.reviewedAt).toMatch(/^\d{4}-/);
    const stored = await server.db.verificationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored.reviewedById).toBe(staff.user.id);
    expect((await gql(server, v.owner.caller, CLIENT_REQUESTS, { id: v.clientId })).data?.client.verification).toBe(
      "VERIFIED",
    );
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "verification.approved", targetId: requestId },
    });
    expect(event).toMatchObject({ clientId: v.clientId, actorUserId: staff.user.id });
    expect(JSON.parse(event.details ?? "{}")).toEqual({
      before: { status: "PENDING" },
      after: {
        status: "APPROVED",
        reviewNote: "Looks good.",
        domains: [v.domain.rootDomain],
        scopes: ["useraddresses", "userinfo"],
      },
    });
    const twice = await gql(server, staff.caller, REJECT, { input: { requestId, note: "Changed my mind" } });
    expect(twice.data?.rejectVerification).toEqual({
      __typename: "ConflictError",
      message: "This request has already been reviewed.",
    });
    expect((await server.db.verificationRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "APPROVED",
    );
  });

  it("lets staff reject with a note, and the client may ask again", async () => {
    const v = await verifiable("Rejected");
    const requestId = (await gql(server, v.owner.caller, REQUEST, { input: v.input })).data?.requestVerification.data
      .id;
    const staff = await staffPerson();
    const noNote = await gql(server, staff.caller, REJECT, { input: { requestId, note: "  " } });
    expect(noNote.data?.rejectVerification.fieldErrors).toEqual([
      { field: "note", message: "Tell the client why the request was rejected." },
    ]);
    const byOwner = await gql(server, v.owner.caller, REJECT, { input: { requestId, note: "self-service" } });
    expect(byOwner.data?.rejectVerification.__typename).toBe("ForbiddenError");
    expect((await server.db.verificationRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "PENDING",
    );

    const rejected = await gql(server, staff.caller, REJECT, {
      input: { requestId, note: "The domain shows no privacy policy." },
    });
    expect(rejected.data?.rejectVerification).toEqual({
      __typename: "RejectVerificationSuccess",
      data: { id: requestId, status: "REJECTED", reviewNote: "The domain shows no privacy policy." },
    });
    expect((await server.db.client.findUniqueOrThrow({ where: { id: v.clientId } })).verification).toBe("UNVERIFIED");
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "verification.rejected", targetId: requestId },
    });
    expect(event).toMatchObject({ clientId: v.clientId, actorUserId: staff.user.id });
    const seen = await gql(server, v.owner.caller, CLIENT_REQUESTS, { id: v.clientId });
    expect(seen.data?.client.verificationRequests[0]).toMatchObject({
      status: "REJECTED",
      reviewNote: "The domain shows no privacy policy.",
    });
    const again = await gql(server, v.owner.caller, REQUEST, { input: v.input });
    expect(again.data?.requestVerification.__typename).toBe("RequestVerificationSuccess");
  });
});
