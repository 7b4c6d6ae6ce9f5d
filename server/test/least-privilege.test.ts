import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newDomainPublicId } from "../src/core/domain/domain-id.js";
import { newClientSecret } from "../src/core/secret/secret-value.js";
import { addMember, clientOwnedBy, type GraphqlCaller, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CLIENT_CONFIGURATION = `query C($id: ID!) {
  client(id: $id) {
    name
    members { user { name email } }
    domains { rootDomain serverIp urls { kind url } }
    verificationRequests { notes reviewNote }
  }
}`;

type Configuration = {
  name: string;
  members: { user: { name: string; email: string | null } }[];
  domains: { rootDomain: string; serverIp: string | null; urls: { kind: string; url: string }[] }[];
  verificationRequests: { notes: string | null; reviewNote: string | null }[];
};

/** A client with a team, an IP allowlist, a callback and a webhook URL, a verification request and working credentials. */
async function configuredClient() {
  const owner = await signedInPerson(server, { name: "Olivia Owner" });
  const clientId = await clientOwnedBy(server, owner, "Least Privilege Inc");
  const domain = await server.db.domain.create({
    data: {
      clientId,
      rootDomain: "least.example",
      publicId: newDomainPublicId(),
      // The test server is on loopback, so the allowlist lets the partner's own calls in.
      serverIp: "203.0.113.7, 127.0.0.1, ::1",
      allowApi: true,
      allowLogin: true,
      urls: {
        create: [
          { kind: "CALLBACK", url: "https://least.example/callback" },
          { kind: "WEBHOOK", url: "https://hooks.least.example/gatehouse" },
        ],
      },
    },
  });
  const secret = newClientSecret();
  await server.db.clientSecret.create({
    data: {
      clientId,
      secretHash: secret.secretHash,
      prefix: secret.prefix,
      domainLinks: { create: [{ domainId: domain.id }] },
    },
  });
  await server.db.verificationRequest.create({
    data: { clientId, notes: "Chamber of commerce 12345678", reviewNote: "Waiting for the KvK extract" },
  });
  const viewer = await signedInPerson(server, { name: "Victor Viewer" });
  await addMember(server, clientId, viewer.user.id, "viewer");
  const developer = await signedInPerson(server, { name: "Dana Developer" });
  await addMember(server, clientId, developer.user.id, "developer");
  const credentials = { clientId, clientSecret: secret.value, domain: "least.example" };
  return { clientId, owner, viewer, developer, credentials };
}

async function configurationAs(caller: GraphqlCaller, clientId: string) {
  const answer = await gql<{ client: Configuration | null }>(server, caller, CLIENT_CONFIGURATION, { id: clientId });
  // Hidden parts are simply absent: no error entries a page would have to explain.
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  if (!answer.data?.client) throw new Error(`no client: ${JSON.stringify(answer)}`);
  return answer.data.client;
}

describe("test/least-privilege: each sensitive part of a client needs the permission that changes it", () => {
  it("the owner sees the whole configuration", async () => {
    const setup = await configuredClient();
    const seen = await configurationAs(setup.owner.caller, setup.clientId);
    expect(seen.members.map((member) => member.user.email).sort()).toEqual(
      [setup.owner.email, setup.viewer.email, setup.developer.email].sort(),
    );
    expect(seen.domains).toEqual([
      {
        rootDomain: "least.example",
        // The test server is on loopback, so the allowlist lets the partner's own calls in.
        serverIp: "203.0.113.7, 127.0.0.1, ::1",
        urls: [
          { kind: "CALLBACK", url: "https://least.example/callback" },
          { kind: "WEBHOOK", url: "https://hooks.least.example/gatehouse" },
        ],
      },
    ]);
    expect(seen.verificationRequests).toEqual([
      { notes: "Chamber of commerce 12345678", reviewNote: "Waiting for the KvK extract" },
    ]);
  });

  it("a Viewer sees team names, domains and callback URLs, but no e-mails, allowlist, webhooks or verification", async () => {
    const setup = await configuredClient();
    const seen = await configurationAs(setup.viewer.caller, setup.clientId);
    expect(seen.members.map((member) => member.user).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "Dana Developer", email: null },
      { name: "Olivia Owner", email: null },
      { name: "Victor Viewer", email: null },
    ]);
    expect(seen.domains).toEqual([
      {
        rootDomain: "least.example",
        serverIp: null,
        urls: [{ kind: "CALLBACK", url: "https://least.example/callback" }],
      },
    ]);
    expect(seen.verificationRequests).toEqual([]);
  });

  it("a Developer manages domains, so sees the allowlist and webhooks, but not e-mails or verification", async () => {
    const setup = await configuredClient();
    const seen = await configurationAs(setup.developer.caller, setup.clientId);
    expect(seen.members.every((member) => member.user.email === null)).toBe(true);
    expect(seen.domains[0]?.serverIp).toBe("203.0.113.7, 127.0.0.1, ::1");
    expect(seen.domains[0]?.urls.map((url) => url.kind)).toEqual(["CALLBACK", "WEBHOOK"]);
    expect(seen.verificationRequests).toEqual([]);
  });

  it("client credentials see no team, no allowlist, no webhooks and no verification requests", async () => {
    const setup = await configuredClient();
    const seen = await configurationAs({ client: setup.credentials }, setup.clientId);
    expect(seen.name).toBe("Least Privilege Inc");
    expect(seen.members).toEqual([]);
    expect(seen.domains).toEqual([
      {
        rootDomain: "least.example",
        serverIp: null,
        urls: [{ kind: "CALLBACK", url: "https://least.example/callback" }],
      },
    ]);
    expect(seen.verificationRequests).toEqual([]);
  });
});
