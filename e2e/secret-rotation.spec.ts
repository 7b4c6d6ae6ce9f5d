import type { Page } from "@playwright/test";
import { signInAsDemoAdmin } from "./support/demo-admin";
import { expect, test } from "./support/fixtures";
import { graphqlSession, setUpClientByApi } from "./support/owner";
import { apiEndpoint } from "./support/partner-app";

/** What the partner's back end sees: sign-token with this secret answers 200, or the refusal. */
async function signTokenStatus(apiUrl: string, clientId: string, secret: string) {
  const response = await fetch(apiEndpoint(apiUrl, "sign-token"), {
    method: "POST",
    headers: {
      "X-Client-Id": clientId,
      "X-Client-Secret": secret,
      "X-Client-Domain": "localhost",
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ redirect_url: "http://localhost:9/callback" }),
  });
  return response.status;
}

/** Both widths into docs/screenshots; an open dialog is shot in the viewport, where its backdrop covers the page. */
async function shoot(page: Page, name: string, fullPage = true) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("journey: the owner rotates a client secret without downtime", () => {
  test("rotates, sees the new value once, both secrets work, then changes the new one's expiry", async ({
    page,
    gatehouse,
  }) => {
    const { demo } = gatehouse;
    const owner = await graphqlSession(gatehouse.url, demo.adminEmail, demo.adminPassword);
    const client = await setUpClientByApi(owner, `Rotation ${Date.now().toString(36)}`);

    await test.step("the owner opens the client's secrets", async () => {
      await signInAsDemoAdmin(page, gatehouse.url);
      await page.goto(`/clients/${client.clientId}/secrets`);
      await expect(page.getByRole("heading", { name: "Client Secrets", level: 2 })).toBeVisible();
    });

    let newSecret = "";
    await test.step("rotates with the default grace period of 7 days", async () => {
      const row = page.getByTestId("secret-row").filter({ hasText: "Standard Key" });
      await row.getByRole("button", { name: /^Rotate Standard Key/ }).click();
      const dialog = page.getByRole("dialog", { name: "Rotate “Standard Key”?" });
      await expect(dialog.getByLabel("Grace period (days)")).toHaveValue("7");
      await dialog.getByLabel("Grace period (days)").fill("91");
      await expect(dialog.getByText("Enter a whole number of days from 0 to 90.")).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Rotate secret" })).toBeDisabled();
      await dialog.getByLabel("Grace period (days)").fill("7");
      await shoot(page, "secret-rotate-dialog", false);
      await dialog.getByRole("button", { name: "Rotate secret" }).click();

      const reveal = page.getByTestId("secret-reveal");
      await expect(reveal.getByText("You will not see it again")).toBeVisible();
      await expect(reveal.getByText("Linked to localhost.")).toBeVisible();
      await expect(reveal.getByTestId("rotation-grace")).toContainText("keeps working until");
      newSecret = (await reveal.getByTestId("secret-value").textContent()) ?? "";
      expect(newSecret).not.toBe(client.secret);
      expect(newSecret.length).toBeGreaterThan(20);

      const rows = page.getByTestId("secret-row");
      await expect(rows).toHaveCount(2);
      await expect(rows.filter({ hasText: "Expiring soon" })).toHaveCount(1);
      await expect(rows.filter({ hasText: "Active" })).toHaveCount(1);
      await shoot(page, "secret-rotated");
      await reveal.getByRole("button", { name: "I have stored it" }).click();
      await expect(page.getByText(newSecret)).toHaveCount(0);
    });

    await test.step("during the grace period the partner API takes both secrets", async () => {
      expect(await signTokenStatus(demo.apiUrl, client.clientId, client.secret)).toBe(200);
      expect(await signTokenStatus(demo.apiUrl, client.clientId, newSecret)).toBe(200);
    });

    await test.step("the owner gives the new secret an expiry without rotating it", async () => {
      const active = page.getByTestId("secret-row").filter({ hasText: "Active" });
      await active.getByRole("button", { name: /^Change expiry of Standard Key/ }).click();
      const dialog = page.getByRole("dialog", { name: "Change when “Standard Key” expires" });
      await dialog.getByLabel("Expires on").fill("2020-01-01");
      await expect(dialog.getByText("Pick a date in the future.")).toBeVisible();
      const nextYear = new Date().getFullYear() + 1;
      await dialog.getByLabel("Expires on").fill(`${nextYear}-06-30`);
      await shoot(page, "secret-expiry-dialog", false);
      await dialog.getByRole("button", { name: "Save expiry" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId("secret-row")).toHaveCount(2);
      await expect(page.getByTestId("secret-row").filter({ hasText: String(nextYear) })).toHaveCount(1);
      expect(await signTokenStatus(demo.apiUrl, client.clientId, newSecret)).toBe(200);
    });
  });
});
