import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

const SET = `mutation P($input: SetClientPairwiseSubjectsInput!) { setClientPairwiseSubjects(input: $input) {
  __typename ... on SetClientPairwiseSubjectsSuccess { data { id pairwiseSubjects } } ... on Error { message } } }`;

describe("test/oidc-pairwise-setting: the pairwise switch of a client", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it("lets members with client:update switch pairwise subjects, audited, and refuses everyone else", async () => {
    const owner = await signedInPerson(server);
    const viewer = await signedInPerson(server);
    const stranger = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Pairwise Inc");
    await addMember(server, clientId, viewer.user.id, "viewer");

    const refused = await gql(server, viewer.caller, SET, { input: { clientId, pairwise: true } });
    expect(refused.data?.setClientPairwiseSubjects.__typename).toBe("ForbiddenError");
    const foreign = await gql(server, stranger.caller, SET, { input: { clientId, pairwise: true } });
    expect(foreign.data?.setClientPairwiseSubjects.__typename).toBe("NotFoundError");
    expect((await server.db.client.findUniqueOrThrow({ where: { id: clientId } })).subjectType).toBe("PUBLIC");

    const on = await gql(server, owner.caller, SET, { input: { clientId, pairwise: true } });
    expect(on.data?.setClientPairwiseSubjects).toEqual({
      __typename: "SetClientPairwiseSubjectsSuccess",
      data: { id: clientId, pairwiseSubjects: true },
    });
    expect((await server.db.client.findUniqueOrThrow({ where: { id: clientId } })).subjectType).toBe("PAIRWISE");
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { clientId, action: "client.subject_type_changed" },
    });
    expect(event.actorUserId).toBe(owner.user.id);
    expect(JSON.parse(event.details ?? "{}")).toEqual({
      before: { subjectType: "PUBLIC" },
      after: { subjectType: "PAIRWISE" },
    });

    const off = await gql(server, owner.caller, SET, { input: { clientId, pairwise: false } });
    expect(off.data?.setClientPairwiseSubjects.data.pairwiseSubjects).toBe(false);
  });
});
