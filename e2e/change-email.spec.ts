import type { Locator, Page } from "@playwright/test";
import { expect, newUser, test } from "./support/fixtures";
import { mailedChangeCode, mailedLink, mailedSubjects } from "./support/outbox";

/** Screenshots of the card alone for the docs, at a desktop and a phone width. */
async function cardScreenshots(page: Page, card: Locator, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 860 });
    // Clipped from the full page at the top, so the sticky header does not cover the card.
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await card.boundingBox();
    if (!box) throw new Error("The card is not on the page.");
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true, clip: box });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("a person changes their e-mail address from the account page", () => {
  test("confirms with the password, follows the mailed link, and the account shows the new address", async ({
    page,
    registeredUser: user,
    gatehouse,
  }) => {
    const newEmail = newUser("moved").email;
    const card = page.getByRole("region", { name: "Change e-mail address" });
    const password = card.getByLabel("Your current password");
    const newAddress = card.getByLabel("New e-mail address");
    const send = card.getByRole("button", { name: "Send confirmation link" });

    await test.step("signs in and finds the card with the current address", async () => {
      await page.goto("/signin");
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL("**/account");
      await expect(card.getByText(`You sign in with ${user.email}`)).toBeVisible();
    });

    await test.step("a wrong password is refused beside the password field", async () => {
      await newAddress.fill(newEmail);
      await password.fill("not my password");
      await send.click();
      await expect(password).toHaveAttribute("aria-invalid", "true");
      await expect(card.getByText("Your current password is incorrect.")).toBeVisible();
      expect(mailedSubjects(newEmail)).toEqual([]);
    });

    await test.step("an address another account uses is refused beside the new address", async () => {
      await newAddress.fill(gatehouse.demo.adminEmail);
      await password.fill(user.password);
      await send.click();
      await expect(newAddress).toHaveAttribute("aria-invalid", "true");
      await expect(card.getByText("Another account uses this address. Choose a different one.")).toBeVisible();
    });

    await test.step("the right password sends the link; the old address is told and stays until then", async () => {
      await newAddress.fill(newEmail);
      await password.fill(user.password);
      await send.click();
      await expect(card.getByText(`We mailed a confirmation link to ${newEmail}`)).toBeVisible();
      await expect(newAddress).toHaveValue("");
      await expect(password).toHaveValue("");
      await expect.poll(() => mailedSubjects(user.email)).toContain("Your e-mail address is about to change");
      await cardScreenshots(page, card, "account-change-email");
      await page.reload();
      await expect(page.locator(".profile-head")).toContainText(user.email);
    });

    await test.step("the link from the new inbox applies the change", async () => {
      await page.goto(await mailedLink(newEmail, "/confirm-email-change"));
      await expect(page.getByText("Your account now uses the new e-mail address.")).toBeVisible();
      await page.getByRole("link", { name: "Go to your account" }).click();
      await page.waitForURL("**/account");
      await expect(page.locator(".profile-head")).toContainText(newEmail);
      await expect(card.getByText(`You sign in with ${newEmail}`)).toBeVisible();
    });
  });

  test("with a confirmed address and no app or passkey, confirms with a code by e-mail instead of the password", async ({
    page,
    registeredUser: user,
  }) => {
    const newEmail = newUser("mailed").email;
    const card = page.getByRole("region", { name: "Change e-mail address" });
    const masked = `${user.email[0]}•••${user.email.slice(user.email.indexOf("@"))}`;

    await test.step("confirms the address, signs in and asks for a code instead of typing the password", async () => {
      await page.goto(await mailedLink(user.email, "/verify-email"));
      await expect(page.getByText("Your e-mail address is confirmed.")).toBeVisible();
      await page.goto("/signin");
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL("**/account");
      await expect(card.getByText("No password at hand? We can e-mail you a code instead.")).toBeVisible();
      await card.getByRole("button", { name: "E-mail me a code" }).click();
      await expect(card.getByText(`We sent a code to ${masked}.`)).toBeVisible();
    });

    await test.step("a wrong code is refused beside the code; the mailed one sends the link", async () => {
      const code = await mailedChangeCode(user.email);
      await card.getByLabel("New e-mail address").fill(newEmail);
      await card.getByLabel("Code from the e-mail").fill(code === "000000" ? "999999" : "000000");
      await card.getByRole("button", { name: "Send confirmation link" }).click();
      await expect(card.getByLabel("Code from the e-mail")).toHaveAttribute("aria-invalid", "true");
      await page.screenshot({ path: "screenshots/account-change-email-code-1280.png", fullPage: true });
      await card.getByLabel("Code from the e-mail").fill(code);
      await card.getByRole("button", { name: "Send confirmation link" }).click();
      await expect(card.getByText(`We mailed a confirmation link to ${newEmail}`)).toBeVisible();
      await expect.poll(() => mailedSubjects(user.email)).toContain("Your e-mail address is about to change");
    });
  });
});
