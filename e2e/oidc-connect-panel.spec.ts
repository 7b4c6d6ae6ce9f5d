import { expect, test } from "./support/fixtures";

test("the client overview shows what an OpenID Connect library needs", async ({ page, gatehouse }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(gatehouse.demo.adminEmail);
  await page.getByLabel("Password").fill(gatehouse.demo.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/account");

  await page.goto(`/clients/${gatehouse.demo.clientId}`);
  const panel = page.getByRole("region", { name: "OpenID Connect" });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(gatehouse.url, { exact: true })).toBeVisible();
  await expect(panel.getByText(`${gatehouse.url}/.well-known/openid-configuration`)).toBeVisible();
  await expect(page.getByTestId("oidc-redirect-uris").getByRole("listitem")).toHaveText([
    "http://localhost/callback",
    "http://127.0.0.1/callback",
  ]);

  // The discovery URL the panel shows is the one the server answers, with the same issuer.
  const discovery = await (await fetch(`${gatehouse.url}/.well-known/openid-configuration`)).json();
  expect(discovery.issuer).toBe(gatehouse.url);

  // The pairwise switch saves at once and survives a reload; it is switched back for the other journeys.
  const pairwise = panel.getByLabel(/Pairwise subjects/);
  await expect(pairwise).not.toBeChecked();
  await pairwise.check();
  await page.reload();
  await expect(page.getByRole("region", { name: "OpenID Connect" }).getByLabel(/Pairwise subjects/)).toBeChecked();
  await page
    .getByRole("region", { name: "OpenID Connect" })
    .getByLabel(/Pairwise subjects/)
    .uncheck();
  await page.reload();
  await expect(page.getByRole("region", { name: "OpenID Connect" }).getByLabel(/Pairwise subjects/)).not.toBeChecked();

  // The public-client switch explains itself, saves at once and survives a reload; switched back afterwards.
  const oidcPanel = () => page.getByRole("region", { name: "OpenID Connect" });
  const publicSwitch = () => oidcPanel().getByLabel(/Public client/);
  await expect(publicSwitch()).not.toBeChecked();
  await expect(oidcPanel().getByText(/cannot keep a secret/)).toBeVisible();
  await publicSwitch().check();
  await page.reload();
  await expect(publicSwitch()).toBeChecked();
  await publicSwitch().uncheck();
  await page.reload();
  await expect(publicSwitch()).not.toBeChecked();

  // The back-channel logout URI: refused off the client's domains, saved on them.
  const backchannel = () => oidcPanel().getByLabel("Back-channel logout URI");
  await backchannel().fill("https://elsewhere.example/logout");
  await oidcPanel().getByRole("button", { name: "Save URI" }).click();
  await expect(
    oidcPanel()
      .getByText(/Use an https URL on one of this client's active domains/)
      .first(),
  ).toBeVisible();
  await backchannel().fill("http://localhost:4000/backchannel-logout");
  await oidcPanel().getByRole("button", { name: "Save URI" }).click();
  await expect(oidcPanel().getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(backchannel()).toHaveValue("http://localhost:4000/backchannel-logout");

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `../docs/screenshots/oidc-connect-panel-${width}.png`, fullPage: true });
  }

  // Cleared again for the other journeys.
  await oidcPanel().getByRole("button", { name: "Clear" }).click();
  await expect(oidcPanel().getByText("Cleared: no logout tokens are sent.")).toBeVisible();
  await page.reload();
  await expect(backchannel()).toHaveValue("");
});
