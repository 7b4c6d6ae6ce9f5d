import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newClientSecret } from "../src/core/secret/secret-value.js";
import { addMember, clientOwnedBy, type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let clientId: string;
let credentials: { clientId: string; clientSecret: string; domain: string };
let apiTokenOfViewer: string;
let stranger: GraphqlCaller;
let viewerMember: GraphqlCaller;
let domainId: string;
let ownerRoleId: string;

/** One representative mutation per area, each needing a permission that partner tooling does not have. */
const MUTATIONS: { name: string; query: string; input: () => Record<string, unknown> }[] = [
  { name: "renameClient", query: "renameClient", input: () => ({ clientId, name: "Renamed" }) },
  { name: "createDomain", query: "createDomain", input: () => ({ clientId, rootDomain: "new.example.com" }) },
  { name: "enableClientScope", query: "enableClientScope", input: () => ({ clientId, scopeKey: "userinfo" }) },
  { name: "createClientSecret", query: "createClientSecret", input: () => ({ clientId, label: "x" }) },
  {
    name: "createRole",
    query: "createRole",
    input: () => ({ clientId, name: "Support", key: "support", level: 5, permissions: ["USERS_READ"] }),
  },
  {
    name: "addMember",
    query: "addMember",
    input: () => ({ clientId, email: "nobody@example.org", roleId: ownerRoleId }),
  },
  {
    name: "requestVerification",
    query: "requestVerification",
    input: () => ({ clientId, domainIds: [domainId], scopeKeys: ["useraddresses"] }),
  },
];

const run = (caller: GraphqlCaller, mutation: (typeof MUTATIONS)[number]) =>
  gql(
    server,
    caller,
    `mutation M($input: ${inputType(mutation.name)}!) { ${mutation.query}(input: $input) { __typename ... on Error { message } } }`,
    { input: mutation.input() },
  );

function inputType(name: string): string {
  return name === "enableClientScope" ? "ClientScopeInput" : `${name.charAt(0).toUpperCase()}${name.slice(1)}Input`;
}

beforeAll(async () => {
  server = await startTestServer();
  const owner = await signedInPerson(server);
  clientId = await clientOwnedBy(server, owner, "Matrix");
  const domain = await server.db.domain.create({
    data: { clientId, rootDomain: "matrix.example", publicId: "dom_matrix", allowApi: true },
  });
  domainId = domain.id;
  ownerRoleId = (await server.db.role.findUniqueOrThrow({ where: { clientId_key: { clientId, key: "owner" } } })).id;
  const secret = newClientSecret();
  await server.db.clientSecret.create({
    data: {
      clientId,
      secretHash: secret.secretHash,
      prefix: secret.prefix,
      domainLinks: { create: [{ domainId }] },
    },
  });
  credentials = { clientId, clientSecret: secret.value, domain: "matrix.example" };
  const viewer = await signedInPerson(server);
  await addMember(server, clientId, viewer.user.id, "viewer");
  viewerMember = viewer.caller;
  const token = await gql(
    server,
    viewer.caller,
    `mutation { createApiToken(input: { label: "matrix", currentPassword: "correct horse battery" }) { ... on CreateApiTokenSuccess { data { value } } } }`,
  );
  apiTokenOfViewer = token.data?.createApiToken.data.value;
  stranger = (await signedInPerson(server)).caller;
});
afterAll(() => server.close());

describe("test/graphql-callers: every caller kind against every area", () => {
  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))(
    "%s: anonymous and strangers get NotFound, a viewer (session or API token) and client credentials get Forbidden",
    async (_name, mutation) => {
      const auditBefore = await server.db.auditEvent.count({ where: { clientId } });
      const answers = {
        anonymous: (await run({ anonymous: true }, mutation)).data?.[mutation.query].__typename,
        stranger: (await run(stranger, mutation)).data?.[mutation.query].__typename,
        viewerSession: (await run(viewerMember, mutation)).data?.[mutation.query].__typename,
        viewerToken: (await run({ bearer: apiTokenOfViewer }, mutation)).data?.[mutation.query].__typename,
        clientCredentials: (await run({ client: credentials }, mutation)).data?.[mutation.query].__typename,
      };
      expect(answers).toEqual({
        anonymous: "NotFoundError",
        stranger: "NotFoundError",
        viewerSession: "ForbiddenError",
        viewerToken: "ForbiddenError",
        clientCredentials: "ForbiddenError",
      });
      expect(await server.db.auditEvent.count({ where: { clientId } })).toBe(auditBefore);
      expect((await server.db.client.findUniqueOrThrow({ where: { id: clientId } })).name).toBe("Matrix");
    },
  );

  it("gives anonymous callers and strangers nothing to read", async () => {
    const query = `query C($id: ID!) { client(id: $id) { id } clients(first: 5) { edges { node { id } } } }`;
    for (const caller of [{ anonymous: true } as const, stranger]) {
      const result = await gql(server, caller, query, { id: clientId });
      expect(result.data).toEqual({ client: null, clients: { edges: [] } });
    }
  });
});
