import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSub } from "../src/core/auth/crypto.js";
import { createPartner } from "./fixtures.js";
import { sdkHeaders, startTestServer, type TestServer } from "./harness.js";

/**
 * The documented XWMS examples (xwms-docs content/03.partner/10.api/js/global.md and user.md), as
 * data: each answer must have the same fields, with the same JSON types, as the example.
 */
const DOCUMENTED = {
  info: {
    application: {
      name: "XWMS",
      description: "…",
      version: "v.2",
      locale: "en",
      timezone: "Europe/Amsterdam",
      time: "2026-01-12T12:00:00Z",
    },
    client: { ip: "203.0.113.10", user_agent: "Mozilla/5.0 ..." },
    api: {
      documentation: "https://docs.xwms.nl/",
      endpoints: {
        general_info: "https://xwms.nl/api/info",
        countries: "https://xwms.nl/api/global/countries",
        projects: "https://xwms.nl/api/global/projects",
        user_address: "https://xwms.nl/api/get/user/address",
        user_info: "https://xwms.nl/api/get/user/info",
        auth_signin: "https://xwms.nl/api/sign-token",
        auth_verify: "https://xwms.nl/api/sign-token-verify",
      },
    },
  },
  country: {
    id: 1,
    short_name: "NL",
    name: "Netherlands",
    phonecode: "+31",
    is_eu_member: true,
    capital: "Amsterdam",
    iso_alpha3: "NLD",
    region: "Europe",
    timezone: "Europe/Amsterdam",
    currency_code: "EUR",
  },
  project: {
    id: 10,
    title: "Project Name",
    description: "Short description",
    image: "https://...",
    link: "https://...",
    is_new: true,
    direct_redirect: false,
    published_at: "2026-01-01T12:00:00Z",
    categories: [{ id: 2, name: "Automation" }],
  },
  user: {
    sub: "12345",
    name: "John Doe",
    given_name: "John",
    family_name: "Doe",
    email: "john@example.com",
    email_verified: true,
    picture: "https://...",
    birth_date: "2000-01-01",
    gender: "male",
    second_email: null,
    country: "NL",
    socials: [{ platform: "instagram", username: "john", url: "https://..." }],
  },
  createAddress: {
    type: "billing",
    name: "Home",
    company_name: null,
    firstname: "John",
    lastname: "Doe",
    phone: "+31 612345678",
    email: "john@example.com",
    tax_nr: null,
    registration_nr: null,
    access_code: null,
    postal_code: "1012AB",
    house_number: "10A",
    street: "Mainstreet",
    city: "Amsterdam",
    country: "NL",
  },
  createdAddress: {
    id: 55,
    type: "billing",
    name: "Home",
    firstname: "John",
    lastname: "Doe",
    city: "Amsterdam",
    country: { id: 1, short_name: "NL", name: "Netherlands", phonecode: "+31", is_eu_member: true },
  },
};

type Shape = string | Shape[] | { [key: string]: Shape };
/** The JSON type of every field, recursively; an array by its first element; null matches any type. */
function shapeOf(value: unknown): Shape {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shapeOf(v)]));
  }
  return typeof value;
}

