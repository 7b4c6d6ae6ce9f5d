import type { APIRequestContext, Page } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import { expect, newUser, solvedRegistrationCheck, type TestUser, test } from "./support/fixtures";

type Answer = { data?: Record<string, { __typename: string; message?: string; data?: { id: string } }> };

/** A signed-in API session (cookie jar of its own), as the SPA's GraphQL calls are. */
async function apiSession(baseURL: string, email: string, password: string) {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-gatehouse-csrf": "1" } });
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await context.post("/graphql", { data: { query, variables } });
    return (await response.json()) as Answer;
  };
  const signIn = await call("mutation E2E_SignIn($input: SignInInput!) { signIn(input: $input) { __typename } }", {
    input: { email, password },
  });
  expect(signIn.data?.signIn?.__typename, JSON.stringify(signIn)).toBe("SignInSuccess");
  return { context, call };
}

async function register(context: APIRequestContext, user: TestUser) {
  const response = await context.post("/graphql", {
    data: {
      query: "mutation E2E_Register($input: RegisterInput!) { register(input: $input) { __typename } }",
      variables: { input: { ...user, proofOfWork: await solvedRegistrationCheck() } },
    },
  });
  const body = (await response.json()) as Answer;
  expect(body.data?.register?.__typename, JSON.stringify(body)).toBe("RegisterSuccess");
}

