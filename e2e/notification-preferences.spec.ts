import { expect, newUser, solvedRegistrationCheck, test } from "./support/fixtures";

test.describe("journey: a person chooses which mails Gatehouse sends", () => {
  test("turns new-sign-in mail off on the account page, and it stays off after a reload", async ({
    page,
    gatehouse,
  }) => {
    const person = newUser("notifications");
    const response = await fetch(`${gatehouse.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-gatehouse-csrf": "1" },
      body: JSON.stringify({
        query: "mutation E2E_Register($input: RegisterInput!) { register(input: $input) { __typename } }",
        variables: { input: { ...person, proofOfWork: await solvedRegistrationCheck(gatehouse.url) } },
      }),
    });
    expect(((await response.json()) as { data: { register: { __typename: string } } }).data.register.__typename).toBe(
      "RegisterSuccess",
    );
    await page.goto("/signin");
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/account");

    const card = page.getByRole("region", { name: "Notifications", exact: true });
    await expect(
      card.getByText(/always sent: confirming or changing your e-mail address, resetting your password/),
    ).toBeVisible();
    const signIns = card.getByRole("checkbox", { name: "New sign-ins" });
    await expect(signIns).toBeChecked();
    await expect(card.getByRole("checkbox", { name: "Access and test-user requests" })).toBeChecked();
    await signIns.click();
    await expect(signIns).not.toBeChecked();
    await expect(card.getByRole("checkbox", { name: "New sign-ins" })).toBeEnabled();

    await page.reload();
    await expect(
      page.getByRole("region", { name: "Notifications", exact: true }).getByRole("checkbox", { name: "New sign-ins" }),
    ).not.toBeChecked();
    await expect(
      page
        .getByRole("region", { name: "Notifications", exact: true })
        .getByRole("checkbox", { name: "Secrets expiring soon" }),
    ).toBeChecked();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
      const region = page.getByRole("region", { name: "Notifications", exact: true });
      await region.scrollIntoViewIfNeeded();
      await region.screenshot({ path: `screenshots/account-notifications-${width}.png` });
      await region.screenshot({ path: `../docs/screenshots/account-notifications-${width}.png` });
    }
  });
});
