import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { clearOfStepBoundary, enrolTotpByApi, totpCode } from "./support/totp";

/** Full-page screenshots for the README and review, at a desktop and a phone width. */
async function docsScreenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 860 });
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

async function passwordStep(page: Page, email: string, password: string, button: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: button, exact: true }).click();
}

test.describe("two-step sign-in with an authenticator app", () => {
  test("a person sets it up from the account page, then signs in with a code and with a recovery code", async ({
    page,
    browser,
    registeredUser: user,
  }) => {
    let secret = "";
    let enrolmentCode = "";
    let recoveryCodes: string[] = [];

    await test.step("sign in with the password alone, as before", async () => {
      await page.goto("/signin");
      await passwordStep(page, user.email, user.password, "Sign in");
      await page.waitForURL("**/account");
    });

    await test.step("set up the app: QR code and key, then one code turns it on", async () => {
      await page.getByRole("link", { name: "Two-step sign-in" }).click();
      await expect(page.getByRole("heading", { name: "Authenticator app" })).toBeVisible();
      await page.getByRole("button", { name: "Set up" }).click();
      await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
      secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await docsScreenshots(page, "two-factor-enrolment");

      await page.getByLabel("Code from the app").fill("000000");
      await page.getByRole("button", { name: "Turn on", exact: true }).click();
      await expect(page.getByText("That code is not right.")).toBeVisible();

      await clearOfStepBoundary();
      enrolmentCode = totpCode(secret);
      await page.getByLabel("Code from the app").fill(enrolmentCode);
      await page.getByRole("button", { name: "Turn on", exact: true }).click();
      const list = page.getByTestId("recovery-codes");
      await expect(list.getByRole("listitem")).toHaveCount(10);
      recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((code) => code.trim());
      await docsScreenshots(page, "two-factor-recovery-codes");
      await page.getByRole("button", { name: "I have saved them" }).click();
      await expect(page.getByText("On", { exact: true })).toBeVisible();
      await expect(page.getByText("10 of 10 left.", { exact: false })).toBeVisible();
    });

    await test.step("a new browser: the password, then a code; the code that turned it on is refused", async () => {
      const context = await browser.newContext();
      const other = await context.newPage();
      await other.goto("/signin");
      await passwordStep(other, user.email, user.password, "Sign in");
      await expect(other.getByLabel("Code from your authenticator app")).toBeVisible();
      await docsScreenshots(other, "two-factor-signin");
      await other.getByLabel("Code from your authenticator app").fill(enrolmentCode);
      await other.getByRole("button", { name: "Verify" }).click();
      await expect(other.getByText(/That code is not right, or it was already used.*4 tries left/)).toBeVisible();
      await other.getByLabel("Code from your authenticator app").fill(totpCode(secret, 1));
      await other.getByRole("button", { name: "Verify" }).click();
      await other.waitForURL("**/account");
      await expect(other.getByRole("heading", { name: "Your account" })).toBeVisible();
      await context.close();
    });

    await test.step("another browser: a recovery code instead, which then counts as used", async () => {
      const context = await browser.newContext();
      const other = await context.newPage();
      await other.goto("/signin");
      await passwordStep(other, user.email, user.password, "Sign in");
      await other.getByRole("button", { name: "Use a recovery code" }).click();
      await other.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
      await other.getByRole("button", { name: "Verify" }).click();
      await other.waitForURL("**/account");
      await other.goto("/account/two-factor");
      await expect(other.getByText("9 of 10 left.", { exact: false })).toBeVisible();
      await context.close();
    });

    await test.step("turning it off needs the password", async () => {
      await page.reload();
      await page.getByRole("button", { name: "Turn off" }).first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Your current password").fill("not the password");
      await dialog.getByRole("button", { name: "Turn off" }).click();
      await expect(dialog.getByText("Your current password is incorrect.")).toBeVisible();
      await dialog.getByLabel("Your current password").fill(user.password);
      await dialog.getByRole("button", { name: "Turn off" }).click();
      await expect(page.getByRole("button", { name: "Set up" })).toBeVisible();
    });
  });

  test("the XWMS hosted login asks for the code and still lands on the app's redirect with a valid token", async ({
    page,
    gatehouse,
    partner,
    signToken,
    registeredUser: user,
  }) => {
    const secret = await enrolTotpByApi(gatehouse.url, user.email, user.password);
    const { url } = await signToken();
    await page.goto(url);
    await expect(page.getByRole("heading", { name: /sign in to continue to .+ \(localhost\)/i })).toBeVisible();
    await passwordStep(page, user.email, user.password, "Continue");
    await expect(page.getByLabel("Code from your authenticator app")).toBeVisible();
    await page.getByLabel("Code from your authenticator app").fill(totpCode(secret, 1));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();
    await page.getByRole("button", { name: "Allow" }).click();
    // The partner's callback exchanges the token with sign-token-verify and shows whom it got.
    await page.waitForURL(`${partner.callbackUrl}?**`);
    await expect(page.getByRole("heading", { name: "Signed in to the partner app" })).toBeVisible();
    await expect(page.locator("#sub")).toHaveText(/^\d+$/);
    await expect(page.locator("#email")).toHaveText(user.email);
  });
});
