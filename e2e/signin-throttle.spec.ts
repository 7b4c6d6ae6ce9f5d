import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/** Clicks "Sign in" and waits for the server's answer to that sign-in. */
async function submitSignIn(page: Page) {
  const answered = page.waitForResponse(
    (response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("signIn("),
  );
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await answered;
}

test.describe("an owner whose password was guessed at", () => {
  test("fails three times, lets the browser solve the check, and gets in with the right password", async ({
    page,
    registeredUser: user,
  }) => {
    // The check is real work for the browser: on a busy machine it takes a while.
    test.slow();
    const proofs: (string | null)[] = [];
    page.on("request", (request) => {
      const body = request.postData() ?? "";
      if (request.url().endsWith("/graphql") && body.includes("signIn(")) {
        proofs.push(
          (JSON.parse(body) as { variables: { input: { proofOfWork?: string | null } } }).variables.input.proofOfWork ??
            null,
        );
      }
    });

    await test.step("three wrong passwords each say so, and nothing locks", async () => {
      await page.goto("/signin");
      await page.getByLabel("Email").fill(user.email);
      for (let attempt = 1; attempt <= 3; attempt++) {
        await page.getByLabel("Password").fill(`wrong guess number ${attempt}`);
        await submitSignIn(page);
        await expect(page.getByText("The e-mail address or password is incorrect.")).toBeVisible();
      }
    });

    await test.step("the right password first needs the browser check, which the page solves and sends", async () => {
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(
        page.getByText("Several sign-in attempts failed for this address, so your browser first solves a short check."),
      ).toBeVisible({ timeout: 15_000 });
      await expect(page.getByText("Checking your browser…")).toBeVisible();
      await page.screenshot({ path: "screenshots/signin-browser-check-1280.png", fullPage: true });
      await expect(page).toHaveURL(/\/account$/, { timeout: 90_000 });
    });

    // Four sign-ins without a solution, then the one that got in carried the solved challenge.
    expect(proofs.slice(0, 4)).toEqual([null, null, null, null]);
    expect(proofs.at(-1)).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});
