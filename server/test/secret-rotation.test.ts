import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../src/mail/mail.js";
import { flagExpiringSecrets } from "../src/maintenance/expiring-secrets.js";
import { addMember, clientOwnedBy, type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { callApi, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DAY = 24 * 3600 * 1000;
const SECRET = "id label prefix expiresAt revokedAt domains { rootDomain }";
const ERRORS = "... on Error { message } ... on ValidationError { fieldErrors { field message } }";
const CREATE_DOMAIN = `mutation D($input: CreateDomainInput!) { createDomain(input: $input) {
  __typename ... on CreateDomainSuccess { data { id } } ${ERRORS} } }`;
const ADD_URL = `mutation A($input: AddDomainUrlInput!) { addDomainUrl(input: $input) { __typename ${ERRORS} } }`;
const CREATE_SECRET = `mutation S($input: CreateClientSecretInput!) { createClientSecret(input: $input) {
  __typename ... on CreateClientSecretSuccess { data { value secret { ${SECRET} } } } ${ERRORS} } }`;
const ROTATE = `mutation R($input: RotateClientSecretInput!) { rotateClientSecret(input: $input) {
  __typename ... on RotateClientSecretSuccess { data { value secret { ${SECRET} } previous { ${SECRET} } } } ${ERRORS} } }`;
const EXPIRY = `mutation E($input: UpdateClientSecretExpiryInput!) { updateClientSecretExpiry(input: $input) {
  __typename ... on UpdateClientSecretExpirySuccess { data { ${SECRET} } } ${ERRORS} } }`;
const CLIENT = `query C($id: ID!) { client(id: $id) { id name } }`;

/** An owner, a client with the localhost domain (API on, a webhook URL) and one linked secret, all through GraphQL. */
async function ownedClient() {
  const owner = await signedInPerson(server);
  const clientId = await clientOwnedBy(server, owner, "Rotation Co");
  const domain = await gql(server, owner.caller, CREATE_DOMAIN, {
    input: { clientId, rootDomain: "localhost", allowApi: true },
  });
  const domainId = domain.data?.createDomain.data.id as string;
  const hook = await gql(server, owner.caller, ADD_URL, {
    input: { domainId, kind: "WEBHOOK", url: "https://hooks.partner.example/gatehouse" },
  });
  expect(hook.data?.addDomainUrl.__typename).toBe("AddDomainUrlSuccess");
  const created = await gql(server, owner.caller, CREATE_SECRET, { input: { clientId, domainIds: [domainId] } });
  const { value, secret } = (created.data?.createClientSecret.data ?? {}) as { value: string; secret: { id: string } };
  return { owner, clientId, domainId, secretId: secret.id, value };
}

const headers = (clientId: string, clientSecret: string) => ({ clientId, clientSecret, domain: "localhost" });

/** Whether the partner API's REST door and GraphQL (client credentials) both accept the secret. */
async function works(clientId: string, secret: string) {
  const rest = await callApi(server, "/sign-token", headers(clientId, secret), {
    redirect_url: "http://localhost:4000/cb",
  });
  const graphql = await gql(server, { client: headers(clientId, secret) } as GraphqlCaller, CLIENT, { id: clientId });
  return { rest: rest.status, restMessage: rest.body.message, graphql: graphql.status };
}

describe("test/secret-rotation: rotating a client secret without downtime", () => {
  it("a new secret on the same domains; both work during the 7-day grace, the old one is refused after it", async () => {
    const { owner, clientId, secretId, value } = await ownedClient();
    const rotated = await gql(server, owner.caller, ROTATE, { input: { secretId } });
    expect(rotated.data?.rotateClientSecret.__typename).toBe("RotateClientSecretSuccess");
    const { value: newValue, secret, previous } = rotated.data?.rotateClientSecret.data ?? {};
    expect(newValue).not.toBe(value);
    expect(secret).toMatchObject({ label: "Standard Key", expiresAt: null, domains: [{ rootDomain: "localhost" }] });
    expect(previous).toMatchObject({ id: secretId, revokedAt: null, domains: [{ rootDomain: "localhost" }] });
    const graceLeft = new Date(previous.expiresAt).getTime() - server.clock.now().getTime();
    expect(graceLeft).toBeGreaterThan(7 * DAY - 60_000);
    expect(graceLeft).toBeLessThanOrEqual(7 * DAY);

    expect(await works(clientId, value)).toMatchObject({ rest: 200, graphql: 200 });
    expect(await works(clientId, newValue)).toMatchObject({ rest: 200, graphql: 200 });

    server.clock.advance(6 * DAY);
    expect(await works(clientId, value)).toMatchObject({ rest: 200, graphql: 200 });

    server.clock.advance(DAY);
    expect(await works(clientId, value)).toEqual({
      rest: 401,
      restMessage: "This client secret has expired",
      graphql: 401,
    });
    expect(await works(clientId, newValue)).toMatchObject({ rest: 200, graphql: 200 });

    const event = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "secret.rotated" } });
    expect(event).toMatchObject({ actorUserId: owner.user.id, targetId: secretId });
    expect(JSON.parse(event.details ?? "{}").after).toMatchObject({ replacedBy: { id: secret.id } });
  });

  it("takes another grace period, keeps an earlier expiry, and refuses what cannot be rotated", async () => {
    const { owner, clientId, secretId } = await ownedClient();
    const two = await gql(server, owner.caller, ROTATE, { input: { secretId, graceDays: 2 } });
    const twoDays = new Date(two.data?.rotateClientSecret.data.previous.expiresAt).getTime();
    expect(twoDays - server.clock.now().getTime()).toBeLessThanOrEqual(2 * DAY);
    expect(twoDays - server.clock.now().getTime()).toBeGreaterThan(2 * DAY - 60_000);

    // Rotating again with a longer grace never extends the old secret's life.
    const again = await gql(server, owner.caller, ROTATE, { input: { secretId, graceDays: 30 } });
    expect(new Date(again.data?.rotateClientSecret.data.previous.expiresAt).getTime()).toBe(twoDays);

    for (const graceDays of [-1, 91]) {
      const bad = await gql(server, owner.caller, ROTATE, { input: { secretId, graceDays } });
      expect(bad.data?.rotateClientSecret).toMatchObject({
        __typename: "ValidationError",
        fieldErrors: [{ field: "graceDays" }],
      });
    }
    const newest = again.data?.rotateClientSecret.data.secret.id as string;
    await server.db.clientSecret.update({ where: { id: newest }, data: { revokedAt: new Date() } });
    const revoked = await gql(server, owner.caller, ROTATE, { input: { secretId: newest } });
    expect(revoked.data?.rotateClientSecret).toMatchObject({
      __typename: "ConflictError",
      message: "A revoked client secret cannot be rotated.",
    });

    // A viewer may not, and another client's owner does not even see the secret.
    const viewer = await signedInPerson(server);
    await addMember(server, clientId, viewer.user.id, "viewer");
    const byViewer = await gql(server, viewer.caller, ROTATE, { input: { secretId } });
    expect(["ForbiddenError", "NotFoundError"]).toContain(byViewer.data?.rotateClientSecret.__typename);
    const stranger = await signedInPerson(server);
    const byStranger = await gql(server, stranger.caller, ROTATE, { input: { secretId } });
    expect(byStranger.data?.rotateClientSecret.__typename).toBe("NotFoundError");
    expect(await server.db.clientSecret.count({ where: { clientId } })).toBe(3);
  });

  it("changes a secret's expiry without rotating it, and refuses a past day", async () => {
    const { owner, clientId, secretId, value } = await ownedClient();
    const inTenDays = new Date(server.clock.now().getTime() + 10 * DAY).toISOString();
    const set = await gql(server, owner.caller, EXPIRY, { input: { secretId, expiresAt: inTenDays } });
    expect(set.data?.updateClientSecretExpiry).toMatchObject({ data: { id: secretId, expiresAt: inTenDays } });
    expect(await server.db.clientSecret.count({ where: { clientId } })).toBe(1);

    const past = new Date(server.clock.now().getTime() - DAY).toISOString();
    const refused = await gql(server, owner.caller, EXPIRY, { input: { secretId, expiresAt: past } });
    expect(refused.data?.updateClientSecretExpiry).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "expiresAt", message: "The expiry must be in the future." }],
    });

    const never = await gql(server, owner.caller, EXPIRY, { input: { secretId, expiresAt: null } });
    expect(never.data?.updateClientSecretExpiry).toMatchObject({ data: { expiresAt: null } });
    server.clock.advance(11 * DAY);
    expect(await works(clientId, value)).toMatchObject({ rest: 200, graphql: 200 });
    const events = await server.db.auditEvent.findMany({
      where: { clientId, action: "secret.expiry_changed" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => JSON.parse(event.details ?? "{}").after.expiresAt)).toEqual([inTenDays, null]);
  });

  it("14 days ahead: one secret.expiring webhook and a mail to each owner, again only when the expiry moves", async () => {
    const { owner, clientId, secretId } = await ownedClient();
    const coOwner = await signedInPerson(server);
    await addMember(server, clientId, coOwner.user.id, "owner");
    const developer = await signedInPerson(server);
    await addMember(server, clientId, developer.user.id, "developer");
    const now = server.clock.now();
    const expiry = new Date(now.getTime() + 20 * DAY).toISOString();
    await gql(server, owner.caller, EXPIRY, { input: { secretId, expiresAt: expiry } });

    const sweep = () => flagExpiringSecrets(server.db, server.clock.now(), server.config);
    const deliveries = () =>
      server.db.webhookDelivery.findMany({ where: { event: "secret.expiring", domain: { clientId } } });
    const mails = async () =>
      (await readOutbox(server.config.devOutboxDir)).filter((mail) => mail.subject.includes("Rotation Co"));
    await sweep();
    expect(await deliveries()).toHaveLength(0);

    server.clock.advance(7 * DAY);
    await sweep();
    await sweep();
    const [delivery, ...more] = await deliveries();
    expect(more).toHaveLength(0);
    expect(delivery?.url).toBe("https://hooks.partner.example/gatehouse");
    expect(JSON.parse(delivery?.payload ?? "{}")).toMatchObject({
      event: "secret.expiring",
      data: { secret_id: secretId, label: "Standard Key", expires_at: expiry },
    });
    const sent = await mails();
    expect(sent.map((mail) => mail.to).sort()).toEqual([owner.email, coOwner.email].sort());
    expect(sent[0]?.text).toContain(`/clients/${clientId}/secrets`);

    // Moved a little, still within the window: the owners hear about the new date.
    const moved = new Date(server.clock.now().getTime() + 10 * DAY).toISOString();
    await gql(server, owner.caller, EXPIRY, { input: { secretId, expiresAt: moved } });
    await sweep();
    expect(await deliveries()).toHaveLength(2);
    expect(await mails()).toHaveLength(4);
  });
});
