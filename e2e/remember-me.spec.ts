import { expect, test } from "./support/fixtures";

test("Remember me keeps a 30-day cookie, without it the cookie ends with the browser; both show on the sessions page", async ({
  browser,
  registeredUser: user,
}) => {
  const signIn = async (remember: boolean) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    if (remember) await page.getByLabel(/Remember me/).check();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/account");
    const [cookie] = (await context.cookies()).filter((c) => c.name === "gatehouse_session");
    return { context, page, expires: cookie?.expires ?? Number.NaN };
  };

  const remembered = await signIn(true);
  const passing = await signIn(false);
  // Playwright answers -1 for a cookie that ends with the browser.
  expect(passing.expires).toBe(-1);
  const days = (remembered.expires * 1000 - Date.now()) / (24 * 3600_000);
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30);

  const { page } = remembered;
  await page.goto("/account/sessions");
  const table = page.getByRole("table", { name: "Your sessions" });
  await expect(table.getByText("Remembered for 30 days after last use")).toBeVisible();
  await expect(table.getByText("Until the browser closes")).toHaveCount(2);
  await expect(table.getByText("Chrome on Linux").first()).toBeVisible();
  await page.screenshot({ path: "../docs/screenshots/sessions-remember-me-1280.png", fullPage: true });
  await remembered.context.close();
  await passing.context.close();
});
