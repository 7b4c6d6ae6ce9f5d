import { expect, newUser, test } from "./support/fixtures";
import { mailedLink } from "./support/outbox";

test.describe("a person secures their account", () => {
  test("confirms their e-mail, resets a forgotten password from the mailed link, and sees where they are signed in", async ({
    page,
  }) => {
    const user = newUser("forgetful");

    await test.step("registers and confirms the e-mail address from the mailed link", async () => {
      await page.goto("/register");
      await page.getByLabel("Name").fill(user.name);
      await page.getByLabel("Email").fill(user.email);
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: /create account/i }).click();
      // The code can wait: the link in the same mail confirms the address too.
      await page.getByRole("button", { name: "Confirm later" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await page.goto(await mailedLink(user.email, "/verify-email"));
      await expect(page.getByText("Your e-mail address is confirmed.")).toBeVisible();
      await page.screenshot({ path: "screenshots/auth-verify-email-1280.png", fullPage: true });
    });

    await test.step("signs out and asks for a reset link", async () => {
      await page.goto("/account");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.goto("/signin");
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await page.getByLabel("Email").fill(user.email);
      await page.getByRole("button", { name: "Send reset link" }).click();
      await expect(page.getByText(`If an account uses ${user.email}, a reset link is on its way.`)).toBeVisible();
      await page.screenshot({ path: "screenshots/auth-forgot-password-1280.png", fullPage: true });
    });

    const newPassword = "a brand new passphrase 42";
    await test.step("sets a new password from the mailed link; the link works only once", async () => {
      const link = await mailedLink(user.email, "/reset-password");
      await page.goto(link);
      await page.getByLabel("New password", { exact: true }).fill(newPassword);
      await page.getByLabel("Repeat the new password").fill("something else entirely");
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page.getByText("The two passwords differ.")).toBeVisible();
      await page.getByLabel("Repeat the new password").fill(newPassword);
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page.getByText("Password changed")).toBeVisible();
      await page.screenshot({ path: "screenshots/auth-reset-password-1280.png", fullPage: true });

      await page.goto(link);
      await page.getByLabel("New password", { exact: true }).fill("yet another passphrase 43");
      await page.getByLabel("Repeat the new password").fill("yet another passphrase 43");
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page.getByText("This link does not work")).toBeVisible();
    });

    await test.step("signs in with the new password only", async () => {
      await page.goto("/signin");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: /sign in/i }).click();
      await expect(page.getByText("The e-mail address or password is incorrect.")).toBeVisible();
      await page.getByLabel("Password").fill(newPassword);
      await page.getByRole("button", { name: /sign in/i }).click();
      await expect(page).toHaveURL(/\/account$/);
    });

    await test.step("sees this device in the sessions list", async () => {
      await page.getByRole("link", { name: "Sessions" }).click();
      await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
      await expect(page.getByText("This device")).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out all other sessions" })).toBeDisabled();
      await page.screenshot({ path: "screenshots/account-sessions-1280.png", fullPage: true });
    });
  });
});
