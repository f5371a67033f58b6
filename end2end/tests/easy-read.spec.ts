// Easy Read pages: reached from the header of the standard pages and back, big text,
// a picture beside each point (each one loads, each has a text alternative or is marked
// decorative), key words in bold, accessible, and complete with JavaScript off.
import { test, expect, type Page } from "@playwright/test";
import { sitePaths, expectNoAxeViolations, watchRequests, langOf } from "./helpers";

const isEasyRead = (path: string) => /\/(easy-read|hawdd-ei-ddeall)(-|$)/.test(path);

async function easyReadPaths(request: Parameters<typeof sitePaths>[0]) {
  const paths = (await sitePaths(request)).filter(isEasyRead);
  // The list and four pages, in English and Welsh.
  expect(paths.length).toBe(10);
  return paths;
}

/** Every picture beside a point has loaded and has an alt attribute. */
async function expectPictures(page: Page) {
  const pictures = page.locator("main img.rj-easy__picture");
  expect(await pictures.count()).toBeGreaterThan(3);
  const states = await pictures.evaluateAll((imgs) =>
    (imgs as HTMLImageElement[]).map((img) => ({
      src: img.getAttribute("src"),
      loaded: img.complete && img.naturalWidth > 0,
      alt: img.getAttribute("alt"),
    })),
  );
  for (const s of states) {
    expect(s.loaded, `${s.src} did not load`).toBe(true);
    // alt="" marks a picture the sentence beside it already says; otherwise it has words.
    expect(s.alt, `${s.src} has no alt attribute`).not.toBeNull();
  }
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("every Easy Read page has big text, bold key words and a picture beside each point", async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const origins = watchRequests(page);
    for (const path of await easyReadPaths(request)) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", langOf(path));
      await expectPictures(page);
      // Each point is one picture beside its words.
      const points = page.locator("main .rj-easy__point");
      expect(await points.count()).toBe(await page.locator("main img.rj-easy__picture").count());
      // Body text at least 21px, on this narrow and a wide screen.
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const sizes = await page
          .locator("main .rj-easy__text p, main .rj-easy__lead")
          .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
        expect(sizes.length).toBeGreaterThan(0);
        expect(Math.min(...sizes), `${path} at ${width}px`).toBeGreaterThanOrEqual(21);
        // Nothing runs off the side of a narrow screen.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
      }
      if (!path.endsWith("easy-read") && !path.endsWith("hawdd-ei-ddeall")) {
        expect(await page.locator("main .rj-easy__text strong").count()).toBeGreaterThan(3);
      }
    }
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
  });
});

for (const lang of ["en", "cy"] as const) {
  test(`every ${lang} Easy Read page passes axe`, async ({ page, request }) => {
    test.setTimeout(180_000);
    for (const path of (await easyReadPaths(request)).filter((p) => langOf(p) === lang)) {
      await page.goto(path);
      await expect(page.locator("h1")).toHaveCount(1);
      await expectNoAxeViolations(page);
    }
  });
}

test("the header links each standard page to its Easy Read version, and back", async ({ page }) => {
  test.setTimeout(120_000);
  for (const [standard, easy, easyLabel, standardLabel] of [
    ["/your-rights", "/easy-read-your-rights", "Easy Read", "Standard version"],
    ["/what-is-restorative-justice", "/easy-read-what-is-restorative-justice", "Easy Read", "Standard version"],
    ["/refer", "/easy-read-ask-to-be-contacted", "Easy Read", "Standard version"],
    ["/cy/ydy-e-n-addas-i-mi", "/cy/hawdd-ei-ddeall-ydy-e-n-addas-i-mi", "Hawdd ei Ddeall", "Fersiwn arferol"],
    ["/find", "/easy-read", "Easy Read", "Standard version"],
    ["/cy", "/cy/hawdd-ei-ddeall", "Hawdd ei Ddeall", "Fersiwn arferol"],
  ]) {
    await page.goto(standard);
    const toEasy = page.locator("header a.rj-header__easy");
    await expect(toEasy).toHaveText(easyLabel);
    await toEasy.click();
    await expect(page).toHaveURL(new RegExp(`${easy}$`));
    await expect(page.locator("main img.rj-easy__picture").first()).toBeVisible();
    const back = page.locator("header a.rj-header__easy");
    await expect(back).toHaveText(standardLabel);
    await back.click();
    const there = new URL(page.url()).pathname;
    // The list of Easy Read pages leads back to the home page.
    expect(there).toBe(standard === "/find" ? "/" : standard);
  }
});

test("the pictures are static SVG files, cached for a year, with no scripts", async ({ page, request }) => {
  await page.goto("/easy-read-your-rights");
  const srcs = await page
    .locator("main img.rj-easy__picture")
    .evaluateAll((imgs) => [...new Set(imgs.map((img) => img.getAttribute("src")!))]);
  expect(srcs.length).toBeGreaterThan(5);
  for (const src of srcs) {
    expect(src).toMatch(/^\/easy-read\/[a-z-]+\.svg\?v=[0-9a-f]{16}$/);
    const res = await request.get(src);
    expect(res.status(), src).toBe(200);
    expect(res.headers()["content-type"]).toContain("image/svg+xml");
    expect(res.headers()["cache-control"]).toContain("immutable");
    expect(await res.text()).not.toContain("<script");
  }
});
