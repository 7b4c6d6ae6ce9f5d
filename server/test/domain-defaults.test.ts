import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOMAIN_DEFAULTS } from "../src/core/domain/domain-validation.js";
import { repoRoot } from "../src/db/url.js";
import { createPartner } from "./fixtures.js";
import { clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { callApi, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const FLAGS = ["allowLogin", "allowApi", "active", "primary", "testMode"] as const;
const CREATE = `mutation C($input: CreateDomainInput!) { createDomain(input: $input) {
  __typename ... on CreateDomainSuccess { data { id ${FLAGS.join(" ")} } } ... on Error { message } } }`;
const INPUT_DEFAULTS = `{ __type(name: "CreateDomainInput") { inputFields { name defaultValue } } }`;

describe("test/domain-defaults: a new domain's flags have one default each, in the database, the API and the form", () => {
  it("the core's defaults are the database column defaults", async () => {
    const schema = readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8");
    const model = schema.slice(
      schema.indexOf("model Domain {"),
      schema.indexOf("\n}", schema.indexOf("model Domain {")),
    );
    for (const flag of FLAGS) {
      const declared = new RegExp(`\\n\\s*${flag}\\s+Boolean\\s+@default\\((true|false)\\)`).exec(model)?.[1];
      expect(declared, flag).toBe(String(DOMAIN_DEFAULTS[flag]));
    }
    // A row written without the flags (as the CLI or an old seed would) takes the same values.
    const partner = await createPartner(server.db, { rootDomain: "raw.example" });
    const raw = await server.db.domain.create({
      data: { clientId: partner.client.id, rootDomain: "bare.example", publicId: `dom_bare${Date.now()}` },
    });
    for (const flag of FLAGS) expect(raw[flag], flag).toBe(DOMAIN_DEFAULTS[flag]);
  });

  it("GraphQL's CreateDomainInput states those defaults, and a domain created without flags gets them", async () => {
    const owner = await signedInPerson(server);
    const introspected = await gql(server, owner.caller, INPUT_DEFAULTS);
    const fields = introspected.data?.__type.inputFields as { name: string; defaultValue: string | null }[];
    for (const flag of FLAGS) {
      expect(fields.find((field) => field.name === flag)?.defaultValue, flag).toBe(String(DOMAIN_DEFAULTS[flag]));
    }
    expect(DOMAIN_DEFAULTS.allowApi).toBe(false);

    const clientId = await clientOwnedBy(server, owner, "Defaults Co");
    const created = await gql(server, owner.caller, CREATE, { input: { clientId, rootDomain: "defaults.example" } });
    expect(created.data?.createDomain).toMatchObject({
      __typename: "CreateDomainSuccess",
      data: { allowLogin: true, allowApi: false, active: true, primary: false, testMode: false },
    });
  });

  it("a domain with API off refuses the data endpoints and still signs people in", async () => {
    const partner = await createPartner(server.db, { rootDomain: "localhost", domain: { allowApi: false } });
    const info = await callApi(server, "/get/user/info", partner.credentials, { sub: "1" });
    expect(info.status).toBe(403);
    expect(info.body).toMatchObject({ status: "error", message: "API access is not allowed for this domain" });
    const login = await callApi(server, "/sign-token", partner.credentials, { redirect_url: "http://localhost:1/cb" });
    expect(login.status).toBe(200);
  });
});
