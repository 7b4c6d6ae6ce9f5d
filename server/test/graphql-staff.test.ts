import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";
import { enrolTotp, staffPerson as staffWithSecondFactor } from "./staff.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SET_PLAN = `mutation P($input: SetUserPlanInput!) { setUserPlan(input: $input) { __typename
  ... on SetUserPlanSuccess { data { id email } } ... on Error { message } } }`;

const staffPerson = (role: "STAFF" | "ADMIN") => staffWithSecondFactor(server, role);

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

describe("test/graphql-staff: platform staff always need a second factor", () => {
  const QUEUE = `{ verificationQueue(first: 5) { edges { node { id } } } }`;
  const NEEDS = `{ viewer { staffNeedsSecondFactor } }`;
  const PROVIDERS = `{ upstreamProviders { __typename ... on UpstreamProvidersSuccess { data { slug } } ... on Error { message } } }`;

  it("gives a staff member without a second factor no staff powers, and all of them once they enrol", async () => {
    const target = await signedInPerson(server, { plan: "FREE" });
    const person = await signedInPerson(server);
    await server.db.user.update({ where: { id: person.user.id }, data: { platformRole: "ADMIN" } });

    expect((await gql(server, person.caller, NEEDS)).data?.viewer.staffNeedsSecondFactor).toBe(true);
    const refused = await gql(server, person.caller, SET_PLAN, { input: { email: target.email, plan: "PAID" } });
    expect(refused.data?.setUserPlan).toMatchObject({
      __typename: "ForbiddenError",
      message: expect.stringMatching(/two-step sign-in/),
    });
    expect((await server.db.user.findUniqueOrThrow({ where: { id: target.user.id } })).plan).toBe("FREE");
    const queue = await gql(server, person.caller, QUEUE);
    expect(queue.data?.verificationQueue ?? null).toBeNull();
    expect(queue.errors?.[0]?.message).toMatch(/Not authorized/i);
    const providers = await gql(server, person.caller, PROVIDERS);
    expect(providers.data?.upstreamProviders).toMatchObject({
      __typename: "ForbiddenError",
      message: expect.stringMatching(/two-step sign-in/),
    });

    await enrolTotp(person.browser);
    expect((await gql(server, person.caller, NEEDS)).data?.viewer.staffNeedsSecondFactor).toBe(false);
    const allowed = await gql(server, person.caller, SET_PLAN, { input: { email: target.email, plan: "PAID" } });
    expect(allowed.data?.setUserPlan.__typename).toBe("SetUserPlanSuccess");
    expect((await gql(server, person.caller, QUEUE)).data?.verificationQueue.edges).toEqual(expect.any(Array));
    expect((await gql(server, person.caller, PROVIDERS)).data?.upstreamProviders.__typename).toBe(
      "UpstreamProvidersSuccess",
    );
  });

  it("answers false for people who are not staff", async () => {
    const person = await signedInPerson(server);
    expect((await gql(server, person.caller, NEEDS)).data?.viewer.staffNeedsSecondFactor).toBe(false);
  });
});
