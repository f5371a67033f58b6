// Every page, in both languages: complete, accessible, and talking to no other host.
import { test, expect } from "@playwright/test";
import { sitePaths, expectNoAxeViolations, watchRequests, langOf, EXIT_URL } from "./helpers";

for (const lang of ["en", "cy"] as const) {
  test(`every ${lang} page passes axe and loads nothing from another host (JavaScript on)`, async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const origins = watchRequests(page);
    for (const path of (await sitePaths(request)).filter((p) => langOf(p) === lang)) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("html")).toHaveAttribute("lang", langOf(path));
    await expect(page.locator("html")).toHaveClass(/js-enabled/);
    await expect(page.locator("h1")).toHaveCount(1);
    await expectNoAxeViolations(page);
    }
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
  });
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("every page is complete", async ({ page, request, baseURL }) => {
    test.setTimeout(300_000);
    const origins = watchRequests(page);
    for (const path of await sitePaths(request)) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      const lang = langOf(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("main#main")).not.toBeEmpty();
      await expect(page.locator("footer")).toBeVisible();
      await expect(page.locator("a[data-rj-exit]")).toHaveAttribute("href", EXIT_URL);
      await expect(page.locator("a[data-rj-exit]")).toBeVisible();
      // The Shift shortcut needs the script, so it is not offered.
      await expect(page.locator(".rj-exit__hint")).toBeHidden();
      // A link, or on the form a button that posts the answers to the other language.
      const other = page.locator(".rj-header__lang");
      await expect(other).toHaveText(lang === "en" ? "Cymraeg" : "English");
      await expect(page).toHaveTitle(/ – /);
    }
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
  });
});

test("the language link leads to the same page in the other language", async ({ page, request }) => {
  test.setTimeout(300_000);
  for (const path of await sitePaths(request)) {
    await page.goto(path);
    const lang = langOf(path);
    await page.locator(".rj-header__lang").click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang === "en" ? "cy" : "en");
    const there = new URL(page.url()).pathname;
    await expect(page.locator(`link[rel=alternate][hreflang=${lang}]`)).toHaveAttribute(
      "href",
      new RegExp(`${path.replace(/[/]/g, "\\/")}$`),
    );
    expect(there).not.toBe(path);
  }
});

test("the 404 page is translated, accessible and says 404", async ({ page }) => {
  for (const [path, lang, text] of [
    ["/no-such-page", "en", "Page not found"],
    ["/cy/dim-tudalen", "cy", "Heb ddod o hyd"],
  ]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.locator("h1")).toContainText(text);
    await expectNoAxeViolations(page);
  }
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.locator("a.rj-skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator("main#main")).toBeFocused();
});

test("an information page's feedback says thanks in place, in both languages, and passes axe", async ({ page }) => {
  for (const [path, button, thanks] of [
    ["/what-happens", "Yes", "Thank you for your feedback."],
    ["/cy/beth-syn-digwydd", "Nac oedd", "Diolch am eich adborth."],
  ]) {
    await page.goto(path);
    await page.locator(".rj-feedback").getByRole("button", { name: button, exact: true }).click();
    await expect(page.locator(".rj-feedback--thanks")).toContainText(thanks);
    await expect(page.locator("h1")).toHaveCount(1);
    await expectNoAxeViolations(page);
  }
});
