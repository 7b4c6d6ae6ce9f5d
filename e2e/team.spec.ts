import type { Page } from "@playwright/test";
import { expect, newUser, solvedRegistrationCheck, test } from "./support/fixtures";
import { mailedLink } from "./support/outbox";

async function graphql(baseUrl: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-gatehouse-csrf": "1" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, { __typename: string }> };
}

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

test.describe("journey 4: the owner invites a Viewer", () => {
  test("the member sees the dashboard but cannot create secrets", async ({ page, browser, gatehouse }) => {
    const member = newUser("viewer-member");
    const { demo } = gatehouse;

    await test.step("a new person registers a Gatehouse account", async () => {
      const body = await graphql(
        gatehouse.url,
        "mutation E2E_Register($input: RegisterInput!) { register(input: $input) { __typename } }",
        { input: { ...member, proofOfWork: await solvedRegistrationCheck(gatehouse.url) } },
      );
      expect(body.data?.register?.__typename, JSON.stringify(body)).toBe("RegisterSuccess");
      // Membership needs a confirmed address.
      await page.goto(await mailedLink(member.email, "/verify-email"));
      await expect(page.getByText("Your e-mail address is confirmed.")).toBeVisible();
    });

    let membersUrl = "";
    await test.step("the owner invites them with the Viewer role on the Members page", async () => {
      await signIn(page, demo.adminEmail, demo.adminPassword);
      await page.goto("/clients");
      await page.getByRole("link", { name: "Demo Client" }).first().click();
      await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Members" }).click();
      await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
      membersUrl = page.url();

      // The form validates before sending.
      const invite = page.getByRole("region", { name: "Invite a member" });
      await invite.getByRole("button", { name: "Invite member" }).click();
      await expect(invite.getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");

      // An unknown address gets the same answer as a known one; neither is a member before accepting.
      const unknown = `nobody-${Date.now()}@example.test`;
      for (const email of [unknown, member.email]) {
        await invite.getByLabel("E-mail address").fill(email);
        await invite.getByLabel("Role").selectOption({ label: "Viewer (level 10)" });
        await invite.getByRole("button", { name: "Invite member" }).click();
        await expect(
          page.getByText(`We sent an invitation to ${email} for the Viewer role. They join once they accept it.`),
        ).toBeVisible();
      }
      const members = page.getByRole("table", { name: "Members of the client" });
      await expect(members.getByRole("row").filter({ hasText: member.email })).toHaveCount(0);
      const pending = page.getByTestId("invitation-row");
      await expect(pending.filter({ hasText: unknown })).toContainText("Viewer");
      await expect(pending.filter({ hasText: member.email })).toContainText("Viewer");
      await shoot(page, "clients-members-invited");
      await shootDocs(page, "members-invitations");

      // The owner withdraws the invitation to the unknown address; its row goes.
      await page.getByRole("button", { name: `Revoke the invitation to ${unknown}` }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Revoke invitation" }).click();
      await expect(pending.filter({ hasText: unknown })).toHaveCount(0);
    });

    await test.step("the invitee opens the mailed link, sees client and role, signs in and accepts", async () => {
      const invitee = await browser.newPage();
      const link = await mailedLink(member.email, "/invitation");
      await invitee.goto(link);
      await expect(invitee.getByRole("heading", { name: "Join Demo Client" })).toBeVisible();
      await expect(
        invitee.getByText("You are invited as Viewer to help manage Demo Client on Gatehouse."),
      ).toBeVisible();
      await invitee.getByLabel("Password").fill(member.password);
      await invitee.getByRole("button", { name: "Sign in" }).click();
      await expect(invitee.getByRole("button", { name: "Accept and join" })).toBeVisible();
      await shootDocs(invitee, "invitation-accept");
      await invitee.getByRole("button", { name: "Accept and join" }).click();
      await invitee.waitForURL("**/clients/**");
      await expect(invitee.getByRole("navigation", { name: "Client sections" })).toBeVisible();
      // The link works once.
      await invitee.goto(link);
      await expect(invitee.getByText("This invitation has already been accepted.")).toBeVisible();
      await invitee.close();

      await page.reload();
      const row = page.getByRole("row").filter({ hasText: member.email });
      await expect(row).toContainText("Viewer");
      await expect(row).toContainText("Never");
      await shoot(page, "clients-members");
    });

    await test.step("the owner's other team pages render", async () => {
      const base = membersUrl.replace(/\/members$/, "");
      await page.goto(`${base}/roles`);
      await expect(page.getByRole("row").filter({ hasText: "Viewer" }).first()).toContainText("Built-in");
      await page.getByRole("button", { name: "New role" }).click();
      await expect(page.getByRole("heading", { name: "New role" })).toBeVisible();
      await shoot(page, "clients-roles");
      await page.goto(`${base}/audit`);
      await expect(page.getByText("member.added").first()).toBeVisible();
      await shoot(page, "clients-audit");
      await page.goto(`${base}/users`);
      await expect(page.getByRole("heading", { name: "Send a request" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Sent requests" })).toBeVisible();
      await expect(page.getByText("Loading")).toHaveCount(0);
      await shoot(page, "clients-users");
      await page.goto(`${base}/verification`);
      await expect(page.getByRole("heading", { name: "Verification Center" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Request history" })).toBeVisible();
      await shoot(page, "clients-verification");
    });

    await test.step("the member signs in and sees the dashboard", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/signin");
      await signIn(page, member.email, member.password);
      await page.goto("/clients");
      await page.getByRole("link", { name: "Demo Client" }).first().click();
      await expect(page.getByRole("navigation", { name: "Client sections" })).toBeVisible();
    });

    await test.step("Client Secrets tells the member they lack secrets:manage", async () => {
      await page
        .getByRole("navigation", { name: "Client sections" })
        .getByRole("link", { name: "Client Secrets" })
        .click();
      await expect(page.getByText(/secrets:manage/).first()).toBeVisible();
      await expect(page.getByRole("button", { name: "Create secret" })).toBeDisabled();
      await shoot(page, "clients-secrets-viewer");
    });

    await test.step("on Members the Viewer sees the controls disabled with the reason", async () => {
      await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Members" }).click();
      await expect(page.getByRole("button", { name: "Invite member" })).toBeDisabled();
      await expect(page.getByText(/members:manage/).first()).toBeVisible();
      await shoot(page, "clients-members-viewer");
    });
  });
});
