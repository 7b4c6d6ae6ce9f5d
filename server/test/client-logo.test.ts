import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, signedInPerson } from "./graphql.js";
import { type Browser, callApi, startTestServer, type TestServer } from "./harness.js";
import { pngBomb } from "./images.js";
import { authorization, oidcPartner, relyingParty } from "./oidc.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Answer = { status: number; body: { logoUrl?: string | null; error?: { code: string; message: string } } };

/** What the client dashboard does: PUT (or DELETE) the file's bytes with the session cookie and the CSRF header. */
async function logo(browser: Browser, clientId: string, bytes?: Uint8Array, method = "PUT"): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}/clients/${clientId}/logo`, {
    method,
    headers: { "content-type": "application/octet-stream", cookie: browser.cookieHeader(), "x-gatehouse-csrf": "1" },
    ...(bytes ? { body: new Uint8Array(bytes) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 200 } } })
    .png()
    .toBuffer();

const op = (name: string, input: string, select: string) =>
  `mutation M($input: ${input}!) { ${name}(input: $input) { __typename ${select} ... on Error { message } } }`;

/** A member creates a client with a domain on localhost and a linked secret, as the dashboard does. */
async function clientOf(browser: Browser) {
  const caller = { browser };
  const created = await gql(
    server,
    caller,
    op("createClient", "CreateClientInput", "... on CreateClientSuccess { data { id } }"),
    {
      input: { name: "Acme Shop" },
    },
  );
  const clientId = created.data?.createClient.data.id as string;
  const domain = await gql(
    server,
    caller,
    op("createDomain", "CreateDomainInput", "... on CreateDomainSuccess { data { id } }"),
    {
      input: { clientId, rootDomain: "localhost", allowApi: true },
    },
  );
  const domainId = domain.data?.createDomain.data.id as string;
  const secret = await gql(
    server,
    caller,
    op("createClientSecret", "CreateClientSecretInput", "... on CreateClientSecretSuccess { data { value } }"),
    { input: { clientId, domainIds: [domainId] } },
  );
  await gql(server, caller, op("enableClientScope", "ClientScopeInput", ""), {
    input: { clientId, scopeKey: "userinfo" },
  });
  return {
    clientId,
    credentials: { clientId, clientSecret: secret.data?.createClientSecret.data.value as string, domain: "localhost" },
  };
}

const CONSENT = `query Q($token: String!) { loginRequest(token: $token) { __typename ... on LoginRequestSuccess {
  data { clientName clientLogoUrl clientVerified domain primaryDomain redirectHost scopes { key releases } } } } }`;

describe("test/client-logo: the client's logo, checked, re-encoded, served, and shown on the consent screen", () => {
  it("refuses a non-image, an image too large and an image bomb, and changes nothing", async () => {
    const { browser } = await signedInPerson(server);
    const { clientId } = await clientOf(browser);
    const notImage = await logo(browser, clientId, new TextEncoder().encode("<svg onload=alert(1)></svg>"));
    expect(notImage).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED" } } });
    const tooLarge = await logo(browser, clientId, new Uint8Array(1024 * 1024 + 1));
    expect(tooLarge).toMatchObject({ status: 413, body: { error: { code: "VALIDATION_FAILED" } } });
    const bomb = await logo(browser, clientId, pngBomb(60_000, 60_000));
    expect(bomb.status).toBe(400);
    expect(bomb.body.error?.message).toMatch(/too many pixels/);
    const client = await server.db.client.findUniqueOrThrow({ where: { id: clientId } });
    expect(client.logoId).toBeNull();
    expect(await server.db.clientLogo.count({ where: { clientId } })).toBe(0);
  });

  it("stores a 256 px WebP, serves it, shows it with name, domain and scope fields on the consent screen; removal is audited", async () => {
    const { browser } = await signedInPerson(server);
    const { clientId, credentials } = await clientOf(browser);
    const uploaded = await logo(browser, clientId, await image(1000, 500));
    expect(uploaded.status).toBe(200);
    const url = uploaded.body.logoUrl as string;
    expect(url).toMatch(/\/logos\/[A-Za-z0-9_-]+\.webp$/);
    const served = await fetch(url.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    expect(served.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 128]);

    const signed = await callApi(server, "/sign-token", credentials, { redirect_url: "http://localhost:4000/cb" });
    const shown = await new (browser.constructor as typeof Browser)(server.baseUrl).graphql<{
      loginRequest: { data: Record<string, unknown> };
    }>(CONSENT, { token: signed.body.data.token });
    expect(shown.data?.loginRequest.data).toMatchObject({
      clientName: "Acme Shop",
      clientLogoUrl: url,
      clientVerified: false,
      domain: "localhost",
      redirectHost: "localhost:4000",
      scopes: [{ key: "userinfo", releases: expect.arrayContaining(["name", "email", "picture"]) }],
    });

    const removed = await logo(browser, clientId, undefined, "DELETE");
    expect(removed).toMatchObject({ status: 200, body: { logoUrl: null } });
    expect((await fetch(url.replace(/^https?:\/\/[^/]+/, server.baseUrl))).status).toBe(404);
    const actions = await server.db.auditEvent.findMany({ where: { clientId }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(
      expect.arrayContaining(["client.logo_uploaded", "client.logo_removed"]),
    );
  });

  it("the consent screen names the primary domain only when the login returns there", async () => {
    const { browser } = await signedInPerson(server);
    const { clientId, credentials } = await clientOf(browser);
    const shownFor = async () => {
      const signed = await callApi(server, "/sign-token", credentials, { redirect_url: "http://localhost:4000/cb" });
      const answer = await browser.graphql<{ loginRequest: { data: Record<string, unknown> } }>(CONSENT, {
        token: signed.body.data.token,
      });
      return answer.data?.loginRequest.data;
    };
    await gql(server, { browser }, op("createDomain", "CreateDomainInput", ""), {
      input: { clientId, rootDomain: "acme-shop.example", primary: true },
    });
    // The app's login comes from and returns to localhost, not the primary domain: the screen says so.
    expect(await shownFor()).toMatchObject({ primaryDomain: "acme-shop.example", domain: "localhost" });
    await server.db.domain.updateMany({ where: { clientId }, data: { primary: false } });
    await server.db.domain.updateMany({ where: { clientId, rootDomain: "localhost" }, data: { primary: true } });
    expect(await shownFor()).toMatchObject({ primaryDomain: "localhost", domain: "localhost" });
  });

  it("an OpenID Connect login shows the app (name, logo, its redirect_uri's host, badge), not Gatehouse's address", async () => {
    const partner = await oidcPartner(server.db, { verified: true });
    await server.db.clientLogo.create({
      data: { id: "oidclogo1", clientId: partner.client.id, data: new Uint8Array([1]), contentType: "image/webp" },
    });
    await server.db.client.update({ where: { id: partner.client.id }, data: { logoId: "oidclogo1" } });
    const config = await relyingParty(server, partner.client.id, partner.credentials.clientSecret);
    const auth = await authorization(config);
    const { browser } = await signedInPerson(server);
    // Follow Gatehouse's own redirects up to the hosted consent page.
    let next = new URL(auth.url);
    while (next.pathname !== "/authorize") {
      const response = await browser.get(next.toString());
      next = new URL(response.headers.get("location") ?? "", next);
    }
    const shown = await browser.graphql<{ loginRequest: { data: Record<string, unknown> } }>(CONSENT, {
      token: next.searchParams.get("token"),
    });
    expect(shown.data?.loginRequest.data).toMatchObject({
      clientName: partner.client.name,
      clientLogoUrl: expect.stringMatching(/\/logos\/oidclogo1\.webp$/),
      clientVerified: true,
      domain: "localhost",
      redirectHost: "localhost",
    });
  });

  it("someone outside the client cannot change its logo", async () => {
    const { browser } = await signedInPerson(server);
    const { clientId } = await clientOf(browser);
    const stranger = await signedInPerson(server);
    const refused = await logo(stranger.browser, clientId, await image(100, 100));
    expect(refused).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect((await server.db.client.findUniqueOrThrow({ where: { id: clientId } })).logoId).toBeNull();
  });
});
