import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

const SET_PUBLIC = `mutation P($input: SetClientOidcPublicInput!) { setClientOidcPublic(input: $input) {
  __typename ... on SetClientOidcPublicSuccess { data { id oidcPublic } } ... on Error { message } } }`;
const SET_BACKCHANNEL = `mutation B($input: SetClientBackchannelLogoutUriInput!) { setClientBackchannelLogoutUri(input: $input) {
  __typename ... on SetClientBackchannelLogoutUriSuccess { data { id backchannelLogoutUri } }
  ... on ValidationError { message fieldErrors { field message } } ... on Error { message } } }`;

describe("test/oidc-client-settings: the public-client switch and the back-channel logout URI", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  async function team() {
    const owner = await signedInPerson(server);
    const viewer = await signedInPerson(server);
    const stranger = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Settings Inc");
    await addMember(server, clientId, viewer.user.id, "viewer");
    await server.db.domain.create({ data: { clientId, rootDomain: "app.example", publicId: `pub${Date.now()}` } });
    await server.db.domain.create({
      data: { clientId, rootDomain: "gone.example", publicId: `gone${Date.now()}`, active: false },
    });
    return { owner, viewer, stranger, clientId };
  }

  it("lets members with client:update mark the client public, audited, and refuses everyone else", async () => {
    const { owner, viewer, stranger, clientId } = await team();
    const refused = await gql(server, viewer.caller, SET_PUBLIC, { input: { clientId, publicClient: true } });
    expect(refused.data?.setClientOidcPublic.__typename).toBe("ForbiddenError");
    const foreign = await gql(server, stranger.caller, SET_PUBLIC, { input: { clientId, publicClient: true } });
    expect(foreign.data?.setClientOidcPublic.__typename).toBe("NotFoundError");
    expect((await server.db.client.findUniqueOrThrow({ where: { id: clientId } })).oidcPublic).toBe(false);

    const on = await gql(server, owner.caller, SET_PUBLIC, { input: { clientId, publicClient: true } });
    expect(on.data?.setClientOidcPublic).toEqual({
      __typename: "SetClientOidcPublicSuccess",
      data: { id: clientId, oidcPublic: true },
    });
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { clientId, action: "client.oidc_public_changed" },
    });
    expect(event.actorUserId).toBe(owner.user.id);
    expect(JSON.parse(event.details ?? "{}")).toEqual({ before: { oidcPublic: false }, after: { oidcPublic: true } });
  });

  it("takes a back-channel URI only on an active domain of the client, audited, and clears it", async () => {
    const { owner, viewer, clientId } = await team();
    const set = (caller: typeof owner.caller, uri: string | null) =>
      gql(server, caller, SET_BACKCHANNEL, { input: { clientId, uri } });

    expect((await set(viewer.caller, "https://app.example/bc")).data?.setClientBackchannelLogoutUri.__typename).toBe(
      "ForbiddenError",
    );
    for (const uri of [
      "https://evil.example/bc",
      "https://gone.example/bc",
      "http://app.example/bc",
      "https://app.example/bc#x",
      "not a url",
    ]) {
      const refused = (await set(owner.caller, uri)).data?.setClientBackchannelLogoutUri;
      expect(refused.__typename, uri).toBe("ValidationError");
      expect(refused.fieldErrors[0].field).toBe("uri");
    }
    expect((await server.db.client.findUniqueOrThrow({ where: { id: clientId } })).backchannelLogoutUri).toBeNull();

    const ok = await set(owner.caller, " https://login.app.example/backchannel ");
    expect(ok.data?.setClientBackchannelLogoutUri).toEqual({
      __typename: "SetClientBackchannelLogoutUriSuccess",
      data: { id: clientId, backchannelLogoutUri: "https://login.app.example/backchannel" },
    });
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { clientId, action: "client.backchannel_logout_uri_changed" },
    });
    expect(JSON.parse(event.details ?? "{}")).toEqual({
      before: { backchannelLogoutUri: null },
      after: { backchannelLogoutUri: "https://login.app.example/backchannel" },
    });

    const cleared = await set(owner.caller, null);
    expect(cleared.data?.setClientBackchannelLogoutUri.data.backchannelLogoutUri).toBeNull();
  });
});
