import { expect, newUser, test } from "./support/fixtures";
import { mailedConfirmationCode } from "./support/outbox";

test.describe("a person manages their Gatehouse account", () => {
  test("registers, sees their profile, signs out and back in", async ({ page }, testInfo) => {
    const user = newUser("account");

    await test.step("the account page sends signed-out visitors to sign-in", async () => {
      await page.goto("/");
      await page.waitForURL("**/signin");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("01-sign-in.png") });
    });

    await test.step("registering lands on the account page with the new profile", async () => {
      await page.getByRole("link", { name: "Create an account" }).click();
      await page.getByLabel("Name").fill(user.name);
      await page.getByLabel("Email").fill(user.email);
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByLabel("Password", { exact: true }).fill("too-short");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("At least 10 characters, please.")).toBeVisible();
      await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
      await page.screenshot({ path: testInfo.outputPath("02-register-short-password.png") });

      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByLabel("Code from the e-mail").fill(await mailedConfirmationCode(user.email));
      await page.getByRole("button", { name: "Confirm e-mail address" }).click();
      await page.waitForURL("**/account");
      await expect(page.getByRole("heading", { name: user.name })).toBeVisible();
      await expect(page.getByTestId("viewer-sub")).toHaveText(/^\d+$/);
      await page.screenshot({ path: testInfo.outputPath("03-account.png") });
    });

    await test.step("registering the same e-mail again is refused next to the field", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/signin");
      await page.goto("/register");
      await page.getByLabel("Name").fill(user.name);
      await page.getByLabel("Email").fill(user.email);
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Create account" }).click();
      // The taken address is shown where it was typed: back on the first step.
      await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await page.screenshot({ path: testInfo.outputPath("04-register-email-taken.png") });
    });

    await test.step("signing in again shows the same account", async () => {
      await page.getByRole("link", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL("**/account");
      await expect(page.getByRole("heading", { name: user.name })).toBeVisible();
    });
  });

  test("an unknown address shows a friendly 404 page", async ({ page }, testInfo) => {
    await page.goto("/no/such/page");
    await expect(page.getByRole("heading", { name: "We can't find that page" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("01-not-found.png") });
  });
});
