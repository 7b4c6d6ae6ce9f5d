import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, PASSWORD, signedInPerson } from "./graphql.js";
import { Browser, SIGN_IN, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const THEME = `{ viewer { id theme } }`;
const SET = `mutation Set($input: SetThemeInput!) {
  setTheme(input: $input) { __typename ... on SetThemeSuccess { data { theme } } ... on Error { message } }
}`;

describe("test/theme-preference: the theme is remembered per account", () => {
  it("follows the device until chosen, then every signed-in browser of the account gets the choice", async () => {
    const person = await signedInPerson(server);
    expect((await gql(server, person.caller, THEME)).data?.viewer.theme).toBe("SYSTEM");
    const set = await gql(server, person.caller, SET, { input: { theme: "DARK" } });
    expect(set.data?.setTheme).toEqual({ __typename: "SetThemeSuccess", data: { theme: "DARK" } });

    const laptop = new Browser(server.baseUrl);
    await laptop.graphql(SIGN_IN, { input: { email: person.email, password: PASSWORD } });
    expect((await laptop.graphql<{ viewer: { theme: string } }>(THEME)).data?.viewer.theme).toBe("DARK");
    await gql(server, { browser: laptop }, SET, { input: { theme: "LIGHT" } });
    expect((await gql(server, person.caller, THEME)).data?.viewer.theme).toBe("LIGHT");
    const exported = await gql(server, person.caller, `{ viewer { dataExport } }`);
    expect(JSON.parse(exported.data?.viewer.dataExport).preferences).toEqual({ theme: "light", language: null });
  });

  it("is the person's own: nobody signed out, no other value", async () => {
    const anonymous = await gql(server, { anonymous: true }, SET, { input: { theme: "DARK" } });
    expect(anonymous.data?.setTheme.__typename).toBe("NotAuthenticatedError");
    const person = await signedInPerson(server);
    const wrong = await gql(server, person.caller, SET, { input: { theme: "BLUE" } });
    expect(wrong.errors?.[0]?.message).toMatch(/BLUE/);
    expect(await server.db.userPreference.count({ where: { userId: person.user.id } })).toBe(0);
  });
});
