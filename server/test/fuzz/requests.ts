import fc from "fast-check";
import { type DoorCase, doorCase } from "./doors.js";
import { type GraphqlRequest, graphqlOperations, graphqlRequest } from "./graphql-operations.js";
import { hostileValue } from "./values.js";

export type ApiCase = { kind: "api"; path: string; body: Record<string, unknown>; credentials: boolean };
export type GraphqlCase = { kind: "graphql"; request: GraphqlRequest; caller: "owner" | "anonymous" | "client" };
export type KeepAliveCase = { kind: "keep-alive"; oversize: number; chunked: boolean; followUps: number };
export type HostCase = { kind: "host"; host: string; path: string; extraHeader: string | null };
/** A burst of concurrent creates against one count limit (see core/count-limits.ts). */
export type LimitCase = { kind: "limit"; concurrent: number; target: "address" | "secret" | "domain" | "url" };
export type FuzzCase = ApiCase | GraphqlCase | KeepAliveCase | HostCase | LimitCase | DoorCase;

/** Well-formed partner bodies; the fuzzer replaces one field (or one address field) with a hostile value. */
const BASES: { path: string; body: (sub: string) => Record<string, unknown> }[] = [
  { path: "/sign-token", body: () => ({ redirect_url: "https://fuzz-partner.example/cb", email: "a@b.example" }) },
  { path: "/sign-token-verify", body: () => ({ token: "t".repeat(43) }) },
  { path: "/get/user/info", body: (sub) => ({ sub, socials: true }) },
  { path: "/get/user/address", body: (sub) => ({ sub, action: "list" }) },
  {
    path: "/user/address",
    body: (sub) => ({
      sub,
      action: "create",
      address: {
        street: "Damrak",
        house_number: "1",
        city: "Amsterdam",
        country: "NL",
        postal_code: "1012 LG",
        name: "Home",
      },
    }),
  },
  { path: "/user/address", body: (sub) => ({ sub, action: "update", address_id: "x", address: { city: "Delft" } }) },
];

const apiCase = (sub: () => string): fc.Arbitrary<ApiCase> =>
  fc
    .tuple(fc.constantFrom(...BASES), fc.nat(), hostileValue, fc.boolean(), fc.nat({ max: 9 }))
    .map(([base, pick, value, deep, credentialsRoll]) => {
      const body = base.body(sub());
      const address = body.address as Record<string, unknown> | undefined;
      const target = deep && address ? address : body;
      const keys = Object.keys(target);
      target[keys[pick % keys.length] ?? "x"] = value;
      return { kind: "api" as const, path: base.path, body, credentials: credentialsRoll > 0 };
    });

const MALFORMED_HOSTS = [
  "localhost:{port}, evil.example",
  "local host",
  "[::1",
  "a:b:c",
  "",
  "ex ample.com:80",
  "é.example",
];
const hostCase: fc.Arbitrary<HostCase> = fc.record({
  kind: fc.constant("host" as const),
  host: fc.oneof(
    fc.constantFrom(...MALFORMED_HOSTS),
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
    // Userinfo and percent escapes in front of a host the URL parser accepts: "}%x@0 ", "a%zz@localhost".
    fc
      .tuple(
        fc.string({ unit: fc.constantFrom("a", "%", "}", ":", "z", " ", "@"), maxLength: 6 }),
        fc.constantFrom("localhost", "0", "127.0.0.1", "[::1]", "localhost:1"),
        fc.constantFrom("", " ", "%41", "."),
      )
      .map(([userinfo, host, tail]) => `${userinfo}@${host}${tail}`),
  ),
  path: fc.constantFrom("/api/info", "/api/sign-token", "/api/nope", "/api\\info", "/graphql"),
  extraHeader: fc.oneof(
    fc.constant(null),
    fc.constantFrom(
      "X-Client-Id: a\u0001b",
      "Content-Length: -1",
      "Transfer-Encoding: bogus",
      `X-Long: ${"a".repeat(20_000)}`,
    ),
  ),
});

/** Every kind of hostile request, weighted towards the cheap single requests. */
export function fuzzCases(knownIds: () => string[], sub: () => string, bodyLimit: number): fc.Arbitrary<FuzzCase> {
  const operations = graphqlOperations();
  return fc.oneof(
    { weight: 10, arbitrary: apiCase(sub) },
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant("graphql" as const),
        request: graphqlRequest(operations, knownIds),
        caller: fc.constantFrom("owner" as const, "owner" as const, "anonymous" as const, "client" as const),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("keep-alive" as const),
        oversize: fc.integer({ min: bodyLimit + 1, max: bodyLimit * 20 }),
        chunked: fc.boolean(),
        followUps: fc.integer({ min: 1, max: 4 }),
      }),
    },
    { weight: 2, arbitrary: hostCase },
    { weight: 6, arbitrary: doorCase },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("limit" as const),
        concurrent: fc.integer({ min: 21, max: 30 }),
        target: fc.constantFrom("address" as const, "secret" as const, "domain" as const, "url" as const),
      }),
    },
  );
}
