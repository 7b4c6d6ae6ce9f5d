import type { Page } from "@playwright/test";
import { signInAsDemoAdmin } from "./support/demo-admin";
import { expect, test } from "./support/fixtures";

/** Both widths; `docs` also keeps them in docs/screenshots for the README. */
async function shoot(page: Page, name: string, docs = false) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
    if (docs) await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("journey: a new domain stays unverified until it is proven", () => {
  test("the owner adds a domain, sees it unverified with its proof, checks it, and staff verify it", async ({
    page,
    gatehouse,
  }) => {
    const { demo } = gatehouse;
    const rootDomain = `proof-${Date.now().toString(36)}.example.test`;

    await test.step("the owner (also staff in the demo) signs in and adds a domain", async () => {
      // Staff need a second factor: the demo admin signs in with its passkey (support/demo-admin.ts).
      await signInAsDemoAdmin(page, gatehouse.url, `/clients/${demo.clientId}/domains`);
      await page.getByLabel("Domain", { exact: true }).fill(rootDomain);
      await page.getByRole("button", { name: "Add domain" }).click();
      await expect(page.getByRole("heading", { name: rootDomain, level: 2 })).toBeVisible();
    });

    await test.step("the domain page says unverified and shows both ways to prove it", async () => {
      const card = page.getByRole("region", { name: "Ownership" });
      await expect(card.getByText("Unverified")).toBeVisible();
      await expect(card.getByText(/only your team and your test users can sign in/)).toBeVisible();
      await expect(card.getByText(rootDomain, { exact: true })).toBeVisible();
      await expect(card.getByText(/^gatehouse-verification=[0-9a-f]{32}$/)).toBeVisible();
      await expect(card.getByText(`https://${rootDomain}/.well-known/gatehouse-verification.txt`)).toBeVisible();
      await expect(card.getByRole("button", { name: `Copy TXT record value for ${rootDomain}` })).toBeVisible();
      await shoot(page, "domain-ownership-unverified");
    });

    await test.step("Check now looks for the record and the file and says what it found", async () => {
      const card = page.getByRole("region", { name: "Ownership" });
      await card.getByRole("button", { name: "Check now" }).click();
      // The name does not exist outside this test, so neither proof is found (or the resolver gives up).
      await expect(card.getByRole("status").filter({ hasText: "DNS record:" })).toContainText("HTTPS file:");
      await expect(card.getByText("Unverified")).toBeVisible();
      await shoot(page, "domain-ownership-checked", true);
    });

    await test.step("staff mark it verified from the staff page, with a note", async () => {
      await page.goto("/staff");
      const list = page.getByRole("list", { name: "Unverified domains" });
      await expect(list.getByRole("heading", { name: rootDomain })).toBeVisible();
      await shoot(page, "staff-unverified-domains");
      await list.getByRole("button", { name: `Mark ${rootDomain} verified` }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("button", { name: "Mark verified" })).toBeDisabled();
      await dialog.getByLabel("How you checked it (kept in the audit log)").fill("Checked with the owner by phone.");
      await dialog.getByRole("button", { name: "Mark verified" }).click();
      await expect(page.getByText(`${rootDomain} is verified`)).toBeVisible();
      await expect(list.getByRole("heading", { name: rootDomain })).toHaveCount(0);
    });

    await test.step("the domain page now says verified, by staff", async () => {
      await page.goto(`/clients/${demo.clientId}/domains`);
      await expect(page.getByRole("row", { name: new RegExp(rootDomain) }).getByText("Unverified")).toHaveCount(0);
      await page.getByRole("link", { name: rootDomain }).click();
      const card = page.getByRole("region", { name: "Ownership" });
      await expect(card.getByText("Verified", { exact: true })).toBeVisible();
      await expect(card.getByText(/Verified by Gatehouse staff/)).toBeVisible();
      await expect(card.getByRole("button", { name: "Check now" })).toHaveCount(0);
      await shoot(page, "domain-ownership-verified");
    });
  });
});
