import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ENV_DATABASE } from "./support/env";
import { expect, newUser, test } from "./support/fixtures";
import { clearOfStepBoundary, totpCode } from "./support/totp";

const repoRoot = resolve(fileURLToPath(new URL("..", import.meta.url)));
const run = promisify(execFile);

test.describe("an operator creates an admin with a setup link", () => {
  test("runs `gatehouse admin create`, opens the link, becomes admin and creates a client", async ({
    page,
    gatehouse,
  }) => {
    const admin = newUser("operator");
    let url = "";

    await test.step("the operator asks the command line for a link", async () => {
      const { stdout } = await run(
        "pnpm",
        ["--silent", "gatehouse", "admin", "create", "--email", admin.email, "--json"],
        {
          cwd: repoRoot,
          env: { ...process.env, DATABASE_URL: process.env[ENV_DATABASE], PUBLIC_URL: gatehouse.url },
        },
      );
      url = (JSON.parse(stdout) as { data: { url: string } }).data.url;
      expect(url).toContain(`${gatehouse.url}/setup#token=`);
    });

    await test.step("the link's page creates the admin and signs them in", async () => {
      await page.goto(url);
      await expect(page.getByRole("heading", { name: "Create the platform admin" })).toBeVisible();
      await expect(page.getByText(admin.email)).toBeVisible();
      await page.getByLabel("Name").fill(admin.name);
      await page.getByLabel("Password", { exact: true }).fill(admin.password);
      await page.getByLabel("Repeat the password").fill(admin.password);
      await page.screenshot({ path: "screenshots/admin-setup-1280.png", fullPage: true });
      await page.getByRole("button", { name: "Create admin and sign in" }).click();
      // Staff powers need a second factor, so the new admin lands on enrolment, told why.
      await page.waitForURL("**/account/two-factor");
      await expect(page.getByText("Gatehouse staff must use two-step sign-in", { exact: true })).toBeVisible();
      await page.goto(`${gatehouse.url}/clients`);
      await expect(page.getByRole("heading", { name: "My clients", level: 1 })).toBeVisible();
    });

    await test.step("creating a client as staff waits for the admin's second factor", async () => {
      await page.getByLabel("Client name").fill("Operator's first client");
      await page.getByRole("button", { name: "Create client" }).click();
      await expect(page.getByText("Gatehouse staff must use two-step sign-in.")).toBeVisible();
      // The authenticator app, set up in this browser's session as the account page does.
      const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await page.request.post(`${gatehouse.url}/graphql`, {
          headers: { "x-gatehouse-csrf": "1" },
          data: { query, variables },
        });
        return (await response.json()) as { data: Record<string, { data?: { secret?: string }; __typename: string }> };
      };
      const started = await graphql(
        "mutation E2E_StartTotp { startTotpEnrolment { __typename ... on StartTotpEnrolmentSuccess { data { secret } } } }",
      );
      const secret = started.data.startTotpEnrolment?.data?.secret ?? "";
      await clearOfStepBoundary();
      const confirmed = await graphql(
        "mutation E2E_ConfirmTotp($input: ConfirmTotpInput!) { confirmTotp(input: $input) { __typename } }",
        { input: { code: totpCode(secret) } },
      );
      expect(confirmed.data.confirmTotp?.__typename).toBe("ConfirmTotpSuccess");
    });

    await test.step("with it, the new admin creates a client", async () => {
      await page.getByRole("button", { name: "Create client" }).click();
      await page.waitForURL(/\/clients\/[^/]+$/);
      await expect(page.getByText("Operator's first client").first()).toBeVisible();
    });

    await test.step("the used link does not work again", async () => {
      await page.goto(url);
      await page.reload();
      await expect(page.getByText("This setup link has already been used")).toBeVisible();
    });
  });
});
