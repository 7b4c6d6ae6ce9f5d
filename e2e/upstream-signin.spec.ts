import type { Page } from "@playwright/test";
import {
  GOOGLE_CLIENT_ID,
  GOOGLE_CLIENT_SECRET,
  type LocalGoogle,
  startLocalGoogle,
} from "../server/test/upstream/local-google";
import { signInAsDemoAdmin } from "./support/demo-admin";
import { expect, newUser, test } from "./support/fixtures";
import { mailedChangeCode, mailedLink } from "./support/outbox";
import { graphqlSession } from "./support/owner";
import { virtualAuthenticator } from "./support/passkey";
import { enrolTotpByApi, totpCode } from "./support/totp";

// One local "Google" (panva's oidc-provider on a loopback port) for this file; removed again afterwards
// so the other journeys see the sign-in page they expect.
let google: LocalGoogle;
let asAdmin: Awaited<ReturnType<typeof graphqlSession>>;

test.beforeAll(async ({ gatehouse }) => {
  google = await startLocalGoogle();
  google.register(`${gatehouse.url}/upstream/google/callback`);
  asAdmin = await graphqlSession(gatehouse.url, gatehouse.demo.adminEmail, gatehouse.demo.adminPassword);
  const created = await asAdmin<{ createUpstreamProvider: { __typename: string; message?: string } }>(
    `mutation E2E_AddGoogle($input: CreateUpstreamProviderInput!) {
      createUpstreamProvider(input: $input) { __typename ... on Error { message } }
    }`,
    {
      input: {
        preset: "GOOGLE",
        issuer: google.issuer,
        clientId: GOOGLE_CLIENT_ID,
        clientSecret: GOOGLE_CLIENT_SECRET,
      },
    },
  );
  expect(created.createUpstreamProvider.__typename, created.createUpstreamProvider.message).toBe(
    "CreateUpstreamProviderSuccess",
  );
});

test.afterAll(async () => {
  await asAdmin?.(`mutation E2E_RemoveGoogle { deleteUpstreamProvider(slug: "google") { __typename } }`);
  await google?.close();
});

