import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeAccount, purgeDeletedAccounts } from "../src/core/account/account-purge.js";
import { DELETION_GRACE_DAYS } from "../src/core/account/deletion.service.js";
import { verifyWebhookSignature } from "../src/core/webhook/webhook-signature.js";
import { deliverDueWebhooks } from "../src/core/webhook/webhook-worker.js";
import { everyTable, personalDataLeft } from "./every-table.js";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, gql, PASSWORD, signedInPerson } from "./graphql.js";
import { approveLogin, Browser, callApi, SIGN_IN, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  // The partners' webhook receivers listen on loopback.
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE: "true" });
});
afterAll(() => server.close());

const DAY = 24 * 3600 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

const PLAN = `query { viewer { id deletionPlan { graceDays apps { id name } soleOwnerOf { id name } } } }`;
const REQUEST = `mutation Delete($input: RequestAccountDeletionInput!) {
  requestAccountDeletion(input: $input) {
    __typename
    ... on RequestAccountDeletionSuccess { data { requestedAt purgeAt } }
    ... on Error { message }
  }
}`;

type Received = { headers: IncomingHttpHeaders; body: string };

/** A partner's real webhook endpoint on loopback. */
async function receiver() {
  const requests: Received[] = [];
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = 204;
      res.end();
    });
  });
  http.listen(0, "127.0.0.1");
  await once(http, "listening");
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** A partner with a webhook URL, and `browser`'s person logged in to it through the real XWMS flow. */
async function partnerUsedBy(browser: Browser, webhookUrl: string) {
  const partner = await createPartner(server.db, { scopes: ["userinfo", "useraddresses"], verified: true });
  await server.db.domainUrl.create({ data: { domainId: partner.domain.id, kind: "WEBHOOK", url: webhookUrl } });
  const signToken = await callApi(server, "/sign-token", partner.credentials, {
    redirect_url: "https://example.com/callback",
  });
  const token = String(signToken.body.data.token);
  expect((await approveLogin(browser, token))?.__typename).toBe("CompleteLoginSuccess");
  const verified = await callApi(server, "/sign-token-verify", partner.credentials, { token });
  expect(verified.status).toBe(200);
  return partner;
}

const signIn = (browser: Browser, email: string, password = PASSWORD) =>
  browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, { input: { email, password } });

