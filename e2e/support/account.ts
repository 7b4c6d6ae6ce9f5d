import type { Page } from "@playwright/test";
import type { TestUser } from "./fixtures";

const widths = [1280, 390] as const;

/** Fills the hosted registration form, where the page shows it, in English or Dutch. */
export async function registerOnHostedPage(page: Page, user: TestUser) {
  await page.getByLabel(/^(Name|Naam)$/).fill(user.name);
  await page.getByLabel(/^(Email|E-mailadres)$/).fill(user.email);
  await page.getByLabel(/^(Password|Wachtwoord)$/).fill(user.password);
  await page.getByRole("button", { name: /create account|account aanmaken/i }).click();
}

/** Full-page screenshots of an account page at a desktop and a phone width. */
export async function screenshots(page: Page, name: string) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 860 });
    await page.screenshot({ path: `screenshots/account-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}