const ENABLE_SCOPE = `mutation E2E_Enable($input: ClientScopeInput!) { enableClientScope(input: $input) {
  __typename ... on Error { message } } }`;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/account");
}

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** Both widths into docs/screenshots, for the README. */
async function shootDocs(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("journey 5: verification unlocks VERIFIED scopes", () => {
  test("an owner files a request, staff approve it, useraddresses can be enabled", async ({ page, gatehouse }) => {
    const { demo } = gatehouse;
    const owner = newUser("verified-owner");
    const clientName = `Verify Me ${owner.email.slice(-20, -13)}`;
    const rootDomain = `verify-${Date.now()}.example.test`;
    let clientId = "";
    const anonymous = await playwrightRequest.newContext({
      baseURL: gatehouse.url,
      extraHTTPHeaders: { "x-gatehouse-csrf": "1" },
    });
    const staff = await apiSession(gatehouse.url, demo.adminEmail, demo.adminPassword);

    await test.step("the owner registers and staff put them on the paid plan", async () => {
      await register(anonymous, owner);
      const plan = await staff.call(
        "mutation E2E_Plan($input: SetUserPlanInput!) { setUserPlan(input: $input) { __typename ... on Error { message } } }",
        { input: { email: owner.email, plan: "PAID" } },
      );
      expect(plan.data?.setUserPlan?.__typename, JSON.stringify(plan)).toBe("SetUserPlanSuccess");
    });

    const ownerApi = await apiSession(gatehouse.url, owner.email, owner.password);
    await test.step("the owner creates a client with a domain; VERIFIED scopes are refused", async () => {
      const created = await ownerApi.call(
        "mutation E2E_CreateClient($input: CreateClientInput!) { createClient(input: $input) { __typename ... on CreateClientSuccess { data { id } } ... on Error { message } } }",
        { input: { name: clientName } },
      );
      expect(created.data?.createClient?.__typename, JSON.stringify(created)).toBe("CreateClientSuccess");
      clientId = created.data?.createClient?.data?.id ?? "";
      const domain = await ownerApi.call(
        "mutation E2E_CreateDomain($input: CreateDomainInput!) { createDomain(input: $input) { __typename ... on Error { message } } }",
        { input: { clientId, rootDomain, primary: true } },
      );
      expect(domain.data?.createDomain?.__typename, JSON.stringify(domain)).toBe("CreateDomainSuccess");
      const refused = await ownerApi.call(ENABLE_SCOPE, { input: { clientId, scopeKey: "useraddresses" } });
      expect(refused.data?.enableClientScope?.__typename).toBe("ForbiddenError");
    });

    await test.step("the owner is told /staff is for staff only", async () => {
      await signIn(page, owner.email, owner.password);
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" })).toHaveCount(0);
      await page.goto("/staff");
      await expect(page.getByRole("heading", { name: "Staff only" })).toBeVisible();
      await shoot(page, "staff-only");
    });

    await test.step("the owner files a verification request in the Verification Center", async () => {
      await page.goto(`/clients/${clientId}/verification`);
      await expect(page.getByText("Not verified")).toBeVisible();
      const form = page.getByRole("region", { name: "New request" });
      // The primary domain is chosen by default; unchecking it is refused before sending.
      await form.getByRole("checkbox", { name: rootDomain }).uncheck();
      await form.getByRole("button", { name: "Request verification" }).click();
      await expect(form.getByText("Choose at least one domain to verify.")).toBeVisible();
      await form.getByRole("checkbox", { name: rootDomain }).check();
      await form.getByRole("checkbox", { name: /postal addresses/ }).check();
      await form.getByRole("checkbox", { name: /login providers/ }).check();
      await form.getByLabel("Notes for the reviewer (optional)").fill("We ship parcels and need delivery addresses.");
      await form.getByRole("button", { name: "Request verification" }).click();
      await expect(page.getByText("Your request was sent.")).toBeVisible();
      const history = page.getByRole("list", { name: "Verification requests" });
      await expect(history.getByText("Pending review")).toBeVisible();
      await expect(history).toContainText("useraddresses");
      await expect(form.getByRole("button", { name: "Request verification" })).toBeDisabled();
      await expect(form.getByText("A request is already waiting for review")).toBeVisible();
      await shoot(page, "clients-verification-pending");
    });

    await test.step("before approval the Client Scopes page keeps useraddresses locked", async () => {
      await page.goto(`/clients/${clientId}/scopes`);
      await expect(page.getByLabel(/ useraddresses$/)).toBeDisabled();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/signin");
    });

    await test.step("staff approve the request in /staff", async () => {
      await signIn(page, demo.adminEmail, demo.adminPassword);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).click();
      await expect(page.getByRole("heading", { name: "Verification queue" })).toBeVisible();
      const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: clientName }) });
      await expect(item).toContainText(rootDomain);
      await expect(item).toContainText("We ship parcels");
      // A rejection needs a note.
      await item.getByRole("button", { name: `Reject ${clientName}` }).click();
      await expect(item.getByText("Tell the client why the request was rejected.")).toBeVisible();
      await item.getByLabel(`Review note for ${clientName}`).fill("Company registration checked.");
      // Staff approve part of the request: addresses yes, linked providers not (yet).
      await expect(item.getByRole("checkbox", { name: "providers" })).toBeChecked();
      await item.getByRole("checkbox", { name: "providers" }).uncheck();
      await expect(item.getByRole("button", { name: `Approve ${clientName}` })).toHaveText("Approve selected");
      await shoot(page, "staff-queue");
      await shootDocs(page, "staff-partial-approval");
      await item.getByRole("button", { name: `Approve ${clientName}` }).click();
      await expect(page.getByText(`${clientName} is now verified for the part you approved.`)).toBeVisible();
      // The request leaves the queue and is listed with what was approved, ready to be revoked.
      const queue = page.getByRole("region", { name: "Verification queue" });
      await expect(queue.getByRole("heading", { name: clientName })).toHaveCount(0);
      const approved = page.getByRole("list", { name: "Approved verifications" });
      await expect(approved.getByRole("listitem").filter({ hasText: clientName })).toContainText(
        "Scopes: useraddresses",
      );
      await shoot(page, "staff-queue-after");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/signin");
    });

    await test.step("the owner sees the approval and enables useraddresses", async () => {
      await signIn(page, owner.email, owner.password);
      await page.goto(`/clients/${clientId}/verification`);
      const history = page.getByRole("list", { name: "Verification requests" });
      await expect(history.getByText("Approved", { exact: true })).toBeVisible();
      await expect(history).toContainText("Company registration checked.");
      await expect(history.getByTestId("approved-part")).toHaveText(
        `Approved: ${rootDomain} · useraddresses (part of the request)`,
      );
      await shoot(page, "clients-verification-approved");
      await shootDocs(page, "clients-verification-partial");
      const providers = await ownerApi.call(ENABLE_SCOPE, { input: { clientId, scopeKey: "providers" } });
      expect(providers.data?.enableClientScope?.__typename).toBe("ForbiddenError");
      await page.goto(`/clients/${clientId}/scopes`);
      const toggle = page.getByLabel(/ useraddresses$/);
      await expect(toggle).toBeEnabled();
      // The switch's input sits under its drawn track; people click the label.
      await page
        .locator("label")
        .filter({ hasText: / useraddresses$/ })
        .click();
      await expect(toggle).toBeChecked();
      const scopes = await ownerApi.call(
        `query E2E_Scopes($id: ID!) { client(id: $id) { scopes { enabled scope { key } } } }`,
        {
          id: clientId,
        },
      );
      expect(JSON.stringify(scopes)).toContain('"enabled":true,"scope":{"key":"useraddresses"}');
    });

    await test.step("staff revoke the verification later; the owner sees it with the note", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/signin");
      await signIn(page, demo.adminEmail, demo.adminPassword);
      await page.goto("/staff");
      const approvals = page.getByRole("list", { name: "Approved verifications" });
      await approvals.getByRole("button", { name: `Revoke the verification of ${clientName}` }).click();
      const dialog = page.getByRole("dialog", { name: `Revoke the verification of ${clientName}?` });
      await expect(dialog.getByRole("button", { name: "Revoke verification" })).toBeDisabled();
      await dialog.getByLabel("Why (sent to the client's owners)").fill("Addresses were used for marketing.");
      await dialog.getByRole("button", { name: "Revoke verification" }).click();
      await expect(page.getByText(`The verification of ${clientName} was revoked.`)).toBeVisible();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/signin");
      await signIn(page, owner.email, owner.password);
      await page.goto(`/clients/${clientId}/verification`);
      await expect(page.getByText("Not verified")).toBeVisible();
      const history = page.getByRole("list", { name: "Verification requests" });
      await expect(history.getByText("Revoked", { exact: true })).toBeVisible();
      await expect(history).toContainText("Addresses were used for marketing.");
      await shootDocs(page, "clients-verification-revoked");
    });

    await anonymous.dispose();
    await staff.context.dispose();
    await ownerApi.context.dispose();
  });
});