/** Every documented field is there with the documented type (documented null accepts any value). */
function expectDocumentedShape(actual: unknown, documented: unknown, path = "data") {
  if (documented === null) return;
  if (Array.isArray(documented)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const first = (actual as unknown[])[0];
    if (documented.length > 0) {
      expect(first, `${path}[0] exists`).toBeDefined();
      expectDocumentedShape(first, documented[0], `${path}[0]`);
    }
    return;
  }
  if (typeof documented === "object") {
    expect(typeof actual, `${path} is an object`).toBe("object");
    for (const [key, value] of Object.entries(documented as Record<string, unknown>)) {
      expect(Object.keys(actual as object), `${path} has ${key}`).toContain(key);
      expectDocumentedShape((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
    return;
  }
  expect(shapeOf(actual), path).toBe(typeof documented);
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Partner = Awaited<ReturnType<typeof createPartner>>;

/** POST exactly as the XWMS SDKs do: the endpoint resolved against the printed base URL. */
async function post(partner: Partner, endpoint: string, body: Record<string, unknown>) {
  const response = await fetch(new URL(endpoint, server.demo.apiUrl), {
    method: "POST",
    headers: sdkHeaders(partner.credentials),
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
const get = async (endpoint: string) => {
  const response = await fetch(new URL(endpoint, server.demo.apiUrl), { headers: { Accept: "application/json" } });
  return { status: response.status, body: await response.json() };
};

async function consentedPerson(partner: Partner, scopes: string[]) {
  const netherlands = await server.db.country.findUniqueOrThrow({ where: { shortName: "NL" } });
  const user = await server.db.user.create({
    data: {
      email: `contract-${newSub()}@example.org`,
      name: "John Doe",
      givenName: "John",
      familyName: "Doe",
      picture: "https://example.org/john.png",
      birthDate: new Date("2000-01-01T00:00:00Z"),
      gender: "male",
      countryId: netherlands.id,
      emailVerified: true,
      sub: newSub(),
      passwordHash: "unused",
      socials: { create: [{ platform: "instagram", username: "john", url: "https://instagram.com/john" }] },
    },
  });
  await server.db.clientUser.create({ data: { clientId: partner.client.id, userId: user.id, loginCount: 1 } });
  const rows = await server.db.scope.findMany({ where: { key: { in: scopes } } });
  await server.db.consent.create({
    data: { clientId: partner.client.id, userId: user.id, scopes: { create: rows.map((s) => ({ scopeId: s.id })) } },
  });
  return user;
}

describe("test/xwms-contract: each documented request gets the documented answer shape", () => {
  it("prints the API base URL with its trailing slash", () => {
    expect(server.demo.apiUrl).toBe(`${server.config.publicUrl}/api/`);
  });

  it("GET info: application, client and absolute endpoint URLs", async () => {
    const { status, body } = await get("info");
    expect(status).toBe(200);
    expect(body.status).toBe("success");
    expect(shapeOf(body.data)).toEqual(shapeOf(DOCUMENTED.info));
    const base = server.demo.apiUrl;
    expect(body.data.api).toEqual({
      documentation: `${server.config.publicUrl}/docs/api`,
      endpoints: {
        general_info: `${base}info`,
        countries: `${base}global/countries`,
        projects: `${base}global/projects`,
        user_address: `${base}get/user/address`,
        user_info: `${base}get/user/info`,
        auth_signin: `${base}sign-token`,
        auth_verify: `${base}sign-token-verify`,
      },
    });
    expect(Number.isNaN(Date.parse(body.data.application.time))).toBe(false);
  });

  it("POST global/countries: ISO codes and the phonecode with its plus sign", async () => {
    const partner = await createPartner(server.db);
    const { status, body } = await post(partner, "global/countries", {});
    expect(status).toBe(200);
    expect(body.message).toBe("Countries retrieved successfully.");
    const netherlands = body.data.countries.find((c: { short_name: string }) => c.short_name === "NL");
    expect(shapeOf(netherlands)).toEqual(shapeOf(DOCUMENTED.country));
    expect(netherlands).toMatchObject({ phonecode: "+31", iso_alpha3: "NLD", is_eu_member: true });
    expect(body.data.countries.every((c: { phonecode: string }) => c.phonecode.startsWith("+"))).toBe(true);
  });

  it("GET global/projects: numeric ids, XWMS names and categories", async () => {
    const { status, body } = await get("global/projects");
    expect(status).toBe(200);
    expect(body.data.projects.length).toBeGreaterThan(0);
    for (const project of body.data.projects) expect(shapeOf(project)).toEqual(shapeOf(DOCUMENTED.project));
    expect(body.data.projects[1]).toMatchObject({
      title: "Gatehouse SDKs",
      is_new: true,
      categories: [
        { id: expect.any(Number), name: "Identity" },
        { id: expect.any(Number), name: "Developer tools" },
      ],
    });
  });

  it("POST get/user/info with and without socials, always under data.user", async () => {
    const partner = await createPartner(server.db, { scopes: ["userinfo", "providers"] });
    const person = await consentedPerson(partner, ["userinfo", "providers"]);
    const withSocials = await post(partner, "get/user/info", { sub: Number(person.sub), socials: true });
    expect(withSocials.status).toBe(200);
    expectDocumentedShape(withSocials.body.data.user, DOCUMENTED.user, "data.user");
    expect(withSocials.body.data.user).toMatchObject({
      sub: person.sub,
      given_name: "John",
      birth_date: "2000-01-01",
      country: "NL",
      socials: [{ platform: "instagram", username: "john", url: "https://instagram.com/john" }],
    });
    const without = await post(partner, "get/user/info", { sub: Number(person.sub) });
    const { socials: _socials, ...rest } = DOCUMENTED.user;
    expectDocumentedShape(without.body.data.user, rest, "data.user");
    expect(without.body.data.user.socials).toBeNull();
  });

  it("POST user/address: list, create, update and delete with the documented bodies", async () => {
    const partner = await createPartner(server.db, { scopes: ["userinfo", "useraddresses"] });
    const person = await consentedPerson(partner, ["userinfo", "useraddresses"]);
    const sub = Number(person.sub);

    const created = await post(partner, "user/address", { sub, action: "create", address: DOCUMENTED.createAddress });
    expect(created.status).toBe(200);
    expect(created.body.message).toBe("Address created successfully.");
    expectDocumentedShape(created.body.data.address, DOCUMENTED.createdAddress, "data.address");
    const address = created.body.data.address;
    // Every documented field was stored, none dropped.
    expect(address).toMatchObject({ ...DOCUMENTED.createAddress, country: { short_name: "NL", phonecode: "+31" } });

    const listed = await post(partner, "user/address", { sub, action: "list" });
    expect(listed.body.data.addresses).toEqual([address]);

    const updated = await post(partner, "user/address", {
      sub,
      action: "update",
      address_id: address.id,
      address: { ...DOCUMENTED.createAddress, street: "Damrak", house_number: "1", firstname: "Jane", phone: "+31 1" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data.address).toMatchObject({
      id: address.id,
      street: "Damrak",
      house_number: "1",
      firstname: "Jane",
      phone: "+31 1",
    });

    const removed = await post(partner, "user/address", { sub, action: "delete", address_id: address.id });
    expect(removed.status).toBe(200);
    expect(removed.body.data).toEqual({ deleted: true, address_id: address.id });
    expect(await server.db.address.count({ where: { userId: person.id } })).toBe(0);
  });

  it("refuses unknown fields with a 400 naming them, and changes nothing", async () => {
    const partner = await createPartner(server.db, { scopes: ["useraddresses"] });
    const person = await consentedPerson(partner, ["useraddresses"]);
    const sub = Number(person.sub);
    const created = await post(partner, "user/address", { sub, action: "create", address: DOCUMENTED.createAddress });
    const id = created.body.data.address.id;

    const refused = await post(partner, "user/address", {
      sub,
      action: "update",
      address_id: id,
      address: { street: "Elsewhere", line1: "Old model", region: "NH" },
    });
    expect(refused).toEqual({
      status: 400,
      body: {
        status: "error",
        message: "Invalid request: address.line1 is not a known field; address.region is not a known field",
        data: {
          errors: [
            { field: "address.line1", message: "is not a known field" },
            { field: "address.region", message: "is not a known field" },
          ],
        },
      },
    });
    expect((await server.db.address.findUniqueOrThrow({ where: { id } })).street).toBe("Mainstreet");
    const topLevel = await post(partner, "get/user/info", { sub, colour: "blue" });
    expect(topLevel.status).toBe(400);
    expect(topLevel.body.data.errors).toEqual([{ field: "colour", message: "is not a known field" }]);
  });
});
