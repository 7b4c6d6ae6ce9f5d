import type { Page } from "@playwright/test";
import { registerOnHostedPage } from "./support/account";
import { demoAdminCookie } from "./support/demo-admin";
import { expect, newUser, test } from "./support/fixtures";
import { startOidcApp } from "./support/oidc-app";

// A small PNG logo (96 px); the server checks and re-encodes it as WebP.
const LOGO_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAMAAADVRocKAAAB7FBMVEVMaXEZf2YPdm0OdW4Pdm0Pdm4AZmYPdW0Pdm0Af38PdW0OdW4McnIAVVUSdm0OdW0Odm0OdW4ScXEAf38Odm4Odm4PdW4PdW4OdW8Pdm4PdW4Pdm0PdW8PdW4OcXEPdW4NeGsNdm0OdW4Odm0NdG8Pdm4PdW0OdW4Pdm4Odm0Pdm0PdW4OdmwOeG4Od24PdW0Odm0Pdm0PdW4OdW0Od24Af38PdW4Pdm4MeW0RcnIPdm4Rd24OdW0Odm0Pdm77vySTnkXquinZtC+QnkYQd24Td234viWVn0QxgWP5viXfty2Un0T1viY2gmLHrzRSi1nruilvlFAnfWdXjFfFrzUzgWOYoUPQsjEcemq9rDgXeWtHiF3zvSY5g2CboUKaoUJsk1DyvSenpj4XeGzzvCcVd2wwgGPcti68qzdWjFhBhV9Gh1zouSreti3RsjI8hGBGh13OsTL0vSb2vSVTi1npuim+rTdChl4WeGzxvCc0gWPLsDPGrjXErjWZoUO/rDeSn0XJsDPityzhtyyVoENuk1E/hV+OnkYvgGSPnUU7hGA4g2HPsTKkpEC7qzjsuilRilltk1BDhl7atS91lk50lk6RnkbbtS6KnEgUeG0+hF89hF9djlZUi1iXoETdti3dtS3NsTPMsTM6g2FRzNCnAAAAPnRSTlMACpd66/gF+e0Ch6sUAxzU4tIbBFib7JRX+pi1VbYS7hM44645mZOtiOSVhjY1eHevs7RbWgbquxUd1R7h0du3rf4AAAAJcEhZcwAACxMAAAsTAQCanBgAAAOhSURBVHja1Zpld9swFIZdDHRlhpVWxjFPStJQmZIyM7dbcW3XlWnMzH90bRonMVuKdM72fkp87PeJHF1J90oM46vwnKD82xnJAFPJGZH5QVk6Rkq3CgoBAWXrI0Ttb+ZqACFpAs8J/a9qAUElxPHsQ+MBYaWE+voHnAfElRrg8/sp+ANw45oHEA+oKJD1vwIoKenMPzOYFkB71ltzATUVnfpHaOgBNHdOAAWAovQMo8umCSgMZ3IAVZUwQXQBZcwFuoAwJpIuIJrR0gUEMxq6gBAGUNY/BFht7FkabZifb/iw1LvnJA04NmxDjnY2/5ADmMfroIjWx81kABNrUEJb+wQAHd8roaQqdwf9BThnoKye2v0DLC9CBTVM+gNYGIKK6q/HB7x+CFVoaBIX4HwBVcloxwMM3ocqNdOBBWiBqmXDAexb1QMqJ9AB5jWIoDozMqBZ0dRks5k8XxaQAXVK/i0WACy97DcHKmBWyX/A9VIsnjZ0IwIMCv7tw2f3VbMXKhAB2/L+rW2AB6hCA6zK+1c1ue/zviI4ggRolB8batn7KrwXXyEBeuT8uybFfkcLEuCxXNh+9cSKb7CPIQF+yADesjd1dvleHkUCGKUiFsID9p5aI4c7hQSo8T7YexqxNl6AnaipituwB5gAk4XTXdgAA22t0B+At/XVnA7pCbDhdv5fg/aKfgoALoInwMwDgv9+FLObul+Ri+ANsANh5xrDDTRPE8DHTvbTO7HhGwmw5/OkQTgZic2mfUgAJ5QhcAMMb7ADO77Pcsd6XoC5NY04H2xCqTY0TYsOIEeIgGPu4942CAIMc8oE61C0DZ+ei/s/Ql5VjEMxgvmZxBBbj77w2hIjHEn4OzCWjp+tQoLUTGqdxVn87vJtDM1Sy1UD1up65ZdgsiS7fAd2o7qV7+Ihbgq1rC6FmsNPAuv7VSSBL/1JYyemFNPYOf8ScbtCovb70N9SwqBNJpWyGlYIFEO+SOYijllC9aJvDtHxrZ5gQar7PW+ZNV3xhHRJzd630f7GWFNjNI1t9I38j0VBXAD1wiz10jL14jj18j7lDYpyJosuoJTRRdH0v3uyPa6nCSimvFEXEnO6FRhID5Dn2stMp7ZZmuDe2o+jBUhjN5RT6Pgnes9rXKThfznW59BAKnn/SwGcYw/Eu1JiLO9kRRLRvnQ9TXg0JLMohFh85aWLnm6J0RMZl6KKYyTP5+hKysKitdhjh0Z7L6y8lHv85y+2s4wZ18pMSwAAAABJRU5ErkJggg==",
  "base64",
);

