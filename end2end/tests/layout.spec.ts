// The frame on phones and with a keyboard: a compact header with a Menu that works
// without JavaScript, Exit always first and in view, the Shift hint only where there is
// a keyboard, the error summary focused on load, and nothing focused or linked to ever
// hidden under the sticky exit bar (WCAG 2.4.11).
import { test, expect, type Page } from "@playwright/test";

const PHONE = { width: 320, height: 640 };
const WORDS = {
  en: { home: "/", area: "/areas/kent", menu: "Menu", find: "Find your local service", ask: "Ask to be contacted", continue: "Continue", bad: "/find?q=%21%21" },
  cy: { home: "/cy", area: "/cy/ardaloedd/kent", menu: "Dewislen", find: "Dod o hyd i'ch gwasanaeth lleol", ask: "Gofyn i wasanaeth gysylltu â chi", continue: "Parhau", bad: "/cy/dod-o-hyd?q=%21%21" },
};

/** The bottom edge of the sticky exit bar, in viewport px. */
async function barBottom(page: Page): Promise<number> {
  return page.locator(".rj-exit").evaluate((el) => el.getBoundingClientRect().bottom);
}

/** Where an element sits in the viewport. */
async function box(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
}

for (const lang of ["en", "cy"] as const) {
  const w = WORDS[lang];

  test.describe(`${lang}: on a phone with JavaScript off`, () => {
    test.use({ viewport: PHONE, javaScriptEnabled: false });

    test("the header is compact and the sections are behind Menu", async ({ page }) => {
      await page.goto(w.home);
      // Exit is the first thing after the skip link, and in view.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await expect(page.locator("a[data-rj-exit]")).toBeFocused();
      await expect(page.locator("a[data-rj-exit]")).toBeInViewport();
      // The heading starts in the top 240 px (the old header alone was about 270 px).
      expect((await box(page, "h1")).top).toBeLessThan(240);
      const menu = page.locator("summary.rj-menu__toggle");
      await expect(menu).toHaveText(w.menu);
      await expect(page.locator("nav.rj-nav")).toBeHidden();
      const link = page.locator(".rj-menu__link", { hasText: w.find });
      await expect(link).toBeHidden();
      await menu.click();
      await expect(link).toBeVisible();
      await link.click();
      await expect(page.locator("h1")).toHaveText(w.find);
    });

    test("the error summary has focus when the page loads", async ({ page }) => {
      await page.goto(w.bad);
      await expect(page.locator(".rj-error-summary")).toBeFocused();
    });
  });

  test(`${lang}: on a wide screen the sections are a bar and there is no Menu`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(w.home);
    await expect(page.locator("nav.rj-nav")).toBeVisible();
    await expect(page.locator(".rj-menu")).toBeHidden();
  });

  for (const viewport of [PHONE, { width: 1280, height: 720 }]) {
    test.describe(`${lang} at ${viewport.width} px`, () => {
      test.use({ viewport });

      test("a field reached from the error summary, or by Tab, is not under the exit bar", async ({ page }) => {
        await page.goto(w.area);
        await page.getByRole("button", { name: w.ask }).click();
        // The second step (by phone), where most questions are.
        await page.locator('input[name="contact_method"][value="phone"]').check();
        await page.getByRole("button", { name: w.continue }).click();
        await page.getByRole("button", { name: w.continue }).click();
        const summary = page.locator(".rj-error-summary");
        await expect(summary).toBeFocused();
        const links = await summary.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
        expect(links.length).toBeGreaterThan(1);
        for (const href of links) {
          // From the bottom of the page, so the field must scroll up into view.
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          await summary.locator(`a[href="${href}"]`).click();
          await expect(page.locator(href)).toBeFocused();
          const field = await box(page, href);
          expect(field.top, `${href} starts below the exit bar`).toBeGreaterThanOrEqual(await barBottom(page));
          expect(field.bottom, `${href} is on screen`).toBeLessThanOrEqual(viewport.height);
        }
        // Backwards through the form with Shift+Tab from the end: every control focused
        // is at least partly clear of the bar.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.locator("footer a").last().focus();
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press("Shift+Tab");
          const focused = await page.evaluate(() => {
            const el = document.activeElement!;
            const r = el.getBoundingClientRect();
            return { tag: el.tagName, id: el.id, bottom: r.bottom, sticky: !!el.closest(".rj-exit"), skip: el.matches(".rj-skip-link") };
          });
          if (focused.skip) break; // back at the top: the skip link shows above the bar
          if (focused.sticky || focused.tag === "BODY") continue;
          expect(focused.bottom, `${focused.tag}#${focused.id} is not hidden by the exit bar`).toBeGreaterThan(
            (await barBottom(page)) + 4,
          );
        }
      });
    });
  }
}

test.describe("the Shift hint", () => {
  test("shows where there is a keyboard and a fine pointer", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator(".rj-exit__hint")).toBeVisible();
  });

  test.describe("on a touch phone", () => {
    test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

    test("is not shown", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("a[data-rj-exit]")).toBeVisible();
      await expect(page.locator(".rj-exit__hint")).toBeHidden();
    });
  });
});
