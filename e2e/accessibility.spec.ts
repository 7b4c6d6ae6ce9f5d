import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { registerOnHostedPage } from "./support/account";
import { expect, newUser, test } from "./support/fixtures";

/** axe on the page as it is now; only serious and critical violations fail, each named with its first target. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes[0]?.target.join(" ") ?? ""})`);
}

/** Presses Tab until `target` has the focus; fails when it never gets there. */
async function tabTo(page: Page, target: Locator, most = 40) {
  for (let press = 0; press < most; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

const BACKGROUND = { light: "rgb(244, 245, 249)", dark: "rgb(15, 17, 23)" };

// Each account page and the heading that shows it has loaded, in each language.
const ACCOUNT_PAGES = {
  en: [
    ["/account", "Edit profile"],
    ["/account/addresses", "Addresses"],
    ["/account/apps", "Connected apps"],
    ["/account/requests", "Access requests"],
    ["/account/tokens", "Create an API token"],
    ["/account/sessions", "Where you are signed in"],
    ["/account/privacy", "Delete your account"],
    ["/clients", "My clients"],
  ],
  nl: [
    ["/account", "Profiel bewerken"],
    ["/account/addresses", "Adressen"],
    ["/account/apps", "Gekoppelde apps"],
    ["/account/requests", "Toegangsverzoeken"],
    ["/account/tokens", "Een API-token aanmaken"],
    ["/account/sessions", "Waar u bent ingelogd"],
    ["/account/privacy", "Uw account verwijderen"],
    // The partner dashboard's own Dutch comes with its translation; either heading shows the page loaded.
    ["/clients", /^(My clients|Mijn clients)$/],
  ],
} as const;

// The words the journey clicks, per language; the browser's locale alone picks the language.
const WORDS = {
  en: { locale: "en-US", signIn: "Sign in", toRegister: "Create an account", next: "Next", allow: "Allow" },
  nl: { locale: "nl-NL", signIn: "Inloggen", toRegister: "Account aanmaken", next: "Volgende", allow: "Toestaan" },
} as const;

for (const language of ["en", "nl"] as const) {
  test.describe(`the main pages are accessible in both themes (${language})`, () => {
    const words = WORDS[language];
    test.use({ locale: words.locale });
    for (const scheme of ["light", "dark"] as const) {
      test(`axe finds no serious or critical violation (${language}, ${scheme})`, async ({
        page,
        signToken,
        partner,
      }) => {
        // Nine pages through axe plus a registration (its browser check included) on a busy machine.
        test.setTimeout(180_000);
        await page.emulateMedia({ colorScheme: scheme });
        const found: Record<string, string[]> = {};
        const check = async (name: string) => {
          const violations = await seriousViolations(page);
          if (violations.length) found[name] = violations;
        };

        await page.goto("/signin");
        await expect(page.getByRole("heading", { name: words.signIn })).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        // The page follows the device: its background is the scheme's.
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BACKGROUND[scheme]);
        await check("/signin");
        await page.goto("/register");
        await expect(page.getByRole("button", { name: words.next })).toBeVisible();
        await check("/register");

        const { url } = await signToken();
        await page.goto(url);
        await page.getByRole("button", { name: words.toRegister }).click();
        await registerOnHostedPage(page, newUser(`axe-${language}-${scheme}`));
        await expect(page.getByRole("button", { name: words.allow })).toBeVisible();
        await check("consent");
        await page.getByRole("button", { name: words.allow }).click();
        await page.waitForURL(`${partner.callbackUrl}?**`);

        for (const [path, heading] of ACCOUNT_PAGES[language]) {
          await page.goto(path);
          await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
          await check(path);
        }
        expect(found).toEqual({});
        // The check can fail: grey text on grey is caught as a contrast violation.
        await page.evaluate(() => {
          const line = Object.assign(document.createElement("p"), { textContent: "Hard to read" });
          line.style.cssText = "color: #777; background: #888";
          document.querySelector("main")?.append(line);
        });
        expect((await seriousViolations(page)).join("\n")).toContain("color-contrast");
      });
    }
  });
}

test.describe("the dashboard, theme and keyboard are accessible", () => {
  for (const scheme of ["light", "dark"] as const) {
    test(`the client dashboard and staff pages have no serious or critical violation (${scheme})`, async ({
      page,
      gatehouse,
    }) => {
      test.setTimeout(150_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/signin");
      await page.getByLabel("Email").fill(gatehouse.demo.adminEmail);
      await page.getByLabel("Password").fill(gatehouse.demo.adminPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL("**/account");
      const client = `/clients/${gatehouse.demo.clientId}`;
      const pages = ["", "/domains", "/scopes", "/secrets", "/users", "/verification", "/members", "/roles", "/audit"];
      const found: Record<string, string[]> = {};
      for (const path of [...pages.map((tail) => `${client}${tail}`), "/staff"]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await expect(page.locator("main h1, main h2").first()).toBeVisible();
        await expect(page.getByText(/^Loading/)).toHaveCount(0);
        const violations = await seriousViolations(page);
        if (violations.length) found[path] = violations;
      }
      expect(found).toEqual({});
    });
  }

  test("the header's theme choice applies at once and is remembered for the account", async ({ page, browser }) => {
    const user = newUser("theme");
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/register");
    await registerOnHostedPage(page, user);
    await page.waitForURL("**/account");
    const theme = page.getByRole("combobox", { name: "Theme" });
    await expect(theme).toHaveValue("SYSTEM");
    await theme.selectOption("DARK");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BACKGROUND.dark);
    for (const [path, name] of [
      ["/account", "account-dark"],
      ["/account/privacy", "account-privacy-dark"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: /Upload a picture|Download my data/ })).toBeVisible();
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 860 });
        await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 860 });

    // Another device of the same account, with an empty storage, gets the choice once signed in.
    const other = await browser.newPage({ colorScheme: "light" });
    await other.goto("/signin");
    await other.getByLabel("Email").fill(user.email);
    await other.getByLabel("Password").fill(user.password);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.waitForURL("**/account");
    await expect(other.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(other.getByRole("combobox", { name: "Theme" })).toHaveValue("DARK");
    await other.close();
  });

  test("sign-in, consent and the profile form work with the keyboard alone", async ({ page, signToken, partner }) => {
    const user = newUser("keyboard");
    // The account exists; the person signs in on the hosted page without a mouse.
    await page.goto("/register");
    await registerOnHostedPage(page, user);
    await page.waitForURL("**/account");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/signin");

    const { url } = await signToken();
    await page.goto(url);
    await tabTo(page, page.getByLabel("Email"));
    await page.keyboard.type(user.email);
    await tabTo(page, page.getByLabel("Password"));
    await page.keyboard.type(user.password);
    await page.keyboard.press("Enter");

    const allow = page.getByRole("button", { name: "Allow" });
    await expect(allow).toBeVisible();
    await tabTo(page, allow);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${partner.callbackUrl}?**`);

    await page.goto("/account");
    await tabTo(page, page.getByLabel("Given name"));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Keyboard");
    await tabTo(page, page.getByRole("button", { name: "Save profile" }));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Your profile is saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Given name")).toHaveValue("Keyboard");
  });
});
