import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupLinkFile } from "../src/core/admin-setup/setup-link.js";
import { type FreshDatabase, freshDatabase } from "./databases.js";
import { Browser } from "./harness.js";
import { startInstance } from "./instances.js";
import { COMPLETE_SETUP, signIn, tokenOf, VIEWER } from "./operator.js";

const LINK = /http:\/\/localhost:\d+\/setup#token=[A-Za-z0-9_-]{43}/g;
const PASSWORD = "a long admin passphrase";

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.drop());

describe("test/operator-setup: the first production start prints one setup link", () => {
  it("prints one link on an empty database, which creates the admin once; a second start prints nothing", async () => {
    const env = { NODE_ENV: "production", DATABASE_URL: database.url, HOST: "127.0.0.1" };
    const first = await startInstance(env);
    let url: string;
    try {
      const links = first.output().match(LINK) ?? [];
      expect(links).toHaveLength(1);
      url = links[0] as string;
      expect(new URL(url).origin).toBe(first.baseUrl);

      // The same link is in a file only the server's user can read.
      const file = setupLinkFile(database.url);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(await readFile(file, "utf8")).toContain(url);

      const browser = new Browser(first.baseUrl);
      const described = await browser.graphql<{ adminSetupLink: { state: string } }>(
        `query($t: String!) { adminSetupLink(token: $t) { state email existingAccount } }`,
        { t: tokenOf(url) },
      );
      expect(described.data?.adminSetupLink).toEqual({ state: "VALID", email: null, existingAccount: false });

      // The password policy applies; a refused attempt does not use the link up.
      const weak = await browser.graphql<{ completeAdminSetup: { __typename: string } }>(COMPLETE_SETUP, {
        input: { token: tokenOf(url), email: "ops@example.org", name: "Ops Person", password: "password123" },
      });
      expect(weak.data?.completeAdminSetup.__typename).toBe("ValidationError");

      const done = await browser.graphql<{ completeAdminSetup: { __typename: string; data: unknown } }>(
        COMPLETE_SETUP,
        { input: { token: tokenOf(url), email: "Ops@Example.org", name: "Ops Person", password: PASSWORD } },
      );
      expect(done.data?.completeAdminSetup).toMatchObject({
        __typename: "CompleteAdminSetupSuccess",
        data: { email: "ops@example.org", platformRole: "ADMIN" },
      });
      // Signed in by the link, and the file with the used link is gone.
      expect((await browser.graphql(VIEWER)).data).toEqual({
        viewer: { email: "ops@example.org", platformRole: "ADMIN" },
      });
      expect(() => statSync(file)).toThrow();

      // Exactly once: the second use is refused and changes nothing.
      const again = await new Browser(first.baseUrl).graphql<{ completeAdminSetup: { __typename: string } }>(
        COMPLETE_SETUP,
        { input: { token: tokenOf(url), email: "intruder@example.org", name: "Intruder", password: PASSWORD } },
      );
      expect(again.data?.completeAdminSetup).toMatchObject({
        __typename: "ConflictError",
        message: "This setup link has already been used.",
      });
      expect((await signIn(first.baseUrl, "intruder@example.org", PASSWORD)).typename).toBe("InvalidCredentialsError");
      expect((await signIn(first.baseUrl, "ops@example.org", PASSWORD)).typename).toBe("SignInSuccess");
    } finally {
      await first.stop();
    }

    const second = await startInstance(env);
    try {
      expect(second.output()).toContain("Gatehouse is listening");
      expect(second.output()).not.toMatch(/setup#token=/);
      expect(second.output()).not.toContain("No platform admin yet");
    } finally {
      await second.stop();
    }
  }, 240_000);
});
