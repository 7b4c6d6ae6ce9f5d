import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { gql, signedInPerson } from "./graphql.js";
import { approveLogin, callApi, LOGIN_REQUEST, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CONNECTED_APPS = `{ viewer { connectedApps { id grantedAt lastLoginAt client { id name } scopes { key description } } } }`;
const REVOKE_CONSENT = `mutation C($input: RevokeConsentInput!) { revokeConsent(input: $input) { __typename
  ... on RevokeConsentSuccess { data { id revokedAt client { name } } } ... on Error { message } } }`;
const ACCESS_REQUESTS = `query Q($status: AccessRequestStatus) { viewer { accessRequests(status: $status) {
  id kind status message createdAt respondedAt client { id name } scopes { key description tier } } } }`;
const ACCEPT = `mutation Acc($input: AcceptAccessRequestInput!) { acceptAccessRequest(input: $input) { __typename
  ... on AcceptAccessRequestSuccess { data { id status respondedAt } } ... on Error { message } } }`;
const DECLINE = `mutation Dec($input: DeclineAccessRequestInput!) { declineAccessRequest(input: $input) { __typename
  ... on DeclineAccessRequestSuccess { data { id status respondedAt } } ... on Error { message } } }`;

const lastEvent = (action: string, targetId: string) =>
  server.db.auditEvent.findFirstOrThrow({ where: { action, targetId }, orderBy: { createdAt: "desc" } });
const details = (event: { details: string | null }) => JSON.parse(event.details ?? "{}");

describe("test/graphql-account-apps: connected apps and incoming access requests", () => {
  async function loginThroughDemo(browser: Parameters<typeof approveLogin>[0]) {
    const signToken = await callApi(server, "/sign-token", server.demo, { redirect_url: "http://localhost:4567/cb" });
    const token = signToken.body.data.token as string;
    expect((await approveLogin(browser, token))?.__typename).toBe("CompleteLoginSuccess");
    const verified = await callApi(server, "/sign-token-verify", server.demo, { token });
    return verified.body.data.sub as string;
  }

  it("lists connected apps and revokes one: the client loses the user and the next login asks again", async () => {
    const person = await signedInPerson(server);
    const other = await signedInPerson(server);
    const sub = await loginThroughDemo(person.browser);
    expect(sub).toBe(person.user.sub);

    const apps = await gql(server, person.caller, CONNECTED_APPS);
    expect(apps.data?.viewer.connectedApps).toHaveLength(1);
    const [app] = apps.data?.viewer.connectedApps ?? [];
    expect(app.client).toEqual({ id: server.demo.clientId, name: "Demo Client" });
    expect(app.scopes.map((scope: { key: string }) => scope.key)).toEqual(["providers", "useraddresses", "userinfo"]);
    expect(app.scopes[2].description).toBe(
      "Your profile (releases: name, given_name, family_name, email, email_verified, picture, birth_date, gender, second_email, country)",
    );
    const clientUser = await server.db.clientUser.findUniqueOrThrow({
      where: { clientId_userId: { clientId: server.demo.clientId, userId: person.user.id } },
    });
    expect(app.lastLoginAt).toBe(clientUser.lastLoginAt.toISOString());
    expect((await gql(server, other.caller, CONNECTED_APPS)).data?.viewer.connectedApps).toEqual([]);

    // Another person cannot revoke it, and partner tooling has no viewer to revoke for.
    const refused = await gql(server, other.caller, REVOKE_CONSENT, { input: { consentId: app.id } });
    expect(refused.data?.revokeConsent).toEqual({ __typename: "NotFoundError", message: "Connected app not found." });
    const asClient = await gql(server, { client: server.demo }, REVOKE_CONSENT, { input: { consentId: app.id } });
    expect(asClient.data?.revokeConsent.__typename).toBe("NotAuthenticatedError");
    expect((await server.db.consent.findUniqueOrThrow({ where: { id: app.id } })).revokedAt).toBeNull();
    expect((await callApi(server, "/get/user/info", server.demo, { sub: Number(sub) })).status).toBe(200);

    const revoked = await gql(server, person.caller, REVOKE_CONSENT, { input: { consentId: app.id } });
    expect(revoked.data?.revokeConsent).toMatchObject({
      __typename: "RevokeConsentSuccess",
      data: { id: app.id, client: { name: "Demo Client" } },
    });
    expect(new Date(revoked.data?.revokeConsent.data.revokedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const event = await lastEvent("consent.revoked", app.id);
    expect(event).toMatchObject({ actorUserId: person.user.id, clientId: server.demo.clientId, targetType: "Consent" });
    expect(details(event)).toEqual({
      before: { scopes: ["providers", "useraddresses", "userinfo"] },
      after: { revoked: true },
    });
    expect((await gql(server, person.caller, CONNECTED_APPS)).data?.viewer.connectedApps).toEqual([]);
    const twice = await gql(server, person.caller, REVOKE_CONSENT, { input: { consentId: app.id } });
    expect(twice.data?.revokeConsent.__typename).toBe("NotFoundError");

    const info = await callApi(server, "/get/user/info", server.demo, { sub: Number(sub) });
    expect(info.status).toBe(404);
    expect(info.body.message).toBe("User not found");
    const next = await callApi(server, "/sign-token", server.demo, { redirect_url: "http://localhost:4567/cb" });
    const look = await person.browser.graphql<{
      loginRequest: { __typename: string; data: { consentRequired: boolean } };
    }>(LOGIN_REQUEST, { token: next.body.data.token });
    expect(look.data?.loginRequest).toMatchObject({
      __typename: "LoginRequestSuccess",
      data: { consentRequired: true },
    });
  });

  async function requestTo(userId: string, clientId: string, kind: "ACCESS" | "TEST_USER", keys: string[]) {
    const scopes = await server.db.scope.findMany({ where: { key: { in: keys } } });
    return server.db.accessRequest.create({
      data: {
        clientId,
        userId,
        kind,
        message: `Please, ${kind}`,
        scopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
      },
    });
  }

  it("lets the person accept or decline their own pending requests, once", async () => {
    const person = await signedInPerson(server);
    const other = await signedInPerson(server);
    const partner = await createPartner(server.db, { scopes: ["userinfo", "useraddresses"] });
    const access = await requestTo(person.user.id, partner.client.id, "ACCESS", ["useraddresses", "userinfo"]);
    const testUser = await requestTo(person.user.id, partner.client.id, "TEST_USER", []);
    await requestTo(other.user.id, partner.client.id, "ACCESS", ["userinfo"]);

    const pending = await gql(server, person.caller, ACCESS_REQUESTS);
    const listed = pending.data?.viewer.accessRequests;
    expect(listed.map((request: { id: string }) => request.id).sort()).toEqual([access.id, testUser.id].sort());
    expect(listed.find((request: { id: string }) => request.id === access.id)).toMatchObject({
      kind: "ACCESS",
      status: "PENDING",
      message: "Please, ACCESS",
      respondedAt: null,
      client: { id: partner.client.id, name: partner.client.name },
      scopes: [
        {
          key: "useraddresses",
          description: "Your postal addresses, to read and update (releases: addresses)",
          tier: "VERIFIED",
        },
        {
          key: "userinfo",
          description:
            "Your profile (releases: name, given_name, family_name, email, email_verified, picture, birth_date, gender, second_email, country)",
          tier: "BASIC",
        },
      ],
    });

    // Another person's request is not theirs to answer.
    const foreign = await gql(server, other.caller, ACCEPT, { input: { accessRequestId: access.id } });
    expect(foreign.data?.acceptAccessRequest).toEqual({
      __typename: "NotFoundError",
      message: "Access request not found.",
    });
    const foreignDecline = await gql(server, other.caller, DECLINE, { input: { accessRequestId: testUser.id } });
    expect(foreignDecline.data?.declineAccessRequest.__typename).toBe("NotFoundError");
    const asPartner = await gql(server, { client: partner.credentials }, ACCEPT, {
      input: { accessRequestId: access.id },
    });
    expect(asPartner.data?.acceptAccessRequest.__typename).toBe("NotAuthenticatedError");
    expect((await server.db.accessRequest.findUniqueOrThrow({ where: { id: access.id } })).status).toBe("PENDING");
    expect(await server.db.clientUser.count({ where: { userId: person.user.id } })).toBe(0);

    const accepted = await gql(server, person.caller, ACCEPT, { input: { accessRequestId: testUser.id } });
    expect(accepted.data?.acceptAccessRequest).toMatchObject({
      __typename: "AcceptAccessRequestSuccess",
      data: { id: testUser.id, status: "ACCEPTED" },
    });
    expect(accepted.data?.acceptAccessRequest.data.respondedAt).not.toBeNull();
    const clientUser = await server.db.clientUser.findUniqueOrThrow({
      where: { clientId_userId: { clientId: partner.client.id, userId: person.user.id } },
    });
    expect([clientUser.isTestUser, clientUser.loginCount]).toEqual([true, 0]);
    const acceptEvent = await lastEvent("accessRequest.accepted", testUser.id);
    expect(acceptEvent).toMatchObject({ actorUserId: person.user.id, clientId: partner.client.id });
    expect(details(acceptEvent)).toEqual({
      before: { status: "PENDING" },
      after: { status: "ACCEPTED", kind: "TEST_USER", scopes: [] },
    });

    const declined = await gql(server, person.caller, DECLINE, { input: { accessRequestId: access.id } });
    expect(declined.data?.declineAccessRequest).toMatchObject({
      __typename: "DeclineAccessRequestSuccess",
      data: { id: access.id, status: "DECLINED" },
    });
    expect(details(await lastEvent("accessRequest.declined", access.id)).after).toEqual({
      status: "DECLINED",
      kind: "ACCESS",
      scopes: ["useraddresses", "userinfo"],
    });

    const again = await gql(server, person.caller, ACCEPT, { input: { accessRequestId: access.id } });
    expect(again.data?.acceptAccessRequest).toEqual({
      __typename: "ConflictError",
      message: "This request was already declined; only pending requests can be answered.",
    });
    expect((await server.db.accessRequest.findUniqueOrThrow({ where: { id: access.id } })).status).toBe("DECLINED");
    expect((await gql(server, person.caller, ACCESS_REQUESTS)).data?.viewer.accessRequests).toEqual([]);
    const history = await gql(server, person.caller, ACCESS_REQUESTS, { status: "ACCEPTED" });
    expect(history.data?.viewer.accessRequests.map((request: { id: string }) => request.id)).toEqual([testUser.id]);
  });

  it("keeps an existing client user's login history when a test-user request is accepted", async () => {
    const person = await signedInPerson(server);
    const partner = await createPartner(server.db);
    const firstLoginAt = new Date("2025-01-02T03:04:05.000Z");
    await server.db.clientUser.create({
      data: {
        clientId: partner.client.id,
        userId: person.user.id,
        firstLoginAt,
        lastLoginAt: firstLoginAt,
        loginCount: 7,
      },
    });
    const request = await requestTo(person.user.id, partner.client.id, "TEST_USER", []);
    const accepted = await gql(server, person.caller, ACCEPT, { input: { accessRequestId: request.id } });
    expect(accepted.data?.acceptAccessRequest.__typename).toBe("AcceptAccessRequestSuccess");
    const clientUser = await server.db.clientUser.findUniqueOrThrow({
      where: { clientId_userId: { clientId: partner.client.id, userId: person.user.id } },
    });
    expect([clientUser.isTestUser, clientUser.loginCount, clientUser.firstLoginAt.toISOString()]).toEqual([
      true,
      7,
      firstLoginAt.toISOString(),
    ]);
  });

  it("loads connected apps and requests with their clients and scopes in a fixed number of queries", async () => {
    const person = await signedInPerson(server);
    const scopes = await server.db.scope.findMany();
    async function connectPartners(count: number) {
      for (let i = 0; i < count; i++) {
        const partner = await createPartner(server.db);
        await server.db.consent.create({
          data: {
            userId: person.user.id,
            clientId: partner.client.id,
            scopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
          },
        });
        await server.db.clientUser.create({ data: { clientId: partner.client.id, userId: person.user.id } });
        await requestTo(person.user.id, partner.client.id, "ACCESS", ["userinfo", "providers"]);
      }
    }
    const both = `{ a: viewer { connectedApps { id lastLoginAt client { name } scopes { key } } }
      b: viewer { accessRequests { id client { name } scopes { key tier } } } }`;
    const statementsFor = async () => {
      const start = server.sqlCount();
      const result = await gql(server, person.caller, both);
      expect(result.errors).toBeUndefined();
      return { statements: server.sqlCount() - start, result };
    };
    await connectPartners(1);
    const one = await statementsFor();
    await connectPartners(4);
    const five = await statementsFor();
    expect(five.result.data?.a.connectedApps).toHaveLength(5);
    expect(five.result.data?.b.accessRequests).toHaveLength(5);
    expect(five.result.data?.a.connectedApps.every((app: { lastLoginAt: string | null }) => app.lastLoginAt)).toBe(
      true,
    );
    expect(five.statements).toBe(one.statements);
  });
});
