import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SET_PLAN = `mutation P($input: SetUserPlanInput!) { setUserPlan(input: $input) { __typename
  ... on SetUserPlanSuccess { data { id email } } ... on Error { message } } }`;

async function staffPerson(role: "STAFF" | "ADMIN") {
  const person = await signedInPerson(server);
  await server.db.user.update({ where: { id: person.user.id }, data: { platformRole: role } });
  return person;
}

describe("test/graphql-staff: setUserPlan", () => {
  it("lets staff and admins change a user's plan, audited platform-wide", async () => {
    const target = await signedInPerson(server, { plan: "FREE" });
    for (const role of ["STAFF", "ADMIN"] as const) {
      const staff = await staffPerson(role);
      const plan = role === "STAFF" ? "PAID" : "FREE";
      const result = await gql(server, staff.caller, SET_PLAN, {
        input: { email: ` ${target.email.toUpperCase()} `, plan },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.setUserPlan).toMatchObject({
        __typename: "SetUserPlanSuccess",
        data: { id: target.user.id, email: target.email },
      });
      expect((await server.db.user.findUniqueOrThrow({ where: { id: target.user.id } })).plan).toBe(plan);
      const event = await server.db.auditEvent.findFirstOrThrow({
        where: { action: "user.plan_changed", actorUserId: staff.user.id },
      });
      expect(event).toMatchObject({ targetType: "User", targetId: target.user.id, clientId: null });
      expect(JSON.parse(event.details ?? "null")).toEqual({
        before: { plan: plan === "PAID" ? "FREE" : "PAID" },
        after: { plan },
      });
    }
  });

  it("refuses ordinary users with ForbiddenError and changes nothing", async () => {
    const target = await signedInPerson(server, { plan: "FREE" });
    const ordinary = await signedInPerson(server);
    const result = await gql(server, ordinary.caller, SET_PLAN, { input: { email: target.email, plan: "PAID" } });
    expect(result.data?.setUserPlan.__typename).toBe("ForbiddenError");
    expect((await server.db.user.findUniqueOrThrow({ where: { id: target.user.id } })).plan).toBe("FREE");
    expect(
      await server.db.auditEvent.count({ where: { action: "user.plan_changed", actorUserId: ordinary.user.id } }),
    ).toBe(0);
  });

  it("refuses anonymous callers", async () => {
    const result = await gql(server, { anonymous: true }, SET_PLAN, {
      input: { email: "nobody@example.org", plan: "PAID" },
    });
    expect(result.data?.setUserPlan.__typename).toBe("ForbiddenError");
  });

  it("answers NotFoundError for an unknown e-mail address", async () => {
    const staff = await staffPerson("STAFF");
    const result = await gql(server, staff.caller, SET_PLAN, {
      input: { email: "no-such-person@example.org", plan: "PAID" },
    });
    expect(result.data?.setUserPlan).toMatchObject({ __typename: "NotFoundError" });
  });
});
