import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE_CLIENT, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";
import { enrolTotp } from "./staff.js";

const policies = ["paid", "anyone", "staff"] as const;
// Who may create a client under each CLIENT_CREATION policy.
const expected: Record<(typeof policies)[number], { free: boolean; paid: boolean; staff: boolean }> = {
  paid: { free: false, paid: true, staff: true },
  anyone: { free: true, paid: true, staff: true },
  staff: { free: false, paid: false, staff: true },
};

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

describe.each(policies)("test/client-creation-policy: CLIENT_CREATION=%s", (policy) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CLIENT_CREATION: policy });
    servers.push(server);
  });

  it("lets exactly the expected people create clients, and tells the others why", async () => {
    const free = await signedInPerson(server, { plan: "FREE" });
    const paid = await signedInPerson(server, { plan: "PAID" });
    const staff = await signedInPerson(server, { plan: "FREE" });
    await server.db.user.update({ where: { id: staff.user.id }, data: { platformRole: "STAFF" } });
    await enrolTotp(staff.browser);
    for (const [who, person] of Object.entries({ free, paid, staff })) {
      const allowed = expected[policy][who as keyof (typeof expected)[typeof policy]];
      const viewer = await gql(server, person.caller, "{ viewer { canCreateClients } }");
      expect(viewer.data?.viewer.canCreateClients).toBe(allowed);
      const result = await gql(server, person.caller, CREATE_CLIENT, { input: { name: `${who} client` } });
      expect(result.data?.createClient.__typename).toBe(allowed ? "CreateClientSuccess" : "PlanRequiredError");
      if (!allowed) {
        expect(result.data?.createClient.message).toContain(policy === "staff" ? "only platform staff" : "PAID plan");
      }
      expect(await server.db.client.count({ where: { name: `${who} client` } })).toBe(allowed ? 1 : 0);
    }
  }, 120_000);

  it("treats creating a client as staff (not as a paying or any person) as a staff power: it needs a second factor", async () => {
    const staff = await signedInPerson(server, { plan: "FREE" });
    await server.db.user.update({ where: { id: staff.user.id }, data: { platformRole: "STAFF" } });
    const result = await gql(server, staff.caller, CREATE_CLIENT, { input: { name: "unenrolled staff client" } });
    if (policy === "anyone") {
      expect(result.data?.createClient.__typename).toBe("CreateClientSuccess");
      return;
    }
    expect(result.data?.createClient).toMatchObject({
      __typename: "ForbiddenError",
      message: expect.stringContaining("two-step sign-in"),
    });
    expect(await server.db.client.count({ where: { name: "unenrolled staff client" } })).toBe(0);
  }, 120_000);
});

describe("test/client-creation-policy: configuration", () => {
  it("refuses an unknown policy by name", async () => {
    const { loadConfig } = await import("../src/config.js");
    expect(() => loadConfig({ CLIENT_CREATION: "everyone" })).toThrow(/CLIENT_CREATION/);
    expect(loadConfig({}).clientCreation).toBe("paid");
  });
});
