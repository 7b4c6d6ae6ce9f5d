import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, registeredBrowser, SIGN_IN, startTestServer, type TestServer } from "./harness.js";
import { type Authorization, authorization, browse, oidcPartner, relyingParty, signInThrough } from "./oidc.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ OIDC_KEYS_REFRESH_SECONDS: "0" });
});
afterAll(async () => server?.close());

const PASSWORD = "correct horse battery";
const SESSIONS = `{ viewer { sessions { id current } } }`;
const REVOKE = `mutation R($input: RevokeSessionInput!) { revokeSession(input: $input) { __typename } }`;
const DELETE = `mutation D($input: RequestAccountDeletionInput!) { requestAccountDeletion(input: $input) { __typename } }`;

/** An OIDC app and a person signed in to it through Gatehouse in `browser`; answers a fresh authorization. */
async function signedInToApp() {
  const partner = await oidcPartner(server.db);
  const config = await relyingParty(server, partner.credentials.clientId, partner.credentials.clientSecret);
  const person = await registeredBrowser(server);
  const first = await signInThrough(server, await authorization(config), person.browser);
  expect(first.callback.searchParams.get("code")).toBeTruthy();
  return { ...person, again: () => authorization(config) };
}

/**
 * Where the app's next /authorize in `browser` ends: a code at the app's callback (signed in silently), or
 * Gatehouse's hosted sign-in page, which asks a browser without a Gatehouse session to sign in.
 */
async function nextAuthorize(browser: Browser, auth: Authorization) {
  const result = await browse(server, browser, auth.url);
  return result.redirect?.searchParams.get("code")
    ? { code: true as const }
    : { code: false as const, page: (result.page as { __typename?: string } | undefined)?.__typename };
}

const oidcSessions = (sub: string) => server.db.oidcRecord.count({ where: { model: "Session", accountId: sub } });

describe("test/oidc-session-end: apps' silent sign-in ends with the Gatehouse session", () => {
  it("signs in silently while the Gatehouse session lasts, and asks again after signing out", async () => {
    const person = await signedInToApp();
    // The single sign-on works (so the refusal below is the sign-out's doing).
    expect(await nextAuthorize(person.browser, await person.again())).toEqual({ code: true });
    expect(await oidcSessions(person.sub)).toBeGreaterThan(0);

    const signedOut = await person.browser.graphql<{ signOut: boolean }>("mutation { signOut }");
    expect(signedOut.data?.signOut).toBe(true);
    expect(await oidcSessions(person.sub)).toBe(0);
    expect(await nextAuthorize(person.browser, await person.again())).toEqual({
      code: false,
      page: "NotAuthenticatedError",
    });

    // Signing in to Gatehouse again brings the app's sign-in back through the hosted page.
    const back = await person.browser.graphql<{ signIn: { __typename: string } }>(SIGN_IN, {
      input: { email: person.email, password: PASSWORD },
    });
    expect(back.data?.signIn.__typename).toBe("SignInSuccess");
    expect(await nextAuthorize(person.browser, await person.again())).toEqual({ code: true });
  });

  it("asks again in a browser whose Gatehouse session another browser revoked, and in no other", async () => {
    const person = await signedInToApp();
    const laptop = new Browser(server.baseUrl);
    const signIn = await laptop.graphql<{ signIn: { __typename: string } }>(SIGN_IN, {
      input: { email: person.email, password: PASSWORD },
    });
    expect(signIn.data?.signIn.__typename).toBe("SignInSuccess");
    const laptopApp = await signInThrough(server, await person.again(), laptop);
    expect(laptopApp.callback.searchParams.get("code")).toBeTruthy();

    const sessions = await person.browser.graphql<{ viewer: { sessions: { id: string; current: boolean }[] } }>(
      SESSIONS,
    );
    const laptopSession = sessions.data?.viewer.sessions.find((session) => !session.current);
    expect(laptopSession).toBeDefined();
    const revoked = await person.browser.graphql<{ revokeSession: { __typename: string } }>(REVOKE, {
      input: { sessionId: laptopSession?.id },
    });
    expect(revoked.data?.revokeSession.__typename).toBe("RevokeSessionSuccess");

    expect(await nextAuthorize(laptop, await person.again())).toEqual({ code: false, page: "NotAuthenticatedError" });
    // An app asking silently (prompt=none) hears that the person must sign in.
    const silent = await person.again();
    silent.url.searchParams.set("prompt", "none");
    const answer = await browse(server, laptop, silent.url);
    expect(answer.redirect?.searchParams.get("error")).toBe("login_required");
    // The first browser's Gatehouse session is live: its apps still sign in silently.
    expect(await nextAuthorize(person.browser, await person.again())).toEqual({ code: true });
  });

  it("ends every app session of an account scheduled for deletion", async () => {
    const person = await signedInToApp();
    expect(await oidcSessions(person.sub)).toBeGreaterThan(0);
    const deleted = await person.browser.graphql<{ requestAccountDeletion: { __typename: string } }>(DELETE, {
      input: { currentPassword: PASSWORD },
    });
    expect(deleted.data?.requestAccountDeletion.__typename).toBe("RequestAccountDeletionSuccess");
    expect(await oidcSessions(person.sub)).toBe(0);
    expect(await nextAuthorize(person.browser, await person.again())).toEqual({
      code: false,
      page: "NotAuthenticatedError",
    });
  });
});
