import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner } from "./fixtures.js";
import { clientOwnedBy, gql, signedInPerson } from "./graphql.js";
import { approveLogin, callApi, registeredBrowser, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const RESULT = `__typename ... on Error { message } ... on ValidationError { fieldErrors { field message } }`;
const CREATE = `mutation C($input: CreateDomainInput!) { createDomain(input: $input) { ${RESULT}
  ... on CreateDomainSuccess { data { id fallbackUri } } } }`;
const UPDATE = `mutation U($input: UpdateDomainInput!) { updateDomain(input: $input) { ${RESULT}
  ... on UpdateDomainSuccess { data { id fallbackUri } } } }`;
const ADD_URL = `mutation A($input: AddDomainUrlInput!) { addDomainUrl(input: $input) { ${RESULT} } }`;

const OFF_DOMAIN = "The fallback URI must be on shop.example (or a subdomain), or one of its callback URLs.";

describe("test/fallback-uri: a domain's fallback URI stays on the partner's domain", () => {
  it("accepts the domain, its subdomains and its callback URLs, and refuses anything else on create and update", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Fallback Co");
    const create = (fallbackUri: string) =>
      gql(server, owner.caller, CREATE, { input: { clientId, rootDomain: "shop.example", fallbackUri } });

    const evil = await create("https://evil.example/phish");
    expect(evil.data?.createDomain).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "fallbackUri", message: OFF_DOMAIN }],
    });
    const lookalike = await create("https://notshop.example/x");
    expect(lookalike.data?.createDomain.__typename).toBe("ValidationError");
    expect(await server.db.domain.count({ where: { clientId } })).toBe(0);

    const created = await create("https://login.shop.example/failed");
    expect(created.data?.createDomain).toMatchObject({
      __typename: "CreateDomainSuccess",
      data: { fallbackUri: "https://login.shop.example/failed" },
    });
    const domainId = created.data?.createDomain.data.id;
    const moved = await gql(server, owner.caller, UPDATE, {
      input: { domainId, fallbackUri: "https://evil.example/" },
    });
    expect(moved.data?.updateDomain).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ field: "fallbackUri", message: OFF_DOMAIN }],
    });
    expect((await server.db.domain.findUniqueOrThrow({ where: { id: domainId } })).fallbackUri).toBe(
      "https://login.shop.example/failed",
    );

    // A registered callback URL elsewhere is the partner's own choice, so it may be the fallback.
    const callback = "https://partner-app.example/return";
    const added = await gql(server, owner.caller, ADD_URL, { input: { domainId, kind: "CALLBACK", url: callback } });
    expect(added.data?.addDomainUrl.__typename).toBe("AddDomainUrlSuccess");
    const toCallback = await gql(server, owner.caller, UPDATE, { input: { domainId, fallbackUri: callback } });
    expect(toCallback.data?.updateDomain).toMatchObject({ data: { fallbackUri: callback } });
  });

  it("ignores a stored fallback URI that breaks the rule when the hosted page fails", async () => {
    const redirect_url = "http://localhost:4567/cb";
    const person = await registeredBrowser(server);
    const decline = async (fallbackUri: string) => {
      const partner = await createPartner(server.db, { rootDomain: "localhost", domain: { fallbackUri } });
      const signed = await callApi(server, "/sign-token", partner.credentials, { redirect_url });
      return approveLogin(person.browser, signed.body.data.token as string, false);
    };
    // An off-domain fallback is never followed: the browser returns to the app's own redirect_url instead.
    const offDomain = await decline("https://evil.example/phish");
    expect(offDomain).toMatchObject({ __typename: "LoginRequestError", code: "DECLINED" });
    expect(new URL(String(offDomain?.redirectUrl)).origin).toBe("http://localhost:4567");
    expect(new URL(String(offDomain?.redirectUrl)).pathname).toBe("/cb");
    const onDomain = await decline("http://localhost:4567/failed");
    expect(onDomain).toMatchObject({ __typename: "LoginRequestError", code: "DECLINED" });
    expect(new URL(String(onDomain?.redirectUrl)).pathname).toBe("/failed");
  });
});
