import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { createPartner } from "./fixtures.js";
import { callApi, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Partner = Awaited<ReturnType<typeof createPartner>>;

/** A second domain of the partner, linked to its secret unless told otherwise. */
async function addDomain(partner: Partner, rootDomain: string, linked = true) {
  const domain = await server.db.domain.create({
    data: { clientId: partner.client.id, rootDomain, publicId: newDomainPublicId(), allowLogin: true, allowApi: true },
  });
  if (linked) await server.db.secretDomain.create({ data: { secretId: partner.secretRow.id, domainId: domain.id } });
  return domain;
}

/** sign-token as the Laravel helper calls it: X-Client-Domain is the request host, not the root domain. */
const signTokenAs = (partner: Partner, host: string, redirect: string) =>
  callApi(server, "/sign-token", { ...partner.credentials, domain: host }, { redirect_url: redirect });

describe("test/client-domain-host: X-Client-Domain may be a host under a registered root domain (issue 11 item 7)", () => {
  it("resolves www.example.com and app.example.com to the root domain example.com", async () => {
    const partner = await createPartner(server.db, { rootDomain: "example.com" });
    for (const host of ["www.example.com", "app.example.com", "WWW.Example.com."]) {
      const result = await signTokenAs(partner, host, "https://app.example.com/callback");
      expect(result.status).toBe(200);
      expect(result.body.data.client_id).toBe(partner.client.id);
      const login = await server.db.loginToken.findFirstOrThrow({
        where: { clientId: partner.client.id },
        orderBy: { createdAt: "desc" },
      });
      expect(login.domainId).toBe(partner.domain.id);
    }
  });

  it("chooses the most specific registered domain", async () => {
    const partner = await createPartner(server.db, { rootDomain: "example.com" });
    const shop = await addDomain(partner, "shop.example.com");
    const result = await signTokenAs(partner, "eu.shop.example.com", "https://eu.shop.example.com/callback");
    expect(result.status).toBe(200);
    const login = await server.db.loginToken.findFirstOrThrow({
      where: { clientId: partner.client.id },
      orderBy: { createdAt: "desc" },
    });
    expect(login.domainId).toBe(shop.id);
    // The token is bound to that domain: a redirect on the parent domain only is refused for it.
    const outside = await signTokenAs(partner, "eu.shop.example.com", "https://www.example.com/callback");
    expect(outside.status).toBe(400);
  });

  it("answers a host under no registered domain exactly like an unknown domain", async () => {
    const partner = await createPartner(server.db, { rootDomain: "example.com" });
    const expected = { status: "error", message: "The domain is not registered for this client", data: {} };
    for (const host of ["www.example.org", "notexample.com", "example.com.evil.net", "com"]) {
      const result = await signTokenAs(partner, host, "https://app.example.com/callback");
      expect(result.status).toBe(403);
      expect(result.body).toEqual(expected);
    }
    const unknown = await signTokenAs(partner, "unknown.test", "https://app.example.com/callback");
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual(expected);
  });

  it("refuses a host whose most specific domain is not linked to the secret", async () => {
    const partner = await createPartner(server.db, { rootDomain: "example.com" });
    await addDomain(partner, "shop.example.com", false);
    const result = await signTokenAs(partner, "www.shop.example.com", "https://www.shop.example.com/callback");
    expect(result.status).toBe(403);
    expect(result.body).toEqual({
      status: "error",
      message: "This client secret is not linked to the domain",
      data: {},
    });
    // The linked parent still works for its other hosts.
    expect((await signTokenAs(partner, "www.example.com", "https://www.example.com/callback")).status).toBe(200);
  });
});
