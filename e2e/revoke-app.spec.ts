import type { PlaywrightWorkerArgs } from "@playwright/test";
import { registerOnHostedPage, screenshots } from "./support/account";
import { demoAdminCookie } from "./support/demo-admin";
import { expect, newUser, test } from "./support/fixtures";
import { apiEndpoint, clientHeaders } from "./support/partner-app";

type Envelope = { status: string; message?: string; data?: { user?: { sub: string; email: string | null } } };

test.describe("a user revokes a connected app", () => {
  test("after revoking, the partner API refuses the user and the next sign-in asks for consent again", async ({
    page,
    partner,
    signToken,
    gatehouse,
  }, testInfo) => {
    const user = newUser("revoker");
    let sub = "";

    /** What the partner back end does to read a user's profile: POST /api/get/user/info with its credentials. */
    async function partnerUserInfo() {
      const response = await fetch(apiEndpoint(gatehouse.demo.apiUrl, "get/user/info"), {
        method: "POST",
        headers: { ...clientHeaders(gatehouse.demo), "Content-Type": "application/json" },
        body: JSON.stringify({ sub }),
      });
      return { status: response.status, body: (await response.json()) as Envelope };
    }

    await test.step("the user registers and allows the demo client through the hosted pages", async () => {
      const { url } = await signToken();
      await page.goto(url);
      await page.getByRole("button", { name: "Create an account" }).click();
      await registerOnHostedPage(page, user);
      await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL(`${partner.callbackUrl}?**`);
      sub = (await page.locator("#sub").textContent()) ?? "";
      expect(sub).toMatch(/^\d+$/);
    });

    await test.step("the partner API knows the user", async () => {
      const { status, body } = await partnerUserInfo();
      expect(status, JSON.stringify(body)).toBe(200);
      expect(body).toMatchObject({ status: "success", data: { user: { sub, email: user.email } } });
    });

    await test.step("Account → Connected apps lists the demo client with its scopes in plain words", async () => {
      await page.goto("/account");
      await page
        .getByRole("navigation", { name: "Account sections" })
        .getByRole("link", { name: "Connected apps" })
        .click();
      await page.waitForURL("**/account/apps");
      await expect(page.getByRole("heading", { name: "Connected apps", level: 2 })).toBeVisible();
      const app = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Demo Client" }) });
      await expect(app).toBeVisible();
      await expect(app.getByText("userinfo")).toBeVisible();
      await expect(app.getByText(/last sign-in/i)).toBeVisible();
      await screenshots(page, "apps");
    });

    await test.step("revoking asks for confirmation; cancelling keeps the app", async () => {
      await page.getByRole("button", { name: "Revoke access for Demo Client" }).click();
      const dialog = page.getByRole("dialog", { name: "Revoke access for Demo Client?" });
      await expect(dialog).toBeVisible();
      await page.screenshot({ path: "screenshots/account-apps-confirm-1280.png" });
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("heading", { name: "Demo Client" })).toBeVisible();
    });

    await test.step("confirming revokes the app and the list says so", async () => {
      await page.getByRole("button", { name: "Revoke access for Demo Client" }).click();
      const dialog = page.getByRole("dialog", { name: "Revoke access for Demo Client?" });
      await dialog.getByRole("button", { name: "Revoke access" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText("Demo Client can no longer access your account.")).toBeVisible();
      await expect(page.getByText("No connected apps")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Demo Client" })).toHaveCount(0);
      await page.screenshot({ path: "screenshots/account-apps-empty-1280.png", fullPage: true });
    });

    await test.step("the partner API now answers 404 User not found for that sub", async () => {
      const { status, body } = await partnerUserInfo();
      expect(status, JSON.stringify(body)).toBe(404);
      expect(body).toMatchObject({ status: "error", message: "User not found" });
    });

    await test.step("the next sign-in through the hosted page asks for consent again", async () => {
      const { url } = await signToken();
      await page.goto(url);
      await expect(page.getByRole("heading", { name: /wants to access your gatehouse account/i })).toBeVisible();
      await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL(`${partner.callbackUrl}?**`);
      await expect(page.locator("#sub")).toHaveText(sub);
      expect((await partnerUserInfo()).status).toBe(200);
    });
    testInfo.annotations.push({ type: "sub", description: sub });
  });

  test("the other account sections validate, confirm and look finished at both widths", async ({
    page,
    playwright,
    gatehouse,
  }) => {
    const user = newUser("account-sections");
    await page.goto("/register");
    await registerOnHostedPage(page, user);
    await page.waitForURL("**/account");

    await test.step("profile: validation beside the field, then saved", async () => {
      await page.getByLabel("Picture URL").fill("http://example.test/me.png");
      await page.getByLabel("Second e-mail").fill(user.email);
      await page.getByRole("button", { name: "Save profile" }).click();
      await expect(page.getByText("The picture must be an https:// URL.")).toBeVisible();
      await expect(page.getByLabel("Picture URL")).toBeFocused();
      await expect(page.getByText("The second e-mail address must differ from your sign-in address.")).toBeVisible();
      await page.getByLabel("Picture URL").fill("");
      await page.getByLabel("Second e-mail").fill(`backup-${user.email}`);
      await page.getByLabel("Given name").fill("Ada");
      await page.getByLabel("Family name").fill("Lovelace");
      await page.getByLabel("Birth date").fill("1990-12-10");
      await page.getByLabel("Country").selectOption({ label: "Netherlands" });
      await page.getByRole("button", { name: "Save profile" }).click();
      await expect(page.getByText("Your profile is saved.")).toBeVisible();
      await page.reload();
      await expect(page.getByLabel("Given name")).toHaveValue("Ada");
      await expect(page.getByLabel("Country")).toHaveValue("NL");
      await screenshots(page, "profile");
    });

    await test.step("access requests: empty, then the demo client's requests accepted and declined", async () => {
      await page.getByRole("link", { name: "Access requests" }).click();
      await expect(page.getByText("No requests waiting")).toBeVisible();
      await screenshots(page, "requests-empty");

      await sendRequestsAsDemoOwner(playwright, gatehouse, user.email);
      await page.reload();
      const access = page.getByRole("listitem").filter({ hasText: "Access request" });
      await expect(access.getByText("We would like to send your parcels to your address.")).toBeVisible();
      await expect(access.getByText("useraddresses")).toBeVisible();
      await screenshots(page, "requests");
      await access.getByRole("button", { name: "Accept the request from Demo Client" }).click();
      await expect(page.getByText("You accepted the request from Demo Client.")).toBeVisible();
      const invite = page.getByRole("listitem").filter({ hasText: "Test-user invitation" });
      await invite.getByRole("button", { name: "Decline the request from Demo Client" }).click();
      await expect(page.getByText("You declined the request from Demo Client.")).toBeVisible();
      await expect(page.getByText("No requests waiting")).toBeVisible();
      const answered = page.getByRole("region", { name: "Answered" });
      await expect(answered.getByText("Accepted")).toBeVisible();
      await expect(answered.getByText("Declined")).toBeVisible();
    });

    await test.step("API tokens: create, value shown once with copy, revoke with confirmation", async () => {
      await page.getByRole("link", { name: "API tokens" }).click();
      await expect(page.getByText("No API tokens yet")).toBeVisible();
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByText("Give the token a label, so you know where it is used.")).toBeVisible();
      await page.getByLabel("Label").fill("Deploy script");
      await page.getByLabel("Your current password").fill("not my password");
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByText("Your current password is incorrect.")).toBeVisible();
      await page.getByLabel("Your current password").fill(user.password);
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByText("Copy it now: it is shown only this once.")).toBeVisible();
      await expect(page.getByTestId("new-token-value")).not.toBeEmpty();
      await expect(page.getByRole("button", { name: "Copy the new API token" })).toBeVisible();
      const row = page.getByRole("row").filter({ hasText: "Deploy script" });
      await expect(row.getByText("Active")).toBeVisible();
      await screenshots(page, "tokens");

      await page.getByRole("button", { name: "I have stored it" }).click();
      await expect(page.getByTestId("new-token-value")).toHaveCount(0);
      await row.getByRole("button", { name: "Revoke the token Deploy script" }).click();
      const dialog = page.getByRole("dialog", { name: "Revoke the token “Deploy script”?" });
      await dialog.getByRole("button", { name: "Revoke token" }).click();
      await expect(dialog).toBeHidden();
      await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
    });
  });
});