/** At the local Google: its development login page takes any name (the e-mail here), then its consent page. */
async function signInAtGoogle(page: Page, email: string) {
  await page.getByRole("link", { name: "Continue with Google" }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function shoot(page: Page, name: string) {
  // From the top, so the sticky header sits where a person sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 860 });
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("a person signs in with Google", () => {
  test("a newcomer signs in to a partner app with Google and finds the link on their account page", async ({
    page,
    partner,
    signToken,
  }) => {
    const email = `${newUser("google").email.split("@")[0]}@gmail.example`;

    await test.step("the hosted login page offers Google under the password form", async () => {
      const { url } = await signToken();
      await page.goto(url);
      await expect(page.getByRole("link", { name: "Continue with Google" })).toBeVisible();
      await shoot(page, "upstream-hosted-sign-in");
    });

    await test.step("after Google, the app's login resumes: consent, then the partner's callback", async () => {
      await signInAtGoogle(page, email);
      await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();
      await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL(`${partner.callbackUrl}?**`);
      await expect(page.locator("#email")).toHaveText(email);
      await expect(page.locator("#sub")).toHaveText(/^\d+$/);
    });

    await test.step("the account page lists Google and refuses to unlink the only way in", async () => {
      await page.goto("/account");
      const card = page.getByRole("region", { name: "Sign-in providers" });
      await expect(card.getByRole("cell", { name: "Google", exact: true })).toBeVisible();
      await expect(card.getByText(/has no password/)).toBeVisible();
      await card.getByRole("button", { name: "Unlink" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Unlink" }).click();
      await expect(page.getByRole("dialog").getByText(/only way to sign in/)).toBeVisible();
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
      await expect(card.getByRole("cell", { name: "Google", exact: true })).toBeVisible();
      await shoot(page, "upstream-account-linked-providers");
    });

    await test.step("with Google alone, a code by e-mail confirms a new API token; no password field is shown", async () => {
      await page.goto("/account/tokens");
      const card = page.getByRole("region", { name: "Create an API token" });
      await expect(card.getByText(/has no password: confirm it is you with a code we e-mail you/)).toBeVisible();
      await expect(card.getByLabel("Your current password")).toHaveCount(0);
      await card.getByRole("button", { name: "E-mail me a code" }).click();
      await expect(card.getByText(/^We sent a code to /)).toBeVisible();
      await card.getByRole("textbox", { name: "Label" }).fill("Mailed-code script");
      await card.getByLabel("Code from the e-mail").fill(await mailedChangeCode(email));
      await shoot(page, "account-token-with-mailed-code");
      await card.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByTestId("new-token-value")).toBeVisible();
    });

    await test.step("without a password, a passkey confirms removing a passkey; the last way in stays", async () => {
      await virtualAuthenticator(page);
      const passkeys = page.getByRole("region", { name: "Passkeys" });
      const addLaptop = async () => {
        await page.goto("/account/two-factor");
        await passkeys.getByRole("textbox", { name: "Passkey name" }).fill("Laptop");
        await passkeys.getByRole("button", { name: "Add a passkey" }).click();
        // The account's only factor: its recovery codes come once.
        await page.getByRole("button", { name: "I have saved them" }).click();
        await expect(passkeys.getByRole("cell", { name: "Laptop", exact: true })).toBeVisible();
      };
      const removeLaptop = async () => {
        await passkeys.getByRole("button", { name: "Remove Laptop" }).click();
        const dialog = page.getByRole("dialog");
        await expect(dialog.getByText(/has no password/)).toBeVisible();
        await dialog.getByRole("button", { name: "Confirm with a passkey and remove" }).click();
        return dialog;
      };

      // Google still signs the person in, so the passkey may go.
      await addLaptop();
      await removeLaptop();
      await expect(passkeys.getByText("No passkeys yet")).toBeVisible();

      // With a passkey again, Google may go; then the passkey is the only way in and stays.
      await addLaptop();
      await page.goto("/account");
      const providers = page.getByRole("region", { name: "Sign-in providers" });
      await providers.getByRole("button", { name: "Unlink" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Unlink" }).click();
      await expect(providers.getByRole("cell", { name: "Google", exact: true })).toBeHidden();
      await page.goto("/account/two-factor");
      const dialog = await removeLaptop();
      await expect(dialog.getByText(/only way to sign in/)).toBeVisible();
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(passkeys.getByRole("cell", { name: "Laptop", exact: true })).toBeVisible();
    });

    await test.step("without a password, the passkey confirms a new API token; no password field is shown", async () => {
      await page.goto("/account/tokens");
      const card = page.getByRole("region", { name: "Create an API token" });
      await expect(card.getByText(/has no password: confirm it is you with one of your passkeys/)).toBeVisible();
      await expect(card.getByLabel("Your current password")).toHaveCount(0);
      await card.getByRole("textbox", { name: "Label" }).fill("Deploy script");
      await card.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByTestId("new-token-value")).toBeVisible();
    });

    await test.step("without a password, the passkey confirms an e-mail change; no password field is shown", async () => {
      const newEmail = newUser("google-moved").email;
      await page.goto("/account");
      const card = page.getByRole("region", { name: "Change e-mail address" });
      await expect(card.getByText(/has no password: confirm it is you with one of your passkeys/)).toBeVisible();
      await expect(card.getByLabel("Your current password")).toHaveCount(0);
      await card.getByLabel("New e-mail address").fill(newEmail);
      await card.getByRole("button", { name: "Confirm with a passkey and send the link" }).click();
      await expect(card.getByText(`We mailed a confirmation link to ${newEmail}`)).toBeVisible();
      expect(await mailedLink(newEmail, "/confirm-email-change")).toContain("token=");
    });

    await test.step("without a password, the passkey confirms deleting the account", async () => {
      await page.goto("/account/privacy");
      const card = page.getByRole("region", { name: "Delete your account" });
      await expect(card.getByText(/has no password: confirm it is you with one of your passkeys/)).toBeVisible();
      await expect(card.getByLabel("Your current password")).toHaveCount(0);
      await shoot(page, "account-delete-with-passkey");
      await card.getByRole("button", { name: "Delete my account with a passkey" }).click();
      await page.waitForURL("**/account-deleted**");
    });
  });

  test("an existing account is linked only after its password", async ({ page, registeredUser }) => {
    await test.step("the sign-in page shows the provider buttons", async () => {
      await page.goto("/signin");
      await expect(page.getByRole("link", { name: "Continue with Google" })).toBeVisible();
      await shoot(page, "upstream-sign-in");
    });

    await test.step("Google's e-mail matches an account: the password is asked, a wrong one refused", async () => {
      await signInAtGoogle(page, registeredUser.email);
      await page.waitForURL("**/signin/link#ticket=*");
      await expect(page.getByText(`${registeredUser.email} already has a Gatehouse account`)).toBeVisible();
      await page.getByLabel("Password").fill("not the password at all");
      await page.getByRole("button", { name: "Link Google and sign in" }).click();
      await expect(page.getByText("Your current password is incorrect.")).toBeVisible();
      await shoot(page, "upstream-link-account");
    });

    await test.step("the right password links Google and signs in", async () => {
      await page.getByLabel("Password").fill(registeredUser.password);
      await page.getByRole("button", { name: "Link Google and sign in" }).click();
      await page.waitForURL("**/account");
      const card = page.getByRole("region", { name: "Sign-in providers" });
      await expect(card.getByRole("cell", { name: registeredUser.email })).toBeVisible();
    });
  });

  test("Google does not skip an account's second factor", async ({ page, browser, gatehouse, registeredUser }) => {
    const secret = await enrolTotpByApi(gatehouse.url, registeredUser.email, registeredUser.password);

    await test.step("linking asks the password, then the authenticator code, before any session", async () => {
      await page.goto("/signin");
      await signInAtGoogle(page, registeredUser.email);
      await page.waitForURL("**/signin/link#ticket=*");
      await page.getByLabel("Password").fill(registeredUser.password);
      await page.getByRole("button", { name: "Link Google and sign in" }).click();
      // The enrolment used this step's code; the next one is inside the window and unused.
      await page.getByLabel("Code from your authenticator app").fill(totpCode(secret, 1));
      await page.getByRole("button", { name: "Verify" }).click();
      await page.waitForURL("**/account");
    });

    await test.step("signing in with the linked Google lands on the second step, then on the account", async () => {
      // Wait for a fresh time step, so that a code no sign-in has used yet exists.
      await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
      const context = await browser.newContext();
      const other = await context.newPage();
      await other.goto(`${gatehouse.url}/signin`);
      await signInAtGoogle(other, registeredUser.email);
      await other.waitForURL("**/signin#second_factor=*");
      await expect(other.getByLabel("Code from your authenticator app")).toBeVisible();
      await shoot(other, "upstream-second-step");
      await other.getByLabel("Code from your authenticator app").fill(totpCode(secret, 1));
      await other.getByRole("button", { name: "Verify" }).click();
      await other.waitForURL("**/account");
      await expect(other.getByRole("heading", { name: "Your account" })).toBeVisible();
      await context.close();
    });
  });

  test("staff see the provider and the redirect URI to register", async ({ page, gatehouse }) => {
    await signInAsDemoAdmin(page, gatehouse.url, "/staff");
    const card = page.getByRole("region", { name: "Sign-in providers" });
    await expect(card.getByText(`${gatehouse.url}/upstream/google/callback`)).toBeVisible();
    await expect(card.getByRole("button", { name: "Add provider" })).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "../docs/screenshots/upstream-staff-providers-1280.png" });
  });
});
