import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, clientOwnedBy, signedInPerson } from "./graphql.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Person = Awaited<ReturnType<typeof signedInPerson>>;

const SET_POLICY = `mutation P($input: SetClientTwoFactorPolicyInput!) { setClientTwoFactorPolicy(input: $input) {
  __typename ... on SetClientTwoFactorPolicySuccess { data { id requireMemberTwoFactor } } ... on Error { message } } }`;
const CLIENT = `query C($id: ID!) { client(id: $id) { id name requireMemberTwoFactor } viewer { twoFactorRequiredFor(clientId: $id) } }`;
const RENAME = `mutation R($input: RenameClientInput!) { renameClient(input: $input) { __typename ... on Error { message } } }`;

/** Gives the signed-in person an authenticator app through the account API. */
async function enrol(person: Person) {
  const started = await person.browser.graphql<{ startTotpEnrolment: { data: { secret: string } } }>(
    `mutation { startTotpEnrolment { ... on StartTotpEnrolmentSuccess { data { secret } } } }`,
  );
  const secret = started.data?.startTotpEnrolment.data.secret ?? "";
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  const confirmed = await person.browser.graphql<{ confirmTotp: { __typename: string } }>(
    `mutation C($input: ConfirmTotpInput!) { confirmTotp(input: $input) { __typename } }`,
    // The next step's code is inside the window whenever the request lands.
    { input: { code: totp.generate({ timestamp: Date.now() + 30_000 }) } },
  );
  expect(confirmed.data?.confirmTotp.__typename).toBe("ConfirmTotpSuccess");
}

describe("test/two-factor-policy: a client whose members must use 2FA", () => {
  it("can only be turned on by someone who has a second factor, with client:update, and is audited", async () => {
    const owner = await signedInPerson(server, { name: "Pol Icy" });
    const clientId = await clientOwnedBy(server, owner, "Strict Co");
    const refused = await owner.browser.graphql<{ setClientTwoFactorPolicy: { __typename: string; message: string } }>(
      SET_POLICY,
      { input: { clientId, required: true } },
    );
    expect(refused.data?.setClientTwoFactorPolicy).toMatchObject({
      __typename: "ConflictError",
      message: expect.stringMatching(/your own account first/),
    });

    const viewer = await signedInPerson(server);
    await addMember(server, clientId, viewer.user.id, "viewer");
    await enrol(viewer);
    const forbidden = await viewer.browser.graphql<{ setClientTwoFactorPolicy: { __typename: string } }>(SET_POLICY, {
      input: { clientId, required: true },
    });
    expect(forbidden.data?.setClientTwoFactorPolicy.__typename).toBe("ForbiddenError");

    await enrol(owner);
    const done = await owner.browser.graphql<{ setClientTwoFactorPolicy: Record<string, unknown> }>(SET_POLICY, {
      input: { clientId, required: true },
    });
    expect(done.data?.setClientTwoFactorPolicy).toMatchObject({
      __typename: "SetClientTwoFactorPolicySuccess",
      data: { id: clientId, requireMemberTwoFactor: true },
    });
    const audit = await server.db.auditEvent.findFirstOrThrow({ where: { clientId, action: "client.policy.update" } });
    expect(JSON.parse(audit.details ?? "{}")).toEqual({
      before: { requireMemberTwoFactor: false },
      after: { requireMemberTwoFactor: true },
    });
  });

  it("refuses a member without a second factor everything in the client, says why, and lets them in once they enrol", async () => {
    const owner = await signedInPerson(server, { name: "Stri Ct" });
    const clientId = await clientOwnedBy(server, owner, "Strict Two");
    const developer = await signedInPerson(server);
    await addMember(server, clientId, developer.user.id, "admin");
    await enrol(owner);
    await owner.browser.graphql(SET_POLICY, { input: { clientId, required: true } });

    const blocked = await developer.browser.graphql<{ client: unknown; viewer: { twoFactorRequiredFor: boolean } }>(
      CLIENT,
      { id: clientId },
    );
    expect(blocked.data).toEqual({ client: null, viewer: { twoFactorRequiredFor: true } });
    const rename = await developer.browser.graphql<{ renameClient: { __typename: string } }>(RENAME, {
      input: { clientId, name: "Taken over" },
    });
    expect(rename.data?.renameClient.__typename).toBe("NotFoundError");

    // An outsider learns nothing: the same null, and no "you need 2FA".
    const outsider = await signedInPerson(server);
    const other = await outsider.browser.graphql<{ client: unknown; viewer: { twoFactorRequiredFor: boolean } }>(
      CLIENT,
      { id: clientId },
    );
    expect(other.data).toEqual({ client: null, viewer: { twoFactorRequiredFor: false } });

    await enrol(developer);
    const allowed = await developer.browser.graphql<{
      client: { requireMemberTwoFactor: boolean } | null;
      viewer: { twoFactorRequiredFor: boolean };
    }>(CLIENT, { id: clientId });
    expect(allowed.data).toEqual({
      client: { id: clientId, name: "Strict Two", requireMemberTwoFactor: true },
      viewer: { twoFactorRequiredFor: false },
    });
    expect(
      (
        await developer.browser.graphql<{ renameClient: { __typename: string } }>(RENAME, {
          input: { clientId, name: "Strict Two Renamed" },
        })
      ).data?.renameClient.__typename,
    ).toBe("RenameClientSuccess");
  });

  it("leaves clients without the policy open to members without 2FA", async () => {
    const owner = await signedInPerson(server);
    const clientId = await clientOwnedBy(server, owner, "Relaxed Co");
    const result = await owner.browser.graphql<{ client: { requireMemberTwoFactor: boolean } | null }>(CLIENT, {
      id: clientId,
    });
    expect(result.data?.client?.requireMemberTwoFactor).toBe(false);
  });
});