async function changeLogo(url: string, cookie: string, clientId: string, method: "PUT" | "DELETE") {
  const response = await fetch(`${url}/clients/${clientId}/logo`, {
    method,
    headers: { cookie, "x-gatehouse-csrf": "1", "content-type": "image/png" },
    ...(method === "PUT" ? { body: LOGO_PNG } : {}),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { logoUrl: string | null };
}

/** Registers a new person from the sign-in link's page, through the registration steps, up to the consent screen. */
async function registerForConsent(page: Page, label: string) {
  await page.getByRole("button", { name: "Create an account" }).click();
  await registerOnHostedPage(page, newUser(label));
  await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();
}

/** The consent screen names the app: its logo (served by Gatehouse), the badge, its domain and each scope's fields. */
async function expectAppIdentity(page: Page, logoUrl: string, name: string) {
  const logo = page.locator("img.client-logo");
  await expect(logo).toHaveAttribute("src", logoUrl);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { name: new RegExp(`^${name} wants`) })).toBeVisible();
  await expect(page.getByText("Verified partner")).toBeVisible();
  await expect(page.getByTestId("consent-domain")).toHaveText("localhost");
  await expect(page.locator(".scope-releases").first()).toContainText("email");
}

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe("the consent screen shows who is asking", () => {
  test("with the XWMS redirect login and with OpenID Connect: logo, name, badge, domain, fields", async ({
    page,
    gatehouse,
    signToken,
  }) => {
    const { clientId } = gatehouse.demo;
    // Staff need a second factor: the demo admin signs in with its passkey (see support/demo-admin).
    const cookie = await demoAdminCookie(gatehouse.url);
    const { logoUrl } = await changeLogo(gatehouse.url, cookie, clientId, "PUT");
    expect(logoUrl).toMatch(/\/logos\/[A-Za-z0-9_-]+\.webp$/);
    try {
      await test.step("XWMS redirect login", async () => {
        const token = await signToken();
        await page.goto(token.url);
        await registerForConsent(page, "consent-xwms");
        const heading = await page.getByRole("heading", { name: /wants to access/ }).textContent();
        await expectAppIdentity(page, logoUrl ?? "", (heading ?? "").replace(/ wants.*/, ""));
        await screenshots(page, "consent-identity-xwms");
      });

      await test.step("OpenID Connect login", async () => {
        await page.context().clearCookies();
        const app = await startOidcApp(gatehouse.url, clientId, gatehouse.demo.clientSecret);
        try {
          await page.goto(app.loginUrl);
          await expect(page).toHaveURL(/\/authorize\?token=/);
          await registerForConsent(page, "consent-oidc");
          const heading = await page.getByRole("heading", { name: /wants to access/ }).textContent();
          await expectAppIdentity(page, logoUrl ?? "", (heading ?? "").replace(/ wants.*/, ""));
          await expect(page.getByText(/sends you back to/)).not.toContainText(new URL(gatehouse.url).host);
          await screenshots(page, "consent-identity-oidc");
        } finally {
          await app.close();
        }
      });
    } finally {
      await changeLogo(gatehouse.url, cookie, clientId, "DELETE");
    }
  });
});
