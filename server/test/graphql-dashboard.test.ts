import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { newClientSecret } from "../src/core/secret/secret-value.js";
import { clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DASHBOARD = `query Dashboard($first: Int!) {
  clients(first: $first) {
    edges {
      node {
        id
        name
        myRoleLevel
        myPermissions
        domains { rootDomain allowLogin urls { url active } }
        scopes { enabled scope { key tier } }
        secretCount
      }
    }
  }
}`;

/** A client with two domains (one URL each), one enabled scope and two secrets. */
async function furnishedClient(owner: Awaited<ReturnType<typeof signedInPerson>>, n: number) {
  const clientId = await clientOwnedBy(server, owner, `Client ${String(n).padStart(2, "0")}`);
  const scope = await server.db.scope.findUniqueOrThrow({ where: { key: "userinfo" } });
  await server.db.clientScope.create({ data: { clientId, scopeId: scope.id } });
  for (const host of [`app${n}.example.com`, `shop${n}.example.com`]) {
    await server.db.domain.create({
      data: {
        clientId,
        rootDomain: host,
        publicId: newDomainPublicId(),
        urls: { create: [{ kind: "CALLBACK", url: `https://${host}/callback` }] },
      },
    });
  }
  for (let i = 0; i < 2; i++) {
    const secret = newClientSecret();
    await server.db.clientSecret.create({ data: { clientId, secretHash: secret.secretHash, prefix: secret.prefix } });
  }
}

async function statementsFor(caller: Awaited<ReturnType<typeof signedInPerson>>, first: number) {
  const before = server.sqlCount();
  const result = await gql(server, caller.caller, DASHBOARD, { first });
  expect(result.errors).toBeUndefined();
  return { statements: server.sqlCount() - before, edges: result.data?.clients.edges };
}

describe("test/graphql-dashboard: the clients dashboard runs a bounded number of SQL statements", () => {
  it("lists 50 clients with domains, URLs, scopes and secret counts in as many statements as 5 clients", async () => {
    const small = await signedInPerson(server);
    const large = await signedInPerson(server);
    for (let n = 0; n < 5; n++) await furnishedClient(small, n);
    for (let n = 0; n < 50; n++) await furnishedClient(large, n);

    const five = await statementsFor(small, 50);
    const fifty = await statementsFor(large, 50);
    expect(five.edges).toHaveLength(5);
    expect(fifty.edges).toHaveLength(50);
    expect(fifty.edges[7].node).toMatchObject({
      name: "Client 07",
      myRoleLevel: 100,
      domains: [
        { rootDomain: "app7.example.com", urls: [{ url: "https://app7.example.com/callback", active: true }] },
        { rootDomain: "shop7.example.com" },
      ],
      scopes: [{ enabled: true, scope: { key: "userinfo", tier: "BASIC" } }],
      secretCount: 2,
    });
    // No statement per client: the count does not grow with the number of clients.
    expect(fifty.statements).toBe(five.statements);
    expect(fifty.statements).toBeLessThanOrEqual(15);
  });
});
