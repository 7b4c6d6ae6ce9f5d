import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSub } from "../src/core/auth/crypto.js";
import { createPartner } from "./fixtures.js";
import { sdkHeaders, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Partner = Awaited<ReturnType<typeof createPartner>>;
const REDIRECT = "https://sdk-shop.example/xwms/validateToken";

/**
 * A partner's SDK as the XWMS JS SDK and PHP helper behave: endpoints relative to the printed base
 * URL, every POST body carrying the configured redirect_url, `sub` cast to a number.
 */
function sdk(partner: Partner, apiUri: string) {
  const call = async (method: "GET" | "POST", endpoint: string, payload?: Record<string, unknown>) => {
    const body = method === "POST" ? JSON.stringify({ ...payload, redirect_url: REDIRECT }) : undefined;
    const response = await fetch(new URL(endpoint, apiUri), {
      method,
      headers: sdkHeaders(partner.credentials),
      ...(body ? { body } : {}),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    authenticateUser: () => call("POST", "sign-token", {}),
    verifyToken: (token: string) => call("POST", "sign-token-verify", { token }),
    info: () => call("GET", "info"),
    getCountries: () => call("POST", "global/countries", {}),
    getProjects: () => call("GET", "global/projects"),
    getUserAddress: (sub: string) => call("POST", "get/user/address", { sub: Number(sub) }),
    getUserInfo: (sub: string) => call("POST", "get/user/info", { sub: Number(sub) }),
    // JSON.stringify leaves out the undefined address_id and address, as the SDK's body does.
    userAddressCrud: (sub: string, action: string, options: { addressId?: number; address?: object } = {}) =>
      call("POST", "user/address", {
        sub: Number(sub),
        action,
        address_id: options.addressId,
        address: options.address,
      }),
  };
}

describe("test/xwms-sdk-convention: every SDK call, with the base URL Gatehouse prints", () => {
  it("works unchanged against the printed base URL", async () => {
    const partner = await createPartner(server.db, {
      rootDomain: "sdk-shop.example",
      scopes: ["userinfo", "useraddresses"],
    });
    const person = await server.db.user.create({
      data: { email: `sdk-${newSub()}@example.org`, name: "Sdk Person", sub: newSub(), passwordHash: "unused" },
    });
    await server.db.clientUser.create({ data: { clientId: partner.client.id, userId: person.id, loginCount: 1 } });
    const scopes = await server.db.scope.findMany({ where: { key: { in: ["userinfo", "useraddresses"] } } });
    await server.db.consent.create({
      data: {
        clientId: partner.client.id,
        userId: person.id,
        scopes: { create: scopes.map((s) => ({ scopeId: s.id })) },
      },
    });
    const client = sdk(partner, server.demo.apiUrl);

    const login = await client.authenticateUser();
    expect(login.status).toBe(200);
    expect(login.body.data.url).toMatch(/\/authorize\?token=/);
    // A token nobody approved is refused in the envelope, not by a 404 from a wrong path.
    const verify = await client.verifyToken(login.body.data.token);
    expect(verify.body.status).toBe("error");
    expect(verify.status).not.toBe(404);

    expect((await client.info()).body.data.api.endpoints.auth_signin).toBe(`${server.demo.apiUrl}sign-token`);
    expect((await client.getCountries()).body.data.countries.length).toBeGreaterThan(200);
    expect((await client.getProjects()).body.data.projects[0].id).toEqual(expect.any(Number));
    expect((await client.getUserInfo(person.sub)).body.data.user.sub).toBe(person.sub);

    const created = await client.userAddressCrud(person.sub, "create", {
      address: { type: "billing", street: "Mainstreet", house_number: "10A", city: "Amsterdam", country: "NL" },
    });
    expect(created.status).toBe(200);
    const addressId = created.body.data.address.id as number;
    expect(typeof addressId).toBe("number");
    expect((await client.getUserAddress(person.sub)).body.data.addresses).toEqual([created.body.data.address]);
    expect((await client.userAddressCrud(person.sub, "list")).body.data.addresses).toHaveLength(1);
    const updated = await client.userAddressCrud(person.sub, "update", { addressId, address: { city: "Utrecht" } });
    expect(updated.body.data.address).toMatchObject({ id: addressId, city: "Utrecht", street: "Mainstreet" });
    const deleted = await client.userAddressCrud(person.sub, "delete", { addressId });
    expect(deleted).toEqual({
      status: 200,
      body: {
        status: "success",
        message: "Address deleted successfully.",
        data: { deleted: true, address_id: addressId },
      },
    });
  });

  it("tells an SDK configured without the trailing slash where the API is", async () => {
    const partner = await createPartner(server.db, { rootDomain: "sdk-shop.example" });
    const noSlash = sdk(partner, server.demo.apiUrl.replace(/\/$/, ""));
    const answer = await noSlash.authenticateUser();
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: "error", data: { endpoint: `${server.demo.apiUrl}sign-token` } });
  });
});
