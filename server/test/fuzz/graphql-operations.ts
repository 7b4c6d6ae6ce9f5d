import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";
import { hostileText, hostileValue } from "./values.js";

/** Mutations that would end the fuzzer's own session or account; everything else is fuzzed. */
const SPARED = /^(signOut|deleteAccount|endSession|endOtherSessions|revokeSession|changePassword|resetPassword)/;

export type Operation = { name: string; kind: "query" | "mutation"; field: GraphQLField<unknown, unknown> };

/** Every query and mutation of the committed schema (server/schema.graphql). */
export function graphqlOperations(): Operation[] {
  const sdl = readFileSync(path.resolve(import.meta.dirname, "../../schema.graphql"), "utf8");
  const schema = buildSchema(sdl);
  const fields = (kind: "query" | "mutation") =>
    Object.values((kind === "query" ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {}).map(
      (field) => ({ name: field.name, kind, field }),
    );
  return [...fields("query"), ...fields("mutation")].filter((operation) => !SPARED.test(operation.name));
}

/** A value for an input type: mostly the right shape with hostile text inside, sometimes the wrong shape. */
function valueFor(type: GraphQLInputType, known: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, known, depth);
  if (isListType(type)) return fc.array(valueFor(type.ofType, known, depth + 1), { maxLength: 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const entries = Object.values(type.getFields()).map((field) => [
      field.name,
      valueFor(field.type, known, depth + 1),
    ]);
    return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] });
  }
  if (isScalarType(type)) {
    if (type.name === "Int") return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1));
    if (type.name === "Float") return fc.double();
    if (type.name === "Boolean") return fc.boolean();
    if (type.name === "DateTime") return fc.oneof(fc.constant("2030-01-01T00:00:00Z"), hostileText);
    // String and ID: real ids from the fixture half the time, so the resolvers get past "not found".
    const real = known.length ? fc.constantFrom(...known) : hostileText;
    return fc.oneof({ weight: 2, arbitrary: real }, { weight: 3, arbitrary: hostileText });
  }
  return hostileValue;
}

const selection = (operation: Operation) => (isLeafType(getNamedType(operation.field.type)) ? "" : " { __typename }");

export type GraphqlRequest = { operation: string; query: string; variables: Record<string, unknown> };

/**
 * One request per operation: arguments as variables (values of the wrong type included), or one
 * string argument inlined as a literal so the document's own text carries it.
 */
export function graphqlRequest(operations: Operation[], known: () => string[]): fc.Arbitrary<GraphqlRequest> {
  return fc.constantFrom(...operations).chain((operation) => {
    const args = operation.field.args;
    const variables = fc.record(
      Object.fromEntries(
        args.map((arg) => [
          arg.name,
          fc.oneof({ weight: 9, arbitrary: valueFor(arg.type, known()) }, { weight: 1, arbitrary: hostileValue }),
        ]),
      ) as Record<string, fc.Arbitrary<unknown>>,
    );
    return fc.tuple(variables, fc.boolean(), hostileText).map(([values, inline, text]) => {
      const stringArg = args.find((arg) => getNamedType(arg.type).name === "String");
      if (inline && stringArg) {
        const rest = args.filter((arg) => arg !== stringArg);
        const declared = rest.map((arg) => `$${arg.name}: ${arg.type}`).join(", ");
        const passed = [`${stringArg.name}: ${JSON.stringify(text)}`, ...rest.map((a) => `${a.name}: $${a.name}`)];
        return {
          operation: operation.name,
          query: `${operation.kind} F${declared ? `(${declared})` : ""} { ${operation.name}(${passed.join(", ")})${selection(operation)} }`,
          variables: Object.fromEntries(rest.map((arg) => [arg.name, values[arg.name]])),
        };
      }
      const declared = args.map((arg) => `$${arg.name}: ${arg.type}`).join(", ");
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
      return {
        operation: operation.name,
        query: `${operation.kind} F${declared ? `(${declared})` : ""} { ${operation.name}${passed ? `(${passed})` : ""}${selection(operation)} }`,
        variables: values,
      };
    });
  });
}
