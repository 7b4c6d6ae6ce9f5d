import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPE_CATALOGUE_ENTRIES } from "../src/seed/catalogue.js";
import { createPartner } from "./fixtures.js";
import { gql, signedInPerson } from "./graphql.js";
import { approveLogin, type Browser, callApi, LOGIN_REQUEST, startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CONNECTED_APPS = `{ viewer { connectedApps { id client { id } } } }`;
const REVOKE_CONSENT = `mutation C($input: RevokeConsentInput!) { revokeConsent(input: $input) { __typename } }`;
const LOGIN_SCOPES = `query L($token: String!) { loginRequest(token: $token) { __typename
  ... on LoginRequestSuccess { data { consentRequired scopes { key description } } } } }`;

type Partner = Awaited<ReturnType<typeof createPartner>>;
const redirect = "https://app.consent.example/cb";

async function signToken(partner: Partner): Promise<string> {
  const answer = await callApi(server, "/sign-token", partner.credentials, { redirect_url: redirect });
  expect(answer.status).toBe(200);
  return answer.body.data.token as string;
}

async function consentAsked(browser: Browser, token: string): Promise<boolean> {
  const answer = await browser.graphql<{ loginRequest: { data: { consentRequired: boolean } } }>(LOGIN_REQUEST, {
    token,
  });
  return answer.data?.loginRequest.data.consentRequired ?? false;
}

describe("test/consent-rules: consent is always asked without a live consent", () => {
  it("asks a person who never used a client with no scopes, then not again, and again after revoking", async () => {
    const partner = await createPartner(server.db, { rootDomain: "consent.example", scopes: [] });
    const person = await signedInPerson(server);

    const first = await signToken(partner);
    expect(await consentAsked(person.browser, first)).toBe(true);
    expect((await approveLogin(person.browser, first))?.__typename).toBe("CompleteLoginSuccess");
    const verified = await callApi(server, "/sign-token-verify", partner.credentials, { token: first });
    expect(verified.body.data.sub).toBe(person.user.sub);

    // A live consent (even with zero scopes) means the next login goes straight through.
    expect(await consentAsked(person.browser, await signToken(partner))).toBe(false);

    const apps = await gql(server, person.caller, CONNECTED_APPS);
    const app = apps.data?.viewer.connectedApps.find(
      (entry: { client: { id: string } }) => entry.client.id === partner.client.id,
    );
    const revoked = await gql(server, person.caller, REVOKE_CONSENT, { input: { consentId: app.id } });
    expect(revoked.data?.revokeConsent.__typename).toBe("RevokeConsentSuccess");

    // After revoking, the consent is not silently re-granted: the page asks, and the row stays revoked until a click.
    const afterRevoke = await signToken(partner);
    expect(await consentAsked(person.browser, afterRevoke)).toBe(true);
    const consent = await server.db.consent.findUniqueOrThrow({
      where: { userId_clientId: { userId: person.user.id, clientId: partner.client.id } },
    });
    expect(consent.revokedAt).not.toBeNull();
  });

  it("asks again after revoking a consent that granted scopes", async () => {
    const partner = await createPartner(server.db, { rootDomain: "consent.example", scopes: ["userinfo"] });
    const person = await signedInPerson(server);
    const token = await signToken(partner);
    expect((await approveLogin(person.browser, token))?.__typename).toBe("CompleteLoginSuccess");
    expect(await consentAsked(person.browser, await signToken(partner))).toBe(false);
    await server.db.consent.updateMany({ where: { userId: person.user.id }, data: { revokedAt: new Date() } });
    expect(await consentAsked(person.browser, await signToken(partner))).toBe(true);
  });
});

describe("test/consent-rules: the scope catalogue says exactly what each scope releases", () => {
  const PROFILE_FIELDS = [
    "name",
    "given_name",
    "family_name",
    "email",
    "email_verified",
    "picture",
    "birth_date",
    "gender",
    "second_email",
    "country",
    "socials",
  ];

  it.each(SCOPE_CATALOGUE_ENTRIES.map((entry) => [entry.key, entry] as const))(
    "%s: get/user/info and user/address release exactly the catalogue's fields, and the consent screen names them",
    async (key, entry) => {
      const partner = await createPartner(server.db, { rootDomain: "consent.example", scopes: [key], verified: true });
      const person = await signedInPerson(server);
      const country = await server.db.country.findFirstOrThrow({ where: { shortName: "NL" } });
      await server.db.user.update({
        where: { id: person.user.id },
        data: {
          givenName: "Ada",
          familyName: "Lovelace",
          picture: "https://pictures.example/ada.png",
          birthDate: new Date("1990-12-10T00:00:00Z"),
          gender: "female",
          secondEmail: "ada@second.example",
          countryId: country.id,
          socials: { create: [{ platform: "github", username: "ada", url: "https://github.com/ada" }] },
        },
      });
      const token = await signToken(partner);
      const screen = await person.browser.graphql<{
        loginRequest: { data: { scopes: { key: string; description: string }[] } };
      }>(LOGIN_SCOPES, { token });
      const shown = screen.data?.loginRequest.data.scopes.find((scope) => scope.key === key);
      for (const field of entry.fields) expect(shown?.description).toContain(field);
      for (const field of PROFILE_FIELDS.filter((name) => !entry.fields.includes(name as never))) {
        expect(shown?.description).not.toMatch(new RegExp(`\\b${field}\\b`));
      }

      expect((await approveLogin(person.browser, token))?.__typename).toBe("CompleteLoginSuccess");
      await callApi(server, "/sign-token-verify", partner.credentials, { token });
      const info = await callApi(server, "/get/user/info", partner.credentials, {
        sub: person.user.sub,
        socials: true,
      });
      expect(info.status).toBe(200);
      const user = info.body.data.user as Record<string, unknown>;
      const released = PROFILE_FIELDS.filter((field) => user[field] !== null && user[field] !== undefined);
      const address = await callApi(server, "/user/address", partner.credentials, {
        sub: person.user.sub,
        action: "list",
      });
      if (address.status === 200) released.push("addresses");
      expect(released.sort()).toEqual([...entry.fields].sort());
    },
  );
});