describe("test/account-deletion: delete my account", () => {
  it("needs the password from a signed-in browser, and never a token or an anonymous caller", async () => {
    const person = await signedInPerson(server);
    const wrong = await gql(server, person.caller, REQUEST, { input: { currentPassword: "not my password" } });
    expect(wrong.data?.requestAccountDeletion.__typename).toBe("WrongPasswordError");
    const anonymous = await gql(server, { anonymous: true }, REQUEST, { input: { currentPassword: PASSWORD } });
    expect(anonymous.data?.requestAccountDeletion.__typename).toBe("NotAuthenticatedError");
    const token = await gql(server, person.caller, CREATE_TOKEN, {
      input: { label: "cli", currentPassword: PASSWORD },
    });
    const bearer = token.data?.createApiToken.data.value as string;
    expect(bearer).toMatch(/^gha_/);
    const byToken = await gql(server, { bearer }, REQUEST, { input: { currentPassword: PASSWORD } });
    expect(byToken.data?.requestAccountDeletion.__typename).toBe("ForbiddenError");
    expect(await server.db.accountDeletion.count({ where: { userId: person.user.id } })).toBe(0);
  });

  it("refuses the only Owner of a client and names it; another Owner lifts that and inherits the client", async () => {
    const person = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, person, "Lovelace Analytics");
    const plan = await gql(server, person.caller, PLAN);
    expect(plan.data?.viewer.deletionPlan).toEqual({
      graceDays: DELETION_GRACE_DAYS,
      apps: [],
      soleOwnerOf: [{ id: clientId, name: "Lovelace Analytics" }],
    });
    const refused = await gql(server, person.caller, REQUEST, { input: { currentPassword: PASSWORD } });
    expect(refused.data?.requestAccountDeletion).toEqual({
      __typename: "ConflictError",
      message: expect.stringContaining('You are the only Owner of "Lovelace Analytics"'),
    });
    expect(await server.db.accountDeletion.count({ where: { userId: person.user.id } })).toBe(0);

    const heir = await signedInPerson(server);
    await addMember(server, clientId, heir.user.id, "owner");
    expect((await gql(server, person.caller, PLAN)).data?.viewer.deletionPlan.soleOwnerOf).toEqual([]);
    const accepted = await gql(server, person.caller, REQUEST, { input: { currentPassword: PASSWORD } });
    expect(accepted.data?.requestAccountDeletion.__typename).toBe("RequestAccountDeletionSuccess");

    const { purgeAt } = await server.db.accountDeletion.findUniqueOrThrow({ where: { userId: person.user.id } });
    expect(await purgeDeletedAccounts(server.db, purgeAt)).toMatchObject({ purged: 1 });
    expect(await server.db.client.findUniqueOrThrow({ where: { id: clientId } })).toMatchObject({
      ownerId: heir.user.id,
    });
    expect(await server.db.user.count({ where: { id: person.user.id } })).toBe(0);
  });

  it("signs out everywhere, and signing in within the grace period cancels the deletion", async () => {
    const person = await signedInPerson(server);
    const other = new Browser(server.baseUrl);
    expect((await signIn(other, person.email)).data?.signIn.__typename).toBe("SignInSuccess");

    const requested = await gql(server, person.caller, REQUEST, { input: { currentPassword: PASSWORD } });
    expect(requested.data?.requestAccountDeletion.__typename).toBe("RequestAccountDeletionSuccess");
    const { requestedAt, purgeAt } = requested.data?.requestAccountDeletion.data ?? {};
    expect(new Date(purgeAt).getTime() - new Date(requestedAt).getTime()).toBe(DELETION_GRACE_DAYS * DAY);
    // Both browsers are signed out.
    for (const browser of [person.browser, other]) {
      expect((await browser.graphql<{ viewer: unknown }>("{ viewer { id } }")).data?.viewer).toBeNull();
    }
    // Not yet due: a day before the end of the grace period nothing happens.
    expect(await purgeDeletedAccounts(server.db, later(new Date(purgeAt), -DAY))).toEqual({ purged: 0, blocked: 0 });

    expect((await signIn(person.browser, person.email)).data?.signIn.__typename).toBe("SignInSuccess");
    expect(await server.db.accountDeletion.count({ where: { userId: person.user.id } })).toBe(0);
    expect(
      await server.db.auditEvent.count({ where: { action: "user.deletion_cancelled", targetId: person.user.id } }),
    ).toBe(1);
    expect(await purgeDeletedAccounts(server.db, later(new Date(purgeAt), DAY))).toEqual({ purged: 0, blocked: 0 });
    expect(await server.db.user.findUnique({ where: { id: person.user.id } })).not.toBeNull();
  });

  it("waits while someone made the person a client's only Owner during the grace period", async () => {
    const person = await signedInPerson(server);
    await gql(server, person.caller, REQUEST, { input: { currentPassword: PASSWORD } });
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Handed Over");
    await addMember(server, clientId, person.user.id, "owner");
    await server.db.member.deleteMany({ where: { clientId, userId: owner.user.id } });
    const { id, purgeAt } = await server.db.accountDeletion.findUniqueOrThrow({ where: { userId: person.user.id } });
    expect(await purgeAccount(server.db, id, purgeAt)).toBe("BLOCKED");
    expect(await server.db.user.count({ where: { id: person.user.id } })).toBe(1);
    expect(await server.db.accountDeletion.count({ where: { id } })).toBe(1);
    // Once another Owner exists, the next run purges.
    await addMember(server, clientId, owner.user.id, "owner");
    expect(await purgeAccount(server.db, id, purgeAt)).toBe("PURGED");
    expect(await server.db.user.count({ where: { id: person.user.id } })).toBe(0);
  });

  it("a wrong password during the grace period cancels nothing", async () => {
    const person = await signedInPerson(server);
    await gql(server, person.caller, REQUEST, { input: { currentPassword: PASSWORD } });
    const wrong = await signIn(person.browser, person.email, "not the password");
    expect(wrong.data?.signIn.__typename).toBe("InvalidCredentialsError");
    expect(await server.db.accountDeletion.count({ where: { userId: person.user.id } })).toBe(1);
  });

  it("purges after the grace period: apps get a signed user.deleted, the partner API answers 404, nothing is left", async () => {
    const hook = await receiver();
    const person = await signedInPerson(server, { name: "Grace Hopper" });
    const first = await partnerUsedBy(person.browser, hook.url);
    const second = await partnerUsedBy(person.browser, `${hook.url}/second`);
    const sub = person.user.sub;
    // Data in the person's tables: an address through the partner API, a profile, a social, a token.
    const created = await callApi(server, "/user/address", first.credentials, {
      sub,
      action: "create",
      address: { street: "Jacobstraat 9", city: "Hopperdam", country: "NL", phone: "+31 600000042" },
    });
    expect(created.status).toBe(200);
    await server.db.social.create({ data: { userId: person.user.id, platform: "github", username: "ghopper1906" } });
    await server.db.user.update({ where: { id: person.user.id }, data: { secondEmail: "grace.second@example.net" } });
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123456" } })
      .png()
      .toBuffer();
    const uploaded = await fetch(`${server.baseUrl}/account/picture`, {
      method: "PUT",
      headers: { cookie: person.browser.cookieHeader(), "x-gatehouse-csrf": "1" },
      body: new Uint8Array(tiny),
    });
    const pictureUrl = ((await uploaded.json()) as { picture: string }).picture;
    expect(pictureUrl).toMatch(/\/pictures\//);
    await gql(server, person.caller, `mutation { setTheme(input: { theme: DARK }) { __typename } }`);
    expect(await server.db.userPreference.count({ where: { userId: person.user.id } })).toBe(1);
    const profileEdit = await gql(server, person.caller, UPDATE_PROFILE, { input: { givenName: "Grace" } });
    expect(profileEdit.data?.updateProfile.__typename).toBe("UpdateProfileSuccess");
    const actorEvents = await server.db.auditEvent.count({ where: { actorUserId: person.user.id } });
    expect(actorEvents).toBeGreaterThan(0);

    // The search sees the person before the purge, in the tables that hold them.
    const before = new Set(
      (await personalDataLeft(server, [person.email, "Jacobstraat 9", "ghopper1906"])).map((hit) => hit.table),
    );
    expect([...before]).toEqual(expect.arrayContaining(["User", "Address", "Social"]));
    const byId = new Set((await personalDataLeft(server, [person.user.id])).map((hit) => hit.table));
    expect([...byId]).toEqual(expect.arrayContaining(["UserPicture", "UserPreference", "Session", "Consent"]));
    expect(await everyTable(server)).toEqual(
      expect.arrayContaining(["AccountDeletion", "AuditEvent", "WebhookDelivery"]),
    );

    const plan = await gql(server, person.caller, PLAN);
    expect(plan.data?.viewer.deletionPlan.apps).toEqual(
      [first, second].map((partner) => ({ id: partner.client.id, name: partner.client.name })),
    );
    const requested = await gql(server, person.caller, REQUEST, { input: { currentPassword: PASSWORD } });
    const purgeAt = new Date(requested.data?.requestAccountDeletion.data.purgeAt);
    // During the grace period the partners still see the person: the deletion can be cancelled.
    expect((await callApi(server, "/get/user/info", first.credentials, { sub })).status).toBe(200);
    expect(await server.db.webhookDelivery.count({ where: { event: "user.deleted" } })).toBe(0);

    // Earlier tests may have left other deletions due by then; this one is purged once.
    expect((await purgeDeletedAccounts(server.db, purgeAt)).purged).toBeGreaterThanOrEqual(1);
    expect(await server.db.user.count({ where: { id: person.user.id } })).toBe(0);
    expect(await purgeDeletedAccounts(server.db, purgeAt)).toEqual({ purged: 0, blocked: 0 });
    const tick = await deliverDueWebhooks({ db: server.db, config: server.config, now: purgeAt });
    expect(tick.delivered).toHaveLength(2);
    expect(hook.requests).toHaveLength(2);
    for (const partner of [first, second]) {
      const request = hook.requests.find((r) => JSON.parse(r.body).data.client_id === partner.client.id);
      if (!request) throw new Error(`no delivery to ${partner.client.name}`);
      const secretOf = async (p: typeof first) =>
        (await server.db.domain.findUniqueOrThrow({ where: { id: p.domain.id } })).webhookSigningSecret ?? "";
      expect(verifyWebhookSignature(await secretOf(partner), request.headers, request.body, 300, purgeAt)).toBe(true);
      // The other partner's secret does not verify it.
      const other = partner === first ? second : first;
      expect(verifyWebhookSignature(await secretOf(other), request.headers, request.body, 300, purgeAt)).toBe(false);
      expect(JSON.parse(request.body)).toMatchObject({
        event: "user.deleted",
        data: { sub, client_id: partner.client.id, deleted_at: purgeAt.toISOString() },
      });
    }
    await hook.close();

    for (const partner of [first, second]) {
      for (const endpoint of ["/get/user/info", "/get/user/address"]) {
        const answer = await callApi(server, endpoint, partner.credentials, { sub });
        expect(answer).toMatchObject({ status: 404, body: { status: "error", message: "User not found" } });
      }
    }

    expect((await fetch(pictureUrl)).status).toBe(404);
    // Every column of every table, searched for what identified the person.
    const left = await personalDataLeft(server, [
      person.user.id,
      person.email,
      "Grace Hopper",
      "Jacobstraat 9",
      "+31 600000042",
      "ghopper1906",
      "grace.second@example.net",
    ]);
    expect(left).toEqual([]);
    // The sub stays only in the user.deleted deliveries: the message that tells the apps.
    const subLeft = await personalDataLeft(server, [sub]);
    expect(subLeft.every((hit) => hit.table === "WebhookDelivery")).toBe(true);
    const deliveries = await server.db.webhookDelivery.findMany({ where: { payload: { contains: sub } } });
    expect(deliveries.map((row) => row.event)).toEqual(["user.deleted", "user.deleted"]);

    // The audit trail keeps the events, with one tombstone for the actor.
    const told = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "user.deleted", clientId: first.client.id },
    });
    const tombstone = told.targetId;
    // Signing in no longer works: the account is gone (checked last: the refusal counts the address).
    expect((await signIn(new Browser(server.baseUrl), person.email)).data?.signIn.__typename).toBe(
      "InvalidCredentialsError",
    );
    expect(tombstone).toMatch(/^deleted_/);
    const byTombstone = await server.db.auditEvent.findMany({ where: { actorTombstone: tombstone } });
    expect(byTombstone).toHaveLength(actorEvents + 1);
    expect(byTombstone.map((event) => event.action)).toContain("user.deletion_requested");
    expect(byTombstone.every((event) => event.actorUserId === null && event.ip === null)).toBe(true);
    const deletedEvents = await server.db.auditEvent.findMany({
      where: { action: "user.deleted", targetId: tombstone },
    });
    expect(deletedEvents.map((event) => event.clientId).sort()).toEqual(
      [null, first.client.id, second.client.id].sort(),
    );
  });
});

const CREATE_TOKEN = `mutation Token($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on CreateApiTokenSuccess { data { value } }
    ... on Error { message }
  }
}`;

const UPDATE_PROFILE = `mutation Profile($input: UpdateProfileInput!) {
  updateProfile(input: $input) { __typename ... on Error { message } }
}`;
