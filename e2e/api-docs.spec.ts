import { expect, test } from "./support/fixtures";

test.describe("a developer reads the API reference", () => {
  test("/docs/api renders the real operations of /api/openapi.json and links the description", async ({
    page,
    gatehouse,
  }) => {
    test.slow();
    const response = await fetch(`${gatehouse.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    type Operation = { summary: string };
    const description = (await response.json()) as {
      openapi: string;
      paths: Record<string, { get?: Operation; post?: Operation }>;
    };
    expect(description.openapi).toMatch(/^3\.1/);
    expect(Object.keys(description.paths)).toContain("/api/sign-token");

    await page.goto("/docs/api");
    await expect(page).toHaveTitle("API reference · Gatehouse");
    // Scalar lists every operation of the description in its sidebar, by summary, and renders it when opened.
    const signToken = description.paths["/api/sign-token"]?.post?.summary ?? "";
    const userInfo = description.paths["/api/get/user/info"]?.post?.summary ?? "";
    expect(signToken).not.toBe("");
    const sidebar = page.getByRole("complementary", { name: "Sidebar for Gatehouse XWMS-compatible API" });
    // Scalar's bundle is several megabytes of script; on a busy machine it takes a while to start.
    await expect(sidebar).toBeVisible({ timeout: 45_000 });
    await expect(sidebar.getByRole("link", { name: userInfo })).toHaveAttribute("href", "#POST/api/get/user/info");
    const signTokenLink = sidebar.getByRole("link", { name: signToken });
    await expect(signTokenLink).toHaveAttribute("href", "#POST/api/sign-token");
    await signTokenLink.click();
    const operation = page.getByRole("heading", { name: signToken });
    await expect(operation).toBeVisible();
    await expect(page.getByText("curl http://localhost", { exact: false }).first()).toBeVisible();

    const link = page.getByRole("link", { name: "/api/openapi.json" });
    await expect(link).toHaveAttribute("href", "/api/openapi.json");
    await page.screenshot({ path: "screenshots/api-reference-1280.png", fullPage: false });
    const [opened] = await Promise.all([page.waitForResponse("**/api/openapi.json"), link.click()]);
    await page.waitForURL("**/api/openapi.json");
    expect(opened.status()).toBe(200);
    expect(((await opened.json()) as typeof description).paths).toHaveProperty("/api/sign-token");
  });
});
