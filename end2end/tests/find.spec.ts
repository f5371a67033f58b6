// Finding the local service: by postcode, partial postcode, council name, and the list
// of areas; with JavaScript off the form is a plain GET form.
import { test, expect } from "@playwright/test";
import { expectNoAxeViolations, watchRequests } from "./helpers";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a full postcode leads to the area and its service", async ({ page, baseURL }) => {
      const origins = watchRequests(page);
      await page.goto("/find");
      await page.getByLabel("Where did the crime happen?").fill(" cf10  1aa ");
      await page.getByRole("button", { name: "Find" }).click();
      await expect(page.locator(".rj-result__area")).toHaveText("Your police area is South Wales.");
      // South Wales Victim Focus, with how sure we are of its details.
      await expect(page.locator("main")).toContainText("South Wales Victim Focus");
      await expect(page.locator("main")).toContainText("We are not fully sure of these details");
      await expect(page.locator("#q")).toHaveValue(" cf10  1aa ");
      await page.getByRole("link", { name: "See South Wales police area" }).click();
      await expect(page.locator("h1")).toHaveText("South Wales");
      await expect(page.getByText("Cardiff", { exact: true })).toBeVisible();
      expect([...origins]).toEqual([new URL(baseURL!).origin]);
    });

    test("a district across a boundary asks for the full postcode", async ({ page }) => {
      await page.goto("/find?q=SY10");
      await expect(page.locator(".rj-inset")).toContainText("Most of SY10 is in West Mercia.");
      await expect(page.getByRole("link", { name: "West Mercia" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Dyfed-Powys" })).toBeVisible();
    });

    test("nonsense gets an error summary and keeps what was typed", async ({ page }) => {
      await page.goto("/cy/dod-o-hyd");
      await page.locator("#q").fill("CF10 1A");
      await page.getByRole("button", { name: "Chwilio" }).click();
      await expect(page).toHaveTitle(/^Gwall: /);
      const summary = page.locator(".rj-error-summary");
      await expect(summary).toContainText("Mae problem");
      await expect(page.locator("#q")).toHaveValue("CF10 1A");
      await expect(page.locator("#q")).toHaveAttribute("aria-invalid", "true");
      await summary.getByRole("link").click();
      await expect(page.locator("#q")).toBeFocused();
    });

    test("Scotland is explained kindly", async ({ page }) => {
      await page.goto("/find?q=EH1");
      await expect(page.locator(".rj-inset")).toContainText("Scotland has its own justice system");
    });
  });
}

test("the find pages pass axe with answers and errors shown", async ({ page }) => {
  for (const path of ["/find?q=CF10+1AA", "/find?q=SY10", "/find?q=north", "/find?q=CF10+1A", "/cy/dod-o-hyd?q=Caerdydd", "/cy/dod-o-hyd?q=%21%21"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test.describe("area pages", () => {
  test("Kent shows its service, commissioner, eligibility, freshness and the report link", async ({ page, baseURL }) => {
    const origins = watchRequests(page);
    await page.goto("/areas/kent");
    await expect(page.locator("h1")).toHaveText("Kent");
    await expect(page.locator(".rj-service__name")).toHaveText("Kent and Medway Restorative Justice Service");
    await expect(page.getByRole("link", { name: "https://www.rjkent.org.uk/" })).toBeVisible();
    await expect(page.getByRole("link", { name: "0800 783 1583" })).toHaveAttribute("href", "tel:08007831583");
    await expect(page.getByRole("link", { name: "Kent Police and Crime Commissioner" })).toBeVisible();
    await expect(page.getByText("Domestic abuse and sexual offence cases are taken only from victims.")).toBeVisible();
    await expect(page.locator(".rj-area__checked")).toContainText("Nobody has checked these details with the service yet.");
    await expect(page.getByRole("link", { name: "Tell us if something here is wrong or out of date" })).toHaveAttribute(
      "href",
      "mailto:contact@example.org?subject=Out-of-date%20details%3A%20Kent",
    );
    await page.getByRole("button", { name: "Ask to be contacted" }).click();
    await expect(page).toHaveURL(/\/refer\?area=kent$/);
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
  });

  test("Gwent in Welsh says no service was found and gives the national routes", async ({ page }) => {
    await page.goto("/cy/ardaloedd/gwent");
    await expect(page.locator(".rj-area__none")).toContainText("Dydyn ni ddim wedi dod o hyd i wasanaeth cyfiawnder adferol");
    await expect(page.getByRole("link", { name: "08 08 16 89 111" })).toHaveAttribute("href", "tel:08081689111");
    await expect(page.getByRole("link", { name: "https://why-me.org/" })).toBeVisible();
    await expect(page.getByText("uned gofal tystion", { exact: false })).toBeVisible();
  });

  test("area pages pass axe in both languages", async ({ page }) => {
    for (const path of ["/areas/kent", "/cy/ardaloedd/kent", "/areas/gwent", "/cy/ardaloedd/gwent", "/areas/west-yorkshire", "/areas", "/cy/ardaloedd"]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
});
