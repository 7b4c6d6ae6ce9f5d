import { registerOnHostedPage } from "./support/account";
import { expect, newUser, test } from "./support/fixtures";

test.describe("a partner app logs a user in", () => {
  test("a new user registers, allows the partner, and is not asked again next time", async ({
    page,
    partner,
    signToken,
  }, testInfo) => {
    const user = newUser("newcomer");
    let firstSub = "";

    await test.step("the hosted login page names the partner and offers sign-in", async () => {
      const { url } = await signToken();
      await page.goto(url);
      await expect(page.getByRole("heading", { name: /sign in to continue to .+ \(localhost\)/i })).toBeVisible();
      await expect(page.getByLabel("Email")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("01-hosted-sign-in.png") });
    });

    await test.step("the user registers without leaving the page", async () => {
      await page.getByRole("button", { name: "Create an account" }).click();
      await expect(page.getByRole("heading", { name: /create an account to continue to/i })).toBeFocused();
      await page.getByRole("button", { name: "Next" }).click();
      await expect(page.getByText("Enter your name.")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("02-register-validation.png") });

      await registerOnHostedPage(page, user);
    });

    await test.step("the consent screen lists the requested scopes", async () => {
      await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();
      await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
      await expect(page.locator('li[data-scope="userinfo"]')).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("03-consent.png"), fullPage: true });
    });

    await test.step("allowing lands on the partner callback with the user's sub and email", async () => {
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL(`${partner.callbackUrl}?**`);
      await expect(page.getByRole("heading", { name: "Signed in to the partner app" })).toBeVisible();
      firstSub = (await page.locator("#sub").textContent()) ?? "";
      expect(firstSub).toMatch(/^\d+$/);
      expect(Number(firstSub)).toBeLessThan(2 ** 53);
      await expect(page.locator("#email")).toHaveText(user.email);
      await page.screenshot({ path: testInfo.outputPath("04-partner-callback.png") });
    });

    await test.step("the next login skips consent and returns the same sub", async () => {
      const { url } = await signToken();
      await page.goto(url);
      // Nothing is clicked: reaching the callback proves the consent screen was not shown.
      await page.waitForURL(`${partner.callbackUrl}?**`);
      await expect(page.locator("#sub")).toHaveText(firstSub);
      await expect(page.locator("#email")).toHaveText(user.email);
    });
  });

  test("a user who denies the partner is sent back to the app with the reason", async ({
    page,
    partner,
    signToken,
    registeredUser,
  }, testInfo) => {
    const { url } = await signToken();
    await page.goto(url);

    await page.getByLabel("Email").fill(registeredUser.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("01-wrong-password.png") });

    await page.getByLabel("Password").fill(registeredUser.password);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();

    await page.getByRole("button", { name: "Deny" }).click();
    // The demo domain has no fallback URI, so the browser returns to the app's redirect_url with XWMS's
    // message parameters, and the app tells the person what happened.
    await page.waitForURL(`${partner.callbackUrl}?**`);
    const back = new URL(page.url());
    expect(back.searchParams.get("xwmsmessage_status")).toBe("error");
    expect(back.searchParams.has("token")).toBe(false);
    await expect(page.locator("#error")).toHaveText("You declined to share your data, so the app did not sign you in.");
    await page.screenshot({ path: testInfo.outputPath("02-declined.png") });
  });

  test("an unknown sign-in token shows a not-found error", async ({ page }, testInfo) => {
    await page.goto("/authorize?token=bogus");
    await expect(page.getByRole("heading", { name: /not valid|not found|expired/i })).toBeVisible();
    await expect(page.getByRole("alert")).not.toBeEmpty();
    await expect(page.getByLabel("Email")).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("01-unknown-token.png") });

    await page.goto("/authorize");
    await expect(page.getByRole("heading", { name: "This sign-in link is incomplete" })).toBeVisible();
  });
});
