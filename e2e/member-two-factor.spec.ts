import { expect, newUser, solvedRegistrationCheck, test } from "./support/fixtures";
import { mailedLink } from "./support/outbox";
import { graphqlSession, makePaid, setUpClientByApi } from "./support/owner";
import { clearOfStepBoundary, enrolTotpByApi, totpCode } from "./support/totp";

test("a client that requires 2FA refuses a member without it, who enrols from the page and gets in", async ({
  page,
  gatehouse,
  registeredUser: member,
}) => {
  const owner = newUser("strict-owner");
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
  const { clientId } = await setUpClientByApi(asOwner, `Strict ${owner.email.slice(13, 21)}`);

  await test.step("the member confirms their e-mail address, so they can be added to a team", async () => {
    await page.goto(await mailedLink(member.email, "/verify-email"));
    await expect(page.getByText(/confirmed/i).first()).toBeVisible();
  });

  await test.step("the owner, with an authenticator app, turns the policy on and adds a member without one", async () => {
    await enrolTotpByApi(gatehouse.url, owner.email, owner.password);
    const roles = await asOwner<{ client: { roles: { id: string; key: string }[] } }>(
      `query E2E_Roles($id: ID!) { client(id: $id) { roles { id key } } }`,
      { id: clientId },
    );
    const developer = roles.client.roles.find((role) => role.key === "developer");
    const added = await asOwner<{ addMember: { __typename: string; message?: string } }>(
      `mutation E2E_AddMember($input: AddMemberInput!) { addMember(input: $input) { __typename ... on Error { message } } }`,
      { input: { clientId, email: member.email, roleId: developer?.id } },
    );
    expect(added.addMember.__typename, added.addMember.message).toBe("AddMemberSuccess");
    const policy = await asOwner<{ setClientTwoFactorPolicy: { __typename: string; message?: string } }>(
      `mutation E2E_Policy($input: SetClientTwoFactorPolicyInput!) { setClientTwoFactorPolicy(input: $input) { __typename ... on Error { message } } }`,
      { input: { clientId, required: true } },
    );
    expect(policy.setClientTwoFactorPolicy.__typename, policy.setClientTwoFactorPolicy.message).toBe(
      "SetClientTwoFactorPolicySuccess",
    );
  });

  await test.step("the member is refused the dashboard with a page that leads to enrolment", async () => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(member.email);
    await page.getByLabel("Password").fill(member.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/account");
    await page.goto(`/clients/${clientId}`);
    await expect(page.getByRole("heading", { name: "Set up two-step sign-in to open this client" })).toBeVisible();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 860 });
      await page.screenshot({ path: `../docs/screenshots/member-two-factor-required-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole("link", { name: "Set up two-step sign-in" }).click();
    await page.waitForURL("**/account/two-factor");
  });

  await test.step("after setting up the authenticator app, the dashboard opens", async () => {
    await page.getByRole("button", { name: "Set up" }).click();
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    await clearOfStepBoundary();
    await page.getByLabel("Code from the app").fill(totpCode(secret));
    await page.getByRole("button", { name: "Turn on", exact: true }).click();
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await page.goto(`/clients/${clientId}`);
    await expect(page.getByRole("heading", { name: /^Strict / })).toBeVisible();
    await expect(
      page
        .getByRole("switch", { name: "Members must use two-step sign-in" })
        .or(page.getByLabel("Members must use two-step sign-in")),
    ).toBeChecked();
  });
});
