import { registerOnHostedPage, screenshots } from "./support/account";
import { expect, newUser, test } from "./support/fixtures";

test.describe("a person keeps their XWMS addresses", () => {
  test("empty, validation, create, business details, edit, delete with confirmation", async ({ page }) => {
    // Eight full-page screenshots at two widths; on a busy machine that alone nears the default timeout.
    test.slow();
    const user = newUser("addresses");
    await page.goto("/register");
    await registerOnHostedPage(page, user);
    await page.waitForURL("**/account");

    await test.step("addresses: empty, validation, create, edit, delete with confirmation", async () => {
      await page.getByRole("link", { name: "Addresses" }).click();
      await expect(page.getByText("No addresses yet")).toBeVisible();
      await screenshots(page, "addresses-empty");
      await page.getByRole("button", { name: "Add your first address" }).click();
      await page.getByRole("button", { name: "Add address" }).click();
      await expect(page.getByText("Enter the street.")).toBeVisible();
      await expect(page.getByText("Choose a country.")).toBeVisible();
      await page.getByLabel("Name (optional)", { exact: true }).fill("Home");
      await page.getByLabel("Street", { exact: true }).fill("Keizersgracht");
      await page.getByLabel("House number (optional)").fill("1");
      await page.getByLabel("Postal code (optional)").fill("1015 CJ");
      await page.getByLabel("City").fill("Amsterdam");
      await page.getByLabel("Country").selectOption({ label: "Netherlands" });
      await page.getByRole("button", { name: "Add address" }).click();
      await expect(page.getByText("The address is added.")).toBeVisible();
      const home = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Home" }) });
      await expect(home.getByText("Default")).toBeVisible();

      await page.getByRole("button", { name: "Add address" }).click();
      await page.getByLabel("Name (optional)", { exact: true }).fill("Work");
      await page.getByLabel("Street", { exact: true }).fill("Damrak");
      await page.getByLabel("House number (optional)").fill("70");
      await page.getByLabel("City").fill("Amsterdam");
      await page.getByLabel("Country").selectOption({ label: "Netherlands" });
      await page.getByRole("button", { name: "Add address" }).click();
      await expect(page.getByText("The address is added.")).toBeVisible();

      await page.getByRole("button", { name: "Edit “Work”" }).click();
      const edit = page.getByRole("form", { name: "Edit address" });
      // The business details appear only for a business address.
      await expect(edit.getByLabel("Tax number (optional)")).toHaveCount(0);
      await edit.getByLabel("Use for").selectOption({ label: "Billing" });
      await edit.getByLabel("First name (optional)").fill("Ada");
      await edit.getByLabel("Last name (optional)").fill("Lovelace");
      await edit.getByLabel("Phone (optional)").fill("+31 20 123 4567");
      await edit.getByLabel("E-mail (optional)").fill("not-an-address");
      await edit.getByRole("checkbox", { name: "This is a business address" }).check();
      await edit.getByLabel("Company name (optional)").fill("Damrak Trading BV");
      await edit.getByLabel("Tax number (optional)").fill("NL123456789B01");
      await edit.getByLabel("Registration number (optional)").fill("12345678");
      await screenshots(page, "address-form-business");
      await edit.getByRole("button", { name: "Save address" }).click();
      // The server's rule for the e-mail shows beside its input.
      await expect(edit.getByLabel("E-mail (optional)")).toHaveAttribute("aria-invalid", "true");
      await expect(edit.getByText("Enter a valid e-mail address.")).toBeVisible();
      await edit.getByLabel("E-mail (optional)").fill("billing@damrak.example");
      await edit.getByRole("button", { name: "Save address" }).click();
      const work = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Work" }) });
      await expect(work.locator("address")).toHaveText(
        /Damrak Trading BV\s*Ada Lovelace\s*Damrak 70\s*Amsterdam\s*Netherlands/,
      );
      await expect(work.getByText("NL123456789B01")).toBeVisible();
      await expect(work.getByText("billing@damrak.example")).toBeVisible();
      await expect(work.getByText("Billing", { exact: true })).toBeVisible();
      await screenshots(page, "addresses");

      // Reopened, the form holds what was saved; unticking "business address" clears the company details.
      await page.getByRole("button", { name: "Edit “Work”" }).click();
      await expect(edit.getByLabel("Use for")).toHaveValue("billing");
      await expect(edit.getByLabel("Registration number (optional)")).toHaveValue("12345678");
      await edit.getByRole("checkbox", { name: "This is a business address" }).uncheck();
      await edit.getByRole("button", { name: "Save address" }).click();
      await expect(page.getByText("The address is saved.")).toBeVisible();
      await expect(work.getByText("NL123456789B01")).toHaveCount(0);
      await expect(work.locator("address")).not.toContainText("Damrak Trading BV");

      await page.getByRole("button", { name: "Delete “Work”" }).click();
      const dialog = page.getByRole("dialog", { name: "Delete this address?" });
      await dialog.getByRole("button", { name: "Delete address" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("heading", { name: "Work" })).toHaveCount(0);
    });
  });
});