/** Fills the register form (the hosted one or /register) and submits it. */
/** The demo client's owner sends the person an access request and a test-user invitation, through the API. */
async function sendRequestsAsDemoOwner(
  playwright: PlaywrightWorkerArgs["playwright"],
  gatehouse: { url: string; demo: { adminEmail: string; adminPassword: string } },
  email: string,
) {
  // Staff need a second factor: the demo admin's session comes from its passkey (support/demo-admin).
  const api = await playwright.request.newContext({
    baseURL: gatehouse.url,
    extraHTTPHeaders: { "x-gatehouse-csrf": "1", cookie: await demoAdminCookie(gatehouse.url) },
  });
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await api.post("/graphql", { data: { query, variables } });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data ?? {};
  };
  const clients = (await graphql("query E2E_Clients { clients(first: 50) { edges { node { id name } } } }")) as {
    clients: { edges: { node: { id: string; name: string } }[] };
  };
  const clientId = clients.clients.edges.find((edge) => edge.node.name === "Demo Client")?.node.id;
  expect(clientId).toBeTruthy();
  const send = `mutation E2E_SendRequest($input: SendAccessRequestInput!) {
    sendAccessRequest(input: $input) { __typename ... on Error { message } }
  }`;
  for (const input of [
    { kind: "TEST_USER", scopeKeys: ["userinfo"], message: null },
    { kind: "ACCESS", scopeKeys: ["useraddresses"], message: "We would like to send your parcels to your address." },
  ]) {
    const sent = await graphql(send, { input: { ...input, clientId, email } });
    expect(sent.sendAccessRequest).toEqual({ __typename: "SendAccessRequestSuccess" });
  }
  await api.dispose();
}
