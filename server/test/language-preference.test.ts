import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, PASSWORD, signedInPerson } from "./graphql.js";
import { Browser, SIGN_IN, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const LANGUAGE = `{ viewer { id language theme } }`;
const SET = `mutation Set($input: SetLanguageInput!) {
  setLanguage(input: $input) { __typename ... on SetLanguageSuccess { data { language } } ... on Error { message } }
}`;

describe("test/language-preference: the language is remembered per account", () => {
  it("follows the browser until chosen, then every signed-in browser of the account speaks it", async () => {
    const person = await signedInPerson(server);
    expect((await gql(server, person.caller, LANGUAGE)).data?.viewer.language).toBeNull();
    const set = await gql(server, person.caller, SET, { input: { language: "NL" } });
    expect(set.data?.setLanguage).toEqual({ __typename: "SetLanguageSuccess", data: { language: "NL" } });

    const laptop = new Browser(server.baseUrl);
    await laptop.graphql(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
    const onLaptop = await laptop.graphql<{ viewer: { language: string; theme: string } }>(LANGUAGE);
    expect(onLaptop.data?.viewer).toMatchObject({ language: "NL", theme: "SYSTEM" });
    const exported = await gql(server, person.caller, `{ viewer { dataExport } }`);
    expect(JSON.parse(exported.data?.viewer.dataExport).preferences).toEqual({ theme: "system", language: "nl" });

    // Back to the browser's languages; the theme chosen meanwhile stays.
    await gql(server, { browser: laptop }, `mutation { setTheme(input: { theme: DARK }) { __typename } }`);
    const reset = await gql(server, person.caller, SET, { input: { language: null } });
    expect(reset.data?.setLanguage).toEqual({ __typename: "SetLanguageSuccess", data: { language: null } });
    expect((await gql(server, person.caller, LANGUAGE)).data?.viewer).toMatchObject({ language: null, theme: "DARK" });
  });

  it("is the person's own: nobody signed out, no other language", async () => {
    const anonymous = await gql(server, { anonymous: true }, SET, { input: { language: "NL" } });
    expect(anonymous.data?.setLanguage.__typename).toBe("NotAuthenticatedError");
    const person = await signedInPerson(server);
    const wrong = await gql(server, person.caller, SET, { input: { language: "DE" } });
    expect(wrong.errors?.[0]?.message).toMatch(/DE/);
    expect(await server.db.userPreference.count({ where: { userId: person.user.id } })).toBe(0);
  });
});
