import type { Page } from "@playwright/test";
import { registerOnHostedPage } from "./support/account";
import { expect, newUser, test } from "./support/fixtures";
import { graphqlSession, setUpClientByApi } from "./support/owner";
import { apiEndpoint } from "./support/partner-app";

type Headers = { clientId: string; secret: string };

async function partnerCall(apiUrl: string, client: Headers, path: string, body: unknown) {
  const response = await fetch(apiEndpoint(apiUrl, path), {
    method: "POST",
    headers: {
      "X-Client-Id": client.clientId,
      "X-Client-Secret": client.secret,
      "X-Client-Domain": "localhost",
      "Content-Type": "application/json",
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data: Record<string, unknown> } };
}

async function shootDocs(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
    await page.screenshot({ path: `../docs/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test.describe("journey: an accepted access request releases its fields at once", () => {
  test("a person accepts a request in the account page and the partner API reads their addresses without a new login", async ({
    page,
    gatehouse,
  }) => {
    const { demo } = gatehouse;
    const person = newUser("request-grant");
    const admin = await graphqlSession(gatehouse.url, demo.adminEmail, demo.adminPassword);
    const client = await setUpClientByApi(admin, `Parcels ${Date.now().toString(36)}`);
    const headers = { clientId: client.clientId, secret: client.secret };
    const ok = async (query: string, input: Record<string, unknown>) => {
      const answer = await admin<Record<string, { __typename: string; message?: string; data?: { id: string } }>>(
        query,
        { input },
      );
      const payload = Object.values(answer)[0];
      expect(payload?.__typename, payload?.message).toMatch(/Success$/);
      return payload?.data;
    };

    await test.step("addresses are enabled but no longer verified for everyone", async () => {
      const domains = await admin<{ client: { domains: { id: string }[] } }>(
        "query E2E_Domains($id: ID!) { client(id: $id) { domains { id } } }",
        { id: client.clientId },
      );
      const domainId = domains.client.domains[0]?.id;
      const request = await ok(
        "mutation E2E_Req($input: RequestVerificationInput!) { requestVerification(input: $input) { __typename ... on RequestVerificationSuccess { data { id } } ... on Error { message } } }",
        { clientId: client.clientId, domainIds: [domainId], scopeKeys: ["useraddresses"] },
      );
      const approve =
        "mutation E2E_Ok($input: ApproveVerificationInput!) { approveVerification(input: $input) { __typename ... on Error { message } } }";
      await ok(approve, { requestId: request?.id });
      await ok(
        "mutation E2E_En($input: ClientScopeInput!) { enableClientScope(input: $input) { __typename ... on Error { message } } }",
        { clientId: client.clientId, scopeKey: "useraddresses" },
      );
      await ok(
        "mutation E2E_Rv($input: RevokeVerificationInput!) { revokeVerification(input: $input) { __typename ... on Error { message } } }",
        { requestId: request?.id, note: "Per person only." },
      );
    });

    let sub = "";
    await test.step("the person signs in to the app; addresses are not released", async () => {
      const signed = await partnerCall(demo.apiUrl, headers, "sign-token", { redirect_url: "http://localhost:9/cb" });
      await page.goto(String(signed.body.data.url));
      await page.getByRole("button", { name: "Create an account" }).click();
      await registerOnHostedPage(page, person);
      await expect(page.locator('li[data-scope="userinfo"]')).toBeVisible();
      await expect(page.locator('li[data-scope="useraddresses"]')).toHaveCount(0);
      // The app's callback answers from the browser's side, so the page settles there before the next step.
      await page.route("http://localhost:9/**", (route) => route.fulfill({ status: 200, body: "signed in" }));
      await page.getByRole("button", { name: "Allow" }).click();
      await page.waitForURL("http://localhost:9/cb?**");
      const token = new URL(page.url()).searchParams.get("token");
      const verified = await partnerCall(demo.apiUrl, headers, "sign-token-verify", { token });
      sub = String(verified.body.data.sub);
      expect((await partnerCall(demo.apiUrl, headers, "get/user/address", { sub })).status).toBe(403);
    });

    await test.step("the app asks this person for addresses; they accept on their account page", async () => {
      const send = await fetch(`${gatehouse.url}/graphql`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Client-Id": client.clientId,
          "X-Client-Secret": client.secret,
          "X-Client-Domain": "localhost",
        },
        body: JSON.stringify({
          query:
            "mutation E2E_Send($input: SendAccessRequestInput!) { sendAccessRequest(input: $input) { __typename } }",
          variables: {
            input: {
              clientId: client.clientId,
              email: person.email,
              kind: "ACCESS",
              scopeKeys: ["useraddresses"],
              message: "We deliver to your door.",
            },
          },
        }),
      });
      expect(
        ((await send.json()) as { data: { sendAccessRequest: { __typename: string } } }).data.sendAccessRequest,
      ).toEqual({
        __typename: "SendAccessRequestSuccess",
      });
      await page.goto("/account/requests");
      const item = page.getByRole("listitem").filter({ hasText: "Access request" });
      await expect(item.getByText("We deliver to your door.")).toBeVisible();
      await expect(item.getByText("useraddresses")).toBeVisible();
      await shootDocs(page, "access-request-incoming");
      await item.getByRole("button", { name: /^Accept the request from/ }).click();
      await expect(page.getByText(/^You accepted the request from/)).toBeVisible();
    });

    await test.step("the partner API releases the addresses at once", async () => {
      const read = await partnerCall(demo.apiUrl, headers, "get/user/address", { sub });
      expect(read.status).toBe(200);
      expect(read.body.data).toEqual({ addresses: [] });
    });
  });
});
