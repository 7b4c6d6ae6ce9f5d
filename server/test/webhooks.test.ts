import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { enqueueWebhook } from "../src/core/webhook/webhook.service.js";
import { verifyWebhookSignature, webhookSignature } from "../src/core/webhook/webhook-signature.js";
import {
  deliverDueWebhooks,
  isForbiddenAddress,
  MAX_ATTEMPTS,
  retryDelayMs,
  startWebhookWorker,
  type WebhookFetch,
} from "../src/core/webhook/webhook-worker.js";
import { type Db, openDatabase } from "../src/db/client.js";
import { dialectOf } from "../src/db/url.js";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  // The partners' receivers in these tests listen on loopback.
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE: "true" });
});
afterAll(() => server.close());

type Received = { headers: IncomingHttpHeaders; body: string };

/** A partner's webhook endpoint: answers with the given statuses in turn (the last one repeats). */
async function receiver(statuses: number[] = [200]) {
  const requests: Received[] = [];
  let waiting: ((request: Received) => void) | undefined;
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(request);
      res.statusCode = statuses[Math.min(requests.length - 1, statuses.length - 1)] ?? 200;
      res.end("ok");
      waiting?.(request);
    });
  });
  http.listen(0, "127.0.0.1");
  await once(http, "listening");
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/gatehouse`,
    requests,
    /** Resolves on the next request (event-driven, no timers). */
    next: () => new Promise<Received>((resolve) => (waiting = resolve)),
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** A partner whose domain has the given webhook URLs (test mode unless said otherwise). */
async function partnerWithWebhooks(urls: string[], domain: { testMode?: boolean } = {}) {
  const partner = await createPartner(server.db, {
    scopes: ["userinfo"],
    domain: { testMode: domain.testMode ?? true },
  });
  for (const url of urls) {
    await server.db.domainUrl.create({ data: { domainId: partner.domain.id, kind: "WEBHOOK", url } });
  }
  return partner;
}

const delivery = (id: string) => server.db.webhookDelivery.findUniqueOrThrow({ where: { id } });
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const HOUR = 60 * 60_000;

describe("test/webhooks: signed deliveries from a durable queue", () => {
  it("delivers a signed JSON body that the partner verifies with the domain's secret", async () => {
    const hook = await receiver([204]);
    const partner = await partnerWithWebhooks([hook.url]);
    // An inactive URL and an inactive domain get nothing.
    await server.db.domainUrl.create({
      data: { domainId: partner.domain.id, kind: "WEBHOOK", url: `${hook.url}/old`, active: false },
    });
    expect(partner.domain.webhookSigningSecret).toBeNull();

    const now = new Date();
    const [id, ...more] = await enqueueWebhook(server.db, {
      clientId: partner.client.id,
      event: "user.deleted",
      payload: { sub: "4503599627370495" },
      now,
    });
    expect(more).toEqual([]);
    const { webhookSigningSecret: secret } = await server.db.domain.findUniqueOrThrow({
      where: { id: partner.domain.id },
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const tick = await deliverDueWebhooks({ db: server.db, config: server.config, now });
    expect(tick).toEqual({ delivered: [id], retrying: [], failed: [] });
    expect(hook.requests).toHaveLength(1);
    const [request] = hook.requests;
    if (!request || !id || !secret) throw new Error("no delivery");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["gatehouse-webhook-id"]).toBe(id);
    const timestamp = Math.floor(now.getTime() / 1000);
    expect(request.headers["gatehouse-webhook-timestamp"]).toBe(String(timestamp));
    expect(request.headers["gatehouse-webhook-signature"]).toBe(
      `v1=${webhookSignature(secret, timestamp, request.body)}`,
    );
    expect(JSON.parse(request.body)).toEqual({
      id,
      event: "user.deleted",
      created_at: now.toISOString(),
      data: { sub: "4503599627370495" },
    });

    expect(verifyWebhookSignature(secret, request.headers, request.body, 300, now)).toBe(true);
    expect(verifyWebhookSignature(secret, request.headers, `${request.body} `, 300, now)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, request.headers, request.body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, request.headers, request.body, 300, at(now, 301_000))).toBe(false);
    expect(verifyWebhookSignature(secret, request.headers, request.body, 300, at(now, 299_000))).toBe(true);
    const headers = new Headers(request.headers as Record<string, string>);
    expect(verifyWebhookSignature(secret, headers, request.body, 300, now)).toBe(true);
    headers.set("Gatehouse-Webhook-Timestamp", String(timestamp + 1));
    expect(verifyWebhookSignature(secret, headers, request.body, 300, now)).toBe(false);

    expect(await delivery(id)).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      responseStatus: 204,
      lastError: null,
      lockedUntil: null,
      deliveredAt: now,
      lastAttemptAt: now,
    });
    // Delivered rows are never sent again.
    expect(await deliverDueWebhooks({ db: server.db, config: server.config, now: at(now, HOUR) })).toEqual({
      delivered: [],
      retrying: [],
      failed: [],
    });
    expect(hook.requests).toHaveLength(1);
    await hook.close();
  });

  it("retries a failing receiver with growing delays until it answers 2xx", async () => {
    const hook = await receiver([500, 500, 200]);
    const partner = await partnerWithWebhooks([hook.url]);
    const start = new Date();
    const [id] = await enqueueWebhook(server.db, {
      clientId: partner.client.id,
      event: "access_request.declined",
      payload: { access_request_id: "r1" },
      now: start,
    });
    if (!id) throw new Error("nothing queued");

    expect((await deliverDueWebhooks({ db: server.db, config: server.config, now: start })).retrying).toEqual([id]);
    const first = await delivery(id);
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: 500, lastError: "HTTP 500" });
    const firstDelay = first.nextAttemptAt.getTime() - start.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(10_000);
    expect(firstDelay).toBeLessThanOrEqual(12_000);

    // Not due yet: nothing is sent.
    await deliverDueWebhooks({ db: server.db, config: server.config, now: at(start, 9_999) });
    expect(hook.requests).toHaveLength(1);

    const second = at(start, 12_000);
    expect((await deliverDueWebhooks({ db: server.db, config: server.config, now: second })).retrying).toEqual([id]);
    const afterSecond = await delivery(id);
    expect(afterSecond).toMatchObject({ status: "PENDING", attempts: 2, responseStatus: 500 });
    const secondDelay = afterSecond.nextAttemptAt.getTime() - second.getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(20_000);
    expect(secondDelay).toBeLessThanOrEqual(24_000);

    const third = at(second, 24_000);
    expect((await deliverDueWebhooks({ db: server.db, config: server.config, now: third })).delivered).toEqual([id]);
    expect(await delivery(id)).toMatchObject({
      status: "DELIVERED",
      attempts: 3,
      responseStatus: 200,
      lastError: null,
      deliveredAt: third,
    });
    // Each attempt carried the same delivery id and a body that verifies at its own time.
    const secret = (await server.db.domain.findUniqueOrThrow({ where: { id: partner.domain.id } }))
      .webhookSigningSecret as string;
    expect(hook.requests.map((request) => request.headers["gatehouse-webhook-id"])).toEqual([id, id, id]);
    expect(
      hook.requests.map((request, n) =>
        verifyWebhookSignature(secret, request.headers, request.body, 300, [start, second, third][n]),
      ),
    ).toEqual([true, true, true]);
    await hook.close();
  });

  it("gives up after the last attempt and caps the delay at one hour", async () => {
    expect([0, 1, 2, 3].map((attempts) => retryDelayMs(attempts, 0))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(9, 0)).toBe(HOUR);
    expect(retryDelayMs(20, 1)).toBe(1.2 * HOUR);

    const hook = await receiver([503]);
    const partner = await partnerWithWebhooks([hook.url]);
    let now = new Date();
    const [id] = await enqueueWebhook(server.db, {
      clientId: partner.client.id,
      event: "consent.revoked",
      payload: {},
      now,
    });
    if (!id) throw new Error("nothing queued");
    for (let n = 1; n <= MAX_ATTEMPTS; n++) {
      await deliverDueWebhooks({ db: server.db, config: server.config, now });
      now = at(now, 2 * HOUR);
    }
    expect(await delivery(id)).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "HTTP 503" });
    await deliverDueWebhooks({ db: server.db, config: server.config, now: at(now, 2 * HOUR) });
    expect(hook.requests).toHaveLength(MAX_ATTEMPTS);
    await hook.close();
  });

  it("loses nothing when the worker stops mid-retries and another one takes over", async () => {
    const hook = await receiver([500, 200]);
    const partner = await partnerWithWebhooks([hook.url]);
    const [id] = await enqueueWebhook(server.db, {
      clientId: partner.client.id,
      event: "consent.revoked",
      payload: { sub: "1" },
    });
    if (!id) throw new Error("nothing queued");

    const firstRequest = hook.next();
    const workerA = startWebhookWorker({ db: server.db, config: server.config, intervalMs: 60_000 });
    await firstRequest;
    await workerA.stop();
    expect(await delivery(id)).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "HTTP 500",
      lockedUntil: null,
    });

    // The retry falls due while no worker runs; a new one, on its own connection, picks it up.
    await server.db.webhookDelivery.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    const second = openDatabase(server.config.databaseUrl);
    const secondRequest = hook.next();
    const workerB = startWebhookWorker({ db: second.db, config: server.config, intervalMs: 60_000 });
    await secondRequest;
    await workerB.stop();
    await second.close();
    expect(await delivery(id)).toMatchObject({ status: "DELIVERED", attempts: 2, responseStatus: 200 });
    expect(hook.requests).toHaveLength(2);
    await hook.close();
  });

  it("delivers each row exactly once when several workers tick at the same moment", async () => {
    const hook = await receiver([200]);
    const partner = await partnerWithWebhooks([`${hook.url}/a`, `${hook.url}/b`, `${hook.url}/c`]);
    const now = new Date();
    const ids = [
      ...(await enqueueWebhook(server.db, { clientId: partner.client.id, event: "consent.revoked", payload: {}, now })),
      ...(await enqueueWebhook(server.db, { clientId: partner.client.id, event: "user.deleted", payload: {}, now })),
    ];
    expect(ids).toHaveLength(6);
    // Separate connections on PostgreSQL; SQLite in one process serialises writers, so there the ticks share one.
    const connections =
      dialectOf(server.config.databaseUrl) === "postgresql"
        ? [openDatabase(server.config.databaseUrl), openDatabase(server.config.databaseUrl)]
        : [];
    const dbs: Db[] = [server.db, ...connections.map((connection) => connection.db)];
    const ticks = await Promise.all(
      [...dbs, ...dbs, ...dbs].map((db) => deliverDueWebhooks({ db, config: server.config, now })),
    );
    await Promise.all(connections.map((connection) => connection.close()));

    expect(ticks.flatMap((tick) => tick.delivered).sort()).toEqual([...ids].sort());
    expect(hook.requests.map((request) => request.headers["gatehouse-webhook-id"]).sort()).toEqual([...ids].sort());
    const rows = await server.db.webhookDelivery.findMany({ where: { id: { in: ids } } });
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ["DELIVERED", 1]));
    await hook.close();
  });

  const closed = { webhookAllowPrivate: false };

  it("refuses loopback and private destinations, test mode or not, unless WEBHOOK_ALLOW_PRIVATE is set", async () => {
    const hook = await receiver([200]);
    const partner = await partnerWithWebhooks([hook.url, "http://[::1]:9/x", "https://internal.partner.example/x"], {
      testMode: true,
    });
    const now = new Date();
    const ids = await enqueueWebhook(server.db, {
      clientId: partner.client.id,
      event: "consent.revoked",
      payload: {},
      now,
    });
    const lookups: string[] = [];
    const lookup = async (host: string) => {
      lookups.push(host);
      return [{ address: "93.184.216.34" }, { address: "10.1.2.3" }];
    };
    const tick = await deliverDueWebhooks({ db: server.db, config: closed, now, lookup });
    expect(tick.failed.sort()).toEqual([...ids].sort());
    expect(lookups).toEqual(["internal.partner.example"]);
    const rows = await server.db.webhookDelivery.findMany({ where: { id: { in: ids } } });
    expect(rows.map((row) => [row.status, row.attempts, row.lastError, row.responseStatus])).toEqual(
      ids.map(() => ["FAILED", 1, "Destination address not allowed", null]),
    );
    expect(hook.requests).toEqual([]);

    // A host that resolves to public addresses only is delivered to.
    const publicPartner = await partnerWithWebhooks(["https://hooks.partner.example/x"], { testMode: false });
    const [publicId] = await enqueueWebhook(server.db, {
      clientId: publicPartner.client.id,
      event: "user.deleted",
      payload: {},
      now,
    });
    const sent: string[] = [];
    const fetch: WebhookFetch = async (url) => {
      sent.push(String(url));
      return new Response(null, { status: 202 });
    };
    const publicTick = await deliverDueWebhooks({
      db: server.db,
      config: closed,
      now,
      fetch,
      lookup: async () => [{ address: "93.184.216.34" }, { address: "2606:2800:220:1::1" }],
    });
    expect(publicTick.delivered).toEqual([publicId]);
    expect(sent).toEqual(["https://hooks.partner.example/x"]);
    await hook.close();
  });

  it("checks the address it really dials: a name resolving to 127.0.0.1 is refused at connect time", async () => {
    const hook = await receiver([204]);
    const port = new URL(hook.url).port;
    const partner = await partnerWithWebhooks([`http://hooks.partner.example:${port}/hooks/gatehouse`]);
    const lookup = async (host: string) => (host === "hooks.partner.example" ? [{ address: "127.0.0.1" }] : []);
    const now = new Date();
    const [id] = await enqueueWebhook(server.db, {
      clientId: partner.client.id,
      event: "user.deleted",
      payload: {},
      now,
    });
    if (!id) throw new Error("nothing queued");

    expect(await deliverDueWebhooks({ db: server.db, config: closed, now, lookup })).toEqual({
      delivered: [],
      retrying: [],
      failed: [id],
    });
    expect(await delivery(id)).toMatchObject({ status: "FAILED", lastError: "Destination address not allowed" });
    expect(hook.requests).toEqual([]);

    // With the server-level setting the same name is dialled at the address the lookup gave.
    const [again] = await enqueueWebhook(server.db, {
      clientId: partner.client.id,
      event: "user.deleted",
      payload: {},
      now,
    });
    const allowed = await deliverDueWebhooks({ db: server.db, config: server.config, now, lookup });
    expect(allowed.delivered).toEqual([again]);
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]?.headers.host).toBe(`hooks.partner.example:${port}`);
    await hook.close();
  });

  it("logs only a safe summary of a failure: the status or the kind of network error, never a body", async () => {
    const hook = await receiver([500]);
    const gone = await receiver([200]);
    await gone.close(); // nothing listens on its port any more
    const partner = await partnerWithWebhooks([hook.url, gone.url]);
    const now = new Date();
    const ids = await enqueueWebhook(server.db, {
      clientId: partner.client.id,
      event: "user.deleted",
      payload: {},
      now,
    });
    await deliverDueWebhooks({ db: server.db, config: server.config, now });
    const rows = await server.db.webhookDelivery.findMany({ where: { id: { in: ids } }, orderBy: { url: "asc" } });
    const byUrl = Object.fromEntries(rows.map((row) => [row.url, [row.responseStatus, row.lastError]]));
    expect(byUrl).toEqual({ [hook.url]: [500, "HTTP 500"], [gone.url]: [null, "Connection refused"] });
    await hook.close();
  });

  it("classifies every non-public address range as forbidden", () => {
    const forbidden: [string, string][] = [
      ["loopback", "127.0.0.1"],
      ["loopback", "127.255.0.9"],
      ["private", "10.0.0.1"],
      ["private", "172.16.5.4"],
      ["private", "172.31.255.255"],
      ["private", "192.168.1.1"],
      ["link-local (cloud metadata)", "169.254.169.254"],
      ["unspecified", "0.0.0.0"],
      ["CGNAT", "100.64.0.1"],
      ["multicast", "224.0.0.251"],
      ["broadcast", "255.255.255.255"],
      ["reserved", "240.0.0.1"],
      ["IPv6 loopback", "::1"],
      ["IPv6 unspecified", "::"],
      ["IPv6 link-local", "fe80::1"],
      ["unique-local", "fc00::1"],
      ["unique-local", "fd12:3456::1"],
      ["IPv6 multicast", "ff02::1"],
      ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
      ["IPv4-mapped private", "::ffff:10.0.0.1"],
      ["NAT64 of loopback", "64:ff9b::7f00:1"],
      ["NAT64 of metadata", "64:ff9b::169.254.169.254"],
      ["6to4 of private", "2002:0a00:0001::1"],
      ["6to4 of loopback", "2002:7f00:0001::"],
      ["Teredo", "2001:0::1"],
      ["not an address", "localhost"],
    ];
    for (const [kind, address] of forbidden)
      expect([kind, address, isForbiddenAddress(address)]).toEqual([kind, address, true]);
    const allowed: [string, string][] = [
      ["public IPv4", "93.184.216.34"],
      ["just outside 172.16/12", "172.32.0.1"],
      ["public IPv4", "8.8.8.8"],
      ["public IPv6", "2606:2800:220:1::1"],
      ["IPv4-mapped public", "::ffff:93.184.216.34"],
      ["NAT64 of public", "64:ff9b::5db8:d822"],
      ["6to4 of public", "2002:5db8:d822::1"],
    ];
    for (const [kind, address] of allowed)
      expect([kind, address, isForbiddenAddress(address)]).toEqual([kind, address, false]);
  });

  it("queues consent.revoked and access_request events from the account page's mutations", async () => {
    const hook = await receiver([200]);
    const partner = await partnerWithWebhooks([hook.url]);
    const person = await signedInPerson(server);
    const scopes = await server.db.scope.findMany({ where: { key: { in: ["userinfo"] } } });
    await server.db.clientUser.create({ data: { clientId: partner.client.id, userId: person.user.id } });
    const consent = await server.db.consent.create({
      data: {
        clientId: partner.client.id,
        userId: person.user.id,
        scopes: { create: scopes.map((scope) => ({ scopeId: scope.id })) },
      },
    });
    const revoked = await gql(
      server,
      person.caller,
      `mutation R($input: RevokeConsentInput!) { revokeConsent(input: $input) { __typename } }`,
      { input: { consentId: consent.id } },
    );
    expect(revoked.data?.revokeConsent.__typename).toBe("RevokeConsentSuccess");
    const queued = await server.db.webhookDelivery.findMany({ where: { domainId: partner.domain.id } });
    expect(queued.map((row) => [row.event, row.url, row.status])).toEqual([["consent.revoked", hook.url, "PENDING"]]);
    const revokedAt = (await server.db.consent.findUniqueOrThrow({ where: { id: consent.id } })).revokedAt;
    expect(JSON.parse(queued[0]?.payload ?? "{}")).toEqual({
      id: queued[0]?.id,
      event: "consent.revoked",
      created_at: revokedAt?.toISOString(),
      data: {
        sub: person.user.sub,
        client_id: partner.client.id,
        scopes: ["userinfo"],
        revoked_at: revokedAt?.toISOString(),
      },
    });

    const request = await server.db.accessRequest.create({
      data: { clientId: partner.client.id, userId: person.user.id, kind: "ACCESS", message: "Please" },
    });
    const accepted = await gql(
      server,
      person.caller,
      `mutation A($input: AcceptAccessRequestInput!) { acceptAccessRequest(input: $input) { __typename } }`,
      { input: { accessRequestId: request.id } },
    );
    expect(accepted.data?.acceptAccessRequest.__typename).toBe("AcceptAccessRequestSuccess");
    const events = await server.db.webhookDelivery.findMany({
      where: { domainId: partner.domain.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((row) => row.event)).toEqual(["consent.revoked", "access_request.accepted"]);
    expect(JSON.parse(events[1]?.payload ?? "{}").data).toMatchObject({
      access_request_id: request.id,
      kind: "ACCESS",
      status: "ACCEPTED",
      sub: person.user.sub,
      scopes: [],
    });

    // A client without webhook URLs gets no rows, and a failed mutation queues nothing.
    const quiet = await createPartner(server.db);
    expect(await enqueueWebhook(server.db, { clientId: quiet.client.id, event: "user.deleted", payload: {} })).toEqual(
      [],
    );
    const again = await gql(
      server,
      person.caller,
      `mutation A($input: AcceptAccessRequestInput!) { acceptAccessRequest(input: $input) { __typename } }`,
      { input: { accessRequestId: request.id } },
    );
    expect(again.data?.acceptAccessRequest.__typename).toBe("ConflictError");
    expect(await server.db.webhookDelivery.count({ where: { domainId: partner.domain.id } })).toBe(2);
    await hook.close();
  });

  const LOG = `query Log($id: ID!) { client(id: $id) { id domains { id webhookSigningSecret
    webhookDeliveries(first: 10) { edges { node { id event url status attempts responseStatus lastError
      nextAttemptAt lastAttemptAt deliveredAt createdAt } } } } } }`;
  const ROTATE = `mutation Rot($input: RotateWebhookSigningSecretInput!) { rotateWebhookSigningSecret(input: $input) {
    __typename ... on RotateWebhookSigningSecretSuccess { data { domainId secret } } ... on Error { message } } }`;

  it("shows the delivery log and the secret to domains:manage only, and rotates the secret", async () => {
    const owner = await signedInPerson(server);
    const viewer = await signedInPerson(server);
    const outsider = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner);
    await clientOwnedBy(server, outsider, "Other");
    await addMember(server, clientId, viewer.user.id, "viewer");
    const domain = await server.db.domain.create({
      data: { clientId, rootDomain: "shop.example", publicId: newDomainPublicId(), testMode: true },
    });
    await server.db.domainUrl.create({ data: { domainId: domain.id, kind: "WEBHOOK", url: "https://shop.example/h" } });

    const before = await gql(server, owner.caller, LOG, { id: clientId });
    expect(before.data?.client.domains).toEqual([
      { id: domain.id, webhookSigningSecret: null, webhookDeliveries: { edges: [] } },
    ]);

    const now = new Date();
    const [id] = await enqueueWebhook(server.db, { clientId, event: "user.deleted", payload: {}, now });
    await deliverDueWebhooks({
      db: server.db,
      config: server.config,
      now,
      fetch: async () => new Response("internal detail nope", { status: 410 }),
    });
    const secret = (await server.db.domain.findUniqueOrThrow({ where: { id: domain.id } })).webhookSigningSecret;

    const log = await gql(server, owner.caller, LOG, { id: clientId });
    expect(log.errors).toBeUndefined();
    expect(JSON.stringify(log.data)).not.toContain("internal detail");
    const [seen] = log.data?.client.domains ?? [];
    expect(seen.webhookSigningSecret).toBe(secret);
    expect(seen.webhookDeliveries.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        id,
        event: "user.deleted",
        url: "https://shop.example/h",
        status: "PENDING",
        attempts: 1,
        responseStatus: 410,
        lastError: "HTTP 410",
        nextAttemptAt: expect.any(String),
        lastAttemptAt: now.toISOString(),
        deliveredAt: null,
        createdAt: now.toISOString(),
      },
    ]);

    const asViewer = await gql(server, viewer.caller, LOG, { id: clientId });
    expect(asViewer.data?.client.domains).toEqual([
      { id: domain.id, webhookSigningSecret: null, webhookDeliveries: null },
    ]);
    expect(asViewer.errors?.length).toBeGreaterThan(0);
    expect((await gql(server, outsider.caller, LOG, { id: clientId })).data?.client).toBeNull();

    const forbidden = await gql(server, viewer.caller, ROTATE, { input: { domainId: domain.id } });
    expect(forbidden.data?.rotateWebhookSigningSecret.__typename).toBe("ForbiddenError");
    const hidden = await gql(server, outsider.caller, ROTATE, { input: { domainId: domain.id } });
    expect(hidden.data?.rotateWebhookSigningSecret).toEqual({
      __typename: "NotFoundError",
      message: "Domain not found.",
    });
    expect((await server.db.domain.findUniqueOrThrow({ where: { id: domain.id } })).webhookSigningSecret).toBe(secret);

    const rotated = await gql(server, owner.caller, ROTATE, { input: { domainId: domain.id } });
    expect(rotated.data?.rotateWebhookSigningSecret.__typename).toBe("RotateWebhookSigningSecretSuccess");
    const fresh = rotated.data?.rotateWebhookSigningSecret.data;
    expect(fresh.domainId).toBe(domain.id);
    expect(fresh.secret).toMatch(/^whsec_/);
    expect(fresh.secret).not.toBe(secret);
    expect((await server.db.domain.findUniqueOrThrow({ where: { id: domain.id } })).webhookSigningSecret).toBe(
      fresh.secret,
    );
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "domain.webhookSecretRotated", targetId: domain.id },
    });
    expect(event).toMatchObject({ actorUserId: owner.user.id, clientId });
    expect(event.details).not.toContain(fresh.secret);
  });
});
