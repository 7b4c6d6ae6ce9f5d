import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/crypto.js";
import { createPartner } from "./fixtures.js";
import { callApi, startTestServer, type TestServer } from "./harness.js";
import { COMPLETE_SETUP, partnerLogin, runGatehouse, signIn, tokenOf, VIEWER } from "./operator.js";

let server: TestServer;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  env = { DATABASE_URL: server.config.databaseUrl, PUBLIC_URL: server.baseUrl };
});
afterAll(() => server.close());

const PASSWORD = "a long admin passphrase";

describe("test/operator-cli: pnpm gatehouse as a child process", () => {
  it("admin create --email makes a new account ADMIN through a single-use link", async () => {
    const run = await runGatehouse(["admin", "create", "--email", "New.Admin@example.org", "--json"], env);
    expect(run.code).toBe(0);
    const { data } = run.json() as { data: { url: string; email: string; existingAccount: boolean } };
    expect(data).toMatchObject({ email: "new.admin@example.org", existingAccount: false });
    // Only the hash of the token is stored.
    expect(await server.db.adminSetupLink.count({ where: { tokenHash: sha256(tokenOf(data.url)) } })).toBe(1);
    expect(await server.db.adminSetupLink.count({ where: { tokenHash: tokenOf(data.url) } })).toBe(0);

    const { browser } = await signIn(server.baseUrl, "nobody@example.org", "x");
    const done = await browser.graphql<{ completeAdminSetup: { __typename: string } }>(COMPLETE_SETUP, {
      input: { token: tokenOf(data.url), email: "other@example.org", name: "New Admin", password: PASSWORD },
    });
    expect(done.data?.completeAdminSetup).toMatchObject({
      data: { email: "new.admin@example.org", platformRole: "ADMIN" },
    });
    expect((await browser.graphql(VIEWER)).data).toEqual({
      viewer: { email: "new.admin@example.org", platformRole: "ADMIN" },
    });
    const event = await server.db.auditEvent.findFirstOrThrow({ where: { action: "platform.admin_link_created" } });
    expect(JSON.parse(event.details ?? "{}")).toMatchObject({
      actor: "system",
      via: "cli",
      email: "new.admin@example.org",
    });
  }, 120_000);

  it("admin create for an existing account sets its password, makes it ADMIN and ends its old sessions", async () => {
    const partner = await createPartner(server.db);
    const before = await signIn(server.baseUrl, partner.owner.email, "owner password 123");
    expect(before.typename).toBe("SignInSuccess");
    const run = await runGatehouse(["admin", "create", "--email", partner.owner.email], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("sets a new password for the existing account");
    const url = run.stdout.match(/http\S+setup#token=\S+/)?.[0] ?? "";
    const { browser } = await signIn(server.baseUrl, "nobody@example.org", "x");
    const done = await browser.graphql<{ completeAdminSetup: { __typename: string } }>(COMPLETE_SETUP, {
      input: { token: tokenOf(url), password: PASSWORD },
    });
    expect(done.data?.completeAdminSetup).toMatchObject({
      data: { email: partner.owner.email, platformRole: "ADMIN" },
    });
    expect((await before.browser.graphql(VIEWER)).data).toEqual({ viewer: null });
    expect((await signIn(server.baseUrl, partner.owner.email, PASSWORD)).typename).toBe("SignInSuccess");
  }, 120_000);

  it("refuses an expired link and an unknown one, creating nobody", async () => {
    const run = await runGatehouse(["admin", "create", "--email", "late@example.org", "--json"], env);
    const { url } = (run.json() as { data: { url: string } }).data;
    await server.db.adminSetupLink.updateMany({
      where: { tokenHash: sha256(tokenOf(url)) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const { browser } = await signIn(server.baseUrl, "nobody@example.org", "x");
    const expired = await browser.graphql<{ completeAdminSetup: { __typename: string; message: string } }>(
      COMPLETE_SETUP,
      { input: { token: tokenOf(url), name: "Late", password: PASSWORD } },
    );
    expect(expired.data?.completeAdminSetup.__typename).toBe("ConflictError");
    expect(expired.data?.completeAdminSetup.message).toContain("expired");
    expect(await server.db.user.count({ where: { email: "late@example.org" } })).toBe(0);
    const unknown = await browser.graphql<{ completeAdminSetup: { __typename: string } }>(COMPLETE_SETUP, {
      input: { token: "not-a-token", name: "X", email: "x@example.org", password: PASSWORD },
    });
    expect(unknown.data?.completeAdminSetup.__typename).toBe("NotFoundError");
  }, 120_000);

  it("user disable ends sessions, refuses sign-in and hides the person from partners; user enable undoes it", async () => {
    const partner = await createPartner(server.db, { rootDomain: "localhost" });
    const person = await partnerLogin(server, partner.credentials);
    expect((await callApi(server, "/get/user/info", partner.credentials, { sub: person.sub })).status).toBe(200);

    const disabled = await runGatehouse(["user", "disable", person.email, "--json"], env);
    expect(disabled.code).toBe(0);
    expect(disabled.json()).toMatchObject({
      ok: true,
      data: { email: person.email, disabled: true, sessionsEnded: 1 },
    });
    expect((await person.browser.graphql(VIEWER)).data).toEqual({ viewer: null });
    expect((await signIn(server.baseUrl, person.email, "correct horse battery")).typename).toBe(
      "InvalidCredentialsError",
    );
    const hidden = await callApi(server, "/get/user/info", partner.credentials, { sub: person.sub });
    expect(hidden).toMatchObject({ status: 404, body: { status: "error", message: "User not found" } });
    const twice = await runGatehouse(["user", "disable", person.sub], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("already disabled");

    expect((await runGatehouse(["user", "enable", person.sub], env)).code).toBe(0);
    expect((await signIn(server.baseUrl, person.email, "correct horse battery")).typename).toBe("SignInSuccess");
    expect((await callApi(server, "/get/user/info", partner.credentials, { sub: person.sub })).status).toBe(200);
    const actions = await server.db.auditEvent.findMany({
      where: { targetId: (await server.db.user.findUniqueOrThrow({ where: { sub: person.sub } })).id },
      select: { action: true, details: true },
    });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["user.disabled", "user.enabled"]));
  }, 120_000);

  it("user sessions revoke ends every session but leaves sign-in working", async () => {
    const partner = await createPartner(server.db);
    const one = await signIn(server.baseUrl, partner.owner.email, "owner password 123");
    const two = await signIn(server.baseUrl, partner.owner.email, "owner password 123");
    const run = await runGatehouse(["user", "sessions", "revoke", partner.owner.email, "--json"], env);
    expect(run.json()).toMatchObject({ ok: true, data: { sessionsEnded: 2 } });
    expect((await one.browser.graphql(VIEWER)).data).toEqual({ viewer: null });
    expect((await two.browser.graphql(VIEWER)).data).toEqual({ viewer: null });
    expect((await signIn(server.baseUrl, partner.owner.email, "owner password 123")).typename).toBe("SignInSuccess");
  }, 120_000);

  it("client list and secret revoke: the revoked secret stops working at once", async () => {
    const partner = await createPartner(server.db, { rootDomain: "localhost" });
    const list = await runGatehouse(["client", "list", "--json"], env);
    expect(list.code).toBe(0);
    const clients = (list.json() as { data: { clients: { id: string; owner: string; activeSecrets: number }[] } }).data
      .clients;
    expect(clients.find((c) => c.id === partner.client.id)).toMatchObject({
      owner: partner.owner.email,
      activeSecrets: 1,
    });
    const signToken = { redirect_url: "http://localhost:4567/cb" };
    expect((await callApi(server, "/sign-token", partner.credentials, signToken)).status).toBe(200);

    const revoked = await runGatehouse(["secret", "revoke", partner.secretRow.id], env);
    expect(revoked.code).toBe(0);
    expect((await callApi(server, "/sign-token", partner.credentials, signToken)).status).toBe(401);
    const event = await server.db.auditEvent.findFirstOrThrow({
      where: { action: "secret.revoked", targetId: partner.secretRow.id },
    });
    expect(event.clientId).toBe(partner.client.id);
    expect(JSON.parse(event.details ?? "{}")).toMatchObject({ actor: "system" });
    expect((await runGatehouse(["secret", "revoke", partner.secretRow.id], env)).code).toBe(1);
  }, 120_000);

  it("refuses unknown ids (1), missing arguments and unknown commands (2), and prints --help (0)", async () => {
    const unknownUser = await runGatehouse(["user", "disable", "nobody@example.org", "--json"], env);
    expect(unknownUser.code).toBe(1);
    expect(unknownUser.json()).toMatchObject({ ok: false, error: { code: "not_found" } });
    const unknownSecret = await runGatehouse(["secret", "revoke", "cm_no_such_secret"], env);
    expect(unknownSecret.code).toBe(1);
    expect(unknownSecret.stderr).toContain("No client secret has the id");
    const missing = await runGatehouse(["secret", "revoke"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Missing argument: <secret-id>");
    const noEmail = await runGatehouse(["admin", "create", "--json"], env);
    expect(noEmail.code).toBe(2);
    expect(noEmail.json()).toMatchObject({ ok: false, error: { code: "usage" } });
    const badEmail = await runGatehouse(["admin", "create", "--email", "not-an-address"], env);
    expect(badEmail.code).toBe(1);
    expect((await runGatehouse(["user", "explode"], env)).code).toBe(2);
    expect((await runGatehouse(["client", "list", "--bogus"], env)).code).toBe(2);
    const help = await runGatehouse(["db", "restore", "--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: pnpm gatehouse db restore <file>");
    const overview = await runGatehouse(["--help"], env);
    expect(overview.code).toBe(0);
    for (const name of ["admin create", "user disable", "user enable", "user sessions revoke", "client list"]) {
      expect(overview.stdout).toContain(name);
    }
    for (const name of ["secret revoke", "db status", "db backup", "db restore"])
      expect(overview.stdout).toContain(name);
  }, 120_000);

  it("db status lists the applied migrations and nothing pending", async () => {
    const run = await runGatehouse(["db", "status", "--json"], env);
    expect(run.code).toBe(0);
    const { data } = run.json() as { data: { applied: { name: string }[]; pending: string[]; unknown: string[] } };
    expect(data.applied.map((m) => m.name)).toContain("20261127000000_init");
    expect(data.pending).toEqual([]);
    expect(data.unknown).toEqual([]);
  }, 60_000);
});
