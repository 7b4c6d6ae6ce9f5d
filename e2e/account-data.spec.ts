import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { registerOnHostedPage } from "./support/account";
import { expect, newUser, test } from "./support/fixtures";
import { apiEndpoint, clientHeaders } from "./support/partner-app";

/** A 4 × 4 red PNG. */
const RED_DOT_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==",
  "base64",
);

/** Screenshots for the docs, at a desktop and a phone width. */
async function docsScreenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 860 });
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("a person takes their data along and deletes their account", () => {
  test("downloads everything, schedules the deletion, then cancels it by signing in", async ({
    page,
    partner,
    signToken,
    gatehouse,
  }) => {
    const user = newUser("leaver");
    let sub = "";

    await test.step("the person registers and allows the demo client through the hosted pages", async () => {
      const { url } = await signToken();
      await page.goto(url);
      await page.getByRole("button", { name: "Create an account" }).click();
      await registerOnHostedPage(page, user);
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL(`${partner.callbackUrl}?**`);
      sub = (await page.locator("#sub").textContent()) ?? "";
      expect(sub).toMatch(/^\d+$/);
    });

    await test.step("uploads a profile picture, and a text file is refused", async () => {
      await page.goto("/account");
      const card = page.getByRole("region", { name: "Profile picture" });
      await card
        .getByLabel("Picture file")
        .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("hello") });
      await expect(card.getByText("This file is not an image. Use a JPEG, PNG or WebP file.")).toBeVisible();
      await card
        .getByLabel("Picture file")
        .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: RED_DOT_PNG });
      const avatar = page.locator("img.profile-avatar");
      await expect(avatar).toHaveAttribute("src", /\/pictures\/[A-Za-z0-9_-]+\.webp$/);
      await expect(card.getByRole("button", { name: "Remove picture" })).toBeVisible();
      const served = await page.request.get((await avatar.getAttribute("src")) ?? "");
      expect(served.headers()["content-type"]).toBe("image/webp");
      // Saving the profile form keeps the uploaded picture.
      await page.getByLabel("Given name").fill("Leaver");
      await page.getByRole("button", { name: "Save profile" }).click();
      await expect(page.getByText("Your profile is saved.")).toBeVisible();
      await page.reload();
      await expect(avatar).toHaveAttribute("src", /\/pictures\/[A-Za-z0-9_-]+\.webp$/);
      await docsScreenshots(page, "account-profile");
      // Removing asks first; cancelling keeps the picture.
      await card.getByRole("button", { name: "Remove picture" }).click();
      const confirm = page.getByRole("dialog", { name: "Remove your picture?" });
      await confirm.getByRole("button", { name: "Cancel" }).click();
      await expect(avatar).toHaveAttribute("src", /\/pictures\/[A-Za-z0-9_-]+\.webp$/);
      await card.getByRole("button", { name: "Remove picture" }).click();
      await confirm.getByRole("button", { name: "Remove picture" }).click();
      await expect(card.getByRole("button", { name: "Upload a picture" })).toBeVisible();
      await expect(card.getByRole("button", { name: "Remove picture" })).toHaveCount(0);
    });

    await test.step("Account → Your data names the app that will be told", async () => {
      await page.goto("/account");
      await page.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Your data" }).click();
      await page.waitForURL("**/account/privacy");
      const card = page.getByRole("region", { name: "Delete your account" });
      await expect(card.getByRole("listitem").filter({ hasText: "Demo Client" })).toBeVisible();
      await expect(card.getByText(/After 14 days your account/)).toBeVisible();
      await docsScreenshots(page, "account-privacy");
    });

    await test.step("Download my data saves a JSON file with the profile and the consent", async () => {
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download my data" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^gatehouse-data-\d{4}-\d\d-\d\d\.json$/);
      const data = JSON.parse(await readFile(await download.path(), "utf8"));
      expect(data.profile).toMatchObject({ sub, email: user.email, name: user.name });
      expect(data.consents).toEqual([
        expect.objectContaining({ client: { id: gatehouse.demo.clientId, name: "Demo Client" }, revokedAt: null }),
      ]);
      await expect(page.getByText("Your data was downloaded as a JSON file.")).toBeVisible();
    });

    await test.step("a wrong password is refused beside the field", async () => {
      await page.getByLabel("Your current password").fill("not my password");
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(page.getByLabel("Your current password")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("Your current password is incorrect.")).toBeVisible();
    });

    await test.step("the right password schedules the deletion and signs out", async () => {
      await page.getByLabel("Your current password").fill(user.password);
      await page.getByRole("button", { name: "Delete my account" }).click();
      await page.waitForURL("**/account-deleted?on=*");
      await expect(page.getByRole("heading", { name: "Your account will be deleted" })).toBeVisible();
      await docsScreenshots(page, "account-deleted");
      await page.goto("/account");
      await page.waitForURL("**/signin");
    });

    await test.step("signing in again cancels it: the account and the app's access stay", async () => {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL("**/account");
      await page.goto("/account/privacy");
      await expect(page.getByRole("button", { name: "Delete my account" })).toBeVisible();
      const response = await fetch(apiEndpoint(gatehouse.demo.apiUrl, "get/user/info"), {
        method: "POST",
        headers: { ...clientHeaders(gatehouse.demo), "Content-Type": "application/json" },
        body: JSON.stringify({ sub }),
      });
      expect(response.status).toBe(200);
    });
  });
});
