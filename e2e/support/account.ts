import type { Page } from "@playwright/test";
import type { TestUser } from "./fixtures";

const widths = [1280, 390] as const;

/** Fills the hosted registration form, where the page shows it. */
export async function registerOnHostedPage(page: Page, user: TestUser) {
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: /create account/i }).click();
}

/** Full-page screenshots of an account page at a desktop and a phone width. */
export async function screenshots(page: Page, name: string) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 860 });
    await page.screenshot({ path: `screenshots/account-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}
