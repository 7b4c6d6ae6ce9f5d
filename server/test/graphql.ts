import { newSub } from "../src/core/auth/crypto.js";
import { hashPassword } from "../src/core/auth/password.js";
import type { Plan } from "../src/generated/prisma/client.js";
import { Browser, type ClientHeaders, SIGN_IN, type TestServer } from "./harness.js";

/** How a GraphQL request authenticates: a signed-in browser, a Bearer token, client credentials, or nobody. */
export type GraphqlCaller = { browser: Browser } | { bearer: string } | { client: ClientHeaders } | { anonymous: true };

export type GraphqlResult<T> = {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert every value they use.
type AnyAnswer = Record<string, any>;

export async function gql<T = AnyAnswer>(
  server: Pick<TestServer, "baseUrl">,
  caller: GraphqlCaller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResult<T>> {
  if ("browser" in caller) return caller.browser.graphql<T>(query, variables);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if ("bearer" in caller) headers.authorization = `Bearer ${caller.bearer}`;
  if ("client" in caller) {
    headers["x-client-id"] = caller.client.clientId;
    headers["x-client-secret"] = caller.client.clientSecret;
    headers["x-client-domain"] = caller.client.domain;
  }
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

let people = 0;
export const PASSWORD = "correct horse battery";

export type Payload = { __typename: string } & Record<string, unknown>;

/** The payload of the top-level field `name` asked on `browser`; throws with the whole answer when there is none. */
export async function payloadOf(
  browser: Browser,
  query: string,
  name: string,
  variables: Record<string, unknown> = {},
) {
  const result = await browser.graphql<Record<string, Payload>>(query, variables);
  const payload = result.data?.[name];
  if (!payload) throw new Error(`no ${name}: ${JSON.stringify(result)}`);
  return payload;
}

/** A person created in the database and signed in through GraphQL; PAID by default so they may own clients. */
export async function signedInPerson(server: TestServer, options: { plan?: Plan; name?: string } = {}) {
  const email = `member${++people}-${Date.now()}@example.org`;
  const user = await server.db.user.create({
    data: {
      email,
      name: options.name ?? `Member ${people}`,
      sub: newSub(),
      passwordHash: await hashPassword(PASSWORD),
      plan: options.plan ?? "PAID",
    },
  });
  const browser = new Browser(server.baseUrl);
  const result = await browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, {
    input: { email, password: PASSWORD },
  });
  if (result.data?.signIn.__typename !== "SignInSuccess") throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
  return { user, browser, email, caller: { browser } as GraphqlCaller };
}

export const CREATE_CLIENT = `mutation CreateClient($input: CreateClientInput!) {
  createClient(input: $input) {
    __typename
    ... on CreateClientSuccess { data { id name verification myRoleLevel myPermissions } }
    ... on Error { message }
  }
}`;

/** A client created through the API by `owner`, who becomes its Owner. */
export async function clientOwnedBy(_server: TestServer, owner: { browser: Browser }, name = "Acme") {
  const result = await owner.browser.graphql<{ createClient: { __typename: string; data: { id: string } } }>(
    CREATE_CLIENT,
    {
      input: { name },
    },
  );
  if (result.data?.createClient.__typename !== "CreateClientSuccess")
    throw new Error(`createClient: ${JSON.stringify(result)}`);
  return result.data.createClient.data.id;
}

/** Adds `userId` to the client with a built-in role, straight in the database (the members API is tested on its own). */
export async function addMember(
  server: TestServer,
  clientId: string,
  userId: string,
  roleKey: "owner" | "admin" | "developer" | "viewer",
  expiresAt: Date | null = null,
) {
  const role = await server.db.role.findUniqueOrThrow({ where: { clientId_key: { clientId, key: roleKey } } });
  return server.db.member.create({ data: { clientId, userId, roleId: role.id, expiresAt } });
}
