import type { Browser } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { mailedSignInCode, mailedSubjects } from "./support/outbox";

/** A fresh browser (no device cookie) whose requests come from `ip`, as the server's trusted proxy reports it. */
async function browserAt(browser: Browser, ip: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  return { context, page: await context.newPage() };
}

test.describe("new-device step-up", () => {
  test("a fresh browser on a known network signs in directly; on a new network it must enter a mailed code", async ({
    browser,
    registeredUser: user,
  }) => {
    // The account was registered from this machine (127.0.0.1), so its network is known.
    await test.step("a new browser on the known network: no extra step", async () => {
      const { context, page } = await browserAt(browser, "127.0.0.44");
      await page.goto("/signin");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL("**/account");
      await context.close();
    });

    await test.step("a new browser on a new network: the step, a wrong code refused, the mailed code accepted", async () => {
      const { context, page } = await browserAt(browser, "203.0.113.40");
      await page.goto("/signin");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByText("We don't recognise this device or network")).toBeVisible();
      const code = await mailedSignInCode(user.email);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 860 });
        await page.screenshot({ path: `../docs/screenshots/new-device-step-up-${width}.png`, fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 860 });

      await page.getByLabel("Code from your e-mail").fill(code === "000000" ? "111111" : "000000");
      await page.getByRole("button", { name: "Verify" }).click();
      await expect(page.getByText(/That code is not right.*4 tries left/)).toBeVisible();
      await page.goto("/account");
      await expect(page).toHaveURL(/\/signin/);
      expect(mailedSubjects(user.email)).not.toContain("New sign-in to your Gatehouse account");

      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      const second = await mailedSignInCode(user.email, 1);
      await page.getByLabel("Code from your e-mail").fill(second);
      await page.getByRole("button", { name: "Verify" }).click();
      await page.waitForURL("**/account");
      expect(mailedSubjects(user.email)).toContain("New sign-in to your Gatehouse account");
      await context.close();
    });

    await test.step("that network is known now: another fresh browser there goes straight in", async () => {
      const { context, page } = await browserAt(browser, "203.0.113.41");
      await page.goto("/signin");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL("**/account");
      await context.close();
    });
  });
});
