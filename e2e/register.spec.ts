import type { Page } from "@playwright/test";
import { expect, newUser, test } from "./support/fixtures";
import { mailedConfirmationCode } from "./support/outbox";

/** A screenshot of the page as it is, at a desktop and a phone width. */
async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `screenshots/register-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("a person registers in steps and confirms the address with the mailed code", () => {
  test("steps keep their input going back and forth; the code from the mail confirms; lands signed in", async ({
    page,
  }) => {
    const user = newUser("steps");

    await test.step("step 1 asks for name and e-mail, and checks them before going on", async () => {
      await page.goto("/register");
      await expect(page.getByText("Step 1 of 3")).toBeVisible();
      await page.getByRole("button", { name: "Next" }).click();
      await expect(page.getByText("Enter your name.")).toBeVisible();
      await expect(page.getByLabel("Name")).toBeFocused();
      await page.getByLabel("Name").fill(user.name);
      await page.getByLabel("Email").fill(user.email);
      await shoot(page, "1-details");
      await page.getByRole("button", { name: "Next" }).click();
    });

    const password = page.getByLabel("Password", { exact: true });
    await test.step("step 2 ticks each password rule as it is met", async () => {
      await expect(page.getByRole("heading", { name: "Choose a password" })).toBeFocused();
      await expect(page).toHaveURL(/step=password/);
      await password.fill("short");
      await expect(page.getByTestId("rule-length")).toHaveClass(/rule-open/);
      await password.fill(user.email);
      await expect(page.getByTestId("rule-length")).toHaveClass(/rule-met/);
      await expect(page.getByTestId("rule-personal")).toHaveClass(/rule-open/);
      await password.fill("password1234");
      await expect(page.getByTestId("rule-personal")).toHaveClass(/rule-met/);
      await expect(page.getByTestId("rule-guessable")).toHaveClass(/rule-open/);
      await shoot(page, "2-password-rules");
      await password.fill(user.password);
      for (const rule of ["length", "personal", "guessable"]) {
        await expect(page.getByTestId(`rule-${rule}`)).toHaveClass(/rule-met/);
      }
      await expect(page.getByText("Browser checked.")).toBeVisible();
      await shoot(page, "2-password");
    });

    await test.step("Back, and the browser's Back and Forward, keep what was typed", async () => {
      await page.getByRole("button", { name: "Back" }).click();
      await expect(page.getByRole("heading", { name: "About you" })).toBeFocused();
      await expect(page.getByLabel("Name")).toHaveValue(user.name);
      await expect(page.getByLabel("Email")).toHaveValue(user.email);
      await page.getByRole("button", { name: "Next" }).click();
      // Kept in memory only while the page is open, never stored.
      await expect(password).toHaveValue(user.password);
      await page.goBack();
      await expect(page.getByLabel("Email")).toHaveValue(user.email);
      await page.goForward();
      await expect(password).toHaveValue(user.password);
      await page.reload();
      // After a reload the name and e-mail are still there; the password is not.
      await expect(password).toHaveValue("");
      await page.getByRole("button", { name: "Back" }).click();
      await expect(page.getByLabel("Name")).toHaveValue(user.name);
      await page.getByRole("button", { name: "Next" }).click();
      await password.fill(user.password);
    });

    await test.step("creating the account waits for the browser check, then asks for the code", async () => {
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toBeFocused();
      await expect(page.getByText("Step 3 of 3")).toBeVisible();
      await expect(page.getByText(user.email)).toBeVisible();
    });

    await test.step("a wrong code is refused beside the field; the mailed one confirms and signs in", async () => {
      const code = await mailedConfirmationCode(user.email);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
      await page.getByLabel("Code from the e-mail").fill(wrong);
      await page.getByRole("button", { name: "Confirm e-mail address" }).click();
      await expect(
        page.getByText("That code is not right. Check the newest e-mail from Gatehouse. 4 tries left."),
      ).toBeVisible();
      await expect(page.getByLabel("Code from the e-mail")).toHaveAttribute("aria-invalid", "true");
      await shoot(page, "3-code");
      await page.getByLabel("Code from the e-mail").fill(code);
      await page.getByRole("button", { name: "Confirm e-mail address" }).click();
      await page.waitForURL("**/account");
      await expect(page.getByRole("heading", { name: user.name })).toBeVisible();
      await expect(page.getByText("Verified", { exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toHaveCount(0);
    });
  });

  test("a person who left before entering the code confirms later from the account page", async ({
    page,
    registeredUser,
  }) => {
    await test.step("signing in lands on the account page, which asks for the code", async () => {
      await page.goto("/signin");
      await page.getByLabel("Email").fill(registeredUser.email);
      await page.getByLabel("Password").fill(registeredUser.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL("**/account");
      await expect(page.getByText("Not verified")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toBeVisible();
    });

    await test.step("a new code replaces the old one and confirms the address", async () => {
      const old = await mailedConfirmationCode(registeredUser.email);
      await page.getByRole("button", { name: "Send a new code" }).click();
      await expect(page.getByText("A new code is on its way")).toBeVisible();
      const fresh = await mailedConfirmationCode(registeredUser.email, 2);
      await shoot(page, "account-confirm");
      if (old !== fresh) {
        await page.getByLabel("Code from the e-mail").fill(old);
        await page.getByRole("button", { name: "Confirm e-mail address" }).click();
        await expect(page.getByText(/That code is not right/)).toBeVisible();
      }
      await page.getByLabel("Code from the e-mail").fill(fresh);
      await page.getByRole("button", { name: "Confirm e-mail address" }).click();
      await expect(page.getByText("Verified", { exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Confirm your e-mail address" })).toHaveCount(0);
    });
  });
});
