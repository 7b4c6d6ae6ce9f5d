import type { Page } from "@playwright/test";
import { signInAsDemoAdmin } from "./support/demo-admin";
import { expect, test } from "./support/fixtures";
import { graphqlSession } from "./support/owner";

/** Both widths into e2e/screenshots and docs/screenshots, for the README. */
async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("the partner dashboard and staff pages in Dutch", () => {
  test("staff switch to Dutch in the header; the client overview and the staff page speak Dutch", async ({
    page,
    gatehouse,
  }) => {
    const { demo } = gatehouse;
    try {
      await test.step("staff sign in; the dashboard speaks English by default", async () => {
        // Staff need a second factor: the demo admin signs in with its passkey (see support/demo-admin).
        await signInAsDemoAdmin(page, gatehouse.url);
        await page.goto("/clients");
        await expect(page.getByRole("heading", { level: 1, name: "My clients" })).toBeVisible();
      });

      await test.step("the header's language switch turns the client list Dutch at once", async () => {
        await page.getByLabel("Language").selectOption("nl");
        await expect(page.getByRole("heading", { level: 1, name: "Mijn clients" })).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", "nl");
        await expect(page.getByRole("heading", { name: "Een client aanmaken" })).toBeVisible();
      });

      await test.step("the client overview speaks Dutch; technical names stay as developers know them", async () => {
        await page.goto(`/clients/${demo.clientId}`);
        await expect(page.getByRole("navigation", { name: "Onderdelen van de client" })).toBeVisible();
        await expect(page.getByRole("link", { name: "Overzicht" })).toBeVisible();
        await expect(page.getByRole("heading", { name: "Uw app koppelen" })).toBeVisible();
        await expect(page.getByText("Basis-URL van de API")).toBeVisible();
        await expect(page.getByRole("heading", { name: "Client verwijderen" })).toBeVisible();
        await expect(page.getByText("Connect your app")).toHaveCount(0);
        await shoot(page, "client-overview-nl");
      });

      await test.step("the staff page speaks Dutch, and so does it after a reload (the account remembers)", async () => {
        await page.goto("/staff");
        await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
        await expect(page.getByRole("heading", { name: "Verificatiewachtrij" })).toBeVisible();
        await expect(page.getByRole("heading", { name: "Het abonnement van een gebruiker wijzigen" })).toBeVisible();
        await page.reload();
        await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
        await shoot(page, "staff-nl");
      });

      await test.step("back to English with the same switch", async () => {
        await page.getByLabel("Taal").selectOption("en");
        await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
      });
    } finally {
      // Other journeys sign in as the same admin and read English.
      const asAdmin = await graphqlSession(gatehouse.url, demo.adminEmail, demo.adminPassword);
      await asAdmin(`mutation E2E_Language { setLanguage(input: { language: null }) { __typename } }`);
    }
  });
});
