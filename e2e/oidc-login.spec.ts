import { registerOnHostedPage } from "./support/account";
import { expect, newUser, test } from "./support/fixtures";
import { startOidcApp } from "./support/oidc-app";

test.describe("an app using openid-client logs a person in", () => {
  test("code + PKCE through the hosted sign-in and consent pages, then userinfo", async ({ page, gatehouse }) => {
    const user = newUser("oidc-user");
    const app = await startOidcApp(gatehouse.url, gatehouse.demo.clientId, gatehouse.demo.clientSecret);
    try {
      await test.step("the app sends the browser to Gatehouse's authorization endpoint", async () => {
        await page.goto(app.loginUrl);
        await expect(page).toHaveURL(/\/authorize\?token=/);
      });

      await test.step("the person registers on the hosted page and consents", async () => {
        await page.getByRole("button", { name: "Create an account" }).click();
        await registerOnHostedPage(page, user);
        await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();
        await page.screenshot({ path: "screenshots/oidc-login-consent-1280.png", fullPage: true });
        await page.getByRole("button", { name: "Allow" }).click();
      });

      await test.step("the app exchanges the code and reads userinfo", async () => {
        await page.waitForURL(`${app.callbackUrl}?**`);
        await expect(page.getByRole("heading", { name: "Signed in with OpenID Connect" })).toBeVisible();
        await expect(page.locator("#sub")).toHaveText(/^\d+$/);
        await expect(page.locator("#email")).toHaveText(user.email);
        await expect(page.locator("#iss")).toHaveText(gatehouse.url);
        await page.screenshot({ path: "screenshots/oidc-login-callback-1280.png", fullPage: true });
      });

      await test.step("signing in again asks nothing: the consent is remembered", async () => {
        await page.goto(app.loginUrl);
        await page.waitForURL(`${app.callbackUrl}?**`);
        await expect(page.locator("#email")).toHaveText(user.email);
      });
    } finally {
      await app.close();
    }
  });
});
