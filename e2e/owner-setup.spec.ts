import type { Page } from "@playwright/test";
import { registerOnHostedPage } from "./support/account";
import { expect, newUser, test } from "./support/fixtures";
import { makePaid } from "./support/owner";

/** The page at both widths into docs/screenshots, for the README. */
async function shootDocs(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("an owner sets up a client", () => {
  test("registers, gets a paid plan, creates a client, a domain, a scope and a secret", async ({ page, gatehouse }) => {
    const owner = newUser("owner");
    const clientName = `Acme ${owner.email.slice(6, 14)}`;

    await test.step("the owner registers in the browser", async () => {
      await page.goto("/register");
      await registerOnHostedPage(page, owner);
      await page.waitForURL("**/account");
    });

    await test.step("a free account sees why it cannot create a client", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My clients" }).click();
      await expect(page.getByRole("heading", { name: "My clients", level: 1 })).toBeVisible();
      await expect(page.getByText("No clients yet")).toBeVisible();
      await expect(page.getByText("You cannot create clients yet")).toBeVisible();
      await expect(page.getByRole("button", { name: "Create client" })).toBeDisabled();
      await page.screenshot({ path: "screenshots/clients-list-free-1280.png", fullPage: true });
    });

    await test.step("staff put the owner on the paid plan", async () => {
      await makePaid(
        gatehouse.url,
        { email: gatehouse.demo.adminEmail, password: gatehouse.demo.adminPassword },
        owner.email,
      );
    });

    await test.step("the owner creates a client, validated first", async () => {
      await page.reload();
      const create = page.getByRole("button", { name: "Create client" });
      await expect(create).toBeEnabled();
      await create.click();
      await expect(page.getByText("Enter a name for the client")).toBeVisible();
      await page.getByLabel("Client name").fill(clientName);
      await create.click();
      await expect(page.getByRole("heading", { name: clientName, level: 1 })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Connect your app" })).toBeVisible();
      await expect(page.getByTestId("env-snippet")).toContainText("XWMS_CLIENT_ID=");
    });

    await test.step("adds the localhost domain with login allowed", async () => {
      await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Domains" }).click();
      await expect(page.getByText("No domains yet")).toBeVisible();
      await page.getByLabel("Domain", { exact: true }).fill("localhost");
      await expect(page.getByRole("checkbox", { name: "Allow login" })).toBeChecked();
      // The form's default is the database's and the API's: API access stays off until the owner turns it on.
      await expect(page.getByRole("checkbox", { name: "Allow API" })).not.toBeChecked();
      await shootDocs(page, "domain-add");
      await page.getByRole("button", { name: "Add domain" }).click();
      await expect(page.getByRole("heading", { name: "localhost", level: 2 })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: "Allow login" })).toBeChecked();
      await expect(page.getByRole("checkbox", { name: "Allow API" })).not.toBeChecked();
      await expect(page.getByLabel("Fallback response")).toHaveCount(0);
      await shootDocs(page, "domain-settings");
      await expect(page.getByRole("button", { name: "Copy domain ID of localhost" })).toBeVisible();
      await page.screenshot({ path: "screenshots/clients-domain-1280.png", fullPage: true });
    });

    await test.step("enables the userinfo scope", async () => {
      await page
        .getByRole("navigation", { name: "Client sections" })
        .getByRole("link", { name: "Client Scopes" })
        .click();
      const userinfo = page.getByRole("checkbox", { name: /userinfo/ });
      await expect(userinfo).not.toBeChecked();
      await userinfo.click({ force: true });
      await expect(userinfo).toBeChecked();
      await expect(page.getByRole("listitem").filter({ hasText: "userinfo" }).getByText("Enabled")).toBeVisible();
      await page.screenshot({ path: "screenshots/clients-scopes-1280.png", fullPage: true });
    });

    let secret = "";
    await test.step("creates a secret linked to the domain and reads its value once", async () => {
      await page
        .getByRole("navigation", { name: "Client sections" })
        .getByRole("link", { name: "Client Secrets" })
        .click();
      await expect(page.getByText("No secrets yet")).toBeVisible();
      await expect(page.getByLabel("Label")).toHaveValue("Standard Key");
      await page.getByRole("checkbox", { name: "localhost" }).check();
      await page.getByRole("button", { name: "Create secret" }).click();
      const reveal = page.getByTestId("secret-reveal");
      await expect(reveal.getByText("You will not see it again")).toBeVisible();
      secret = (await reveal.getByTestId("secret-value").textContent()) ?? "";
      expect(secret.length).toBeGreaterThan(20);
      await page.screenshot({ path: "screenshots/clients-secrets-1280.png", fullPage: true });

      const row = page.getByTestId("secret-row").filter({ hasText: "Standard Key" });
      await expect(row.getByText("Active", { exact: true })).toBeVisible();
      await expect(row.getByText("localhost")).toBeVisible();

      await reveal.getByRole("button", { name: "I have stored it" }).click();
      await expect(page.getByText(secret)).toHaveCount(0);
    });

    await test.step("the domain page shows the secret as linked", async () => {
      await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Domains" }).click();
      await page.getByRole("link", { name: "localhost" }).click();
      const connections = page.getByRole("region", { name: "Secret connections" });
      await expect(connections.getByText("Standard Key")).toBeVisible();
      await expect(connections.getByText("Linked", { exact: true })).toBeVisible();
    });

    await test.step("the overview has the values an app needs, at both widths", async () => {
      await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Overview" }).click();
      await expect(page.getByTestId("env-snippet")).toContainText("XWMS_DOMAIN=localhost");
      await expect(page.getByTestId("env-snippet")).toContainText(`XWMS_API_URI=${gatehouse.url}/api/`);
      await page.screenshot({ path: "screenshots/clients-overview-1280.png", fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: "screenshots/clients-overview-390.png", fullPage: true });
      for (const [section, file] of [
        ["Domains", "domains"],
        ["Client Scopes", "scopes"],
        ["Client Secrets", "secrets"],
      ] as const) {
        await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: section }).click();
        await expect(page.getByRole("heading", { name: section, level: 2 })).toBeVisible();
        await page.screenshot({ path: `screenshots/clients-${file}-390.png`, fullPage: true });
      }
      await page.getByRole("link", { name: "My clients" }).first().click();
      await expect(page.getByRole("link", { name: clientName })).toBeVisible();
      await page.screenshot({ path: "screenshots/clients-list-390.png", fullPage: true });
    });
  });
});
