import { registerOnHostedPage } from "./support/account";
import { expect, newUser, solvedRegistrationCheck, test } from "./support/fixtures";
import { graphqlSession, makePaid, setUpClientByApi } from "./support/owner";
import { apiEndpoint, clientHeaders, startPartnerApp } from "./support/partner-app";

test.describe("an app logs a user in with the owner's values", () => {
  test("the partner app gets a sign-token, the user logs in and consents, the app verifies the sub", async ({
    page,
    gatehouse,
  }) => {
    const owner = newUser("app-owner");
    const user = newUser("app-user");

    // Journey 1's setup, through the API: register, paid plan, client, localhost domain, userinfo, linked secret.
    const register = await fetch(`${gatehouse.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-gatehouse-csrf": "1" },
      body: JSON.stringify({
        query: "mutation E2E_Register($input: RegisterInput!) { register(input: $input) { __typename } }",
        variables: { input: { ...owner, proofOfWork: await solvedRegistrationCheck(gatehouse.url) } },
      }),
    });
    expect(((await register.json()) as { data: { register: { __typename: string } } }).data.register.__typename).toBe(
      "RegisterSuccess",
    );
    await makePaid(
      gatehouse.url,
      { email: gatehouse.demo.adminEmail, password: gatehouse.demo.adminPassword },
      owner.email,
    );
    const asOwner = await graphqlSession(gatehouse.url, owner.email, owner.password);
    const owned = await setUpClientByApi(
      asOwner,
      `Journey two ${owner.email.slice(10, 18)}`,
      await graphqlSession(gatehouse.url, gatehouse.demo.adminEmail, gatehouse.demo.adminPassword),
    );

    // The values the "Connect your app" panel shows are the ones the app is configured with.
    const credentials = {
      ...gatehouse.demo,
      apiUrl: `${gatehouse.url}/api/`,
      clientId: owned.clientId,
      clientSecret: owned.secret,
      domain: owned.domain,
      domainId: owned.domainId,
    };
    const app = await startPartnerApp(credentials);

    try {
      await test.step("the app asks for a sign-token for its callback", async () => {
        const response = await fetch(apiEndpoint(credentials.apiUrl, "sign-token"), {
          method: "POST",
          headers: { ...clientHeaders(credentials), "Content-Type": "application/json" },
          body: JSON.stringify({ redirect_url: app.callbackUrl }),
        });
        const envelope = (await response.json()) as { status: string; message?: string; data?: { url: string } };
        expect(envelope.status, envelope.message).toBe("success");
        await page.goto(envelope.data?.url ?? "");
      });

      await test.step("the user creates an account on the hosted page and consents to userinfo", async () => {
        await expect(page.getByText(/Journey two/).first()).toBeVisible();
        await page.getByRole("button", { name: "Create an account" }).click();
        await registerOnHostedPage(page, user);
        await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();
        await expect(page.locator('li[data-scope="userinfo"]')).toBeVisible();
        await page.screenshot({ path: "screenshots/app-login-consent-1280.png", fullPage: true });
        await page.getByRole("button", { name: "Allow" }).click();
      });

      await test.step("the app's callback verifies the token and shows the sub", async () => {
        await page.waitForURL(`${app.callbackUrl}?**`);
        await expect(page.getByRole("heading", { name: "Signed in to the partner app" })).toBeVisible();
        await expect(page.locator("#sub")).toHaveText(/^\d+$/);
        await expect(page.locator("#email")).toHaveText(user.email);
        await page.screenshot({ path: "screenshots/app-login-callback-1280.png", fullPage: true });
      });
    } finally {
      await app.close();
    }
  });
});
