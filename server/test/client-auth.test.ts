import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { callApi, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const signToken = (credentials: Parameters<typeof callApi>[2], redirect = "https://app.example.com/callback") =>
  callApi(server, "/sign-token", credentials, { redirect_url: redirect });

const expectRefusal = (result: Awaited<ReturnType<typeof callApi>>, status: number, message: string) => {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({ status: "error", message, data: {} });
};

describe("test/client-auth: every check on X-Client-Id, X-Client-Secret and X-Client-Domain", () => {
  it("accepts a good secret linked to an active login domain", async () => {
    const partner = await createPartner(server.db);
    const result = await signToken(partner.credentials);
    expect(result.status).toBe(200);
    expect(result.body.status).toBe("success");
  });

  it("refuses missing headers", async () => {
    const partner = await createPartner(server.db);
    expectRefusal(
      await signToken({ ...partner.credentials, clientSecret: "" }),
      401,
      "Missing client credentials: send X-Client-Id, X-Client-Secret and X-Client-Domain",
    );
  });

  it("refuses an unknown client and a wrong secret with the same answer", async () => {
    const partner = await createPartner(server.db);
    expectRefusal(
      await signToken({ ...partner.credentials, clientId: "no-such-client" }),
      401,
      "Invalid client credentials",
    );
    expectRefusal(
      await signToken({ ...partner.credentials, clientSecret: `${partner.credentials.clientSecret}x` }),
      401,
      "Invalid client credentials",
    );
  });

  it("refuses the secret of another client", async () => {
    const a = await createPartner(server.db);
    const b = await createPartner(server.db);
    expectRefusal(
      await signToken({ ...a.credentials, clientSecret: b.credentials.clientSecret }),
      401,
      "Invalid client credentials",
    );
  });

  it("refuses an expired secret", async () => {
    const partner = await createPartner(server.db, { secret: { expiresAt: new Date(Date.now() - 1000) } });
    expectRefusal(await signToken(partner.credentials), 401, "This client secret has expired");
  });

  it("accepts a secret that expires in the future", async () => {
    const partner = await createPartner(server.db, { secret: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await signToken(partner.credentials)).status).toBe(200);
  });

  it("refuses a revoked secret", async () => {
    const partner = await createPartner(server.db, { secret: { revokedAt: new Date() } });
    expectRefusal(await signToken(partner.credentials), 401, "This client secret has been revoked");
  });

  it("refuses a secret revoked after it worked, at once", async () => {
    const partner = await createPartner(server.db);
    expect((await signToken(partner.credentials)).status).toBe(200);
    await server.db.clientSecret.update({ where: { id: partner.secretRow.id }, data: { revokedAt: new Date() } });
    expectRefusal(await signToken(partner.credentials), 401, "This client secret has been revoked");
  });

  it("refuses a secret not linked to the domain", async () => {
    const partner = await createPartner(server.db, { secret: { linked: false } });
    expectRefusal(await signToken(partner.credentials), 403, "This client secret is not linked to the domain");
  });

  it("refuses an unknown domain", async () => {
    const partner = await createPartner(server.db);
    expectRefusal(
      await signToken({ ...partner.credentials, domain: "unknown.example" }),
      403,
      "The domain is not registered for this client",
    );
  });

  it("refuses the domain of another client, by name and by domain ID", async () => {
    const a = await createPartner(server.db, { rootDomain: "a.example" });
    const b = await createPartner(server.db, { rootDomain: "b.example" });
    expectRefusal(
      await signToken({ ...a.credentials, domain: "b.example" }),
      403,
      "The domain is not registered for this client",
    );
    expectRefusal(
      await signToken({ ...a.credentials, domain: b.domain.publicId }),
      403,
      "The domain is not registered for this client",
    );
  });

  it("refuses an inactive domain", async () => {
    const partner = await createPartner(server.db, { domain: { active: false } });
    expectRefusal(await signToken(partner.credentials), 403, "This domain is inactive");
  });

  it("refuses login when the domain does not allow it, and API calls when it does not allow them", async () => {
    const noLogin = await createPartner(server.db, { domain: { allowLogin: false } });
    expectRefusal(await signToken(noLogin.credentials), 403, "Login is not allowed for this domain");
    const noApi = await createPartner(server.db, { domain: { allowApi: false } });
    expectRefusal(
      await callApi(server, "/get/user/info", noApi.credentials, { sub: "1000000000000000" }),
      403,
      "API access is not allowed for this domain",
    );
  });

  it("enforces the domain's server IP allowlist", async () => {
    const blocked = await createPartner(server.db, { domain: { serverIp: "203.0.113.7" } });
    expectRefusal(
      await signToken(blocked.credentials),
      403,
      "Requests from this IP address are not allowed for this domain",
    );
    const allowed = await createPartner(server.db, { domain: { serverIp: "203.0.113.7, 127.0.0.1" } });
    expect((await signToken(allowed.credentials)).status).toBe(200);
  });

  it("treats the root domain header case-insensitively", async () => {
    const partner = await createPartner(server.db, { rootDomain: "shop.example" });
    expect(
      (await signToken({ ...partner.credentials, domain: "Shop.Example" }, "https://shop.example/cb")).status,
    ).toBe(200);
  });
});
