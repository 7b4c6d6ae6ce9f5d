import { readFileSync } from "node:fs";
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF_SECOND_FACTOR_MESSAGE } from "../src/core/staff/staff-access.js";
import { type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";
import { enrolTotp } from "./staff.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// The committed schema is the served one (test/schema-drift), descriptions included.
const schema = buildSchema(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
const STAFF_ONLY = /^Platform staff only\b/;

type RootField = { operation: "query" | "mutation"; field: GraphQLField<unknown, unknown> };

function rootFields(): RootField[] {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (!query || !mutation) throw new Error("the schema has no Query or Mutation type");
  return [
    ...Object.values(query.getFields()).map((field) => ({ operation: "query" as const, field })),
    ...Object.values(mutation.getFields()).map((field) => ({ operation: "mutation" as const, field })),
  ];
}

/** A value of the right shape for a required argument or input field (which a service may then refuse). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return Object.fromEntries(fields.map((field) => [field.name, sample(field.type)]));
  }
  switch (getNamedType(type).name) {
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return true;
    case "DateTime":
      return new Date(Date.now() + 86_400_000).toISOString();
    default:
      return "staff-powers-sample";
  }
}

const errorType = (type: GraphQLObjectType) => type.getInterfaces().some((face) => face.name === "Error");

/** The request for one root field with sample arguments, selecting its type name (and message, for errors). */
function request({ operation, field }: RootField) {
  const required = field.args.filter(
    (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined,
  );
  const variables = Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)]));
  const declared = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const named = getNamedType(field.type);
  const hasErrors = isUnionType(named) && named.getTypes().some(errorType);
  const selection =
    isObjectType(named) || isUnionType(named) || isInterfaceType(named)
      ? `{ __typename ${hasErrors ? "... on Error { message }" : ""} }`
      : "";
  const query = `${operation} Probe${declared ? `(${declared})` : ""} { ${field.name}${passed ? `(${passed})` : ""} ${selection} }`;
  return { query, variables };
}

type Outcome = { refused: boolean; reason: string };

/** Whether the caller got what the field gives, or a refusal (a typed error or a GraphQL error), and why. */
async function probe(caller: GraphqlCaller, root: RootField): Promise<Outcome> {
  const { query, variables } = request(root);
  const answer = await gql(server, caller, query, variables);
  if (answer.errors?.length) return { refused: true, reason: answer.errors.map((error) => error.message).join("; ") };
  const value = answer.data?.[root.field.name] as { __typename?: string; message?: string } | null | undefined;
  if (value === null || value === undefined) return { refused: true, reason: "null" };
  const typename = typeof value === "object" && !Array.isArray(value) ? value.__typename : undefined;
  const type = typename ? schema.getType(typename) : undefined;
  if (isObjectType(type) && errorType(type)) return { refused: true, reason: `${typename}: ${value.message}` };
  return { refused: false, reason: typename ?? "answered" };
}

/** A FREE-plan person with the STAFF role (no second factor yet), and an ordinary FREE-plan person beside them. */
async function staffAndOrdinary() {
  const staff = await signedInPerson(server, { plan: "FREE" });
  await server.db.user.update({ where: { id: staff.user.id }, data: { platformRole: "STAFF" } });
  const ordinary = await signedInPerson(server, { plan: "FREE" });
  return { staff, ordinary };
}

/** Ends the caller's own session: no staff power in it, and probing it would sign the probe out. */
const SELF_ENDING = new Set(["signOut"]);

describe("test/staff-powers: every staff power needs the staff member's second factor", () => {
  it("refuses each field the schema marks staff-only to staff without a second factor, and not once they enrol", async () => {
    const marked = rootFields().filter((root) => STAFF_ONLY.test(root.field.description ?? ""));
    // The marker is how staff-only fields are found; the known ones must carry it.
    expect(marked.map((root) => root.field.name)).toEqual(
      expect.arrayContaining([
        "setUserPlan",
        "setVerifiedScopesPerRequest",
        "addCatalogueScope",
        "approveVerification",
        "rejectVerification",
        "revokeVerification",
        "verifyDomainOwnership",
        "createUpstreamProvider",
        "updateUpstreamProvider",
        "deleteUpstreamProvider",
        "verificationQueue",
        "domainsAwaitingOwnership",
        "upstreamProviders",
      ]),
    );
    const { staff } = await staffAndOrdinary();
    const without: Record<string, Outcome> = {};
    for (const root of marked) without[root.field.name] = await probe(staff.caller, root);
    for (const [name, outcome] of Object.entries(without)) {
      // The typed refusal names the missing second factor; a scope-guarded query answers "Not authorized".
      const staffRefusal =
        outcome.reason === `ForbiddenError: ${STAFF_SECOND_FACTOR_MESSAGE}` ||
        outcome.reason.startsWith("Not authorized");
      expect({ name, ...outcome, staffRefusal }).toEqual({
        name,
        refused: true,
        reason: outcome.reason,
        staffRefusal: true,
      });
    }
    expect(await server.db.auditEvent.count({ where: { actorUserId: staff.user.id } })).toBe(0);

    // The same requests once the staff member has a second factor: whatever they answer, it is not that refusal.
    await enrolTotp(staff.browser);
    for (const root of marked) {
      const outcome = await probe(staff.caller, root);
      expect({ name: root.field.name, reason: outcome.reason }).not.toEqual({
        name: root.field.name,
        reason: without[root.field.name]?.reason,
      });
    }
  });

  it("gives a staff member without a second factor nothing an ordinary person is refused, on any field", async () => {
    const { staff, ordinary } = await staffAndOrdinary();
    const differing: { name: string; staff: Outcome; ordinary: Outcome }[] = [];
    for (const root of rootFields()) {
      if (SELF_ENDING.has(root.field.name)) continue;
      const [asStaff, asOrdinary] = [await probe(staff.caller, root), await probe(ordinary.caller, root)];
      if (asStaff.refused !== asOrdinary.refused)
        differing.push({ name: root.field.name, staff: asStaff, ordinary: asOrdinary });
    }
    expect(differing).toEqual([]);
    // Creating a client as staff (not by plan) is a staff power: refused without the factor, allowed with it.
    const created = await gql(server, staff.caller, CREATE_CLIENT, { input: { name: "Staff-made" } });
    expect(created.data?.createClient).toEqual({ __typename: "ForbiddenError", message: STAFF_SECOND_FACTOR_MESSAGE });
    expect(await server.db.client.count({ where: { ownerId: staff.user.id } })).toBe(0);
    await enrolTotp(staff.browser);
    const allowed = await gql(server, staff.caller, CREATE_CLIENT, { input: { name: "Staff-made" } });
    expect(allowed.data?.createClient.__typename).toBe("CreateClientSuccess");
  });
});

const CREATE_CLIENT = `mutation C($input: CreateClientInput!) {
  createClient(input: $input) { __typename ... on Error { message } }
}`;
