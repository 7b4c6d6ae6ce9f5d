import type { Page } from "@playwright/test";
import { signInAsDemoAdmin } from "./support/demo-admin";
import { expect, test } from "./support/fixtures";

/** Signs in on /signin with the labels of the language the page speaks. */
async function signIn(page: Page, user: { email: string; password: string }, language: "en" | "nl") {
  const words = language === "nl" ? ["E-mailadres", "Wachtwoord", "Inloggen"] : ["Email", "Password", "Sign in"];
  await page.getByLabel(words[0] as string, { exact: true }).fill(user.email);
  await page.getByLabel(words[1] as string, { exact: true }).fill(user.password);
  await page.getByRole("button", { name: words[2], exact: true }).click();
  await page.waitForURL("**/account");
}

test.describe("the pages speak English or Dutch", () => {
  test("the header's switch speaks Dutch at once, and the account remembers it on every device", async ({
    page,
    browser,
    registeredUser,
    signToken,
    partner,
  }) => {
    // Chromium asks for en-US: English first.
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    // Signed out, the switch speaks Dutch at once and this device remembers it.
    await page.getByRole("combobox", { name: "Language" }).selectOption("nl");
    await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByText("Met Gatehouse hebt u één account voor al uw apps.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Wachtwoord vergeten?" })).toBeVisible();
    await signIn(page, registeredUser, "nl");

    // The account area in Dutch, dates included.
    await expect(page.getByRole("heading", { name: "Uw account", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Profiel bewerken" })).toBeVisible();
    await expect(page.getByLabel("Voornaam")).toBeVisible();
    await page.getByRole("link", { name: "Sessies" }).click();
    await expect(page.getByRole("heading", { name: "Waar u bent ingelogd" })).toBeVisible();
    await expect(page.getByText("Dit apparaat")).toBeVisible();
    const signedIn = page.getByRole("cell").filter({ hasText: /\d{4}/ }).first();
    const dutchMonth = /\b(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\b/;
    await expect(signedIn).toHaveText(dutchMonth);
    await page.getByRole("link", { name: "Uw gegevens" }).click();
    await expect(page.getByRole("heading", { name: "Uw account verwijderen" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mijn gegevens downloaden" })).toBeVisible();

    // Signed in, the switch saves the choice to the account: English, then Dutch again.
    const language = page.getByRole("combobox", { name: "Taal" });
    const saved = () => page.waitForResponse((response) => response.url().endsWith("/graphql") && response.ok());
    await Promise.all([saved(), language.selectOption("en")]);
    await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
    await Promise.all([saved(), page.getByRole("combobox", { name: "Language" }).selectOption("nl")]);
    await expect(page.getByRole("heading", { name: "Uw account", exact: true })).toBeVisible();

    // Another device with nothing stored: English until the account is known, then Dutch.
    const other = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "en-US" });
    const laptop = await other.newPage();
    await laptop.goto("/signin");
    await expect(laptop.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await signIn(laptop, registeredUser, "en");
    await expect(laptop.getByRole("heading", { name: "Uw account", exact: true })).toBeVisible();
    await expect(laptop.locator("html")).toHaveAttribute("lang", "nl");

    // The consent screen speaks the account's language.
    const { url } = await signToken();
    await laptop.goto(url);
    await expect(laptop.getByRole("heading", { name: /wil toegang tot uw Gatehouse-account/ })).toBeVisible();
    await expect(laptop.getByText("Ingelogd als")).toBeVisible();
    // The platform's scope reads in Dutch; the fields it releases keep the API's names.
    await expect(laptop.getByText("Uw profiel", { exact: true })).toBeVisible();
    await expect(laptop.getByText("Deelt:").first()).toBeVisible();
    await laptop.getByRole("button", { name: "Toestaan" }).click();
    await laptop.waitForURL(`${partner.callbackUrl}?**`);
    await other.close();
  });

  test("a browser that asks for Dutch (Accept-Language: nl) gets Dutch without choosing", async ({
    browser,
    gatehouse,
    registeredUser,
  }) => {
    const context = await browser.newContext({ baseURL: gatehouse.url, locale: "nl-NL" });
    const page = await context.newPage();
    const asked = page.waitForRequest((request) => request.url().endsWith("/signin"));
    await page.goto("/signin");
    expect((await asked).headers()["accept-language"]).toMatch(/^nl/);
    await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("combobox", { name: "Taal" })).toHaveValue("nl");
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 860 });
      await page.screenshot({ path: `../docs/screenshots/signin-nl-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await signIn(page, registeredUser, "nl");
    await expect(page.getByRole("heading", { name: "Uw account", exact: true })).toBeVisible();
    await page.goto("/nowhere");
    await expect(page.getByRole("heading", { name: "We kunnen die pagina niet vinden" })).toBeVisible();
    await context.close();
  });

  test("screenshots of the account area in both languages and both themes", async ({ browser, gatehouse }) => {
    // Sixteen full-page screenshots in four browser contexts: more than the default minute on a busy machine.
    test.setTimeout(180_000);
    for (const [language, locale, heading] of [
      ["en", "en-US", "Your account"],
      ["nl", "nl-NL", "Uw account"],
    ] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ baseURL: gatehouse.url, locale, colorScheme: scheme });
        const page = await context.newPage();
        // Staff need a second factor: the demo admin signs in with its passkey (see support/demo-admin).
        await signInAsDemoAdmin(page, gatehouse.url);
        for (const [path, name] of [
          ["/account", "profile"],
          ["/account/sessions", "sessions"],
        ] as const) {
          await page.goto(path);
          await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
          await expect(page.getByText(/^(Loading|Laden|.*wordt geladen)/)).toHaveCount(0);
          for (const width of [1280, 390]) {
            await page.setViewportSize({ width, height: 860 });
            await page.screenshot({
              path: `../docs/screenshots/account-${name}-${language}-${scheme}-${width}.png`,
              fullPage: true,
            });
          }
          await page.setViewportSize({ width: 1280, height: 860 });
        }
        await context.close();
      }
    }
  });
});
