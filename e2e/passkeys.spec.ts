import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { virtualAuthenticator } from "./support/passkey";

/** Full-page screenshots for the README and review, at a desktop and a phone width. */
async function docsScreenshots(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 860 });
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function signOut(page: Page) {
  await page.goto("/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/signin");
}

test.describe("passkeys", () => {
  test("a person adds a passkey, signs in with it alone, uses it as the second step, and removes it", async ({
    page,
    registeredUser: user,
    signToken,
    partner,
  }) => {
    const { cdp, authenticatorId } = await virtualAuthenticator(page);

    await test.step("sign in with the password and add a named passkey on the security page", async () => {
      await page.goto("/signin");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL("**/account");
      await page.getByRole("link", { name: "Two-step sign-in" }).click();
      const card = page.getByRole("region", { name: "Passkeys" });
      await expect(card.getByText("No passkeys yet")).toBeVisible();
      await card.getByRole("button", { name: "Add a passkey" }).click();
      await expect(card.getByText("Give the passkey a name")).toBeVisible();
      await card.getByRole("textbox", { name: "Passkey name" }).fill("Work laptop");
      await card.getByRole("button", { name: "Add a passkey" }).click();
      // The first factor on the account: its recovery codes come once.
      await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
      await page.getByRole("button", { name: "I have saved them" }).click();
      await expect(card.getByRole("cell", { name: "Work laptop", exact: true })).toBeVisible();
      await expect(card.getByRole("cell", { name: "Never" })).toBeVisible();
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      expect(credentials).toHaveLength(1);
      expect(credentials[0]?.isResidentCredential).toBe(true);
      await docsScreenshots(page, "passkeys-list");
    });

    await test.step("rename it", async () => {
      const card = page.getByRole("region", { name: "Passkeys" });
      await card.getByRole("button", { name: "Rename Work laptop" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "Passkey name" }).fill("My laptop");
      await dialog.getByRole("button", { name: "Save name" }).click();
      await expect(card.getByRole("cell", { name: "My laptop", exact: true })).toBeVisible();
    });

    await test.step("sign out, then sign in with the passkey alone: no e-mail, no password", async () => {
      await signOut(page);
      await page.getByRole("button", { name: "Sign in with a passkey" }).click();
      await page.waitForURL("**/account");
      await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    });

    await test.step("the hosted login of an app: the passkey signs in and the app's flow goes on", async () => {
      const { url } = await signToken();
      await signOut(page);
      await page.goto(url);
      await page.getByRole("button", { name: "Sign in with a passkey" }).click();
      const allow = page.getByRole("button", { name: "Allow" });
      await Promise.race([allow.waitFor().then(() => allow.click()), page.waitForURL(`${partner.callbackUrl}?**`)]);
      await page.waitForURL(`${partner.callbackUrl}?**`);
      await expect(page.locator("#email")).toHaveText(user.email);
    });

    await test.step("with the password, the passkey is the second step", async () => {
      await signOut(page);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("button", { name: "Use your passkey" })).toBeVisible();
      await docsScreenshots(page, "passkeys-second-step");
      await page.getByRole("button", { name: "Use your passkey" }).click();
      await page.waitForURL("**/account");
    });

    await test.step("remove it, after the password; it no longer signs in", async () => {
      await page.goto("/account/two-factor");
      const card = page.getByRole("region", { name: "Passkeys" });
      await expect(card.getByRole("cell", { name: "My laptop", exact: true })).toBeVisible();
      await card.getByRole("button", { name: "Remove My laptop" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Your current password").fill("not my password");
      await dialog.getByRole("button", { name: "Remove passkey" }).click();
      await expect(dialog.getByText(/password/i).last()).toBeVisible();
      await expect(card.getByRole("cell", { name: "My laptop", exact: true })).toBeVisible();
      await dialog.getByLabel("Your current password").fill(user.password);
      await dialog.getByRole("button", { name: "Remove passkey" }).click();
      await expect(card.getByText("No passkeys yet")).toBeVisible();

      await signOut(page);
      await page.getByRole("button", { name: "Sign in with a passkey" }).click();
      await expect(page.getByText("That passkey was not accepted.")).toBeVisible();
    });
  });
});
