import { expect, type Page } from "@playwright/test";
import type { TestUser } from "./fixtures";
import { mailedConfirmationCode } from "./outbox";

const widths = [1280, 390] as const;

/**
 * Registers through the stepped form where the page shows it, in English or Dutch: name and e-mail, then the
 * password while the real ALTCHA widget solves the check. On /register the code from the mail is then entered,
 * as a person would.
 */
export async function registerOnHostedPage(page: Page, user: TestUser) {
  const onRegisterPage = new URL(page.url()).pathname === "/register";
  await page.getByLabel(/^(Name|Naam)$/).fill(user.name);
  await page.getByLabel(/^(Email|E-mailadres)$/).fill(user.email);
  await page.getByRole("button", { name: /^(Next|Volgende)$/ }).click();
  await page.getByLabel(/^(Password|Wachtwoord)$/).fill(user.password);
  // As a person typing would, the click comes once the widget has solved the check.
  // On a busy machine the proof of work may take longer than the usual ten seconds.
  await expect(page.getByText(/^(Browser checked\.|Browser gecontroleerd\.)$/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: /create account|account aanmaken/i }).click();
  if (!onRegisterPage) return;
  await expect(
    page.getByRole("heading", { name: /^(Confirm your e-mail address|Bevestig uw e-mailadres)$/ }),
  ).toBeFocused();
  await page.getByLabel(/^(Code from the e-mail|Code uit de e-mail)$/).fill(await mailedConfirmationCode(user.email));
  await page.getByRole("button", { name: /^(Confirm e-mail address|E-mailadres bevestigen)$/ }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** Full-page screenshots of an account page at a desktop and a phone width. */
export async function screenshots(page: Page, name: string) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 860 });
    await page.screenshot({ path: `screenshots/account-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}
