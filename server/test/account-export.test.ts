import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMAT } from "../src/core/account/export.service.js";
import { createPartner } from "./fixtures.js";
import { addMember, clientOwnedBy, gql, PASSWORD, signedInPerson } from "./graphql.js";
import { approveLogin, Browser, callApi, startTestServer, type TestServer } from "./harness.js";
import { SoftAuthenticator } from "./passkey-authenticator.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const EXPORT = `query { viewer { dataExport } }`;
const at = (value: unknown) => expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown as typeof value;

describe("test/account-export: export my data", () => {
  it("holds everything about a person with data in every table, and nothing secret", async () => {
    const person = await signedInPerson(server, { name: "Ada Lovelace" });
    const profile = await gql(server, person.caller, UPDATE_PROFILE, {
      input: {
        givenName: "Ada",
        familyName: "Lovelace",
        gender: "female",
        birthDate: "1915-12-10T00:00:00.000Z",
        countryCode: "GBR",
        secondEmail: "ada.second@example.net",
      },
    });
    expect(profile.data?.updateProfile.__typename).toBe("UpdateProfileSuccess");
    // A partner she logged in to through the hosted page, with an address it stored for her.
    const partner = await createPartner(server.db, { scopes: ["userinfo", "useraddresses"], verified: true });
    const signToken = await callApi(server, "/sign-token", partner.credentials, {
      redirect_url: "https://example.com/callback",
    });
    const token = String(signToken.body.data.token);
    expect((await approveLogin(person.browser, token))?.__typename).toBe("CompleteLoginSuccess");
    expect((await callApi(server, "/sign-token-verify", partner.credentials, { token })).status).toBe(200);
    const address = await callApi(server, "/user/address", partner.credentials, {
      sub: person.user.sub,
      action: "create",
      address: { type: "billing", street: "St James's Square 12", city: "London", country: "GB", phone: "+44 20 1" },
    });
    expect(address.status).toBe(200);
    await server.db.social.create({
      data: { userId: person.user.id, platform: "github", username: "ada", url: "https://github.com/ada" },
    });
    await server.db.upstreamIdentity.create({
      data: {
        userId: person.user.id,
        providerSlug: "google",
        issuer: "https://accounts.google.com",
        subject: "10769150350006150715113082367",
        email: "ada@gmail.example",
      },
    });
    const scope = await server.db.scope.findUniqueOrThrow({ where: { key: "useraddresses" } });
    await server.db.accessRequest.create({
      data: {
        clientId: partner.client.id,
        userId: person.user.id,
        message: "Test our app",
        scopes: { create: [{ scopeId: scope.id }] },
      },
    });
    const created = await gql(server, person.caller, CREATE_TOKEN, {
      input: { label: "laptop", currentPassword: PASSWORD },
    });
    const tokenValue = created.data?.createApiToken.data.value as string;
    const options = await gql(server, person.caller, START_PASSKEY);
    const device = new SoftAuthenticator(server.baseUrl);
    const { response: attestation, credential } = device.create(options.data?.startPasskeyRegistration.data as string);
    const registered = await gql(server, person.caller, FINISH_PASSKEY, {
      input: { response: attestation, name: "Laptop" },
    });
    expect(registered.data?.finishPasskeyRegistration.__typename).toBe("FinishPasskeyRegistrationSuccess");
    // Used once to sign in, so the export has its last use.
    const laptop = new Browser(server.baseUrl);
    const signIn = await laptop.graphql<{ startPasskeySignIn: string }>(`mutation { startPasskeySignIn }`);
    const used = await laptop.graphql<{ finishPasskeySignIn: { __typename: string } }>(FINISH_PASSKEY_SIGN_IN, {
      input: { response: device.get(signIn.data?.startPasskeySignIn ?? "", credential) },
    });
    expect(used.data?.finishPasskeySignIn.__typename).toBe("FinishPasskeySignInSuccess");
    const ownClientId = await clientOwnedBy(server, person, "Analytical Engines");
    const teamOwner = await signedInPerson(server);
    const team = { client: { id: await clientOwnedBy(server, teamOwner, "Babbage & Co"), name: "Babbage & Co" } };
    await addMember(server, team.client.id, person.user.id, "developer");

    const answer = await gql(server, person.caller, EXPORT);
    expect(answer.errors).toBeUndefined();
    const text = answer.data?.viewer.dataExport as string;
    const data = JSON.parse(text);
    // Secrets are never exported: no hash, no token value, no password.
    const user = await server.db.user.findUniqueOrThrow({ where: { id: person.user.id } });
    for (const secret of [user.passwordHash, tokenValue, PASSWORD]) expect(text).not.toContain(secret);
    const hashes = await server.db.session.findMany({ where: { userId: user.id }, select: { tokenHash: true } });
    for (const { tokenHash } of hashes) expect(text).not.toContain(tokenHash);
    // A passkey is named by its credential id; its public key and signature counter stay out.
    const passkey = await server.db.passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(text).not.toContain(passkey.publicKey);
    expect(text).not.toContain(passkey.publicKey.slice(0, 40));

    expect(data).toMatchObject({ format: EXPORT_FORMAT, exportedAt: at("") });
    expect(data.profile).toEqual({
      sub: user.sub,
      email: person.email,
      emailVerified: false,
      name: "Ada Lovelace",
      givenName: "Ada",
      familyName: "Lovelace",
      picture: null,
      birthDate: "1915-12-10",
      gender: "female",
      secondEmail: "ada.second@example.net",
      country: "GB",
      plan: "PAID",
      platformRole: "USER",
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    });
    expect(data.addresses).toEqual([
      expect.objectContaining({
        type: "billing",
        street: "St James's Square 12",
        city: "London",
        phone: "+44 20 1",
        country: "GB",
        id: address.body.data.address && (address.body.data.address as { id: number }).id,
      }),
    ]);
    expect(data.linkedProviders).toEqual([
      { platform: "github", username: "ada", url: "https://github.com/ada", linkedAt: at("") },
    ]);
    expect(data.signInProviders).toEqual([
      {
        provider: "google",
        issuer: "https://accounts.google.com",
        subject: "10769150350006150715113082367",
        email: "ada@gmail.example",
        linkedAt: at(""),
        lastUsedAt: null,
      },
    ]);
    expect(data.passkeys).toEqual([
      {
        name: "Laptop",
        credentialId: credential.id.toString("base64url"),
        transports: ["internal"],
        backedUp: false,
        createdAt: passkey.createdAt.toISOString(),
        lastUsedAt: passkey.lastUsedAt?.toISOString(),
      },
    ]);
    expect(Object.keys(data.passkeys[0])).not.toContain("publicKey");
    expect(Object.keys(data.passkeys[0])).not.toContain("counter");
    expect(data.consents).toEqual([
      {
        client: { id: partner.client.id, name: partner.client.name },
        scopes: ["useraddresses", "userinfo"],
        grantedAt: at(""),
        updatedAt: at(""),
        revokedAt: null,
      },
    ]);
    expect(data.appLogins).toEqual([
      {
        client: { id: partner.client.id, name: partner.client.name },
        firstLoginAt: at(""),
        lastLoginAt: at(""),
        loginCount: 1,
        testUser: false,
      },
    ]);
    expect(data.sessions).toHaveLength(hashes.length);
    expect(data.sessions[0]).toEqual({
      ip: expect.any(String),
      userAgent: expect.any(String),
      createdAt: at(""),
      lastSeenAt: at(""),
      expiresAt: at(""),
    });
    expect(data.apiTokens).toEqual([
      {
        label: "laptop",
        prefix: expect.any(String),
        createdAt: at(""),
        expiresAt: at(""),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(tokenValue.startsWith(data.apiTokens[0].prefix)).toBe(true);
    expect(data.accessRequests).toEqual([
      {
        client: { id: partner.client.id, name: partner.client.name },
        kind: "ACCESS",
        status: "PENDING",
        message: "Test our app",
        scopes: ["useraddresses"],
        createdAt: at(""),
        respondedAt: null,
      },
    ]);
    expect(data.memberships).toEqual(
      expect.arrayContaining([
        {
          client: { id: ownClientId, name: "Analytical Engines" },
          role: { key: "owner", name: "Owner" },
          expiresAt: null,
          since: at(""),
        },
        {
          client: { id: team.client.id, name: team.client.name },
          role: { key: "developer", name: "Developer" },
          expiresAt: null,
          since: at(""),
        },
      ]),
    );
    expect(data.memberships).toHaveLength(2);
    expect(data.ownedClients).toEqual([{ id: ownClientId, name: "Analytical Engines" }]);
    const actions = data.auditEvents.map((event: { action: string }) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(["profile.updated", "consent.granted", "apiToken.created", "client.created"]),
    );
    const profileEvent = data.auditEvents.find((event: { action: string }) => event.action === "profile.updated");
    expect(profileEvent).toMatchObject({ byYou: true, targetId: user.id, details: { after: { gender: "female" } } });
    // Exactly the events by or about her: someone else's profile change is not in it.
    const stranger = await signedInPerson(server);
    await gql(server, stranger.caller, UPDATE_PROFILE, { input: { gender: "male" } });
    const again = JSON.parse((await gql(server, person.caller, EXPORT)).data?.viewer.dataExport as string);
    expect(again.auditEvents).toHaveLength(
      await server.db.auditEvent.count({ where: { OR: [{ actorUserId: user.id }, { targetId: user.id }] } }),
    );
    expect(JSON.stringify(again.auditEvents)).not.toContain(stranger.user.id);
  });

  it("is the viewer's own only: not through an API token, not anonymously", async () => {
    const person = await signedInPerson(server);
    const created = await gql(server, person.caller, CREATE_TOKEN, {
      input: { label: "cli", currentPassword: PASSWORD },
    });
    const bearer = created.data?.createApiToken.data.value as string;
    const byToken = await gql(server, { bearer }, EXPORT);
    expect(byToken.data?.viewer?.dataExport ?? null).toBeNull();
    expect(byToken.errors?.length).toBeGreaterThan(0);
    const anonymous = await gql(server, { anonymous: true }, EXPORT);
    expect(anonymous.data?.viewer).toBeNull();
  });
});

const START_PASSKEY = `mutation { startPasskeyRegistration { __typename ... on StartPasskeyRegistrationSuccess { data } } }`;
const FINISH_PASSKEY = `mutation F($input: FinishPasskeyRegistrationInput!) {
  finishPasskeyRegistration(input: $input) { __typename }
}`;
const FINISH_PASSKEY_SIGN_IN = `mutation F($input: FinishPasskeySignInInput!) { finishPasskeySignIn(input: $input) { __typename } }`;
const UPDATE_PROFILE = `mutation Profile($input: UpdateProfileInput!) {
  updateProfile(input: $input) { __typename ... on Error { message } }
}`;

const CREATE_TOKEN = `mutation Token($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on CreateApiTokenSuccess { data { value } }
    ... on Error { message }
  }
}`;
